"""The PDFs' structure trees, walked with pypdf: headings in order, header cells with their
scope, and tables only where there is data (never for layout)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject


@pytest.fixture(scope="module")
def pdfs(built_site: Path) -> list[Path]:
    return sorted(built_site.rglob("*.pdf"))


def elements(
    node: object, parents: tuple[str, ...] = ()
) -> Iterator[tuple[str, DictionaryObject, tuple[str, ...]]]:
    """Each structure element in reading order, with its tag and its ancestors' tags."""
    node = getattr(node, "get_object", lambda: node)()
    if not isinstance(node, DictionaryObject):
        return  # a marked-content id: the text itself
    tag = str(node.get("/S", ""))
    if tag:
        yield tag, node, parents
    kids = node.get("/K", [])
    for kid in kids if isinstance(kids, list) else [kids]:
        yield from elements(kid, (*parents, tag) if tag else parents)


def structure(pdf: Path) -> list[tuple[str, DictionaryObject, tuple[str, ...]]]:
    return list(elements(PdfReader(pdf).trailer["/Root"]["/StructTreeRoot"]))


def skipped_headings(levels: list[int]) -> list[tuple[int, int]]:
    """(previous, next) where a heading goes more than one level down, or the first is no H1."""
    steps = list(zip([0, *levels], levels, strict=False))
    return [(a, b) for a, b in steps if b > a + 1]


def test_skipped_headings_are_found() -> None:
    assert skipped_headings([1, 2, 3, 2, 1, 2]) == []
    assert skipped_headings([1, 3]) == [(1, 3)] and skipped_headings([2]) == [(0, 2)]


def test_every_pdf_has_headings_in_order_from_h1(pdfs: list[Path]) -> None:
    for pdf in pdfs:
        levels = [
            int(tag[2]) for tag, _, _ in structure(pdf) if tag in {f"/H{n}" for n in range(1, 7)}
        ]
        assert levels and skipped_headings(levels) == [], (pdf, levels)


def test_every_header_cell_has_a_scope_and_every_table_has_headers(pdfs: list[Path]) -> None:
    scopes: set[str] = set()
    for pdf in pdfs:
        for tag, node, _ in structure(pdf):
            if tag == "/TH":
                scope = str(node["/A"].get("/Scope"))
                assert scope in ("/Row", "/Column"), (pdf, scope)
                scopes.add(scope)
            if tag == "/Table":  # one without header cells lays things out: not a table
                assert any(t == "/TH" for t, _, _ in elements(node)), pdf
    assert scopes == {"/Row", "/Column"}


def test_certificates_and_cut_out_cards_are_not_tagged_as_tables(pdfs: list[Path]) -> None:
    laid_out = [p for p in pdfs if p.name in ("sertifikat.pdf", "label-merah-kartu.pdf")]
    assert len(laid_out) >= 4
    for pdf in laid_out:
        assert all(tag != "/Table" for tag, _, _ in structure(pdf)), pdf
