#!/usr/bin/env python3
"""Assemble the hand-written labelled corpus into dev.jsonl / test.jsonl.

Every post is written by hand in ``source/*.txt`` and ``source2/`` to ``source5/`` (the
dev split) or ``holdout/*.txt`` (the test split), one post per line:

    ACCOUNT DIRECTION PLATFORM ROLE | LABELS | ACCEPTABLE | BIO | TEXT

* ACCOUNT: ``o`` (official) or ``p`` (personal)
* DIRECTION: ``out`` (outgoing) or ``rec`` (received)
* PLATFORM: ``x`` ``fb`` ``ig`` ``li`` ``tt`` ``yt``
* ROLE: ``st`` (staff) ``su`` (student) ``vi`` (visitor) or ``-`` (not given)
* LABELS / ACCEPTABLE: comma-separated short codes (see CODES), may be empty
* BIO: profile bio (personal accounts), may be empty
* TEXT: the post; a literal ``\\n`` stands for a line break. TEXT may contain ``|``.

Lines starting with ``#`` and blank lines are ignored. This script only parses,
lints, shuffles and splits; it does not generate any post text.

    python corpora/labelled/build.py          # lint + write dev.jsonl, test.jsonl
    python corpora/labelled/build.py --stats  # also print the README count table
    python corpora/labelled/build.py --check holdout  # parse + lint one folder, write nothing
"""
from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
CATEGORIES = [
    "defamation", "harassment", "discrimination", "offensive", "data_protection",
    "confidentiality", "copyright", "security", "disclaimer", "professionalism",
]
CODES = {
    "DEF": "defamation", "HAR": "harassment", "DISC": "discrimination", "OFF": "offensive",
    "DP": "data_protection", "CONF": "confidentiality", "COPY": "copyright",
    "SEC": "security", "DCL": "disclaimer", "PROF": "professionalism",
}
ACCOUNTS = {"o": "official", "p": "personal"}
DIRECTIONS = {"out": "outgoing", "rec": "received"}
PLATFORMS = {"x": "x", "fb": "facebook", "ig": "instagram", "li": "linkedin", "tt": "tiktok", "yt": "youtube"}
ROLES = {"st": "staff", "su": "student", "vi": "visitor", "-": None}

# Lint helpers only (used to catch labelling slips, not to label).
COLLEGE_RE = re.compile(
    r"birkenhead\s*(sixth|6th)\s*form|\bbsfc\b|birkenheadsfc|#?birkenheadsixthform|bsfc\.ac\.uk",
    re.I)
DISCLAIMER_RE = re.compile(
    r"(views|opinions|thoughts|tweets|posts)\s+(are\s+|expressed\s+(here\s+)?are\s+)?(all\s+)?(my\s+own|mine)"
    r"|own\s+views|views\s+mine|not\s+(speaking|posting)\s+(on\s+behalf\s+of|for)"
    r"|in\s+no\s+way\s+reflect|do\s+not\s+represent|don't\s+represent|personal\s+views|personal\s+opinions",
    re.I)


def parse_line(path: Path, lineno: int, line: str) -> dict:
    parts = line.split("|", 4)
    if len(parts) != 5:
        raise SystemExit(f"{path.name}:{lineno}: expected 5 fields")
    head, labels, accept, bio, text = (p.strip() for p in parts)
    if not text or text.startswith("|"):
        raise SystemExit(f"{path.name}:{lineno}: empty text or stray field separator")
    h = head.split()
    if len(h) != 4:
        raise SystemExit(f"{path.name}:{lineno}: bad header {head!r}")
    acc, dirn, plat, role = h

    def codes(s: str) -> list[str]:
        out = []
        for c in filter(None, (x.strip() for x in s.split(","))):
            if c not in CODES:
                raise SystemExit(f"{path.name}:{lineno}: unknown label code {c!r}")
            out.append(CODES[c])
        return sorted(set(out), key=CATEGORIES.index)

    rec = {
        "text": text.replace("\\n", "\n"),
        "account": ACCOUNTS[acc],
        "direction": DIRECTIONS[dirn],
        "platform": PLATFORMS[plat],
    }
    if ROLES[role]:
        rec["author_role"] = ROLES[role]
    if bio:
        rec["bio"] = bio
    rec["labels"] = codes(labels)
    acceptable = [c for c in codes(accept) if c not in rec["labels"]]
    if acceptable:
        rec["acceptable"] = acceptable
    rec["_src"] = f"{path.name}:{lineno}"
    return rec


