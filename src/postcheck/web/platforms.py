"""Platforms the page knows, with the length limit of a post (or caption) on each."""

from __future__ import annotations

from enum import StrEnum


class Platform(StrEnum):
    X = "x"
    INSTAGRAM = "instagram"
    LINKEDIN = "linkedin"
    FACEBOOK = "facebook"
    TIKTOK = "tiktok"


# Character limits of a post's text as the platforms document them (TikTok: the caption).
LIMITS: dict[Platform, int] = {
    Platform.X: 280,
    Platform.INSTAGRAM: 2200,
    Platform.LINKEDIN: 3000,
    Platform.FACEBOOK: 63206,
    Platform.TIKTOK: 2200,
}

LABELS: dict[Platform, str] = {
    Platform.X: "X (Twitter)",
    Platform.INSTAGRAM: "Instagram",
    Platform.LINKEDIN: "LinkedIn",
    Platform.FACEBOOK: "Facebook",
    Platform.TIKTOK: "TikTok caption",
}
