"""Read YAML files into plain data, remembering the line and column of every value.

Input is bounded before it is built: size, nesting depth, list length and text length have
limits, and anchors, aliases and tags (which content never needs) are refused, so no file in
modules/ can make loading slow or large.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .problems import ContentError, Problem, problem

Loc = tuple[str | int, ...]

MAX_FILE_BYTES = 1_000_000  # the largest real file is about 115 KB
MAX_DEPTH = 12  # lists and mappings inside each other; real content needs 7
MAX_ITEMS = 500  # entries of one list or mapping; real content needs 64
MAX_TEXT = 5_000  # characters of one value; the longest real text has about 930
MAX_PROBLEMS = 20  # per file: one mistake repeated a thousand times needs no thousand lines
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
QUOTE_FIRST = {"*", "&", "!", "%", "@", "`", "|", ">"}


@dataclass
class Document:
    """One YAML file as plain data, with the position (line, column; 1-based) of each part."""

    path: str
    data: Any = None
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def where(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Position of `loc`, or of the nearest enclosing part that has one."""
        if key and loc in self.keys:
            return self.keys[loc]
        while loc not in self.values and loc:
            loc = loc[:-1]
        return self.values.get(loc, (1, 1))


_CONSTRUCTOR = yaml.SafeLoader("")
COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: about 20 times faster


def _resolve(node: yaml.Node) -> Any:
    """Turn a scalar node into a Python value with PyYAML's safe rules (int, bool, str...)."""
    construct = _CONSTRUCTOR.yaml_constructors.get(node.tag)
    if construct is None or not isinstance(node, yaml.ScalarNode):
        return str(node.value)
    return construct(_CONSTRUCTOR, node)


def _pos(node: yaml.Node | yaml.Event) -> tuple[int, int]:
    mark = node.start_mark
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _build(node: yaml.Node, loc: Loc, doc: Document, problems: list[Problem]) -> Any:
    doc.values[loc] = _pos(node)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(problem(doc.path, *_pos(key_node), "complex_key"))
                continue
            key = _resolve(key_node)
            if key in result:
                first = doc.keys[(*loc, key)][0]
                line, col = _pos(key_node)
                problems.append(
                    problem(doc.path, line, col, "duplicate_key", key=key, first_line=first)
                )
                continue
            doc.keys[(*loc, key)] = _pos(key_node)
            result[key] = _build(value_node, (*loc, key), doc, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*loc, i), doc, problems) for i, item in enumerate(node.value)]
    return _resolve(node)


def _tabs(path: str, text: str) -> list[Problem]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            found.append(problem(path, number, indent.index("\t") + 1, "tab"))
    return found


def _controls(path: str, text: str) -> list[Problem]:
    """Invisible control characters (pasted from other programs); never in a YAML file."""
    found = []
    for match in CONTROL.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - text.rfind("\n", 0, match.start())
        found.append(problem(path, line, column, "control", char=f"U+{ord(match[0]):04X}"))
    return found[:MAX_PROBLEMS]


def _limits(path: str, text: str) -> list[Problem]:
    """Walk the parse events (nothing is built yet): refuse anchors, aliases and tags, and
    stop at the first list, text or nesting beyond the limits."""
    found: list[Problem] = []
    counts: list[int] = []  # entries so far of each open list or mapping
    limits: list[int] = []  # a mapping counts keys and values
    for event in yaml.parse(text, Loader=COMPOSER):
        where = (path, *_pos(event))
        if isinstance(event, yaml.AliasEvent):
            found.append(problem(*where, "alias", name=event.anchor))
        elif isinstance(event, yaml.NodeEvent) and event.anchor:
            found.append(problem(*where, "anchor", name=event.anchor))
        elif isinstance(event, yaml.NodeEvent) and getattr(event, "tag", None):
            found.append(problem(*where, "tag", tag=getattr(event, "tag", "")))
        if isinstance(event, yaml.NodeEvent) and counts:
            counts[-1] += 1
            if counts[-1] > limits[-1]:
                return [*found, problem(*where, "too_many", limit=MAX_ITEMS)]
        if isinstance(event, yaml.CollectionStartEvent):
            counts.append(0)
            limits.append(MAX_ITEMS * (2 if isinstance(event, yaml.MappingStartEvent) else 1))
            if len(counts) > MAX_DEPTH:
                return [*found, problem(*where, "too_deep", limit=MAX_DEPTH)]
        elif isinstance(event, yaml.CollectionEndEvent):
            counts.pop()
            limits.pop()
        elif isinstance(event, yaml.ScalarEvent) and len(event.value) > MAX_TEXT:
            found.append(problem(*where, "text_too_long", size=len(event.value), limit=MAX_TEXT))
        if len(found) >= MAX_PROBLEMS:
            break
    return found


