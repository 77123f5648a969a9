"""Print for a pen and a photocopier: the built PDFs read back (pypdf, pdftoppm) and the CSS."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import DATA, ROOT
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from scoresite.model import Table
from scoresite.pdf import PRINT, render_pdfs
from scoresite.sheet import landscape, table_layout, weight
from scoresite.validate import load_project
from test_pdf import pdf_text, squash

PLACEHOLDER = "example.org"
MOST_UNDER_USED = 5  # at 20 dpi: 64 of 683 pages in 2026-11, 20 of 620 at 6ee745e (2026-12)


@pytest.fixture(scope="module")
def pdfs(built_site: Path) -> list[Path]:
    return sorted(built_site.rglob("*.pdf"))


def used_share(pdf: Path, tmp: Path) -> list[float]:
    """For each page, the share of the text area's height down to its lowest ink (20 dpi)."""
    subprocess.run(["pdftoppm", "-r", "20", "-gray", str(pdf), str(tmp / "p")], check=True)
    shares = []
    for image in sorted(tmp.glob("p*.pgm"), key=lambda p: int(p.stem.split("-")[-1])):
        header, size, _, pixels = image.read_bytes().split(b"\n", 3)
        width, height = map(int, size.split())
        top, bottom = round(14 / 25.4 * 20), height - round(18 / 25.4 * 20)  # page margins
        inked = [y for y in range(top, bottom) if min(pixels[y * width : (y + 1) * width]) < 160]
        shares.append((inked[-1] - top + 1) / (bottom - top) if inked else 0.0)
        image.unlink()
    return shares


def test_almost_no_page_is_under_a_quarter_used(pdfs: list[Path], tmp_path: Path) -> None:
    runts = [
        (pdf.name, number)
        for pdf in pdfs
        for number, share in enumerate(used_share(pdf, tmp_path), start=1)
        if share < 0.25
    ]
    assert len(runts) <= MOST_UNDER_USED, runts


def test_no_table_prints_two_number_columns(pdfs: list[Path]) -> None:
    for pdf in pdfs:
        assert "No.No." not in pdf_text(pdf), pdf


def test_compact_5r_score_sheet_has_every_criterion_on_two_sides(built_site: Path) -> None:
    five_r = yaml.safe_load((ROOT / "modules" / "5r.yml").read_text(encoding="utf-8"))
    for prefix, lang in (("", "id"), ("en/", "en")):
        sheet = built_site / f"{prefix}materi/5r/lembar-skor-5r.pdf"
        assert len(PdfReader(sheet).pages) <= 2
        text = pdf_text(sheet)
        for step in five_r["steps"]:
            assert f"/{len(step['criteria']) * 4}" in text
            for criterion in step["criteria"]:
                assert squash(criterion["text"][lang])[:30] in text
        assert "/140" in text
    assert all(label in pdf_text(sheet) for label in ("Enterprise", "Auditor", "Signature"))


def test_every_pdf_is_tagged_with_language_title_and_reading_order(pdfs: list[Path]) -> None:
    for pdf in pdfs:
        root = PdfReader(pdf).trailer["/Root"]
        assert "/StructTreeRoot" in root, pdf
        assert bool(root["/MarkInfo"]["/Marked"]), pdf
        assert root["/Lang"] in ("id", "en"), pdf
        assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]), pdf


def test_printouts_carry_no_placeholder_address_and_the_build_says_so(
    pdfs: list[Path], built_site: Path
) -> None:
    for pdf in pdfs:
        assert PLACEHOLDER not in pdf_text(pdf), pdf
        assert not any(alt.startswith("QR") for alt in figure_alts(pdf)), pdf
    log = (built_site.parent / "build-stderr.txt").read_text(encoding="utf-8")
    assert len([line for line in log.splitlines() if "site_url" in line]) == 1, log


def figure_alts(pdf: Path) -> list[str]:
    """The alternative texts of the tagged figures (the QR code's says 'QR: address')."""
    found, todo = [], [PdfReader(pdf).trailer["/Root"]["/StructTreeRoot"]]
    while todo:
        node = todo.pop()
        if isinstance(node, DictionaryObject):
            if "/Alt" in node:
                found.append(str(node["/Alt"]))
            kids = node.get("/K", [])
            todo += [k.get_object() for k in (kids if isinstance(kids, list) else [kids])]
    return found


