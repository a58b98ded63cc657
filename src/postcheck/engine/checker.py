"""`Checker`: the public entry point — load a rule pack once, check one post or a stream."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from spacy.language import Language

from postcheck.config.pack import RulePack
from postcheck.engine.routing import merge_routing
from postcheck.models import Context, Finding, Post, Report, RulesetInfo
from postcheck.nlp.component import PostcheckComponent
from postcheck.nlp.pipeline import blank_english
from postcheck.taxonomy import Severity, Verdict


def build_report(post_id: str | None, findings: list[Finding], ruleset: RulesetInfo) -> Report:
    """Verdict, worst severity and merged routing of a post's findings."""
    counted = [f for f in findings if f.severity.at_least(Severity.LOW)]
    worst = max((f.severity for f in counted), key=lambda s: s.rank, default=None)
    return Report.model_construct(
        id=post_id,
        verdict=Verdict.for_severity(worst),
        severity=worst if worst is not None else "none",
        routing=merge_routing(e for f in counted for e in f.routing),
        findings=findings,
        ruleset=ruleset,
    )


class Checker:
    """Checks posts against a rule pack. Build it once; it is cheap to call many times."""

    def __init__(
        self,
        *,
        rules: Path | None = None,
        extra_rules: Sequence[Path] = (),
        profile: Path | None = None,
        routing: Path | None = None,
        disable: Sequence[str] = (),
        severity: Mapping[str, Severity] | None = None,
        show_pii: bool = False,
        nlp: Language | None = None,
    ) -> None:
        self.nlp = nlp or blank_english()
        config: dict[str, Any] = {
            "rules": str(rules) if rules else None,
            "extra_rules": [str(p) for p in extra_rules],
            "profile": str(profile) if profile else None,
            "routing": str(routing) if routing else None,
            "disable": list(disable),
            "severity": {k: str(v) for k, v in (severity or {}).items()},
            "show_pii": show_pii,
        }
        component = self.nlp.add_pipe("postcheck", config=config)
        assert isinstance(component, PostcheckComponent)
        self.component = component
        self.pack: RulePack = component.pack
        self.ruleset = RulesetInfo(version=self.pack.manifest.version, sha256=self.pack.sha256)

    @classmethod
    def default(cls, **options: Any) -> Checker:
        """The bundled Social Media Policy pack (options as for the constructor)."""
        return cls(**options)

    @classmethod
    def from_paths(cls, *paths: Path | str, bundled: bool = True, **options: Any) -> Checker:
        """Rules from folders or files: added to the bundled pack, or (`bundled=False`) a pack of
        their own whose first path holds `pack.yaml`, `profile.yaml` and `routing.yaml`."""
        as_paths = [Path(p) for p in paths]
        if bundled:
            return cls(extra_rules=as_paths, **options)
        return cls(rules=as_paths[0], extra_rules=as_paths[1:], **options)

    def check(self, text: str, *, id: str | None = None, **context: Any) -> Report:
        """Check one text; context keywords: account, direction, platform, bio, author_role."""
        return self.check_post(Post(id=id, text=text, context=Context(**context)))

    def check_post(self, post: Post) -> Report:
        return next(self.check_many([post]))

    def _check_in_process(self, posts: Iterable[Post | str]) -> Iterator[Report]:
        """The one-process path: same component logic, without turning findings into plain
        data and back (which only multiprocessing needs)."""
        engine = self.component.engine
        for item in posts:
            post = item if isinstance(item, Post) else Post(text=item)
            doc = self.nlp.make_doc(post.text)
            view = engine.prepare(doc)
            findings, _ = engine.run(doc, view, post.context, show_pii=self.component.show_pii)
            yield build_report(post.id, findings, self.ruleset)

    def _check_serial(self, posts: Iterable[Post | str]) -> Iterator[Report]:
        """One process: the engine directly when the pipeline is postcheck's alone, else
        through `nlp.pipe` so a developer's own components run first."""
        if self.nlp.pipe_names == [self.component.name]:
            yield from self._check_in_process(posts)
            return
        pending: deque[Post] = deque()

        def docs() -> Iterator[Any]:
            for item in posts:
                post = item if isinstance(item, Post) else Post(text=item)
                pending.append(post)
                doc = self.nlp.make_doc(post.text)
                doc._.postcheck_context = post.context.model_dump(mode="json")
                yield doc

        for doc in self.nlp.pipe(docs()):
            post = pending.popleft()
            findings = [Finding.model_validate(f) for f in doc._.postcheck_findings or ()]
            yield build_report(post.id, findings, self.ruleset)

    def check_many(
        self, posts: Iterable[Post | str], *, n_process: int = 1, batch_size: int = 256
    ) -> Iterator[Report]:
        """Stream reports in input order; `n_process > 1` spreads batches over processes.

        Worker processes are forked from this one, so they share the compiled rule pack
        without rebuilding it, and only posts and reports cross between processes (spaCy's
        own `nlp.pipe(n_process=...)` ships whole Docs both ways, which costs more than the
        checking). At most two batches per worker are in flight: memory stays bounded
        however long the stream.
        """
        if n_process <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            yield from self._check_serial(posts)
            return
        global _WORKER_CHECKER
        _WORKER_CHECKER = self
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=n_process, mp_context=context) as pool:
            in_flight: deque[Future[list[Report]]] = deque()
            for batch in _batches(posts, batch_size):
                in_flight.append(pool.submit(_check_batch, batch))
                if len(in_flight) >= 2 * n_process:
                    yield from in_flight.popleft().result()
            while in_flight:
                yield from in_flight.popleft().result()


_WORKER_CHECKER: Checker | None = None


def _check_batch(posts: list[Post | str]) -> list[Report]:
    """Runs in a forked worker, on the Checker inherited from the parent."""
    checker = _WORKER_CHECKER
    assert checker is not None, "worker started without a checker"
    with checker.nlp.memory_zone():  # free the strings this batch added to the vocabulary
        return list(checker._check_serial(posts))


def _batches(posts: Iterable[Post | str], size: int) -> Iterator[list[Post | str]]:
    batch: list[Post | str] = []
    for post in posts:
        batch.append(post)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
