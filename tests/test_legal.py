"""Legal references: revoked regulations appear nowhere, and the boxes cite what was read."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from scoresite.model import Project
from scoresite.validate import load_project

# Regulations that have been revoked, as they are commonly written. Permenaker PER.04/MEN/1987
# (P2K3) was revoked by Permenaker No. 13 Tahun 2025 (set 17 November 2025).
REVOKED = re.compile(
    r"PER\.?\s*0?4\s*/\s*MEN\s*/\s*1987"
    r"|Permenaker\s+(No\.?\s*)?0?4\s*/\s*1987"
    r"|Nomor\s+0?4\s+Tahun\s+1987",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(ROOT / "modules")


def test_the_pattern_catches_the_ways_the_revoked_rule_is_written() -> None:
    for text in ("Permenaker No. PER.04/MEN/1987", "Per.04/Men/1987", "Permenaker 04/1987"):
        assert REVOKED.search(text), text
    assert not REVOKED.search("Permenaker No. PER.04/MEN/1980")  # APAR: still in force


def test_no_revoked_regulation_in_the_content() -> None:
    for path in sorted((ROOT / "modules").glob("*.yml")):
        found = REVOKED.search(path.read_text(encoding="utf-8"))
        assert not found, f"{path.name}: {found and found.group()}"


def test_no_revoked_regulation_on_any_page_or_pdf(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    pdfs = sorted(built_site.rglob("*.pdf"))
    assert len(pages) > 100 and len(pdfs) > 100
    for page in pages:
        found = REVOKED.search(page.read_text(encoding="utf-8"))
        assert not found, f"{page.relative_to(built_site)}: {found and found.group()}"
    for pdf in pdfs:
        text = subprocess.run(
            ["pdftotext", "-q", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        found = REVOKED.search(" ".join(text.split()))
        assert not found, f"{pdf.relative_to(built_site)}: {found and found.group()}"


def test_p2k3_and_accident_reporting_cite_the_current_texts(project: Project) -> None:
    k3 = project.module("k3").references
    cited = {(r.regulation, r.article) for r in k3}
    assert ("Permenaker No. 13 Tahun 2025", "Pasal 3") in cited
    assert ("UU No. 1 Tahun 1970", "Pasal 11") in cited
    assert ("Permenaker No. PER.03/MEN/1998", "Pasal 4") in cited
    bpjs = [r for r in k3 if r.regulation.startswith("PP No. 44 Tahun 2015")]
    assert bpjs and "Permenaker No. 1 Tahun 2025" in bpjs[0].regulation
    for reference in k3:
        assert "Desember 2026" in reference.checked.id  # each names what was read, and when


def test_the_hr_box_covers_working_time_rest_contracts_and_bpjs(project: Project) -> None:
    hr = " ".join(f"{r.regulation} {r.article}" for r in project.module("sdm").references)
    for citation in ("UU No. 6 Tahun 2023 Pasal 77", "Pasal 21–22", "Bab II (PKWT)"):
        assert citation in hr
    assert "UU No. 24 Tahun 2011" in hr and "Pasal 13 UU 40/2004" in hr
