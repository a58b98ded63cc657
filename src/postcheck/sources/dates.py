"""Timestamps from exports, normalised to ISO-8601 strings (UTC offset kept)."""

from __future__ import annotations

from datetime import UTC, datetime


def from_unix(value: object) -> str | None:
    """Unix seconds (int, float or numeric string) to ISO-8601 UTC; None when not a timestamp."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return None
    if not isinstance(value, int | float) or value <= 0:
        return None
    try:
        return datetime.fromtimestamp(value, UTC).isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def from_twitter(value: object) -> str | None:
    """X archive dates such as "Sat Aug 12 16:10:37 +0000 2023"."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.strptime(value.strip(), "%a %b %d %H:%M:%S %z %Y").isoformat()
    except ValueError:
        return from_text(value)


def from_text(value: object) -> str | None:
    """ISO-8601 ("...Z" allowed) or "YYYY-MM-DD HH:MM:SS" (optionally " UTC"), read as UTC.

    LinkedIn and TikTok write naive times in UTC, so a naive time gets a +00:00 offset.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text.upper().endswith(" UTC"):
        text = text[:-4].strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.isoformat()


def to_epoch(iso: str | None) -> float | None:
    """Seconds since the epoch of an ISO string made by this module (for matching times)."""
    if iso is None:
        return None
    try:
        return datetime.fromisoformat(iso).timestamp()
    except ValueError:
        return None
