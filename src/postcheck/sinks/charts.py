"""Geometry for the HTML report's inline SVG charts (no scripts, no external assets).

The template draws what these functions return: plain numbers and labels, so the charts print
and open offline, and nothing in them is post text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from postcheck.scan.summary import Summary
from postcheck.taxonomy import Category, Severity

SEVERITY_COLOURS = {
    Severity.INFO.value: "#8a94a6",
    Severity.LOW.value: "#d4a72c",
    Severity.MEDIUM.value: "#e07b24",
    Severity.HIGH.value: "#c8331f",
    Severity.CRITICAL.value: "#7a1010",
}
CATEGORY_COLOUR = "#2f5d8a"
BAR_AREA = 360  # px available for the longest horizontal bar


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    width: float
    y: float
    colour: str


@dataclass(frozen=True)
class Column:
    label: str
    posts: int
    flagged: int
    x: float
    posts_height: float
    flagged_height: float
    show_label: bool


@dataclass(frozen=True)
class Timeline:
    columns: list[Column]
    width: float
    height: float
    peak: int
    bar: float


def _bars(rows: list[tuple[str, int, str]]) -> list[Bar]:
    peak = max((n for _, n, _ in rows), default=0) or 1
    return [
        Bar(label, n, max(2.0, BAR_AREA * n / peak), 8 + i * 26, colour)
        for i, (label, n, colour) in enumerate(rows)
    ]


def category_bars(summary: Summary) -> list[Bar]:
    return _bars(
        [
            (c.value.replace("_", " "), summary.by_category[c.value], CATEGORY_COLOUR)
            for c in Category
            if summary.by_category[c.value]
        ]
    )


def severity_bars(summary: Summary) -> list[Bar]:
    return _bars(
        [
            (s.value, summary.by_severity[s.value], SEVERITY_COLOURS[s.value])
            for s in reversed(Severity)
            if summary.by_severity[s.value]
        ]
    )


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return out


def timeline(summary: Summary, *, height: float = 140.0, max_columns: int = 120) -> Timeline:
    """Posts and flagged posts per month, gaps included (only the months seen if very long)."""
    seen = sorted(summary.posts_by_month)
    if not seen:
        return Timeline([], 0, height, 0, 0)
    months = _months(seen[0], seen[-1])
    if len(months) > max_columns:
        months = seen[-max_columns:]
    peak = max(summary.posts_by_month[m] for m in months) or 1
    step = max(14.0, min(48.0, 720 / len(months)))
    every = max(1, round(len(months) / 12))  # label about a dozen months at most
    columns = []
    for i, month in enumerate(months):
        posts = summary.posts_by_month.get(month, 0)
        flagged = summary.flagged_by_month.get(month, 0)
        label = date(int(month[:4]), int(month[5:7]), 1).strftime("%b %y")
        columns.append(
            Column(
                label=label,
                posts=posts,
                flagged=flagged,
                x=40 + i * step,
                posts_height=height * posts / peak,
                flagged_height=height * flagged / peak,
                show_label=i % every == 0,
            )
        )
    return Timeline(columns, 40 + len(months) * step + 10, height, peak, step * 0.7)
