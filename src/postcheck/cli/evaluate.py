"""`postcheck eval`: measure the rule pack on a labelled corpus or a binary-labelled set.

An evaluation is not a policy check: it exits 0 whatever it finds, and 2 (one line naming the
file, line and field) when its input cannot be read.
"""

from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from postcheck.cli import app
from postcheck.cli.options import (
    ConfigOpt,
    DisableOpt,
    ProfileOpt,
    RoutingOpt,
    RulesOpt,
    SeverityOpt,
    build_checker,
)
from postcheck.engine.checker import Checker
from postcheck.errors import ErrorCode, InputError
from postcheck.evaluation.corpus import BinaryItem, LabelledPost, read_binary, read_labelled
from postcheck.evaluation.folds import Fold, parse_fold
from postcheck.evaluation.metrics import (
    BinaryResult,
    Counts,
    EvalError,
    MultiLabelResult,
    Outcome,
    score_binary,
    score_multilabel,
)
from postcheck.models import Context, Post, Report
from postcheck.taxonomy import Account, Category, Direction, Severity

CLEAN_RATE_LIMIT = 0.01  # the target: no rule fires on more than 1% of clean posts


def _raised(report: Report) -> tuple[tuple[str, str], ...]:
    """(rule, category) of the findings at `low` or above, in order, without repeats; rules
    folded into another's finding (`also`) count as raised too, so per-rule rates stay true."""
    seen: dict[tuple[str, str], None] = {}
    for f in report.findings:
        if Severity(f.severity).at_least(Severity.LOW):
            for rule in (f.rule, *f.also):
                seen[(rule, str(f.category))] = None
    return tuple(seen)


