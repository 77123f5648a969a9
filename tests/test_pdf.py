"""Printables: real PDFs from WeasyPrint, read back with pypdf and pdftoppm."""

from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import DATA, ROOT
from pypdf import PdfReader
from scoresite.pdf import ENGINE, _write_pdf, render_pdfs
from scoresite.validate import load_project

A4 = (595.28, 841.89)


def squash(text: str) -> str:
    """Text without whitespace: PDF extraction breaks lines where the layout wraps."""
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path) -> str:
    return squash("".join(page.extract_text() for page in PdfReader(path).pages))


def texts(value: object, lang: str) -> list[str]:
    if isinstance(value, dict) and set(value) == {"id", "en"}:
        return [str(value[lang])]
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [t for v in value for t in texts(v, lang)]
    return []


def trainer_only_texts(lang: str) -> list[str]:
    """Every trainer note and answer explanation of the real modules, from the raw YAML."""
    found = []
    for path in sorted((ROOT / "modules").glob("modul-*.yml")):
        module = yaml.safe_load(path.read_text(encoding="utf-8"))
        for session in module["sessions"]:
            found += texts(session.get("trainer_notes", []), lang)
            for activity in session["activities"]:
                found += texts(activity.get("trainer_notes"), lang)
        for question in module["quiz"]:
            found += texts(question["explanation"], lang)
    return found


@pytest.fixture(scope="module")
def pdfs(built_site: Path) -> list[Path]:
    found = sorted(built_site.rglob("*.pdf"))
    assert found
    return found


def test_every_pdf_is_a4(pdfs: list[Path]) -> None:
    for path in pdfs:
        for page in PdfReader(path).pages:
            size = sorted((float(page.mediabox.width), float(page.mediabox.height)))
            assert size == pytest.approx(A4, abs=0.5), path  # portrait or landscape


def test_pdfs_carry_title_language_author_and_embedded_fonts(pdfs: list[Path]) -> None:
    for path in pdfs:
        reader = PdfReader(path)
        assert reader.metadata and reader.metadata.title and reader.metadata.author, path
        expected = "en" if "/en/" in path.as_posix() else "id"
        assert reader.trailer["/Root"]["/Lang"] == expected, path
        fonts = reader.pages[0]["/Resources"]["/Font"]
        for ref in fonts.values():
            descriptor = ref.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor.get_object(), path
            program = descriptor.get_object()["/FontFile2"].get_object().get_data()
            assert "DejaVu".encode("utf-16-be") in program, path  # the font's own name table


def test_participant_pdfs_hold_no_trainer_notes_or_answer_keys(pdfs: list[Path]) -> None:
    participant = [p for p in pdfs if p.name != "pelatih.pdf"]
    guides = [p for p in pdfs if p.name == "pelatih.pdf"]
    assert participant and guides
    for lang in ("id", "en"):
        # 120 characters: long enough that only a copy of the note could match
        secrets = [squash(t)[:120] for t in trainer_only_texts(lang)]
        assert len(secrets) > 20
        in_lang = [p for p in participant if ("/en/" in p.as_posix()) == (lang == "en")]
        for path in in_lang:
            text = pdf_text(path)
            leaked = [s for s in secrets if s in text]
            assert leaked == [], path
        guide_text = "".join(
            pdf_text(p) for p in guides if ("/en/" in p.as_posix()) == (lang == "en")
        )
        assert sum(s in guide_text for s in secrets) >= 0.9 * len(secrets)


def test_5r_checklists_hold_every_criterion_and_score_boxes(built_site: Path) -> None:
    five_r = yaml.safe_load((ROOT / "modules" / "5r.yml").read_text(encoding="utf-8"))
    form = pdf_text(built_site / "materi/5r/formulir-audit-5r.pdf")
    for step in five_r["steps"]:
        text = pdf_text(built_site / f"materi/5r/{step['id']}.pdf")
        for criterion in step["criteria"]:
            assert squash(criterion["text"]["id"])[:30] in text
            assert squash(criterion["text"]["id"])[:30] in form
            assert squash(criterion["scores"][4]["id"])[:25] in text
        assert f"/{len(step['criteria']) * 4}" in text
    assert "Skortotal" in form and "Fotosebelum" in form


