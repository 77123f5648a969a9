"""Tick lists in pages (`- [ ] text`), with each tick box named by its text.

pymdownx.tasklist wraps the box alone in a <label> and leaves the text outside it, so a screen
reader announces a checkbox without a name (axe: `label`). Here the text sits inside the label:
tapping the text ticks the box (a trainer checking the materials on a phone), and it prints
empty. The markup keeps the theme's classes (task-list, task-list-control), so it looks the same.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

TICK = re.compile(r"\[(?P<state>[ xX])\] +(?P<text>.*)", re.DOTALL)


def _ticked(item: etree.Element) -> bool:
    """Turn `[ ] text` at the start of a list item into a labelled checkbox; False if none."""
    holder = item[0] if not item.text and len(item) and item[0].tag == "p" else item
    found = TICK.match(holder.text or "")
    if not found:
        return False
    label = etree.Element("label", {"class": "task-list-control"})
    box = etree.SubElement(label, "input", {"type": "checkbox"})
    if found["state"] != " ":
        box.set("checked", "checked")
    etree.SubElement(label, "span", {"class": "task-list-indicator"})
    etree.SubElement(label, "span").text = found["text"]
    holder.text = None
    holder.insert(0, label)
    item.set("class", "task-list-item")
    return True


class TickListProcessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in root.iter("ul"):
            if [item for item in parent if item.tag == "li" and _ticked(item)]:
                parent.set("class", "task-list")


class TickListExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        # before inline parsing (20), so the item's text is still plain Markdown
        md.treeprocessors.register(TickListProcessor(md), "scoresite-ticks", 25)


def makeExtension(**kwargs: object) -> TickListExtension:  # noqa: N802 - Markdown's API name
    return TickListExtension(**kwargs)