def _snippet(text: str, width: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _outcomes(checker: Checker, posts: Iterable[LabelledPost]) -> Iterator[Outcome]:
    pending: deque[LabelledPost] = deque()

    def as_posts() -> Iterator[Post]:
        for item in posts:
            pending.append(item)
            yield Post(id=item.id, text=item.text, context=item.context)

    for report in checker.check_many(as_posts()):  # reports come back in input order
        item = pending.popleft()
        rules = _raised(report)
        yield Outcome(
            id=item.id,
            text=item.text,
            labels=item.labels,
            acceptable=item.acceptable,
            raised=frozenset(c for _, c in rules),
            rules=rules,
        )


def _fmt(value: float) -> str:
    return f"{value:.3f}"


def _category_table(result: MultiLabelResult, title: str) -> Table:
    table = Table(title=title, title_justify="left")
    for name in ("category", "support", "TP", "FP", "FN", "precision", "recall", "F1"):
        table.add_column(name, justify="left" if name == "category" else "right")

    def row(name: str, c: Counts) -> None:
        table.add_row(
            name,
            str(c.support),
            str(c.tp),
            str(c.fp),
            str(c.fn),
            _fmt(c.precision),
            _fmt(c.recall),
            _fmt(c.f1),
        )

    for name, counts in result.categories.items():
        row(name, counts)
    table.add_section()
    row("micro", result.micro)
    mp, mr, mf = result.macro
    table.add_row("macro", "", "", "", "", _fmt(mp), _fmt(mr), _fmt(mf))
    return table


def _errors_table(title: str, errors: list[EvalError], limit: int) -> Table:
    table = Table(title=f"{title} ({len(errors)}, showing {min(limit, len(errors))})",
                  title_justify="left")  # fmt: skip
    for name in ("category", "id", "text", "rules raised"):
        table.add_column(name, overflow="fold")
    for e in errors[:limit]:
        table.add_row(e.category, e.id, _snippet(e.text), ", ".join(e.rules) or "-")
    return table


def _write_json(path: Path, data: dict[str, object]) -> None:
    try:
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise InputError(
            ErrorCode.BAD_INPUT, f"cannot write: {exc.strerror}", file=str(path), field="--json"
        ) from None


def _fold_note(fold: Fold | None) -> str:
    return f" (fold {fold})" if fold is not None else ""


def _run_corpus(
    console: Console,
    checker: Checker,
    corpus: Path,
    json_out: Path | None,
    show: int,
    fold: Fold | None = None,
) -> None:
    started = time.perf_counter()
    categories = [c.value for c in Category]
    posts: Iterable[LabelledPost] = read_labelled(corpus)
    if fold is not None:
        posts = fold.select(posts)
    result = score_multilabel(_outcomes(checker, posts), categories)
    elapsed = time.perf_counter() - started
    console.print(
        f"{corpus}{_fold_note(fold)}: {result.posts} posts ({result.clean_posts} clean) "
        f"in {elapsed:.1f}s; "
        f"ruleset {checker.ruleset.version} ({checker.ruleset.sha256[:12]})"
    )
    console.print(_category_table(result, "Per-category precision, recall and F1"))
    rates = Table(
        title=f"Rules firing on clean posts (of {result.clean_posts}; target <= 1%)",
        title_justify="left",
    )
    for name in ("rule", "posts", "rate", ""):
        rates.add_column(name, justify="left" if name == "rule" else "right")
    for r in result.rule_rates:
        rates.add_row(
            r.rule, str(r.count), f"{r.rate:.1%}", "over 1%" if r.rate > CLEAN_RATE_LIMIT else ""
        )
    if result.rule_rates:
        console.print(rates)
    else:
        console.print("No rule fired on a clean post.")
    if show:
        console.print(_errors_table("Misses", result.misses, show))
        console.print(_errors_table("False alarms", result.false_alarms, show))
    if json_out is not None:
        data: dict[str, object] = {
            "corpus": str(corpus),
            "fold": str(fold) if fold is not None else None,
            "ruleset": checker.ruleset.model_dump(),
            **result.as_dict(),
        }
        _write_json(json_out, data)
        console.print(f"wrote {json_out}")


def _run_binary(
    console: Console,
    checker: Checker,
    path: Path,
    *,
    text_column: str,
    label_column: str,
    positive_labels: list[str],
    positive_categories: frozenset[str],
    id_column: str,
    delimiter: str,
    limit: int | None,
    context: Context,
    json_out: Path | None,
    show: int,
    fold: Fold | None = None,
) -> None:
    started = time.perf_counter()
    items: Iterable[BinaryItem] = read_binary(
        path,
        text_column=text_column,
        label_column=label_column,
        positive_labels=positive_labels,
        id_column=id_column,
        delimiter=delimiter,
    )
    if fold is not None:
        items = fold.select(items)  # the fold first, then --limit counts the rows it kept
    pending: deque[tuple[str, str, bool]] = deque()

    def posts() -> Iterator[Post]:
        for n, item in enumerate(items):
            if limit is not None and n >= limit:
                return
            pending.append((item.id, item.text, item.positive))
            yield Post(id=item.id, text=item.text, context=context)

    def pairs() -> Iterator[tuple[str, str, bool, bool, tuple[str, ...]]]:
        for report in checker.check_many(posts()):
            item_id, text, gold = pending.popleft()
            raised = [(r, c) for r, c in _raised(report) if c in positive_categories]
            yield item_id, text, gold, bool(raised), tuple(r for r, _ in raised)

    result: BinaryResult = score_binary(pairs(), keep_errors=max(show, 50))
    elapsed = time.perf_counter() - started
    c = result.counts
    console.print(
        f"{path}{_fold_note(fold)}: {c.total} rows in {elapsed:.1f}s "
        f"({c.total / elapsed if elapsed else 0:,.0f}/s); "
        f"positive = {label_column} in {{{', '.join(positive_labels)}}}; predicted positive = a "
        f"finding at low or above in {{{', '.join(sorted(positive_categories))}}}"
    )
    table = Table(title="Binary scores", title_justify="left")
    for name in ("class", "support", "precision", "recall", "F1"):
        table.add_column(name, justify="left" if name == "class" else "right")
    for name, counts in (("positive", c.positive), ("negative", c.negative)):
        table.add_row(
            name, str(counts.support), _fmt(counts.precision), _fmt(counts.recall), _fmt(counts.f1)
        )
    table.add_section()
    table.add_row("macro-F1", "", "", "", _fmt(c.macro_f1))
    table.add_row("accuracy", "", "", "", _fmt(c.accuracy))
    console.print(table)
    console.print(f"TP {c.tp}  FP {c.fp}  FN {c.fn}  TN {c.tn}")
    if show:
        console.print(_errors_table("Misses", list(result.misses), show))
        console.print(_errors_table("False alarms", list(result.false_alarms), show))
    if json_out is not None:
        data: dict[str, object] = {
            "file": str(path),
            "fold": str(fold) if fold is not None else None,
            "ruleset": checker.ruleset.model_dump(),
            "positive_labels": positive_labels,
            "positive_categories": sorted(positive_categories),
            **result.as_dict(),
        }
        _write_json(json_out, data)
        console.print(f"wrote {json_out}")


def _split(values: list[str]) -> list[str]:
    return [p.strip() for v in values for p in v.split(",") if p.strip()]


@app.command("eval")
def eval_(
    corpus: Annotated[
        Path | None, typer.Argument(help="Labelled JSONL corpus (text, labels, acceptable).")
    ] = None,
    binary: Annotated[
        Path | None,
        typer.Option("--binary", help="Score a binary-labelled TSV/CSV file instead."),
    ] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the results as JSON here.")
    ] = None,
    show_errors: Annotated[
        int, typer.Option("--show-errors", min=0, help="List up to N misses and false alarms.")
    ] = 20,
    text_column: Annotated[str, typer.Option(help="Binary mode: the text column.")] = "text",
    label_column: Annotated[str, typer.Option(help="Binary mode: the label column.")] = "label",
    positive_label: Annotated[
        list[str] | None,
        typer.Option(help="Binary mode: label value(s) meaning positive (repeatable or a,b)."),
    ] = None,
    positive_categories: Annotated[
        str,
        typer.Option(help="Binary mode: categories whose findings mean positive (comma list)."),
    ] = "offensive,harassment,discrimination",
    id_column: Annotated[str, typer.Option(help="Binary mode: the id column, if any.")] = "id",
    delimiter: Annotated[
        str, typer.Option(help="Binary mode: auto, tab, comma, semicolon or pipe.")
    ] = "auto",
    limit: Annotated[
        int | None, typer.Option(min=1, help="Binary mode: only the first N rows (of the fold).")
    ] = None,
    fold: Annotated[
        str | None,
        typer.Option(
            "--fold",
            metavar="K/N",
            help="Only the rows whose 0-based position i has i % N == K-1 (e.g. 1/2, 2/2).",
        ),
    ] = None,
    account: Annotated[
        Account, typer.Option(help="Binary mode: the account the texts are treated as from.")
    ] = Account.PERSONAL,
    direction: Annotated[
        Direction, typer.Option(help="Binary mode: outgoing or received.")
    ] = Direction.OUTGOING,
    rules: RulesOpt = None,
    profile: ProfileOpt = None,
    routing: RoutingOpt = None,
    disable: DisableOpt = None,
    severity: SeverityOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Per-category precision/recall/F1 on a labelled corpus, or binary scores with --binary."""
    if (corpus is None) == (binary is None):
        raise typer.BadParameter("give a labelled CORPUS.jsonl or --binary FILE (not both)")
    known = {c.value for c in Category}
    wanted = frozenset(_split([positive_categories]))
    unknown = sorted(wanted - known)
    if unknown or not wanted:
        raise typer.BadParameter(
            f"unknown category {unknown[0]!r}" if unknown else "give at least one category",
            param_hint="--positive-categories",
        )
    try:
        chosen = parse_fold(fold) if fold is not None else None
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--fold") from None
    console = Console(highlight=False, width=max(Console().width, 120))
    checker = build_checker(rules, profile, routing, disable, severity, config)
    if corpus is not None:
        _run_corpus(console, checker, corpus, json_out, show_errors, chosen)
        return
    assert binary is not None
    _run_binary(
        console,
        checker,
        binary,
        text_column=text_column,
        label_column=label_column,
        positive_labels=_split(positive_label or ["1"]),
        positive_categories=wanted,
        id_column=id_column,
        delimiter=delimiter,
        limit=limit,
        context=Context(account=account, direction=direction),
        json_out=json_out,
        show=show_errors,
        fold=chosen,
    )
