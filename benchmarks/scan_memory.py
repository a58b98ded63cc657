"""Peak memory and throughput of `postcheck scan` on a large generated JSONL export.

Generates POSTS machine-contract JSONL lines (varied texts, about a third flagged, a few
unreadable lines) in a temporary folder, runs `postcheck scan` on it as a subprocess with JSONL
output (optionally also HTML), and reports the child's peak RSS and posts per second.

    .venv/bin/python benchmarks/scan_memory.py               # 1,000,000 posts (~10 min)
    .venv/bin/python benchmarks/scan_memory.py --posts 200000 --html

The target (README): peak RSS under 500 MB whatever the size, i.e. memory stays flat.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEMPLATES = [
    "Good luck to everyone sitting exams this week, {n}!",
    "Open Evening is on Thursday {n} November, everyone is welcome.",
    "Lost property {n}: text Jess on 07700 900{d3} to collect it.",
    "What a shit show the car park was this morning ({n}).",
    "Well done to the netball team on match {n} of a great season.",
    "Staff reminder {n}: the wifi password is Sunflower{d3}.",
    "Thanks for coming to the careers fair, {n} employers and 600 students!",
    "Your useless teachers are a joke, sack the lot of them ({n}).",
    "Revision sessions run every lunchtime in room {d3}.",
]


def generate(path: Path, posts: int) -> int:
    """Write `posts` records (plus one bad line per 10,000); returns the number of lines."""
    lines = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(posts):
            text = TEMPLATES[i % len(TEMPLATES)].format(n=i, d3=f"{i % 1000:03d}")
            record = {
                "id": f"bench-{i}",
                "text": text,
                "platform": ("x", "facebook", "instagram")[i % 3],
                "created_at": f"20{22 + i % 3}-{1 + i % 12:02d}-{1 + i % 28:02d}T12:00:00+00:00",
            }
            fh.write(json.dumps(record) + "\n")
            lines += 1
            if i % 10_000 == 9_999:
                fh.write("{this line is not JSON\n")
                lines += 1
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--html", action="store_true", help="also write the HTML report")
    args = parser.parse_args()
    postcheck = Path(sys.executable).with_name("postcheck")
    with tempfile.TemporaryDirectory(prefix="postcheck-bench-") as tmp:
        folder = Path(tmp)
        source = folder / "posts.jsonl"
        started = time.perf_counter()
        records = generate(source, args.posts)
        print(
            f"generated {records:,} lines ({source.stat().st_size / 1e6:.0f} MB) "
            f"in {time.perf_counter() - started:.0f} s"
        )
        command = [
            str(postcheck),
            "scan",
            str(source),
            "-o",
            str(folder / "out.jsonl"),
            "--quiet",
            "--fail-on",
            "never",
            "--workers",
            str(args.workers),
        ]
        if args.html:
            command += ["-o", str(folder / "report.html")]
        print("running:", " ".join(command))
        started = time.perf_counter()
        subprocess.run(command, check=True)
        elapsed = time.perf_counter() - started
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
        with (folder / "out.jsonl").open("rb") as fh:
            written = sum(1 for _ in fh)
    print(f"records written: {written:,} (expected {records:,})")
    print(f"elapsed: {elapsed:.0f} s, throughput: {args.posts / elapsed:,.0f} posts/s")
    print(f"peak RSS of postcheck scan: {peak_kib / 1024:.0f} MB")
    return 0 if written == records else 1


if __name__ == "__main__":
    raise SystemExit(main())
