"""Slide decks for trainers, read back with python-pptx from the built site."""

from __future__ import annotations

import io
import math
import re
import unicodedata
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from conftest import DATA, ROOT
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.presentation import Presentation as Deck
from pptx.slide import Slide
from pptx.util import Pt
from pypdf import PdfReader
from scoresite.slides import Paragraph, page_sizes, plan, short, three_to_a_page
from scoresite.validate import load_project
from test_pdf import squash, texts, trainer_only_texts

LABELS = yaml.safe_load((ROOT / "scripts/scoresite/templates/labels.yml").read_text("utf-8"))
MODULES = {  # every file with sessions: the SCORE modules and any workshop run the same way
    path: content
    for path in sorted((ROOT / "modules").glob("*.yml"))
    if isinstance(content := yaml.safe_load(path.read_text(encoding="utf-8")), dict)
    and "sessions" in content
}


def deck_path(site: Path, module_id: str, lang: str) -> Path:
    return site / ("" if lang == "id" else "en") / "materi" / module_id / "slide.pptx"


NOT_BODY = ("Kicker", "Footer", "Slide number")


def body_words(slide: Slide) -> int:
    """Words a participant reads on the slide: every text but the title, kicker and footer
    (a word has a letter or a digit; "·" is none)."""
    shown = [
        s.text_frame.text
        for s in slide.shapes
        if s.has_text_frame and s.name not in NOT_BODY and s != slide.shapes.title
    ]
    return sum(len(re.findall(r"\S*\w\S*", text)) for text in shown)


def drawn(slide: Slide) -> tuple[int, int, int]:
    """Diagram shapes, arrows and charts on a slide (photo frames are none of them)."""
    shapes = sum(1 for s in slide.shapes if s.name.startswith("Figure"))
    arrows = sum(1 for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.LINE)
    charts = sum(1 for s in slide.shapes if s.has_chart)
    return shapes, arrows, charts


def session_tag(module: dict, number: int) -> str:
    return f"{module['number']}.{number}" if module.get("number") else str(number)


def shape_text(slide: Slide, name: str) -> str:
    return next((s.text_frame.text for s in slide.shapes if s.name == name), "")