def lint(rec: dict) -> list[str]:
    msgs = []
    text, bio = rec["text"], rec.get("bio", "")
    names = bool(COLLEGE_RE.search(text))
    disclaimed = bool(DISCLAIMER_RE.search(text) or DISCLAIMER_RE.search(bio))
    dcl = "disclaimer" in rec["labels"]
    if dcl and (rec["account"] != "personal" or rec["direction"] != "outgoing"):
        msgs.append("disclaimer on a non-personal or received post")
    if rec["account"] == "personal" and rec["direction"] == "outgoing":
        if names and not disclaimed and not dcl and "disclaimer" not in rec.get("acceptable", []):
            msgs.append("names the college, no disclaimer found, but no disclaimer label")
        if dcl and disclaimed:
            msgs.append("disclaimer label but a disclaimer phrase was found")
        if dcl and not names:
            msgs.append("disclaimer label but no alias matched (misspelling? check by hand)")
    if rec["account"] == "official" and "bio" in rec:
        msgs.append("bio on an official account")
    return msgs


def read_dir(name: str) -> list[dict]:
    recs = []
    for path in sorted((HERE / name).glob("*.txt")):
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            recs.append(parse_line(path, i, line))
    return recs


def check_only(name: str) -> None:
    recs = read_dir(name)
    problems = [f"{r['_src']}: {m}: {r['text'][:70]!r}" for r in recs for m in lint(r)]
    texts = Counter(r["text"] for r in recs)
    problems += [f"duplicate text: {t[:70]!r}" for t, n in texts.items() if n > 1]
    print("\n".join(problems) or "no lint problems", file=sys.stderr)
    print_stats({name: recs, "-": []})


def main() -> None:
    if "--check" in sys.argv:
        check_only(sys.argv[sys.argv.index("--check") + 1])
        return
    # dev = source/ to source5/ (the rules are written against them; source2/ to source5/ were
    # earlier held-out sets, folded in once they had been scored); test =
    # holdout/, written later by authors who had not seen the rules, the dev posts or the
    # rules' results on them.
    dev_dirs = ("source", "source2", "source3", "source4", "source5")
    dev = [post for d in dev_dirs for post in read_dir(d)]
    test = [] if "--dev-only" in sys.argv else read_dir("holdout")
    if not test and "--dev-only" not in sys.argv:
        raise SystemExit("holdout/ has no posts: the test split would be empty "
                         "(use --dev-only to rebuild dev.jsonl alone)")
    problems = 0
    seen = set()
    for r in dev + test:
        if r["text"] in seen:
            print(f"{r['_src']}: duplicate text", file=sys.stderr)
            problems += 1
        seen.add(r["text"])
        for m in lint(r):
            print(f"{r['_src']}: {m}: {r['text'][:70]!r}", file=sys.stderr)
            problems += 1

    rng = random.Random(20240917)
    rng.shuffle(dev)
    rng.shuffle(test)
    splits = {"dev": dev, "test": test} if test else {"dev": dev}  # --dev-only keeps test.jsonl
    for name, split in splits.items():
        with open(HERE / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for n, r in enumerate(split, 1):
                out = {"id": f"{name}-{n:04d}"}
                out.update({k: v for k, v in r.items() if k != "_src"})
                fh.write(json.dumps(out, ensure_ascii=False) + "\n")
    print(f"{len(dev) + len(test)} posts: dev {len(dev)}, test {len(test)}; "
          f"lint problems: {problems}", file=sys.stderr)
    if "--stats" in sys.argv:
        print_stats({"dev": dev, "test": test})


def print_stats(splits: dict) -> None:
    print("| category | dev | test | total |\n|---|---:|---:|---:|")
    for c in CATEGORIES + ["(clean)"]:
        row = []
        for s in splits.values():
            row.append(sum(1 for r in s if (c in r["labels"] if c != "(clean)" else not r["labels"])))
        print(f"| {c} | {row[0]} | {row[1]} | {sum(row)} |")
    tot = [len(s) for s in splits.values()]
    print(f"| posts | {tot[0]} | {tot[1]} | {sum(tot)} |")
    print()
    print("| acceptable-only | dev | test |\n|---|---:|---:|")
    for c in CATEGORIES:
        row = [sum(1 for r in s if c in r.get("acceptable", [])) for s in splits.values()]
        if any(row):
            print(f"| {c} | {row[0]} | {row[1]} |")
    for name, s in splits.items():
        ctx = Counter((r["account"], r["direction"]) for r in s)
        print(f"\n{name}: " + ", ".join(f"{a}/{d}={n}" for (a, d), n in sorted(ctx.items())))


if __name__ == "__main__":
    main()
