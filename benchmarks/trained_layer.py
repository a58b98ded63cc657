"""Experiment: would a trained layer beside the rules reach new authors' text better?

    .venv/bin/python benchmarks/trained_layer.py [--threshold 0.5] [--epochs 12]

Trains spaCy's bag-of-words multi-label text classifier (unigrams and bigrams, no statistical
model, no download) on the dev split only, then scores the test split three ways with the same
scoring as `postcheck eval`: the rules alone, the classifier alone, and the rules OR the
classifier. The threshold is fixed in advance (0.5), not chosen on the test split. Nothing here
ships in the product: the default pipeline stays rules only. This measures whether a trained
layer is worth building (see README, "Accuracy").
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from postcheck import Checker, Post
from postcheck.evaluation.corpus import LabelledPost, read_labelled
from postcheck.evaluation.metrics import MultiLabelResult, Outcome, score_multilabel
from postcheck.taxonomy import Category, Severity

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "labelled"
CATEGORIES = [c.value for c in Category]


def _with_context(post: LabelledPost) -> str:
    # Who writes and in which direction changes the labels (a received insult is not
    # professionalism): the classifier sees the context as three leading pseudo-words.
    ctx = post.context
    return f"ctx_{ctx.account} ctx_{ctx.direction} ctx_{ctx.author_role or 'none'} {post.text}"


def train(posts: list[LabelledPost], epochs: int) -> Language:
    fix_random_seed(0)
    nlp = spacy.blank("en")
    config = {
        "model": {
            "@architectures": "spacy.TextCatBOW.v3",
            "exclusive_classes": False,
            "ngram_size": 2,
            "no_output_layer": False,
            "length": 262144,
        }
    }
    textcat = nlp.add_pipe("textcat_multilabel", config=config)
    for category in CATEGORIES:
        textcat.add_label(category)  # type: ignore[attr-defined]
    examples = [
        Example.from_dict(
            nlp.make_doc(_with_context(p)),
            {"cats": {c: float(c in p.labels) for c in CATEGORIES}},
        )
        for p in posts
    ]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(0)
    for _ in range(epochs):
        rng.shuffle(examples)
        for batch in minibatch(examples, 32):
            nlp.update(batch, sgd=optimizer)
    return nlp


def rule_categories(posts: list[LabelledPost]) -> Iterator[frozenset[str]]:
    checker = Checker.default()
    reports = checker.check_many(Post(id=p.id, text=p.text, context=p.context) for p in posts)
    for report in reports:
        yield frozenset(
            f.category.value for f in report.findings if f.severity.at_least(Severity.LOW)
        )


def score(posts: list[LabelledPost], raised: Iterable[frozenset[str]]) -> MultiLabelResult:
    outcomes = (
        Outcome(id=p.id, text=p.text, labels=p.labels, acceptable=p.acceptable, raised=categories)
        for p, categories in zip(posts, raised, strict=True)
    )
    return score_multilabel(outcomes, CATEGORIES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--epochs", type=int, default=12)
    args = parser.parse_args()
    dev = list(read_labelled(CORPUS / "dev.jsonl"))
    test = list(read_labelled(CORPUS / "test.jsonl"))
    nlp = train(dev, args.epochs)
    model = [
        frozenset(c for c, s in doc.cats.items() if s >= args.threshold)
        for doc in nlp.pipe(_with_context(p) for p in test)
    ]
    rules = list(rule_categories(test))
    results = {
        "rules alone": score(test, rules),
        "classifier alone": score(test, model),
        "rules OR classifier": score(test, [a | b for a, b in zip(rules, model, strict=True)]),
    }
    print(f"trained on {len(dev)} dev posts; test split {len(test)} posts")
    print(f"{'category':16} " + " ".join(f"{name:>22}" for name in results))
    for category in CATEGORIES:
        cells = (results[n].categories[category] for n in results)
        print(
            f"{category:16} "
            + " ".join(f"P {c.precision:.2f} R {c.recall:.2f}".rjust(22) for c in cells)
        )
    cells = (r.micro for r in results.values())
    print(f"{'micro F1':16} " + " ".join(f"{c.f1:.3f}".rjust(22) for c in cells))
    print(f"{'macro F1':16} " + " ".join(f"{r.macro[2]:.3f}".rjust(22) for r in results.values()))


if __name__ == "__main__":
    main()