def test_a_real_site_url_puts_its_address_and_qr_code_on_printouts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    project = load_project(DATA / "good")
    real = render_pdfs(project, "https://score.pelatihan.test/", tmp_path / "real", jobs=1)
    sheet = next(r.file for r in real if r.printable.kind == "worksheet" and r.lang == "id")
    assert "score.pelatihan.test" in pdf_text(sheet)
    assert any(a.startswith("QR: score.pelatihan.test/") for a in figure_alts(sheet))
    placeholder = render_pdfs(project, "https://example.org/x/", tmp_path / "none", jobs=1)
    for r in placeholder:
        assert PLACEHOLDER not in pdf_text(r.file) and not figure_alts(r.file), r.file


def css_rules(css: str) -> list[tuple[str, str]]:
    """(selector, declarations) of every rule, nested @page margin boxes included."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return re.findall(r"([^{};]+)\{([^{}]*)\}", css)


def grey(hex_colour: str) -> int:
    digits = hex_colour.lstrip("#")
    digits = "".join(c * 2 for c in digits) if len(digits) == 3 else digits
    return max(int(digits[i : i + 2], 16) for i in (0, 2, 4))


def test_print_css_survives_a_black_and_white_photocopy() -> None:
    css = (PRINT / "print.css").read_text(encoding="utf-8")
    css += (PRINT / "base.html").read_text(encoding="utf-8")
    rules = css_rules(css)
    assert len(rules) > 40
    for selector, body in rules:
        for size in re.findall(r"font-size:\s*([\d.]+)pt", body):
            assert float(size) >= (9 if "trainer" in selector else 8), (selector, size)
        assert not re.search(r"font-size:\s*[\d.]+(px|mm|em|rem|%)", body), selector
        if "trainer" in selector:
            assert "italic" not in body, selector
        for prop, value in re.findall(r"([\w-]+):\s*([^;]+)", body):
            if prop == "background" and "gradient" not in value:
                continue  # light fills behind black text carry nothing
            for colour in re.findall(r"#[0-9a-fA-F]{3,6}\b", value):
                if colour.lower() not in ("#fff", "#ffffff"):  # white: paper, a gap
                    assert grey(colour) <= 0x77, (selector, prop, colour)


def test_write_in_columns_get_room_by_what_people_write() -> None:
    project = load_project(ROOT / "modules")
    sheets = [w for m in project.modules for w in m.worksheets] + project.programme.worksheets
    checked = 0
    for sheet in sheets:
        page_mm = 269 if landscape(sheet) else 182
        for field in sheet.fields:
            if not isinstance(field, Table):
                continue
            lay = table_layout(field)
            assert lay.need_mm <= 269, (sheet.id, field.label.id)  # fits landscape at least
            mm = dict(zip([c.id for c in lay.columns], lay.widths[lay.numbered :], strict=True))
            for header, share in mm.items():
                if weight(header) == 3:  # a name, an action, a hazard: room for handwriting
                    assert share * page_mm / 100 >= 28, (sheet.id, header)
                    checked += 1
    assert checked > 30
    charter = next(w for w in sheets if w.id == "lk-piagam-tim")
    members = table_layout(next(f for f in charter.fields if isinstance(f, Table)))
    assert [c.id for c in members.columns][-1] == "Tanda tangan"  # every member signs
    assert members.widths[1] > members.widths[3]  # Nama wider than "Wakil manajemen atau …"


def test_a_risk_matrix_prints_each_score_and_level_in_its_own_cell(built_site: Path) -> None:
    """Hints (`cells:` of a table) print row by row after the row's label, in both languages,
    so a worker writing a hazard number sees which score and level that cell means."""
    project = load_project(ROOT / "modules")
    hinted = [
        (module, worksheet, field)
        for module in project.modules
        for worksheet in module.worksheets
        for field in worksheet.fields
        if isinstance(field, Table) and field.cells
    ]
    assert hinted  # the K3 risk matrix
    for module, worksheet, table in hinted:
        for prefix, lang in (("", "id"), ("en/", "en")):
            pdf = built_site / f"{prefix}materi/{module.id}/lembar-kerja/{worksheet.id}.pdf"
            text = pdf_text(pdf)
            for label, row in zip(table.row_labels, table.cells, strict=True):
                expected = squash(label(lang) + "".join(hint(lang) for hint in row))
                assert expected in text, (pdf.name, expected)
