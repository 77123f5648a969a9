"""Exports for other systems, read back with the consumers' own parsers: GIFT with gift-pegjs
(the parser Moodle-like tools use in JavaScript), Moodle XML with an XML parser, XLSForms with
pyxform (what KoboToolbox and ODK Central run), and the files a build puts in site/."""

from __future__ import annotations

import io
import json
import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from pyxform.xls2xform import convert
from scoresite.catalogue import labels
from scoresite.export.moodle import gift, moodle_xml
from scoresite.export.xlsform import audit_form, kpi_form
from scoresite.fields import LANGUAGES
from scoresite.model import Module, Project, Question
from scoresite.validate import load_project

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "tests" / "browser" / "node_modules"
SPECIAL = "Tanda ~ = # : \\ dan <b>&amp;</b> \"kutip\" 'satu', 50% { buka"


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(ROOT / "modules")


def with_special_question(module: Module) -> Module:
    """The module with one more question whose every text holds each character GIFT and XML
    treat as syntax."""
    text = {"id": SPECIAL, "en": SPECIAL + " (en)"}
    extra = Question.model_validate(
        {"question": text, "options": [text, {"id": "tutup } ~x", "en": "=b }"}], "answer": 2,
         "explanation": text}
    )
    return module.model_copy(update={"quiz": [*module.quiz, extra]})


def gift_parse(text: str) -> list[dict]:
    script = "const {parse}=require(process.argv[1]);" \
        "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>" \
        "process.stdout.write(JSON.stringify(parse(s))));"
    done = subprocess.run(
        ["node", "-e", script, str(NODE_MODULES / "gift-pegjs")],
        input=text, capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout)


def test_every_question_reads_back_from_gift_with_its_answer_and_feedback(project: Project):
    modules = [with_special_question(m) for m in project.modules]
    for lang in LANGUAGES:
        parsed = gift_parse(gift(modules, lang))
        questions = [q for q in parsed if q["type"] == "MC"]
        categories = [q for q in parsed if q["type"] == "Category"]
        assert len(categories) == len(modules)
        expected = [(m, i, q) for m in modules for i, q in enumerate(m.quiz, start=1)]
        assert len(questions) == len(expected)
        for got, (module, number, q) in zip(questions, expected, strict=True):
            assert got["title"] == f"{module.id}-{number:02d}"
            assert got["stem"]["text"] == q.question(lang)
            assert [c["text"]["text"] for c in got["choices"]] == [o(lang) for o in q.options]
            assert [c["isCorrect"] for c in got["choices"]].index(True) == q.answer - 1
            assert got["globalFeedback"]["text"] == q.explanation(lang)


def test_every_question_reads_back_from_moodle_xml(project: Project):
    modules = [with_special_question(m) for m in project.modules]
    for lang in LANGUAGES:
        root = ET.fromstring(moodle_xml(modules, lang))
        questions = root.findall("question[@type='multichoice']")
        expected = [q for m in modules for q in m.quiz]
        assert len(questions) == len(expected)
        assert len(root.findall("question[@type='category']")) == len(modules)
        for got, q in zip(questions, expected, strict=True):
            assert got.findtext("questiontext/text") == q.question(lang)
            assert got.findtext("generalfeedback/text") == q.explanation(lang)
            answers = got.findall("answer")
            assert [a.findtext("text") for a in answers] == [o(lang) for o in q.options]
            assert [a.get("fraction") for a in answers].index("100") == q.answer - 1
            assert got.findtext("single") == "true"


def test_the_audit_xlsform_converts_and_holds_every_criterion_in_both_languages(project):
    form = convert(xlsform=io.BytesIO(audit_form(project.five_r, labels()["export"])),
                   validate=False, file_type=".xlsx")
    root = ET.fromstring(form.xform)
    ns = {"x": "http://www.w3.org/2002/xforms", "h": "http://www.w3.org/1999/xhtml"}
    translations = {
        t.get("lang"): {v.text for v in t.iterfind(".//x:value", ns)}
        for t in root.iterfind(".//x:itext/x:translation", ns)
    }
    assert set(translations) == {"Bahasa Indonesia (id)", "English (en)"}
    criteria = [c for step in project.five_r.steps for c in step.criteria]
    assert len(criteria) == 35
    binds = {b.get("nodeset").rsplit("/", 1)[-1]: b for b in root.iterfind(".//x:bind", ns)}
    for lang, name in (("id", "Bahasa Indonesia (id)"), ("en", "English (en)")):
        for c in criteria:
            assert c.text(lang) in translations[name]
            assert c.scores[4](lang) in " ".join(translations[name])  # the hint's descriptors
    for c in criteria:
        assert binds[c.id].get("type") == "string"  # select_one
        assert binds[f"{c.id}_foto"].get("type") == "binary"
        assert binds[f"{c.id}_catatan"].get("type") == "string"
    for step in project.five_r.steps:
        assert all(c.id in binds[f"{step.id}_subtotal"].get("calculate") for c in step.criteria)
    assert all(s.id in binds["total"].get("calculate") for s in project.five_r.steps)
    assert {"enterprise", "area", "auditor", "date"} <= set(binds)


def test_exports_are_built_listed_and_reproducible(built_site: Path, project: Project):
    for lang_root in (built_site, built_site / "en"):
        folder = lang_root / "materi" / "ekspor"
        for m in project.modules:
            for suffix in ("gift", "xml"):
                assert (folder / "moodle" / f"{m.id}.{suffix}").stat().st_size > 0
            with zipfile.ZipFile(folder / "scorm" / f"{m.id}.zip") as package:
                names = package.namelist()
                assert names[:3] == ["imsmanifest.xml", "index.html", "scorm.js"]
                assert "pdf/buku-kerja.pdf" in names
                page = package.read("index.html").decode()
                assert "http://" not in page and "https://" not in page
                assert {i.date_time for i in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert (folder / "kobo" / "audit-5r.xlsx").is_file()
        assert (folder / "kobo" / "kpi-bulanan.xlsx").is_file()
        listing = (lang_root / "materi" / "ekspor.html").read_text(encoding="utf-8")
        banks, forms, packages = 2 * (len(project.modules) + 1), 2, len(project.modules)
        links = re.findall(r'href="[^"]*ekspor/[^"]*"', listing)
        assert len(links) == 2 * (banks + forms + packages)  # each file in both languages


def test_the_kpi_xlsform_converts_with_every_kpi_definition_in_both_languages(project):
    form = convert(xlsform=io.BytesIO(kpi_form(project.programme.kpis, labels()["export"])),
                   validate=False, file_type=".xlsx")
    root = ET.fromstring(form.xform)
    ns = {"x": "http://www.w3.org/2002/xforms"}
    texts = {
        t.get("lang"): " ".join(v.text or "" for v in t.iterfind(".//x:value", ns))
        for t in root.iterfind(".//x:itext/x:translation", ns)
    }
    binds = {b.get("nodeset").rsplit("/", 1)[-1]: b for b in root.iterfind(".//x:bind", ns)}
    assert project.programme.kpis
    for kpi in project.programme.kpis:
        assert binds[kpi.id].get("type") == "decimal"
        for lang, name in (("id", "Bahasa Indonesia (id)"), ("en", "English (en)")):
            assert kpi.name(lang) in texts[name] and kpi.definition(lang) in texts[name]
    assert {"enterprise", "month"} <= set(binds)
