"""Safe YAML loading that remembers line numbers, so errors can say `file:line: field`.

Only YAML's safe subset is accepted: a `!!python/...` or any unknown tag is refused (E002), and
a key repeated in one mapping is an error rather than silently overwriting the first (E001).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from postcheck.errors import ConfigError, ErrorCode


class LineDict(dict[Any, Any]):
    """A mapping that knows the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]


class LineList(list[Any]):
    line: int = 0
    item_lines: list[int]


class _LineLoader(yaml.SafeLoader):
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in result.key_lines:
                raise ConfigError(
                    ErrorCode.YAML_SYNTAX,
                    f"key {key!r} appears twice in one mapping",
                    line=key_node.start_mark.line + 1,
                    field=str(key),
                )
            result[key] = self.construct_object(value_node, deep=True)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LineList:
        result = LineList(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _LineLoader.construct_mapping,
)
_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
    _LineLoader.construct_sequence,
)


def load_yaml(path: Path, display: str | None = None) -> Any:
    """Parse one YAML file with line numbers; raise a one-line ConfigError on any problem."""
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(ErrorCode.FILE_NOT_FOUND, "file not found", file=name) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(ErrorCode.YAML_SYNTAX, f"cannot read file: {exc}", file=name) from None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except ConfigError as exc:
        exc.file = name
        raise ConfigError(
            exc.code, exc.message, file=name, line=exc.line, field=exc.field
        ) from None
    except yaml.constructor.ConstructorError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        tag = (exc.problem or "").split("tag")[-1].strip(" '!")
        raise ConfigError(
            ErrorCode.UNSAFE_TAG,
            f"unsafe or unknown YAML tag {tag!r} refused (only plain YAML is allowed)",
            file=name,
            line=line,
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if mark is not None and exc.context_mark is not None and mark.line >= text.count("\n"):
            mark = exc.context_mark  # "end of file" is no help: point at what was left open
        line = mark.line + 1 if mark else None
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        raise ConfigError(
            ErrorCode.YAML_SYNTAX, f"invalid YAML: {problem}", file=name, line=line
        ) from None
    except yaml.YAMLError as exc:
        raise ConfigError(ErrorCode.YAML_SYNTAX, f"invalid YAML: {exc}", file=name) from None


def locate(data: Any, loc: tuple[int | str, ...]) -> tuple[int | None, list[str]]:
    """Follow a pydantic error location into the loaded YAML: (line, path of field names)."""
    line: int | None = getattr(data, "line", None)
    fields: list[str] = []
    node = data
    for part in loc:
        if isinstance(node, LineDict) and part in node:
            line = node.key_lines.get(part, line)
            fields.append(str(part))
            node = node[part]
        elif isinstance(node, LineList) and isinstance(part, int) and 0 <= part < len(node):
            line = node.item_lines[part]
            fields.append(f"[{part}]")
            node = node[part]
        elif isinstance(node, LineDict | LineList):
            # pydantic adds entries such as 'function-before[...]' or a union member's name;
            # they are not in the document, so skip them and keep the nearest known line.
            if isinstance(part, str) and not part.startswith(("function-", "json-")):
                fields.append(part)
            continue
    return line, fields


def validation_error(exc: ValidationError, data: Any, file: str, strip: int = 0) -> ConfigError:
    """Turn the first pydantic error into a one-line ConfigError at its YAML line."""
    err = exc.errors()[0]
    line, fields = locate(data, tuple(err["loc"]))
    field = ".".join(f for f in fields[strip:] if not f.startswith("[")) or None
    message = err["msg"].removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        message = f"unknown key {fields[-1]!r}" if fields else "unknown key"
    elif err["type"] in ("enum", "literal_error"):
        message = f"{message} (got {err.get('input')!r})"
    return ConfigError(ErrorCode.SCHEMA, message, file=file, line=line, field=field)
