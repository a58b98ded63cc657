"""Pairing `--format` and `-o` options into outputs.

`postcheck scan IN --format jsonl -o out.jsonl --format html -o report.html`: formats and files
pair up in order. A file without a matching `--format` takes its format from its extension
(.jsonl/.ndjson, .csv, .html/.htm, .json). A format without a file goes to standard output (only
one can). With neither, JSONL goes to standard output. A `--format` naming an input format
only (twitter, facebook, instagram, linkedin, youtube, tiktok, text) overrides input detection,
like `--input-format`, since those names cannot be outputs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from postcheck.errors import ErrorCode, InputError
from postcheck.sources import FORMATS

OUTPUT_FORMATS = ("jsonl", "csv", "html", "json")
EXTENSIONS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}


@dataclass(frozen=True)
class OutputSpec:
    format: str
    path: Path | None  # None: standard output

    def describe(self) -> str:
        return f"{self.format} → {self.path if self.path else 'stdout'}"


def _bad(message: str, field: str) -> InputError:
    return InputError(ErrorCode.BAD_INPUT, message, field=field)


def plan_outputs(
    formats: list[str], files: list[Path], input_format: str | None
) -> tuple[list[OutputSpec], str | None]:
    """The outputs to write and the input format override (None: auto-detect)."""
    wanted: list[str] = []
    for value in (f.strip().lower() for f in formats):
        if value in OUTPUT_FORMATS:
            wanted.append(value)
        elif value in FORMATS:
            if input_format is not None and input_format != value:
                raise _bad(f"two input formats given: {input_format} and {value}", "--format")
            input_format = value
        else:
            choices = ", ".join(OUTPUT_FORMATS)
            raise _bad(f"unknown format '{value}'; outputs are {choices}", "--format")
    if input_format is not None and input_format not in FORMATS:
        raise _bad(
            f"unknown input format '{input_format}'; choose one of {', '.join(FORMATS)}",
            "--input-format",
        )
    outputs: list[OutputSpec] = []
    for i, path in enumerate(files):
        if i < len(wanted):
            fmt = wanted[i]
        else:
            found = EXTENSIONS.get(path.suffix.lower())
            if found is None:
                raise _bad(
                    f"{path}: cannot tell the output format from the extension; add --format",
                    "-o",
                )
            fmt = found
        outputs.append(OutputSpec(fmt, path))
    extra = wanted[len(files) :]
    if len(extra) > 1:
        raise _bad(
            "only one output can go to standard output; give -o FILE for the others", "--format"
        )
    outputs.extend(OutputSpec(fmt, None) for fmt in extra)
    if not outputs:
        outputs.append(OutputSpec("jsonl", None))
    seen: set[Path] = set()
    for spec in outputs:
        if spec.path is None:
            continue
        resolved = spec.path.resolve()
        if resolved in seen:
            raise _bad(f"{spec.path}: given as an output twice", "-o")
        seen.add(resolved)
        if not spec.path.parent.is_dir():
            raise _bad(f"{spec.path}: the folder does not exist", "-o")
    return outputs, input_format
