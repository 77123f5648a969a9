"""Every glossary term with an expansion gets its tooltip wherever it stands in a text."""

from __future__ import annotations

import markdown
from conftest import ROOT
from scoresite.fields import LANGUAGES
from scoresite.render import abbreviations
from scoresite.validate import load_project


def test_every_term_of_the_real_glossary_gets_its_tooltip() -> None:
    project = load_project(ROOT / "modules")
    terms = [t for t in project.glossary.terms if t.expansion]
    assert len(terms) > 20
    for lang in LANGUAGES:
        for term in terms:
            text = f"Kata {term.term(lang)}, lalu ({term.term(lang)}) di sini."
            page = text + abbreviations(project, lang)
            html = markdown.markdown(page, extensions=["abbr"])
            assert html.count("<abbr title=") == 2, (term.term(lang), html)
