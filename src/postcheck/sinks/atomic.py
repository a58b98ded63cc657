"""Write-then-rename output files, so an error or Ctrl-C never leaves a half-written report.

The temporary file sits next to the target (same filesystem, so the rename is atomic). With no
target path the finished content is copied to standard output instead.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import IO


class AtomicOutput:
    def __init__(self, target: Path | None, *, newline: str | None = None) -> None:
        self.target = target
        folder = target.parent if target is not None else None
        prefix = f".{target.name}." if target is not None else ".postcheck."
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
        self._temp = Path(name)
        self.stream: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline=newline)

    def commit(self) -> None:
        """Make the finished file visible under its real name (or print it)."""
        self.stream.close()
        if self.target is None:
            with self._temp.open(encoding="utf-8", newline="") as fh:
                shutil.copyfileobj(fh, sys.stdout)
            sys.stdout.flush()
            self._temp.unlink()
        else:
            # mkstemp creates the file 0600; a report is an ordinary file, so give it the
            # permissions any other new file would get under the user's umask.
            umask = os.umask(0)
            os.umask(umask)
            self._temp.chmod(0o666 & ~umask)
            os.replace(self._temp, self.target)

    def discard(self) -> None:
        self.stream.close()
        self._temp.unlink(missing_ok=True)
