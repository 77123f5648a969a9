"""The delivery kit: workshop worksheets, course paperwork and certificates, in both languages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import DATA, ROOT
from pypdf import PdfReader
from scoresite.catalogue import printables
from scoresite.cli import main
from scoresite.participants import Participant
from scoresite.pdf import print_html
from scoresite.problems import ContentError
from scoresite.validate import load_project

NEW_PRINTABLES = [
    "materi/lokakarya-5r/lembar-kerja/label-merah-kartu.pdf",
    "materi/lokakarya-5r/lembar-kerja/label-merah-daftar.pdf",
    "materi/lokakarya-5r/lembar-kerja/periksa-5r-harian.pdf",
    "materi/lokakarya-5r/lembar-kerja/standar-area.pdf",
    "materi/presentasi-5r/lembar-kerja/presentasi-sebelum-sesudah.pdf",
    "materi/lokakarya-5r/buku-kerja.pdf",
    "materi/lokakarya-5r/pelatih.pdf",
    "materi/administrasi/daftar-hadir.pdf",
    "materi/administrasi/profil-perusahaan.pdf",
    "materi/administrasi/petunjuk-peserta.pdf",
    "materi/administrasi/evaluasi-pelatihan.pdf",
    "materi/administrasi/lembar-jawaban-tes.pdf",
    "materi/administrasi/rekap-skor-tes.pdf",
    "materi/program/lembar-kerja/data-dasar-kpi.pdf",
    "materi/kerja-sama/sertifikat.pdf",
    "materi/lokakarya-5r/sertifikat.pdf",
]


def test_each_new_printable_exists_in_both_languages(built_site: Path) -> None:
    for path in NEW_PRINTABLES:
        for lang in ("", "en/"):
            assert len(PdfReader(built_site / f"{lang}{path}").pages) >= 1, f"{lang}{path}"
            page = built_site / f"{lang}{path.removesuffix('.pdf')}.html"
            assert page.is_file() or path.endswith(("sertifikat.pdf", "buku-kerja.pdf")), page


def test_red_tag_cards_print_four_to_a_page(built_site: Path) -> None:
    for lang, word in (("", "KARTU LABEL MERAH"), ("en/", "RED-TAG CARD")):
        pdf = PdfReader(built_site / f"{lang}{NEW_PRINTABLES[0]}")
        assert len(pdf.pages) == 1
        assert pdf.pages[0].extract_text().count(word) == 4


def test_certificate_is_a4_landscape(built_site: Path) -> None:
    for lang in ("", "en/"):
        box = PdfReader(built_site / f"{lang}materi/kerja-sama/sertifikat.pdf").pages[0].mediabox
        assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (
            297,
            210,
        )


def test_kpi_sheet_counts_accidents_and_near_misses_on_separate_rows(built_site: Path) -> None:
    pages = PdfReader(built_site / NEW_PRINTABLES[13]).pages
    text = " ".join(" ".join(page.extract_text() for page in pages).split())
    accidents = "Kecelakaan kerja (kejadian per bulan)"  # the row label from the definition
    assert accidents in text
    assert "hampir celaka" in text.split(accidents)[1].split("Ketidakhadiran")[0]


def content_with(tmp_path: Path, csv: str) -> Path:
    root = tmp_path / "modules"
    shutil.copytree(DATA / "good", root)
    (root / "peserta.csv").write_text(csv, encoding="utf-8")
    return root


def test_certificates_are_filled_from_peserta_csv(tmp_path: Path) -> None:
    root = content_with(
        tmp_path, "nama;perusahaan\nSiti Aminah;Tenun Sekar\n\nBudi  Santoso;CV Logam\n"
    )
    project = load_project(root)
    assert project.participants == {
        "": [Participant("Siti Aminah", "Tenun Sekar"), Participant("Budi Santoso", "CV Logam")]
    }
    certificate = next(p for p in printables(project) if p.kind == "certificate")
    html = print_html(certificate, project, "id", "")
    assert html.count('class="cert-name">Siti Aminah<') == 1
    assert html.count('class="cert-company">Tenun Sekar<') == 1
    assert html.count('class="certificate') == 2  # one page per participant
    assert html.count('class="write-in"></span>') == 2  # no `nomor`: numbers written by hand


def test_an_event_file_names_that_event_and_prints_company_and_number(tmp_path: Path) -> None:
    """peserta-<id>.csv: who attended that module or workshop; the others keep peserta.csv."""
    root = content_with(tmp_path, "nama\nSiti Aminah\nBudi Santoso\n")
    (root / "peserta-kerja-sama.csv").write_text(
        "Nomor,Nama,Perusahaan\n001/SCORE/2026,Ani,CV Logam Tegal\n", encoding="utf-8"
    )
    with pytest.raises(ContentError) as raised:  # `nama` first, as in peserta.csv
        load_project(root)
    header = "modules/peserta-kerja-sama.csv:1:1: the first row must be the header"
    assert header in str(raised.value)
    (root / "peserta-kerja-sama.csv").write_text(
        "nama,perusahaan,nomor\nAni,CV Logam Tegal,001/SCORE/2026\n", encoding="utf-8"
    )
    project = load_project(root)
    (module,) = project.modules
    assert project.certified(module.id) == [Participant("Ani", "CV Logam Tegal", "001/SCORE/2026")]
    certificate = next(p for p in printables(project) if p.kind == "certificate")
    html = print_html(certificate, project, "id", "")
    assert html.count('class="certificate') == 1 and "Siti" not in html
    assert '<span>001/SCORE/2026</span>' in html and 'class="cert-company">CV Logam Tegal<' in html
    (root / "peserta-kerja-sama.csv").rename(root / "peserta-lain.csv")
    with pytest.raises(ContentError) as raised:
        load_project(root)
    assert (
        "modules/peserta-lain.csv:1:1: no module or workshop has the id 'lain'; name the file "
        "peserta-<id>.csv with one of: kerja-sama"
    ) in str(raised.value)


def test_without_peserta_csv_the_certificate_has_a_line_to_write_on() -> None:
    project = load_project(DATA / "good")
    certificate = next(p for p in printables(project) if p.kind == "certificate")
    assert '<div class="cert-name"></div>' in print_html(certificate, project, "en", "")


def test_a_bad_peserta_csv_is_reported_with_its_line(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as raised:
        load_project(content_with(tmp_path, "nama\nSiti\n  ,x\n"))
    assert "modules/peserta.csv:3:1: the name (first column) is empty" in str(raised.value)
    with pytest.raises(ContentError) as raised:
        load_project(content_with(tmp_path / "other", "name\nSiti\n"))
    assert "modules/peserta.csv:1:1: the first row must be the header" in str(raised.value)


CITATION = re.compile(r"UU No\.|PER\.0\d/MEN|PP No\.")


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_legal_references_appear_for_trainers_only(built_site: Path) -> None:
    for module in ("k3", "sdm"):
        for lang in ("", "en/"):
            folder = built_site / f"{lang}materi/{module}"
            assert CITATION.search((folder / "pelatih.html").read_text("utf-8"))
            assert CITATION.search(pdf_text(folder / "pelatih.pdf"))
            assert not CITATION.search(pdf_text(folder / "buku-kerja.pdf"))
            for page in folder.rglob("*.html"):
                if page.name != "pelatih.html":
                    assert not CITATION.search(page.read_text("utf-8")), page
    k3 = pdf_text(built_site / "materi/k3/pelatih.pdf")
    for article in ("Pasal 10", "Pasal 11", "Pasal 14", "Pasal 5"):
        assert article in k3


def test_forbidden_spellings_are_warned_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "modules"
    shutil.copytree(DATA / "good", root)
    module = root / "modul-1-contoh.yml"
    text = module.read_text("utf-8")
    assert text.splitlines()[3].startswith("summary: {id: Ringkasan singkat.")
    module.write_text(text.replace("Ringkasan singkat.", "Potong plat per shift."), "utf-8")
    assert main(["check", str(root)]) == 0
    out = capsys.readouterr().out
    assert "modules/modul-1-contoh.yml:4:22: warning: 'plat' → write pelat" in out
    assert "modules/modul-1-contoh.yml:4:31: warning: 'shift' → write sif" in out
    assert out.strip().splitlines()[-1].startswith(f"{root}: OK")


def test_real_content_has_no_forbidden_spelling(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(ROOT / "modules")]) == 0
    assert "warning" not in capsys.readouterr().out


def test_administration_forms_have_their_own_header(built_site: Path) -> None:
    """No "Lembar kerja:" and no enterprise or personal fields where they make no sense."""

    def text(name: str, lang: str = "") -> list[str]:
        path = built_site / f"{lang}materi/administrasi/{name}.pdf"
        return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]

    for name in ("daftar-hadir", "evaluasi-pelatihan", "lembar-jawaban-tes", "petunjuk-peserta"):
        assert not any("Lembar kerja:" in page or "Diisi oleh" in page for page in text(name))
    evaluation = " ".join(text("evaluasi-pelatihan") + text("evaluasi-pelatihan", "en/"))
    for personal in ("Tanda tangan", "Perusahaan", "Signature", "Enterprise", "Filled in by"):
        assert personal not in evaluation  # truly anonymous
    attendance = text("daftar-hadir")
    assert "Pelatih" in attendance[0] and "Jam" in attendance[0]
    assert re.search(r"\b25\b", attendance[0])  # 25 people on the sheet passed round
    assert len(text("lembar-jawaban-tes")) == 1


def test_the_trainer_guide_prints_the_friday_schedule() -> None:
    """Content review #15: the Friday times were on the web page only."""
    project = load_project(ROOT / "modules")
    guide = next(
        p for p in printables(project) if p.kind == "guide" and p.context["module"].id == "k3"
    )
    html = print_html(guide, project, "id", "")
    assert "Jadwal hari Jumat" in html and "hari dimulai pukul 07.20" in html
    module_1 = next(
        p for p in printables(project) if p.kind == "guide" and p.context["module"].number == 1
    )
    assert "Friday schedule" in print_html(module_1, project, "en", "")
