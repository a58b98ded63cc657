"""Print postcheck's findings for each draft in a JSONL file (the first half of `make demo`).

Each line is a machine-contract input object: `text` plus optional `id`, `account`,
`direction`, `author_role`, `bio`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rich.console import Console

from postcheck import Checker, Post
from postcheck.models import Context
from postcheck.sinks.terminal import render


def main(path: Path) -> None:
    console = Console(highlight=False)
    checker = Checker.default()
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    posts = [
        Post(
            id=row.get("id"),
            text=row["text"],
            context=Context(**{k: row[k] for k in Context.model_fields if k in row}),
        )
        for row in rows
    ]
    for post, report in zip(posts, checker.check_many(posts), strict=True):
        ctx = post.context
        console.rule(f"{post.id}: {ctx.account.value} account, {ctx.direction.value}")
        render(console, post.text, report)
        console.print()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
