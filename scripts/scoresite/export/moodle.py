"""Moodle question banks from the modules' `quiz:`: GIFT text and Moodle XML, one bank per
module and language, and one per language for everything. The explanation becomes the
question's general feedback; each option's text is escaped as its format requires."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from ..catalogue import module_name
from ..model import Module, Question

GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")
PENALTY = "0.3333333"  # Moodle's default: a third of the mark lost per wrong try


def gift_escape(text: str) -> str:
    """GIFT reads ~ = # { } : as syntax; a backslash makes each a plain character."""
    return GIFT_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def question_name(module: Module, number: int) -> str:
    return f"{module.id}-{number:02d}"


def category(modules: Iterable[Module], lang: str) -> str:
    names = [module_name(m)(lang) for m in modules]
    return "SCORE 5R/" + (names[0] if len(names) == 1 else "SCORE 5R")


def gift(modules: list[Module], lang: str) -> str:
    """One GIFT file: a category line per module, then its questions (Markdown text)."""
    out = []
    for module in modules:
        out.append(f"$CATEGORY: {category([module], lang)}\n")
        for number, q in enumerate(module.quiz, start=1):
            out.append(_gift_question(question_name(module, number), q, lang))
    return "\n".join(out)


def _gift_question(name: str, q: Question, lang: str) -> str:
    options = [
        f"\t{'=' if i == q.answer else '~'}{gift_escape(text(lang))}"
        for i, text in enumerate(q.options, start=1)
    ]
    return (
        f"::{gift_escape(name)}::[markdown]{gift_escape(q.question(lang))} {{\n"
        + "\n".join(options)
        + f"\n\t####{gift_escape(q.explanation(lang))}\n}}\n"
    )


def moodle_xml(modules: list[Module], lang: str) -> bytes:
    """One Moodle XML file: a category question per module, then multiple-choice questions."""
    quiz = ET.Element("quiz")
    for module in modules:
        cat = ET.SubElement(quiz, "question", type="category")
        _text(ET.SubElement(cat, "category"), f"$course$/top/{category([module], lang)}")
        for number, q in enumerate(module.quiz, start=1):
            quiz.append(_xml_question(question_name(module, number), q, lang))
    ET.indent(quiz)
    return ET.tostring(quiz, encoding="utf-8", xml_declaration=True) + b"\n"


def _xml_question(name: str, q: Question, lang: str) -> ET.Element:
    el = ET.Element("question", type="multichoice")
    _text(ET.SubElement(el, "name"), name)
    _text(ET.SubElement(el, "questiontext", format="markdown"), q.question(lang))
    _text(ET.SubElement(el, "generalfeedback", format="markdown"), q.explanation(lang))
    for tag, value in (
        ("defaultgrade", "1"),
        ("penalty", PENALTY),
        ("hidden", "0"),
        ("single", "true"),
        ("shuffleanswers", "true"),
        ("answernumbering", "abc"),
    ):
        ET.SubElement(el, tag).text = value
    for i, option in enumerate(q.options, start=1):
        fraction = "100" if i == q.answer else "0"
        answer = ET.SubElement(el, "answer", fraction=fraction, format="markdown")
        _text(answer, option(lang))
        _text(ET.SubElement(answer, "feedback", format="markdown"), "")
    return el


def _text(parent: ET.Element, value: str) -> None:
    ET.SubElement(parent, "text").text = value