def test_worksheet_pdfs_carry_their_title_and_fill_in_fields(built_site: Path) -> None:
    for path in sorted((ROOT / "modules").glob("modul-*.yml")):
        module = yaml.safe_load(path.read_text(encoding="utf-8"))
        for sheet in module["worksheets"]:
            for lang, prefix, labels in (
                ("id", "", ("Tanggal", "Perusahaan", "Tandatangan")),
                ("en", "en/", ("Date", "Enterprise", "Signature")),
            ):
                pdf = built_site / f"{prefix}materi/{module['id']}/lembar-kerja/{sheet['id']}.pdf"
                text = pdf_text(pdf)
                assert squash(sheet["title"][lang])[:30] in text
                for session in module["sessions"]:
                    if sheet["id"] in session.get("worksheets", []):
                        # the header prints the session in capitals
                        assert squash(session["title"][lang])[:30].upper() in text
                header, signature = labels[:2], labels[2:]  # unless the sheet has none
                if sheet.get("header", "enterprise") == "enterprise":
                    assert all(label in text for label in header), (pdf, header)
                if sheet.get("signoff", "name") == "name":
                    assert all(label in text for label in signature), (pdf, signature)


def test_first_pages_are_not_blank(pdfs: list[Path], tmp_path: Path) -> None:
    for number, path in enumerate(pdfs):
        out = tmp_path / f"p{number}"
        subprocess.run(
            ["pdftoppm", "-r", "20", "-gray", "-f", "1", "-l", "1", str(path), str(out)], check=True
        )
        image = next(tmp_path.glob(f"p{number}*.pgm")).read_bytes()
        pixels = image.split(b"\n", 3)[3]
        dark = sum(1 for value in pixels if value < 128)
        assert dark > 0.005 * len(pixels), path


def test_print_page_links_every_pdf_with_its_pages(built_site: Path, pdfs: list[Path]) -> None:
    for lang_root in (built_site, built_site / "en"):
        page = lang_root / "materi" / "cetak.html"
        html = page.read_text(encoding="utf-8")
        linked = {
            (page.parent / href).resolve() for href in re.findall(r'href="([^"]+\.pdf)"', html)
        }
        assert linked == {p.resolve() for p in pdfs}
        pages = re.findall(r"PDF · (\d+) \w+ · \d+ KB</a>", html)
        assert len(pages) == len(pdfs) and all(int(n) >= 1 for n in pages)


def test_every_pdf_link_on_the_site_resolves(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        for href in re.findall(r'href="([^"]+\.pdf)"', page.read_text(encoding="utf-8")):
            assert (page.parent / href).is_file(), (page, href)


def test_rendering_twice_gives_identical_bytes_and_the_cache_skips_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # as the build sets it
    project = load_project(DATA / "good")
    first = render_pdfs(project, "https://example.org/", tmp_path / "a", jobs=1)
    second = render_pdfs(project, "https://example.org/", tmp_path / "b", jobs=2)
    assert len(first) == 16  # 7 printables and a slide handout, in 2 languages
    for a, b in zip(first, second, strict=True):
        assert a.file.read_bytes() == b.file.read_bytes(), a.printable.path
    stamps = {r.file: r.file.stat().st_mtime_ns for r in first}
    again = render_pdfs(project, "https://example.org/", tmp_path / "a", jobs=1)
    assert {r.file: r.file.stat().st_mtime_ns for r in again} == stamps


# sha256 of tests/data/print/reference.html as a PDF, made with pdf.ENGINE "weasyprint-70.0
# pydyf-0.13.0 fonttools-4.68.0 … pango-1.50.12 harfbuzz-6.0.0 subset-harfbuzz" and Debian 12's
# fonts-dejavu-core 2.37. After a deliberate upgrade of that stack (pyproject.toml or the
# Makefile's Debian packages), refresh it: run this test and copy the sha256 it reports.
REFERENCE_SHA256 = "16448b03888b4a3eb3f56ae2d5745a2a3c34d37c8be93f383e9ac796616a6c6c"


def test_a_reference_pdf_has_the_same_bytes_on_every_machine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PDF stack is pinned: Python packages by pyproject.toml, Pango, HarfBuzz's font
    subsetter and the fonts by the Makefile. The page is our own fixed HTML, not the templates,
    so that a change of wording or layout does not look like a change of machine."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    target = tmp_path / "reference.pdf"
    _write_pdf(((DATA / "print" / "reference.html").read_text(encoding="utf-8"), str(target)))
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    assert digest == REFERENCE_SHA256, f"sha256 {digest} with {ENGINE}"