def _syntax(path: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    """A parser error in our words; a text starting with a sign YAML reserves gets "quote it"."""
    mark = error.problem_mark or error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    scanning = error.context in ("while scanning an alias", "while scanning an anchor")
    start = error.context_mark if scanning else mark
    first = text[start.index] if start and start.index < len(text) else ""
    if error.problem == "but found another document":
        return problem(path, line, col, "second_document")
    if start and first in QUOTE_FIRST:
        return problem(path, start.line + 1, start.column + 1, "quote_sign", sign=first)
    detail = error.problem or error.context or "cannot read this"
    return problem(path, line, col, "yaml_syntax", detail=detail)


def parse(path: str, text: str) -> tuple[Document, list[Problem]]:
    """Parse YAML text; syntax errors, tabs, limits and duplicate keys come back as problems."""
    doc = Document(path)
    problems = _controls(path, text) or _tabs(path, text)
    if problems:
        return doc, problems
    try:
        problems = _limits(path, text)
        if problems:
            return doc, problems
        node = yaml.compose(text, Loader=COMPOSER)
    except yaml.MarkedYAMLError as error:
        return doc, [*problems, _syntax(path, text, error)]
    except yaml.YAMLError:
        return doc, [problem(path, 1, 1, "yaml_syntax", detail="cannot read this file")]
    if node is not None:
        doc.data = _build(node, (), doc, problems)
    return doc, problems


def ours(path: Path, text: str | None = None) -> Any:
    """One of our own YAML files (labels, print widths, spelling rules, the new-module
    scaffold as `text`), read as strictly as content: a duplicate key, a tab or a syntax
    error stops with its place."""
    shown = path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path
    doc, problems = parse(shown.as_posix(), path.read_text("utf-8") if text is None else text)
    if problems:
        raise ContentError(problems)
    return doc.data


def ignored(path: Path) -> bool:
    """Files that editors and systems leave beside ours: hidden files (Emacs lock links
    `.#x.yml`, macOS `._x.yml`), backups (`x.yml~`, `#x.yml#`) and swap files."""
    return path.name.startswith((".", "#")) or path.suffix not in (".yml", ".yaml")


def content_files(root: Path) -> list[Path]:
    """The files of `root` that are content (or meant to be): *.yml and *.yaml, not ignored."""
    return sorted(p for p in root.iterdir() if not ignored(p))


def _unfit(path: Path, root: Path) -> tuple[str, dict[str, object]] | None:
    """Why a path cannot be read as a content file, before anything of it is read."""
    project = root.resolve().parent
    if path.is_symlink():
        try:
            target = path.resolve()
        except RuntimeError:  # a loop of links
            return "broken_link", {}
        if not target.exists():
            return "broken_link", {}
        if not target.is_relative_to(project):
            return "outside", {}
    if path.is_dir():
        return "folder", {}
    if not path.is_file():
        return "not_a_file", {}
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return "too_big", {"size": size // 1000, "limit": MAX_FILE_BYTES // 1000}
    return None


def read_bytes(path: Path, root: Path) -> tuple[str, bytes | None, list[Problem]]:
    """The bytes of one file inside the project, and its name relative to `root`'s parent
    (e.g. modules/x.yml); a folder, a FIFO, a device, a link out of the project or to
    nothing, a file too big or unreadable is named, never read."""
    shown = (
        path.relative_to(root.parent).as_posix() if path.is_relative_to(root.parent) else str(path)
    )
    try:
        unfit = _unfit(path, root)
        if unfit:
            return shown, None, [problem(shown, 1, 1, unfit[0], **unfit[1])]
        return shown, path.read_bytes(), []
    except OSError as error:
        return shown, None, [problem(shown, 1, 1, "unreadable", reason=error.strerror)]


def decode(shown: str, data: bytes) -> tuple[str | None, list[Problem]]:
    """UTF-8 text (a byte order mark, as Excel writes, is dropped), or where it stops being."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff"), []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [problem(shown, line, column, "encoding")]


def read(path: Path, root: Path) -> tuple[Document, list[Problem]]:
    """Read one file; positions are reported relative to `root`'s parent (e.g. modules/x.yml).
    A file that cannot be read is named, never shown."""
    shown, data, problems = read_bytes(path, root)
    return (Document(shown), problems) if data is None else _parsed(shown, data)


@lru_cache(maxsize=256)
def _parsed(shown: str, data: bytes) -> tuple[Document, list[Problem]]:
    """`mkdocs serve` reads every file on each save: one that did not change is parsed once
    (its Document is only read, never changed)."""
    text, problems = decode(shown, data)
    return (Document(shown), problems) if text is None else parse(shown, text)
