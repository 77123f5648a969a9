"""Read YAML files into plain data, remembering the line and column of every value."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem, problem

Loc = tuple[str | int, ...]


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


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _build(node: yaml.Node, loc: Loc, doc: Document, problems: list[Problem]) -> Any:
    doc.values[loc] = _pos(node)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _resolve(key_node) if isinstance(key_node, yaml.ScalarNode) else str(key_node)
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


def parse(path: str, text: str) -> tuple[Document, list[Problem]]:
    """Parse YAML text; syntax errors, tabs and duplicate keys come back as problems."""
    doc = Document(path)
    problems = _tabs(path, text)
    if problems:
        return doc, problems
    try:
        node = yaml.compose(text, Loader=COMPOSER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        detail = error.problem or error.context or "cannot read this"
        return doc, [problem(path, line, col, "yaml_syntax", detail=detail)]
    if node is not None:
        doc.data = _build(node, (), doc, problems)
    return doc, problems


def read(path: Path, root: Path) -> tuple[Document, list[Problem]]:
    """Read one file; positions are reported relative to `root`'s parent (e.g. modules/x.yml)."""
    shown = (
        path.relative_to(root.parent).as_posix() if path.is_relative_to(root.parent) else str(path)
    )
    data = path.read_bytes()
    try:
        return parse(shown, data.decode("utf-8"))
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return Document(shown), [problem(shown, line, column, "encoding")]
