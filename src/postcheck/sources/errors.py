"""What an importer yields besides posts: unreadable records, warnings and format errors.

A batch scan never stops on bad input: a record that cannot be read becomes a `ReadError` that
names the file and the place in it, so the counts reconcile (read = checked + unreadable).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from postcheck.models import Post


class ReadError(BaseModel):
    """A record or file that could not be read; the iterator goes on with the next one."""

    model_config = ConfigDict(frozen=True)

    source: str
    location: str | None = None
    reason: str

    def one_line(self) -> str:
        """`source: location: reason`, the form the CLI prints."""
        where = f"{self.location}: " if self.location else ""
        return f"{self.source}: {where}{self.reason}"


class SourceWarning(BaseModel):
    """Something the user should know that did not stop a record being read (or was skipped)."""

    model_config = ConfigDict(frozen=True)

    source: str
    message: str


class SourceFormatError(ValueError):
    """The input is not in any format postcheck can read (a usage error: exit status 2)."""


class Problem(Exception):
    """Internal: a reason a file or record cannot be read, turned into a `ReadError` by callers."""

    def __init__(self, reason: str, location: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.location = location

    def to_error(self, source: str, location: str | None = None) -> ReadError:
        return ReadError(source=source, location=self.location or location, reason=self.reason)


Item = Post | ReadError | SourceWarning
"""Everything `iter_posts` yields."""
