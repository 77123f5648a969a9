from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from scoresite import search
from scoresite.search import corpus_words, lunr_id_script, snowball, stem, stem_table

SITE_TEXT = [
    {
        "title": "Rawat",
        "text": "<p>Perawatan mesin. Memilah barang; sisa <em>dipilah</em>. Keselamatan kerja. "
        "Pilah, rawat &amp; menata alat. Penilaian hasil.</p>",
    }
]


def test_dictionary_stems_correct_snowball_for_the_words_of_the_site() -> None:
    table = stem_table(corpus_words(SITE_TEXT))
    assert (snowball("perawatan"), snowball("memilah")) == ("awat", "memi")
    assert stem("perawatan", table) == stem("rawat", table) == "rawat"
    assert stem("memilah", table) == stem("dipilah", table) == stem("pilah", table) == "pilah"
    assert stem("keselamatannya", table) == stem("keselamatan", table) == "selamat"


def test_forms_not_on_the_site_find_their_kin() -> None:
    table = stem_table(corpus_words(SITE_TEXT))
    assert stem("perawatannya", table) == "rawat"  # a clitic on a word of the site
    assert snowball("penilai") == "ilai"
    assert stem("penilai", table) == stem("penilaian", table) == "nilai"  # via Snowball's stem


def test_words_are_split_and_trimmed_as_lunr_does() -> None:
    words = corpus_words(SITE_TEXT)
    assert {"perawatan", "dipilah", "pilah", "rawat", "menata"} <= words
    assert not {"em", "amp", "p"} & words


def test_lunr_language_file_is_a_classic_script_with_its_table() -> None:
    script = lunr_id_script({"words": {"perawatan": "rawat"}, "stems": {}})
    assert "export " not in script
    assert "lunr.id = function" in script
    assert '{"stems":{},"words":{"perawatan":"rawat"}}' in script


def test_each_language_searches_only_its_own_pages(built_site: Path) -> None:
    indexes = {
        lang: json.loads((built_site / folder / search.FULL_INDEX).read_text("utf-8"))
        for lang, folder in (("id", "search"), ("en", "en/search"))
    }
    id_pages = {d["location"].split("#")[0] for d in indexes["id"]["docs"]}
    en_pages = {d["location"].split("#")[0] for d in indexes["en"]["docs"]}
    langs = (indexes["id"]["config"]["lang"], indexes["en"]["config"]["lang"])
    assert langs == (["id"], ["english"])  # the theme's worker loads lunr.LANG.min.js for each
    assert "materi/5r/ringkas.html" in id_pages & en_pages  # en locations are inside en/
    assert not any(p.startswith("en/") for p in id_pages | en_pages)
    assert "Sorting" not in json.dumps(indexes["id"]["docs"])
    assert "Memilah" not in json.dumps(indexes["en"]["docs"])


def test_the_quick_index_has_every_section_with_its_opening_words(built_site: Path) -> None:
    """What the theme's worker is given first over http: every title and heading, each text cut
    at a word to at most QUICK_TEXT characters without markup, and where the whole index is."""
    for folder in ("search", "en/search"):
        quick = json.loads((built_site / folder / "search_index.json").read_text("utf-8"))
        full = json.loads((built_site / folder / search.FULL_INDEX).read_text("utf-8"))
        assert quick["config"] == {**full["config"], "full": f"search/{search.FULL_INDEX}"}
        assert [(d["location"], d["title"]) for d in quick["docs"]] == [
            (d["location"], d["title"]) for d in full["docs"]
        ]
        for short, whole in zip(quick["docs"], full["docs"], strict=True):
            assert len(short["text"]) <= search.QUICK_TEXT + 2 and "<" not in short["text"]
            words = short["text"].removesuffix(" …").split()
            assert words == search.opening(whole["text"]).removesuffix(" …").split()
            assert " ".join(re.sub(r"<[^>]+>", " ", whole["text"]).split()).startswith(
                " ".join(words)
            )
        quick_bytes = (built_site / folder / "search_index.json").stat().st_size
        assert quick_bytes < 0.4 * (built_site / folder / search.FULL_INDEX).stat().st_size


def test_opening_words_cut_at_a_word_and_keep_entities_whole() -> None:
    text = "<p>Sisa &amp; " + "kain " * 40 + "</p>"
    cut = search.opening(text)
    assert cut.startswith("Sisa &amp; kain kain") and cut.endswith("kain …")
    assert len(cut) <= search.QUICK_TEXT + 2
    assert search.opening("<p>Rawat <em>mesin</em>.</p>") == "Rawat mesin ."


def test_english_pages_point_the_search_at_their_own_index(built_site: Path) -> None:
    base = re.compile(r'<script id="__config" type="application/json">[^<]*?"base": "([^"]*)"')
    page = (built_site / "en/materi/5r/ringkas.html").read_text("utf-8")
    assert base.findall(page) == ["../../../en/"]
    page = (built_site / "materi/5r/ringkas.html").read_text("utf-8")
    assert base.findall(page) == ["../.."]


def test_the_stem_table_is_kept_on_disk_and_a_damaged_entry_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = frozenset({"perawatan", "merawat", "memilah", "pilah"})
    first = search.cached_stem_table(words, tmp_path)
    assert first == search.stem_table(words)
    (entry,) = tmp_path.glob("stems-*.json")

    def must_not_run(_: frozenset[str]) -> dict[str, dict[str, str]]:
        raise AssertionError("the stem table was made again although it is on disk")

    with monkeypatch.context() as patch:
        patch.setattr(search, "stem_table", must_not_run)
        assert search.cached_stem_table(words, tmp_path) == first
    entry.write_text(entry.read_text(encoding="utf-8")[:20], encoding="utf-8")
    assert search.cached_stem_table(words, tmp_path) == first
    other = search.cached_stem_table(words | {"menata"}, tmp_path)
    assert other["words"].get("menata") == "tata"
    assert len(list(tmp_path.glob("stems-*.json"))) == 1
    with monkeypatch.context() as patch:  # `mkdocs serve`: a new word does not cost a table
        patch.setattr(search, "stem_table", must_not_run)
        assert search.cached_stem_table(words, tmp_path, any_words=True) == other
