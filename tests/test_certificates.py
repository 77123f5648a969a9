"""Certificates print any name on one line above its rule, or refuse it with its line."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import DATA
from scoresite.catalogue import printables
from scoresite.participants import LONGEST_NAME
from scoresite.pdf import _write_pdf, print_html
from scoresite.problems import ContentError
from scoresite.validate import load_project

NAME_60 = "Raden Ajeng Kartini Sastrowardoyo Djojoadiningrat Purnomosid"
NAME_80 = "Prof. Dr. Ir. Raden Mas Haryo Bagus Setyo Pramono Djojohadikusumo Wirjosandjojos"
NAME_120 = NAME_60 + " binti Haji Muhammad Abdurrahman Wahid Mangkunegoro Kusumoto"


def with_names(tmp_path: Path, names: list[str]) -> Path:
    root = tmp_path / "modules"
    shutil.copytree(DATA / "good", root)
    (root / "peserta.csv").write_text("nama\n" + "\n".join(names) + "\n", encoding="utf-8")
    return root


def lines_and_rules(
    pdf: Path, page: int, tmp: Path
) -> tuple[list[tuple[str, float, float]], list[int]]:
    """The page's text lines (words, top, bottom in pt) and the rows of its long rules (72 dpi,
    so one pixel is one point): rules at least 100 mm long drawn in black."""
    layout = subprocess.run(
        ["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    lines = [
        (" ".join(re.findall(r">([^<]+)</word>", body)), float(top), float(bottom))
        for top, bottom, body in re.findall(
            r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>',
            layout,
            re.S,
        )
    ]
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "72",
            "-gray",
            "-f",
            str(page),
            "-l",
            str(page),
            str(pdf),
            str(tmp / "c"),
        ],
        check=True,
    )
    image = next(tmp.glob("c*.pgm"))
    _, size, _, pixels = image.read_bytes().split(b"\n", 3)
    image.unlink()
    width, height = map(int, size.split())
    rules = [
        y
        for y in range(height)
        if max(
            map(len, re.findall(rb"[\x00-\x60]+", pixels[y * width : (y + 1) * width])), default=0
        )
        >= 100 / 25.4 * 72
    ]
    return lines, rules


@pytest.mark.parametrize("name", [NAME_60, NAME_80])
def test_a_long_name_prints_on_one_line_above_its_rule(tmp_path: Path, name: str) -> None:
    project = load_project(with_names(tmp_path, ["Siti Aminah", name]))
    certificate = next(p for p in printables(project) if p.kind == "certificate")
    pdf = tmp_path / "sertifikat.pdf"
    _write_pdf((print_html(certificate, project, "id", ""), str(pdf)))
    lines, rules = lines_and_rules(pdf, 2, tmp_path)
    texts = [text for text, _, _ in lines]
    assert name in texts, texts  # the whole name on one line
    at = texts.index(name)
    _, top, bottom = lines[at]
    rule = min(y for y in rules if y >= top)
    assert rule >= bottom - 1, (rule, bottom)  # under the name, not through it
    assert rule < lines[at + 1][1], "the rule runs under the next line"


def test_a_name_longer_than_a_certificate_holds_is_refused_with_its_line(tmp_path: Path) -> None:
    assert len(NAME_120) == 120 and len(NAME_80) == LONGEST_NAME
    with pytest.raises(ContentError) as raised:
        load_project(with_names(tmp_path, ["Siti Aminah", NAME_120, NAME_80]))
    assert str(raised.value).count("modules/peserta.csv") == 1
    assert (
        "modules/peserta.csv:3:1: the name has 120 characters; a certificate prints at most "
        f"{LONGEST_NAME} on one line"
    ) in str(raised.value)
