"""Slide decks for trainers, read back with python-pptx from the built site."""

from __future__ import annotations

import math
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from conftest import DATA, ROOT
from pptx import Presentation
from pptx.presentation import Presentation as Deck
from pptx.slide import Slide
from pptx.util import Pt
from scoresite.slides import CHARS_PER_LINE, LINES_PER_SLIDE, plan
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


def slides_needed(paragraphs: list[str]) -> int:
    """Slides a list of paragraphs takes when each holds at most LINES_PER_SLIDE lines of
    CHARS_PER_LINE characters (a paragraph longer than a slide is cut at sentence ends)."""

    def lines(text: str) -> int:
        return max(1, math.ceil(len(text) / CHARS_PER_LINE))

    pieces = []
    for text in paragraphs:
        long = lines(text) > LINES_PER_SLIDE
        pieces += [p for p in re.split(r"(?<=[.!?;:])\s+", text) if p] if long else [text]
    count, used = 1, 0
    for piece in pieces:
        if used and used + lines(piece) > LINES_PER_SLIDE:
            count, used = count + 1, 0
        used += lines(piece)
    return count


def clock(minutes: int, lang: str) -> str:
    return f"{minutes // 60:02d}{'.' if lang == 'id' else ':'}{minutes % 60:02d}"


def expected_slides(module: dict, lang: str) -> tuple[int, list[int]]:
    """From the raw YAML: slides before the first session (cover, objectives, schedule with
    the opening, sessions and breaks) and the slides of each session (its objectives, key
    points, one or more per activity)."""
    [t] = texts(LABELS["minutes_short"], lang)
    hours, mins = map(int, module["schedule"]["start"].split(":"))
    now = hours * 60 + mins
    pauses = {b["after"]: b for b in module["schedule"].get("breaks", [])}
    rows, per_session = [], []
    if opening := module["schedule"].get("opening"):
        end = now + opening["minutes"]
        rows.append(f"{clock(now, lang)}–{clock(end, lang)}\t{texts(opening['title'], lang)[0]}")
        now = end
    for session in module["sessions"]:
        count = slides_needed(
            texts(LABELS["objectives_intro"], lang) + texts(session["objectives"], lang)
        )
        count += slides_needed(texts(session["key_points"], lang))
        rows.append(f"{clock(now, lang)}–{clock(now + session['minutes'], lang)}\t")
        rows[-1] += texts(session["title"], lang)[0]
        for activity in session["activities"]:
            [method] = texts(LABELS["methods"][activity["method"]], lang)
            meta = f"{clock(now, lang)}–{clock(now + activity['minutes'], lang)} · "
            meta += f"{activity['minutes']} {t} · {method}"
            count += slides_needed([meta, *texts(activity["instructions"], lang)])
            now += activity["minutes"]
        per_session.append(count)
        if session["id"] in pauses:
            pause = pauses[session["id"]]
            end = now + pause["minutes"]
            rows.append(f"{clock(now, lang)}–{clock(end, lang)}\t{texts(pause['title'], lang)[0]}")
            now = end
    first = 1 + slides_needed(texts(module["objectives"], lang)) + slides_needed(rows)
    return first, per_session


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


def test_each_session_has_its_slides_as_designed(decks: dict[tuple[str, str], Deck]) -> None:
    for module in MODULES.values():
        for lang in ("id", "en"):
            deck = decks[module["id"], lang]
            opening, per_session = expected_slides(module, lang)
            assert len(deck.slides) == opening + sum(per_session), (module["id"], lang)
            [word] = texts(LABELS["session"], lang)
            for number, count in enumerate(per_session, start=1):
                tag = f"{word} {session_tag(module, number)} ·"
                mine = [s for s in deck.slides if shape_text(s, "Kicker").startswith(tag)]
                assert len(mine) == count, (module["id"], lang, tag)


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
    point = session.key_points[0].model_copy(update={"id": "Poin " + "panjang " * 20})
    many = session.model_copy(update={"key_points": [point] * 7})
    course = module.model_copy(update={"sessions": [many, *module.sessions[1:]]})
    slides = plan(course, module.title, "id", "SCORE")
    points = [s for s in slides if "Pokok bahasan" in s.kicker and s.title == "Sesi A"]
    assert [len(s.body) for s in points] == [3, 2, 2]
    assert [s.kicker.endswith("(lanjutan)") for s in points] == [False, True, True]


def test_decks_carry_the_build_date_not_the_clock(built_site: Path, tmp_path: Path) -> None:
    """Byte identity across builds, with the slide cache emptied in between, is tested with
    the whole site in test_build.py; here: every date inside a deck is the build's date."""
    stamp = datetime.fromtimestamp(1700000000, UTC)  # run_build's SOURCE_DATE_EPOCH
    for path in built_site.rglob("*.pptx"):
        with zipfile.ZipFile(path) as package:
            assert {e.date_time for e in package.infolist()} == {stamp.timetuple()[:6]}
        props = Presentation(str(path)).core_properties
        assert props.created == props.modified == props.last_printed == stamp.replace(tzinfo=None)
