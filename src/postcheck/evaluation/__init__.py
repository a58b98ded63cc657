"""Measuring a rule pack: labelled corpora (per-category P/R/F1) and binary-labelled sets."""

from __future__ import annotations

from postcheck.evaluation.corpus import BinaryItem, LabelledPost, read_binary, read_labelled
from postcheck.evaluation.folds import Fold, parse_fold
from postcheck.evaluation.metrics import (
    BinaryCounts,
    BinaryResult,
    Counts,
    EvalError,
    MultiLabelResult,
    Outcome,
    score_binary,
    score_multilabel,
)

__all__ = [
    "BinaryCounts",
    "BinaryItem",
    "BinaryResult",
    "Counts",
    "EvalError",
    "Fold",
    "LabelledPost",
    "MultiLabelResult",
    "Outcome",
    "parse_fold",
    "read_binary",
    "read_labelled",
    "score_binary",
    "score_multilabel",
]
