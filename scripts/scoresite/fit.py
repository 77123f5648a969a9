"""Fewer nearly empty pages: a document whose layout leaves a page under a quarter used (the
last rows of a form and its signature, say) is laid out again set a little tighter
(`templates/print/tight.css`: shorter write-in rows and ruled lines, less space around
headings), and the tighter layout is kept when it leaves fewer such pages.

The decision depends only on the print HTML, so the PDF stays a function of its inputs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from .catalogue import TEMPLATES

TIGHT = (TEMPLATES / "print" / "tight.css").read_text(encoding="utf-8")
NEARLY_EMPTY = 0.25  # share of the text area's height, as tests/test_print.py measures it


def _bottoms(box: Any) -> Iterator[float]:
    """The lower edges of what is drawn: lines of text and boxes without children (a ruled
    box, an empty cell). Containers are skipped: a fragment of one fills its page."""
    children = getattr(box, "children", None)
    if not children or type(box).__name__ == "LineBox":
        yield box.border_box_y() + box.border_height()
        return
    for child in children:
        yield from _bottoms(child)


def used_shares(document: Any) -> list[float]:
    """For each page, the share of the text area's height down to the lowest thing drawn."""
    shares = []
    for page in document.pages:
        box = page._page_box
        content = [child for child in box.children if type(child).__name__ != "MarginBox"]
        bottom = max((b for child in content for b in _bottoms(child)), default=box.content_box_y())
        shares.append((bottom - box.content_box_y()) / box.height)
    return shares


def nearly_empty(document: Any) -> int:
    return sum(share < NEARLY_EMPTY for share in used_shares(document))


def fitted(layout: Callable[[list[str]], Any]) -> Any:
    """`layout(extra_css)` as is, or set tighter when that leaves fewer nearly empty pages."""
    document = layout([])
    if nearly_empty(document):
        tighter = layout([TIGHT])
        if nearly_empty(tighter) < nearly_empty(document):
            return tighter
    return document
