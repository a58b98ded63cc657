"""Scoring: pure functions over what a checker raised and what the labels say.

Conventions (stated once, used everywhere):

* A category is *raised* for a post when one of its findings is `low` or above (the caller
  decides that; these functions only see sets of category names).
* Labelled corpora have `labels` (must be raised) and `acceptable` (would not be wrong to raise).
  A raised label is a true positive, a missing label a false negative, a raised category in
  neither list a false positive; a raised *acceptable* category counts as neither.
* Precision with nothing raised is 1.0 (no false alarm was made); recall with nothing to find is
  1.0 (nothing was missed); F1 is the harmonic mean, 0.0 when both are 0.
* Micro averages pool the counts of every category; macro averages are the unweighted means of
  the per-category precision, recall and F1.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def f1_score(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall (0.0 when both are 0)."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives of one category (or pooled)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "support": self.support,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class Outcome:
    """One post: what the labels say and what the checker raised (categories and rules)."""

    id: str
    text: str
    labels: frozenset[str]
    acceptable: frozenset[str]
    raised: frozenset[str]
    rules: tuple[tuple[str, str], ...] = ()  # (rule id, category) of findings at low or above

    @property
    def clean(self) -> bool:
        return not self.labels


@dataclass(frozen=True)
class EvalError:
    """A miss (false negative) or a false alarm (false positive) of one category on one post."""

    kind: str  # "miss" or "false_alarm"
    category: str
    id: str
    text: str
    rules: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "category": self.category,
            "id": self.id,
            "text": self.text,
            "rules": list(self.rules),
        }


@dataclass(frozen=True)
class RuleRate:
    """How often a rule fires on clean posts (outside categories acceptable for the post)."""

    rule: str
    count: int
    clean_posts: int

    @property
    def rate(self) -> float:
        return self.count / self.clean_posts if self.clean_posts else 0.0


@dataclass(frozen=True)
class MultiLabelResult:
    posts: int
    categories: dict[str, Counts]
    errors: tuple[EvalError, ...]
    clean_posts: int
    rule_rates: tuple[RuleRate, ...]  # every rule seen on a clean post, highest rate first

    @property
    def micro(self) -> Counts:
        total = Counts()
        for counts in self.categories.values():
            total = total + counts
        return total

    @property
    def macro(self) -> tuple[float, float, float]:
        """Unweighted mean (precision, recall, F1) over the categories."""
        values = list(self.categories.values())
        if not values:
            return (1.0, 1.0, 1.0)
        n = len(values)
        return (
            sum(c.precision for c in values) / n,
            sum(c.recall for c in values) / n,
            sum(c.f1 for c in values) / n,
        )

    @property
    def misses(self) -> list[EvalError]:
        return [e for e in self.errors if e.kind == "miss"]

    @property
    def false_alarms(self) -> list[EvalError]:
        return [e for e in self.errors if e.kind == "false_alarm"]

    def as_dict(self) -> dict[str, object]:
        mp, mr, mf = self.macro
        return {
            "posts": self.posts,
            "categories": {name: c.as_dict() for name, c in self.categories.items()},
            "micro": self.micro.as_dict(),
            "macro": {"precision": round(mp, 4), "recall": round(mr, 4), "f1": round(mf, 4)},
            "clean_posts": self.clean_posts,
            "rules_on_clean_posts": [
                {"rule": r.rule, "count": r.count, "rate": round(r.rate, 4)}
                for r in self.rule_rates
            ],
            "misses": [e.as_dict() for e in self.misses],
            "false_alarms": [e.as_dict() for e in self.false_alarms],
        }


def score_multilabel(outcomes: Iterable[Outcome], categories: Sequence[str]) -> MultiLabelResult:
    """Per-category counts, the list of errors and per-rule firing on clean posts."""
    tp = dict.fromkeys(categories, 0)
    fp = dict.fromkeys(categories, 0)
    fn = dict.fromkeys(categories, 0)
    errors: list[EvalError] = []
    fired: dict[str, int] = {}
    posts = clean = 0
    for o in outcomes:
        posts += 1
        for category in categories:
            raised = category in o.raised
            wanted = category in o.labels
            rules = tuple(sorted({r for r, c in o.rules if c == category}))
            if wanted and raised:
                tp[category] += 1
            elif wanted:
                fn[category] += 1
                others = tuple(sorted({r for r, _ in o.rules}))
                errors.append(EvalError("miss", category, o.id, o.text, others))
            elif raised and category not in o.acceptable:
                fp[category] += 1
                errors.append(EvalError("false_alarm", category, o.id, o.text, rules))
        if o.clean:
            clean += 1
            for rule in sorted({r for r, c in o.rules if c not in o.acceptable}):
                fired[rule] = fired.get(rule, 0) + 1
    rates = sorted(
        (RuleRate(rule, count, clean) for rule, count in fired.items()),
        key=lambda r: (-r.count, r.rule),
    )
    return MultiLabelResult(
        posts=posts,
        categories={c: Counts(tp[c], fp[c], fn[c]) for c in categories},
        errors=tuple(errors),
        clean_posts=clean,
        rule_rates=tuple(rates),
    )


@dataclass(frozen=True)
class BinaryCounts:
    """Confusion matrix of a binary task (positive class first)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def positive(self) -> Counts:
        return Counts(self.tp, self.fp, self.fn)

    @property
    def negative(self) -> Counts:
        return Counts(self.tn, self.fn, self.fp)

    @property
    def macro_f1(self) -> float:
        return (self.positive.f1 + self.negative.f1) / 2

    @property
    def accuracy(self) -> float:
        return _ratio(self.tp + self.tn, self.total)


@dataclass(frozen=True)
class BinaryResult:
    counts: BinaryCounts
    misses: tuple[EvalError, ...] = field(default=())
    false_alarms: tuple[EvalError, ...] = field(default=())

    def as_dict(self) -> dict[str, object]:
        c = self.counts
        return {
            "items": c.total,
            "tp": c.tp,
            "fp": c.fp,
            "fn": c.fn,
            "tn": c.tn,
            "positive": c.positive.as_dict(),
            "negative": c.negative.as_dict(),
            "macro_f1": round(c.macro_f1, 4),
            "accuracy": round(c.accuracy, 4),
            "misses": [e.as_dict() for e in self.misses],
            "false_alarms": [e.as_dict() for e in self.false_alarms],
        }


def score_binary(
    pairs: Iterable[tuple[str, str, bool, bool, tuple[str, ...]]], keep_errors: int = 50
) -> BinaryResult:
    """Score (id, text, gold positive, predicted positive, rules raised) tuples; keep the first
    `keep_errors` misses and false alarms as examples."""
    tp = fp = fn = tn = 0
    misses: list[EvalError] = []
    alarms: list[EvalError] = []
    for item_id, text, gold, predicted, rules in pairs:
        if gold and predicted:
            tp += 1
        elif gold:
            fn += 1
            if len(misses) < keep_errors:
                misses.append(EvalError("miss", "positive", item_id, text, rules))
        elif predicted:
            fp += 1
            if len(alarms) < keep_errors:
                alarms.append(EvalError("false_alarm", "positive", item_id, text, rules))
        else:
            tn += 1
    return BinaryResult(BinaryCounts(tp, fp, fn, tn), tuple(misses), tuple(alarms))
