"""Header cells tagged with their scope in the PDF structure tree.

WeasyPrint 70 reads a `<th scope="row">` to link each data cell to its headers (/Headers), but
writes no /Scope on the header cell itself, so a screen reader cannot tell a row header (the
"Tanggal" of a form grid) from a column header. This adds /Scope /Row or /Column to every TH
as its structure element is built; the version is pinned in pyproject.toml and
tests/test_tags.py reads the result back.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def tag_header_scope() -> None:
    """Wrap WeasyPrint's structure-tree builder once per process."""
    from weasyprint.pdf import tags

    build = tags._build_box_tree
    if getattr(build, "scoped", False):
        return

    def scoped(box: Any, *args: Any) -> Iterator[Any]:
        yield from build(box, *args)
        element = getattr(box, "mark", None)  # the TH's structure element, set while building
        if element is not None and getattr(box, "element_tag", None) == "th":
            row = box.element.attrib.get("scope") == "row"
            element["A"]["Scope"] = "/Row" if row else "/Column"

    scoped.scoped = True  # type: ignore[attr-defined]
    tags._build_box_tree = scoped
