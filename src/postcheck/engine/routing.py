"""Routing: who must be told about a finding, from the YAML routing table (§2 and §5)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from postcheck.config.schema import RouteTo, RoutingTable
from postcheck.models import Context, RoutingEntry
from postcheck.taxonomy import Category, Recipient, Severity


def route(
    table: RoutingTable,
    category: Category,
    severity: Severity,
    context: Context,
    extra: Sequence[RouteTo] = (),
) -> list[RoutingEntry]:
    """Every route whose conditions hold, plus the rule's own extra recipients, deduplicated."""
    entries: list[RoutingEntry] = []
    for r in table.routes:
        w = r.when
        if w.category and category not in w.category:
            continue
        if w.min_severity and not severity.at_least(w.min_severity):
            continue
        if w.account and context.account not in w.account:
            continue
        if w.direction and context.direction not in w.direction:
            continue
        if w.author_role and context.author_role not in w.author_role:
            continue
        entries += [RoutingEntry(recipient=to, reason=r.reason) for to in r.to]
    entries += [RoutingEntry(recipient=e.to, reason=e.reason) for e in extra]
    return merge_routing(entries)


def merge_routing(entries: Iterable[RoutingEntry]) -> list[RoutingEntry]:
    """One entry per recipient, in the taxonomy's order, keeping every distinct reason (a
    received post goes to IT Services both as a breach (§2) and before any reply (§5))."""
    reasons: dict[Recipient, list[str]] = {}
    for entry in entries:
        known = reasons.setdefault(entry.recipient, [])
        for reason in entry.reason.split("\n"):
            if reason not in known:
                known.append(reason)
    # Built from validated entries (a Recipient and a str each): no need to validate again
    # for every report.
    return [
        RoutingEntry.model_construct(recipient=r, reason="\n".join(reasons[r]))
        for r in sorted(reasons, key=_RANK.__getitem__)
    ]


_RANK = {recipient: rank for rank, recipient in enumerate(Recipient)}
