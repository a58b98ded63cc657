"""Terminal rendering of a report: the post with its evidence highlighted, then each finding
with its message, suggestion, policy clause and who must be told."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from postcheck.models import Report
from postcheck.taxonomy import Severity, Verdict

SEVERITY_STYLE = {
    Severity.INFO: "dim",
    Severity.LOW: "black on yellow",
    Severity.MEDIUM: "black on dark_orange",
    Severity.HIGH: "white on red",
    Severity.CRITICAL: "bold white on dark_red",
}
VERDICT_TEXT = {
    Verdict.PASS: ("PASS", "bold green", "no policy issues found"),
    Verdict.REVISE: ("REVISE", "bold yellow", "fix the points below before publishing"),
    Verdict.ESCALATE: ("ESCALATE", "bold red", "do not publish; tell the people listed"),
}


def highlighted(text: str, report: Report) -> Text:
    """The original text with each finding's evidence styled by severity."""
    out = Text(text)
    for finding in sorted(report.findings, key=lambda f: f.severity.rank):
        if finding.end > finding.start:
            out.stylize(SEVERITY_STYLE[finding.severity], finding.start, finding.end)
    return out


def render(console: Console, text: str, report: Report, *, show_text: bool = True) -> None:
    label, style, hint = VERDICT_TEXT[report.verdict]
    head = Text.assemble((f" {label} ", style + " reverse"), "  ", (hint, style))
    if report.id:
        head.append(f"   [{report.id}]", "dim")
    console.print(head)
    if show_text:
        console.print(Panel(highlighted(text, report), border_style="dim", padding=(0, 1)))
    for n, f in enumerate(report.findings, 1):
        lines = Text()
        lines.append(f"{n}. ", "bold")
        lines.append(f" {f.severity.value.upper()} ", SEVERITY_STYLE[f.severity])
        lines.append(f"  {f.rule}", "bold")
        lines.append(f"  ({f.category.value})", "dim")
        if f.also:
            lines.append(f"  also {', '.join(f.also)}", "dim")
        lines.append(f"\n   “{f.excerpt}” at {f.start}–{f.end}\n", "italic")
        lines.append(f"   {f.message}\n")
        lines.append("   Fix: ", "bold green")
        lines.append(f"{f.suggestion}\n")
        lines.append("   Policy: ", "bold cyan")
        lines.append(f"{f.policy.clause} — “{f.policy.quote}”\n")
        if f.routing:
            lines.append("   Tell: ", "bold magenta")
            lines.append(", ".join(e.recipient.label for e in f.routing) + "\n")
        if f.explanation:
            lines.append(f"   Why: {f.explanation}", "dim")
        console.print(Group(lines))
    if report.routing:
        console.print(
            Text.assemble(
                ("Routing: ", "bold"),
                "; ".join(
                    f"{e.recipient.label} ({' '.join(e.reason.splitlines())})"
                    for e in report.routing
                ),
            )
        )
    console.print(
        Text(f"ruleset {report.ruleset.version} sha256:{report.ruleset.sha256[:12]}", "dim")
    )
