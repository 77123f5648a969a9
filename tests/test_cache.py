"""The caches never lie: every input reaches the output, and a damaged cache entry heals."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import DATA, run_build
from pypdf import PdfReader
from scoresite import pdf
from scoresite.validate import load_project


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def site_pdfs(site: Path) -> dict[str, str]:
    """Every PDF of the site, read back: {path: text without whitespace}."""
    return {
        p.relative_to(site).as_posix(): squash(
            "".join(x.extract_text() for x in PdfReader(p).pages)
        )
        for p in sorted(site.rglob("*.pdf"))
    }


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def build(root: Path) -> dict[str, str]:
    result = run_build(root, root / "site")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return site_pdfs(root / "site")


def test_damaged_entries_heal_and_every_input_change_reaches_the_output(
    tmp_project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_project()
    # the build imports the project's own copy of our code, so its templates can be edited
    monkeypatch.setenv("PYTHONPATH", str(root / "scripts"))
    package = root / "scripts" / "scoresite" / "templates"
    sheet = "materi/kerja-sama/lembar-kerja/lk-a.pdf"
    first = build(root)
    assert "Halaman1dari" in first[sheet] and "example.org" not in first[sheet]  # placeholder

    cache = root / ".cache"
    cut, lost, garbled = sorted((cache / "pdf").glob("*.pdf"))[:3]
    whole = cut.read_bytes()
    cut.write_bytes(whole[: len(whole) // 2])  # a build killed, or a disk full, mid-write
    lost.with_suffix(".json").unlink()
    garbled.with_suffix(".json").write_text('{"pages": ', encoding="utf-8")
    (cache / "build.pickle").write_bytes(b"\x80\x04truncated")
    assert build(root) == first  # a damaged entry is a miss: rendered again, not an error
    assert cut.read_bytes() == whole

    edit(root / "modules" / "modul-1-contoh.yml", "Lembar A,", "Lembar Anggrek,")
    pdfs = build(root)
    assert "LembarAnggrek" in pdfs[sheet]
    assert (
        "Lembar Anggrek" in (root / "site" / "materi/kerja-sama/lembar-kerja/lk-a.html").read_text()
    )

    edit(package / "labels.yml", '"Halaman {page} dari {pages}"', '"Lembaran {page} dari {pages}"')
    assert "Lembaran1dari" in build(root)[sheet]

    edit(
        package / "print" / "worksheet.html",
        "{% endblock %}",
        "<p>Tanda templat baru</p>{% endblock %}",
    )
    assert "Tandatemplatbaru" in build(root)[sheet]

    edit(root / "mkdocs.yml", "https://example.org/score-5r/", "https://score.pelatihan.test/")
    pdfs = build(root)
    assert "score.pelatihan.test" in pdfs[sheet] and "example.org" not in pdfs[sheet]
    assert set(pdfs) == set(first)


def test_a_new_library_version_renders_every_pdf_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = load_project(DATA / "good")
    rendered: list[str] = []
    draw = pdf._write_pdf
    monkeypatch.setattr(pdf, "_write_pdf", lambda job: rendered.append(job[1]) or draw(job))
    before = {r.file for r in pdf.render_pdfs(project, "https://example.org/", tmp_path, jobs=1)}
    assert len(rendered) == len(before)
    rendered.clear()
    pdf.render_pdfs(project, "https://example.org/", tmp_path, jobs=1)
    assert rendered == []  # unchanged inputs: nothing drawn again
    monkeypatch.setattr(pdf, "ENGINE", pdf.ENGINE.replace("weasyprint-", "weasyprint-99"))
    after = {r.file for r in pdf.render_pdfs(project, "https://example.org/", tmp_path, jobs=1)}
    assert len(rendered) == len(after) and not before & after
    assert sorted(tmp_path.glob("*.pdf")) == sorted(after)  # the old entries are gone
