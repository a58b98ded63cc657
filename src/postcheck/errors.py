"""Error catalogue: every user-facing error has a code so people can search for it.

A `PostcheckError` renders as one line, `file:line: field: [Ecode] message`, which is what the CLI
prints before exiting with status 2.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    YAML_SYNTAX = "E001"
    UNSAFE_TAG = "E002"
    SCHEMA = "E003"
    DUPLICATE_ID = "E004"
    BAD_REGEX = "E005"
    BAD_PATTERN = "E006"
    UNKNOWN_LEXICON = "E007"
    UNKNOWN_RULE = "E008"
    FILE_NOT_FOUND = "E009"
    BAD_OVERRIDE = "E010"
    BAD_INPUT = "E011"


class PostcheckError(Exception):
    """An error the user can fix; carries where it happened (file, line, field)."""

    def __init__(
        self,
        code: ErrorCode,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.field = field
        super().__init__(self.one_line())

    def one_line(self) -> str:
        where = ""
        if self.file:
            where = self.file + (f":{self.line}" if self.line else "") + ": "
        field = f"{self.field}: " if self.field else ""
        return f"{where}{field}[{self.code}] {self.message}"


class ConfigError(PostcheckError):
    """The rule pack, profile, routing table or overrides cannot be loaded."""


class InputError(PostcheckError):
    """A post, file or argument given to postcheck cannot be read."""
