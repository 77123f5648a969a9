"""Terminology kept consistent: warnings for spellings to avoid in the Indonesian texts.

The list lives in templates/spelling.yml. A warning never stops a build; `make check` prints
one line per finding, `file:line:column: warning: …`, so an editor can jump to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from . import load

RULES = Path(__file__).parent / "templates" / "spelling.yml"


@cache
def rules() -> list[tuple[re.Pattern[str], str]]:
    entries = load.ours(RULES)
    return [(re.compile(e["wrong"]), e["right"]) for e in entries]


def _indonesian(data: Any, loc: load.Loc) -> Iterator[tuple[load.Loc, str]]:
    """Every Indonesian text (`id:` beside `en:`) with its place in the YAML."""
    if isinstance(data, dict):
        if set(data) == {"id", "en"} and isinstance(data["id"], str):
            yield (*loc, "id"), data["id"]
            return
        for key, value in data.items():
            yield from _indonesian(value, (*loc, key))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from _indonesian(item, (*loc, i))


def warnings(root: Path) -> list[str]:
    """One line per forbidden spelling in the YAML files under `root`, in file order."""
    found = []
    for path in sorted(root.glob("*.yml")):
        doc, problems = load.read(path, root)
        if problems:
            continue  # `check` reports those as errors
        for loc, text in _indonesian(doc.data, ()):
            line, col = doc.where(loc)
            for pattern, right in rules():
                for match in pattern.finditer(text):
                    found.append(
                        f"{doc.path}:{line}:{col + match.start()}: warning: "
                        f"'{match.group()}' → write {right}"
                    )
    return found
