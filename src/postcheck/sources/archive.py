"""Uniform, read-only access to the files of an export, whether a zip, a folder or one file.

Zip members are read in place (never extracted to disk). Member names that could escape a
folder (`..`, absolute paths) are skipped with a warning, and every member is checked against
`Limits` (size, total uncompressed bytes, compression ratio) *before* it is decompressed, so a
zip bomb is refused rather than read.
"""

from __future__ import annotations

import os
import re
import zipfile
import zlib
from abc import ABC, abstractmethod
from pathlib import Path, PurePosixPath
from typing import IO

from postcheck.sources.errors import Problem, SourceWarning
from postcheck.sources.limits import MIB, Limits

# A member smaller than this cannot be a meaningful bomb, while tiny repetitive files (blank
# CSV templates, padded JSON) legitimately compress far better than 100:1.
RATIO_FLOOR = MIB

_DRIVE = re.compile(r"^[A-Za-z]:")


def _ignored(rel: str) -> bool:
    """macOS resource forks and hidden files are never part of an export's content."""
    parts = rel.split("/")
    return any(p == "__MACOSX" or p.startswith(".") for p in parts)


def _strip_wrapper(names: list[str]) -> str:
    """The common leading folder(s) of every name, e.g. "twitter-2024-06-01/" (or "").

    Archives made by zipping a folder put everything under one top folder; stripping it lets
    detection look at the layout of the export itself.
    """
    prefix = ""
    current = names
    while current and all("/" in n for n in current):
        first = {n.split("/", 1)[0] for n in current}
        if len(first) != 1:
            break
        head = first.pop()
        prefix += head + "/"
        current = [n.split("/", 1)[1] for n in current]
    return prefix


class Tree(ABC):
    """The files of one export; `names()` are relative to the export's root, sorted."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.warnings: list[SourceWarning] = []
        self._prefix = ""
        self._names: list[str] = []

    def _set_names(self, full_names: list[str]) -> None:
        self._prefix = _strip_wrapper(full_names)
        self._names = sorted(n[len(self._prefix) :] for n in full_names)

    def names(self) -> list[str]:
        return list(self._names)

    def full_name(self, name: str) -> str:
        return self._prefix + name

    @abstractmethod
    def label(self, name: str) -> str:
        """How a member is named in errors and `Origin.source`."""

    @abstractmethod
    def size(self, name: str) -> int:
        """Uncompressed size in bytes."""

    @abstractmethod
    def open(self, name: str) -> IO[bytes]:
        """A binary stream over the member; raises `Problem` if it must not or cannot be read."""

    def read_bytes(self, name: str, max_bytes: int) -> bytes:
        """The whole member, refusing (with `Problem`) anything larger than `max_bytes`."""
        size = self.size(name)
        if size > max_bytes:
            raise Problem(f"file too large to load: {size} bytes (limit {max_bytes})")
        try:
            with self.open(name) as stream:
                data = stream.read(max_bytes + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise Problem(f"cannot read: {exc}") from exc
        if len(data) > max_bytes:
            raise Problem(f"file too large to load: more than {max_bytes} bytes")
        return data

    def close(self) -> None:  # noqa: B027 - only zips hold a handle
        pass


class FolderTree(Tree):
    """An unpacked export (or any folder), walked without following symlinks."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        found: list[str] = []
        for dirpath, dirnames, filenames in os.walk(path):
            dirnames.sort()
            for fname in filenames:
                full = Path(dirpath) / fname
                rel = full.relative_to(path).as_posix()
                if _ignored(rel) or full.is_symlink():
                    continue
                found.append(rel)
        self._set_names(found)

    def _file(self, name: str) -> Path:
        return self.path / self.full_name(name)

    def label(self, name: str) -> str:
        return str(self._file(name))

    def size(self, name: str) -> int:
        try:
            return self._file(name).stat().st_size
        except OSError as exc:
            raise Problem(f"cannot read: {exc.strerror or exc}") from exc

    def open(self, name: str) -> IO[bytes]:
        try:
            return self._file(name).open("rb")
        except OSError as exc:
            raise Problem(f"cannot read: {exc.strerror or exc}") from exc


class SingleFileTree(FolderTree):
    """One file given on its own, seen as a tree with a single member."""

    def __init__(self, path: Path) -> None:
        Tree.__init__(self, path.parent)
        self._names = [path.name]


def unsafe_member_name(name: str) -> bool:
    """True for names that would escape the extraction folder: `..`, absolute, drive letters."""
    norm = name.replace("\\", "/")
    if norm.startswith("/") or _DRIVE.match(norm):
        return True
    return ".." in PurePosixPath(norm).parts


class ZipTree(Tree):
    """A zip archive read in place; opening fails with `Problem` when the zip is corrupt."""

    def __init__(self, path: Path, limits: Limits) -> None:
        super().__init__(path)
        self.limits = limits
        self._consumed = 0
        try:
            self._zip = zipfile.ZipFile(path)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            raise Problem(f"corrupt zip archive: {exc}") from exc
        self._infos: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            if info.is_dir():
                continue
            if unsafe_member_name(info.filename):
                self.warnings.append(
                    SourceWarning(
                        source=f"{path}!{info.filename}",
                        message="skipped zip member with an unsafe name (absolute or '..' path)",
                    )
                )
                continue
            if _ignored(info.filename):
                continue
            self._infos[info.filename] = info
        self._set_names(list(self._infos))

    def label(self, name: str) -> str:
        return f"{self.path}!{self.full_name(name)}"

    def _info(self, name: str) -> zipfile.ZipInfo:
        return self._infos[self.full_name(name)]

    def size(self, name: str) -> int:
        return self._info(name).file_size

    def open(self, name: str) -> IO[bytes]:
        info = self._info(name)
        # All checks use the sizes in the central directory, before any byte is inflated.
        # zipfile never returns more than `file_size` bytes, so a lying header cannot help.
        if info.flag_bits & 0x1:
            raise Problem("encrypted zip member: cannot be read without the password")
        size = info.file_size
        if size >= RATIO_FLOOR:
            ratio = size / max(info.compress_size, 1)
            if ratio > self.limits.max_ratio:
                raise Problem(
                    f"refused to read: compression ratio {ratio:.0f}:1 exceeds the limit of "
                    f"{self.limits.max_ratio:.0f}:1 (possible zip bomb)"
                )
        if self._consumed + size > self.limits.max_total_uncompressed:
            raise Problem(
                f"refused to read: {size} bytes would take this archive past the limit of "
                f"{self.limits.max_total_uncompressed} uncompressed bytes (possible zip bomb)"
            )
        self._consumed += size
        try:
            return self._zip.open(info)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
            raise Problem(f"corrupt zip member: {exc}") from exc

    def close(self) -> None:
        self._zip.close()


def open_tree(path: Path, limits: Limits) -> Tree:
    """A `Tree` for a zip file, a folder or a single file (raises `Problem` for a corrupt zip)."""
    if path.is_dir():
        return FolderTree(path)
    if path.suffix.lower() == ".zip":
        return ZipTree(path, limits)
    return SingleFileTree(path)
