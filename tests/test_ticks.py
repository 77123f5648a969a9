"""Tick lists (`- [ ] text`): each box is named by its own text (axe `label`)."""

from __future__ import annotations

import markdown
from scoresite.ticks import TickListExtension


def html(text: str) -> str:
    return markdown.markdown(text, extensions=[TickListExtension(), "abbr"])


def test_tick_box_sits_in_a_label_with_its_text() -> None:
    out = html("- [ ] Tali rafia\n- [x] **Palu** kecil\n")
    assert out.count('<ul class="task-list">') == 1
    assert (
        '<li class="task-list-item"><label class="task-list-control"><input type="checkbox" />'
        '<span class="task-list-indicator"></span><span>Tali rafia</span></label></li>'
    ) in out
    assert '<input checked="checked" type="checkbox" />' in out
    assert "<span><strong>Palu</strong> kecil</span></label>" in out  # Markdown inside still works


def test_loose_list_items_and_plain_lists_are_handled() -> None:
    loose = html("- [ ] Satu\n\n- [ ] Dua\n")
    assert loose.count("<label") == 2 and "<span>Dua</span>" in loose
    plain = html("- Satu\n- [tautan](x.md)\n")
    assert "task-list" not in plain and "<label" not in plain