def on_screen(slide: Slide) -> str:
    return squash(" ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame))


def in_notes(slide: Slide) -> str:
    return squash(slide.notes_slide.notes_text_frame.text) if slide.has_notes_slide else ""


def plain(text: str) -> str:
    return squash(text).replace("*", "").replace("`", "")


@pytest.fixture(scope="module")
def decks(built_site: Path) -> dict[tuple[str, str], Deck]:
    return {
        (module["id"], lang): Presentation(str(deck_path(built_site, module["id"], lang)))
        for module in MODULES.values()
        for lang in ("id", "en")
    }


def test_one_deck_per_module_and_language_and_nothing_else(built_site: Path) -> None:
    found = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.pptx"))
    wanted = sorted(
        deck_path(built_site, m["id"], lang).relative_to(built_site).as_posix()
        for m in MODULES.values()
        for lang in ("id", "en")
    )
    assert found == wanted


def test_no_slide_carries_more_than_40_words_of_body(
    decks: dict[tuple[str, str], Deck],
) -> None:
    counts = [body_words(slide) for deck in decks.values() for slide in deck.slides]
    assert max(counts) <= 40
    assert len(counts) > 400  # every slide of 14 decks was read


def test_every_slide_has_notes_and_a_continuation_says_where_it_began(
    decks: dict[tuple[str, str], Deck],
) -> None:
    for (module_id, lang), deck in decks.items():
        [more] = texts(LABELS["continued"], lang)
        for number, slide in enumerate(deck.slides, start=1):
            notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
            assert notes.strip(), (module_id, lang, number)
            if shape_text(slide, "Kicker").endswith(f"({more})"):
                first = re.search(r"\d+", notes.split("\n")[0])
                assert first and int(first[0]) < number, (module_id, lang, number, notes[:60])


def test_the_two_languages_decks_are_slide_for_slide_alike(
    decks: dict[tuple[str, str], Deck],
) -> None:
    for module in MODULES.values():
        pair = [decks[module["id"], lang] for lang in ("id", "en")]
        assert len(pair[0].slides) == len(pair[1].slides), module["id"]
        for ours, theirs in zip(pair[0].slides, pair[1].slides, strict=True):
            assert drawn(ours) == drawn(theirs), module["id"]
            frames = [sum(s.name == "Photo placeholder" for s in x.shapes) for x in (ours, theirs)]
            assert frames[0] == frames[1], module["id"]
            assert ("(" in shape_text(ours, "Kicker")) == ("(" in shape_text(theirs, "Kicker"))


def test_every_deck_draws_a_native_diagram_or_chart(decks: dict[tuple[str, str], Deck]) -> None:
    for key, deck in decks.items():
        found = [drawn(slide) for slide in deck.slides]
        assert any(shapes >= 3 or charts for shapes, _, charts in found), key


def test_every_diagram_in_the_content_gets_a_slide(decks: dict[tuple[str, str], Deck]) -> None:
    for module in MODULES.values():
        for lang in ("id", "en"):
            titles = [s.shapes.title.text_frame.text for s in decks[module["id"], lang].slides]
            for session in module["sessions"]:
                for diagram in session.get("diagrams", []):
                    assert texts(diagram["title"], lang)[0] in titles


def test_the_5r_talk_shows_the_five_steps_joined_by_arrows(
    decks: dict[tuple[str, str], Deck],
) -> None:
    steps = yaml.safe_load((ROOT / "modules/5r.yml").read_text("utf-8"))["steps"]
    deck = decks["lokakarya-5r", "id"]
    titled = [s for s in deck.slides if s.shapes.title.text_frame.text == "Lima langkah 5R"]
    [slide] = [s for s in titled if drawn(s)[0]]  # the talk's activity slide has the same title
    boxes = [s.text_frame.text for s in slide.shapes if s.name.startswith("Figure Rounded")]
    assert [b.split("\n")[0] for b in boxes] == [s["name"] for s in steps]
    assert drawn(slide)[1] == len(steps) - 1


def test_the_pareto_chart_is_a_native_chart_of_the_example_data(
    decks: dict[tuple[str, str], Deck],
) -> None:
    charts = [s.chart for slide in decks["mutu", "en"].slides for s in slide.shapes if s.has_chart]
    [chart] = charts
    bars, line = chart.plots
    assert list(bars.series[0].values) == [28, 20, 14, 10, 5, 3]
    assert list(line.series[0].values)[-1] == 100
    assert list(bars.categories)[0] == "Bent hinge"


def test_key_points_are_short_on_screen_and_whole_in_the_notes(
    decks: dict[tuple[str, str], Deck],
) -> None:
    for module in MODULES.values():
        for lang in ("id", "en"):
            notes = "".join(in_notes(s) for s in decks[module["id"], lang].slides)
            for session in module["sessions"]:
                for point in texts(session["key_points"], lang):
                    assert plain(point) in notes, (module["id"], lang, point[:40])


def test_trainer_notes_of_every_session_are_in_the_notes_pane(
    decks: dict[tuple[str, str], Deck],
) -> None:
    checked = 0
    for module in MODULES.values():
        for lang in ("id", "en"):
            deck = decks[module["id"], lang]
            [word] = texts(LABELS["session"], lang)
            for number, session in enumerate(module["sessions"], start=1):
                tag = f"{word} {session_tag(module, number)} ·"
                slides = [s for s in deck.slides if shape_text(s, "Kicker").startswith(tag)]
                notes = "".join(in_notes(s) for s in slides)
                said = texts(session.get("trainer_notes", []), lang)
                said += [
                    t for a in session["activities"] for t in texts(a.get("trainer_notes"), lang)
                ]
                for text in said:
                    assert plain(text) in notes, (module["id"], lang, text[:40])
                checked += len(said)
    assert checked > 300  # the real modules hold 177 notes in each language


def test_slides_show_no_trainer_notes_and_decks_hold_no_answer_keys(
    decks: dict[tuple[str, str], Deck],
) -> None:
    for (module_id, lang), deck in decks.items():
        screen = "".join(on_screen(s) for s in deck.slides)
        notes = "".join(in_notes(s) for s in deck.slides)
        for text in trainer_only_texts(lang):
            assert plain(text) not in screen, (module_id, lang, text[:40])
        module = next(m for m in MODULES.values() if m["id"] == module_id)
        for question in module["quiz"]:
            [explanation] = texts(question["explanation"], lang)
            assert plain(explanation) not in screen + notes, (module_id, lang)


def test_slides_are_wide_with_type_readable_from_the_back(
    decks: dict[tuple[str, str], Deck],
) -> None:
    for deck in decks.values():
        assert deck.slide_width * 9 == pytest.approx(deck.slide_height * 16, rel=1e-3)
        for slide in deck.slides:
            title = slide.shapes.title
            assert title is not None and title.text_frame.text
            for shape in slide.shapes:
                if not shape.has_text_frame:
                    continue
                least = Pt(32) if shape == title else Pt(14 if shape.name == "Footer" else 20)
                assert (
                    shape.text_frame._txBody.bodyPr.find(
                        "{http://schemas.openxmlformats.org/drawingml/2006/main}normAutofit"
                    )
                    is None
                ), "text is never shrunk to fit"
                for line in shape.text_frame.paragraphs:
                    for run in line.runs:
                        assert run.font.size and run.font.size >= least, (shape.name, run.text)
        footers = [shape_text(s, "Footer") for s in list(deck.slides)[1:]]
        assert all(footers) and len(set(footers)) == 1


def test_long_lists_continue_on_the_next_slide_evenly() -> None:
    project = load_project(DATA / "good")
    module = project.modules[0]
    session = module.sessions[0]
    point = session.key_points[0].model_copy(update={"id": "Poin " + "panjang " * 11})
    many = session.model_copy(update={"key_points": [point] * 7})
    course = module.model_copy(update={"sessions": [many, *module.sessions[1:]]})
    slides = plan(course, module.title, "id", project.programme.title)
    points = [s for s in slides if "Pokok bahasan" in s.kicker and s.title == "Sesi A"]
    assert [len(s.body) for s in points] == [3, 2, 2]
    assert [s.kicker.endswith("(lanjutan)") for s in points] == [False, True, True]
    assert [s.words() for s in points] == [36, 24, 24]


def test_a_longer_translation_moves_both_languages_to_the_next_slide() -> None:
    short_id = [Paragraph("satu dua tiga")] * 4
    long_en = [Paragraph("one two three four five six seven eight nine ten eleven")] * 4
    assert page_sizes([short_id, long_en]) == [2, 2]
    assert page_sizes([short_id, short_id]) == [4]


def test_a_slide_shows_the_first_sentence_and_never_more_than_30_words() -> None:
    assert short("Satu kalimat. Kalimat kedua.") == "Satu kalimat."
    cut = short("kata " * 20 + "koma, " + "lagi " * 20)
    assert cut.endswith(" …") and len(cut.split()) <= 31 and "," not in cut


def test_decks_carry_the_build_date_not_the_clock(built_site: Path, tmp_path: Path) -> None:
    """Byte identity across builds, with the slide cache emptied in between, is tested with
    the whole site in test_build.py; here: every date inside a deck is the build's date."""
    stamp = datetime.fromtimestamp(1700000000, UTC)  # run_build's SOURCE_DATE_EPOCH
    for path in built_site.rglob("*.pptx"):
        with zipfile.ZipFile(path) as package:
            assert {e.date_time for e in package.infolist()} == {stamp.timetuple()[:6]}
            for name in (n for n in package.namelist() if n.endswith(".xlsx")):  # a chart's data
                with zipfile.ZipFile(io.BytesIO(package.read(name))) as book:
                    dates = re.findall(rb"\d{4}-\d\d-\d\dT[\d:]+Z", book.read("docProps/core.xml"))
                    assert set(dates) == {b"2023-11-14T22:13:20Z"}, path
        props = Presentation(str(path)).core_properties
        assert props.created == props.modified == props.last_printed == stamp.replace(tzinfo=None)


def test_the_handout_prints_every_slide_three_to_a_page_without_trainer_notes(
    built_site: Path, decks: dict[tuple[str, str], Deck]
) -> None:
    for (module_id, lang), deck in decks.items():
        handout = deck_path(built_site, module_id, lang).with_name("handout-slide.pdf")
        reader = PdfReader(handout)
        assert len(reader.pages) == math.ceil(len(deck.slides) / 3), (module_id, lang)
        text = "".join(page.extract_text() for page in reader.pages)
        printed = squash(unicodedata.normalize("NFKC", text))  # "ﬁ" ligatures read as "fi"
        for slide in deck.slides:
            assert squash(slide.shapes.title.text_frame.text) in printed, (module_id, lang)
        for text in trainer_only_texts(lang):
            assert plain(text) not in printed, (module_id, lang, text[:40])


def test_a_handout_page_never_holds_one_slide_alone() -> None:
    assert [len(page) for page in three_to_a_page(7)] == [3, 2, 2]
    assert [len(page) for page in three_to_a_page(6)] == [3, 3]
    assert [n for page in three_to_a_page(10) for n in page] == list(range(10))


def test_wall_posters_draw_each_standing_diagram_on_a_landscape_page(built_site: Path) -> None:
    """poster.pdf: one A4 landscape page per diagram that stands by itself (no sample chart,
    no empty photo frames), its title and items on it, no slide kicker or footer."""
    project = load_project(ROOT / "modules")
    for module in project.modules:
        for lang, language in (("", "id"), ("en/", "en")):
            pdf = built_site / f"{lang}materi/{module.id}/poster.pdf"
            posters = module.posters()
            if not posters:
                assert not pdf.exists(), pdf
                continue
            reader = PdfReader(pdf)
            assert len(reader.pages) == len(posters), pdf
            for page, diagram in zip(reader.pages, posters, strict=True):
                box = page.mediabox
                assert round(float(box.width)) == 842 and round(float(box.height)) == 595
                text = squash(page.extract_text())
                assert squash(getattr(diagram.title, language)) in text, (pdf, diagram.title)
                for item in diagram.items[:2]:
                    assert squash(getattr(item, language)).split()[0] in text, (pdf, item)
                assert "Pokok bahasan" not in text and "Key points" not in text
    kinds = {d.kind for m in project.modules for d in m.posters()}
    assert {"five_r", "flow", "hierarchy", "matrix"} <= kinds and not kinds & {"pareto", "photos"}
