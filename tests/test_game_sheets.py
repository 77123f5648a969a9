"""Sheets for classroom games: the 5R numbers game (`kind: numbers`: every number once,
scattered where they do not sit on each other or in order in a grid, the same on every build,
a page each) and cards to cut out (`kind: cards`)."""

from __future__ import annotations

import itertools
import math
import re
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from pydantic import ValidationError
from pypdf import PdfReader
from scoresite.model import Cards, Numbers
from scoresite.sheet import placed
from scoresite.validate import load_project

LABEL = {"id": "Lembar", "en": "Sheet"}


def test_the_grid_holds_the_numbers_in_order_row_by_row() -> None:
    spots = placed(Numbers(kind="numbers", label=LABEL, arrangement="grid"))
    assert [p.number for p in spots] == list(range(1, 50))
    assert len({p.left for p in spots}) == len({p.top for p in spots}) == 7  # 7 × 7
    assert all((a.top, a.left) < (b.top, b.left) for a, b in itertools.pairwise(spots))


def test_scattered_numbers_each_once_apart_inside_the_frame_and_the_same_every_time() -> None:
    game = Numbers(kind="numbers", label=LABEL, arrangement="scattered", extra=21)
    spots = placed(game)
    assert sorted(p.number for p in spots) == list(range(1, 71))
    assert all(2 < p.left < 98 and 2 < p.top < 98 for p in spots)
    # no two centres closer than 3 % of the frame (a cell is about 14 % wide, 10 % tall)
    closest = min(math.dist((a.left, a.top), (b.left, b.top))
                  for a, b in itertools.combinations(spots, 2))
    assert closest > 3.0, closest
    assert len({p.size for p in spots}) >= 4 and len({p.turn for p in spots}) >= 4
    assert spots == placed(game)


def test_extra_numbers_go_on_a_scattered_sheet_only() -> None:
    with pytest.raises(ValidationError, match="`extra` numbers go on a scattered sheet only"):
        Numbers(kind="numbers", label=LABEL, arrangement="grid", extra=5)


def test_the_workshop_sheet_prints_each_arrangement_on_a_page_of_its_own(
    built_site: Path,
) -> None:
    """Read by position (pdftotext): how to play and the scattered numbers, 1–70 out of order,
    on the first page; the grid, 1–49 row by row, on the second."""
    for lang in ("", "en/"):
        pdf = built_site / f"{lang}materi/lokakarya-5r/lembar-kerja/permainan-angka.pdf"
        assert len(PdfReader(pdf).pages) == 2, pdf
        scattered, grid = (page_text(pdf, page) for page in (1, 2))
        assert sorted(numbers(scattered)) == list(range(1, 71))
        assert numbers(scattered) != sorted(numbers(scattered))
        assert " 30 " in scattered and " 49 " in scattered  # how to play: 30 s, 1 to 49
        assert numbers(grid) == list(range(1, 50))


def page_text(pdf: Path, page: int) -> str:
    command = ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def numbers(text: str) -> list[int]:
    """The numbers of the lines that hold nothing else, in reading order."""
    lines = [line for line in text.splitlines() if re.fullmatch(r"[\d\s]*\d[\d\s]*", line)]
    return [int(n) for n in re.findall(r"\d+", "\n".join(lines))]


def test_activity_cards_print_every_card_whole_on_one_page(built_site: Path) -> None:
    project = load_project(ROOT / "modules")
    sheet = next(w for w in project.module("kerja-sama").worksheets if w.id == "lk-kartu-kegiatan")
    (cards,) = [f for f in sheet.fields if isinstance(f, Cards)]
    for lang, language in (("", "id"), ("en/", "en")):
        pdf = built_site / f"{lang}materi/kerja-sama/lembar-kerja/lk-kartu-kegiatan.pdf"
        assert len(PdfReader(pdf).pages) == 1, pdf
        text = " ".join(page_text(pdf, 1).split())
        for item in cards.items:
            words = getattr(item, language).split()
            assert " ".join(words[:2]) in text, (lang, item)


def test_a_card_list_needs_at_least_two_cards() -> None:
    with pytest.raises(ValidationError, match="at least 2 items"):
        Cards(kind="cards", label=LABEL, items=[LABEL])
