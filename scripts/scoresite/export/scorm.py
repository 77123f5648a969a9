"""SCORM 1.2 packages: one zip per module (or workshop) and language that an LMS imports as a
single SCO. Inside: the module's participant content as one page (no trainer notes, no
answers), its workbook and worksheets as PDFs, and a small script that reports completion to
the LMS. Nothing in it is fetched from another host."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..catalogue import TEMPLATES, Rendered, labels, module_name
from ..fields import Translated
from ..model import Module
from ..pdf import environment
from .zipped import stable_zip

FOLDER = TEMPLATES / "export"


@dataclass(frozen=True)
class Packed:
    name: str
    title: Translated
    kb: int


def scorm_package(module: Module, lang: str, prints: list[Rendered]) -> bytes:
    """The package for one module in one language; `prints` are its rendered PDFs (participant
    ones only: trainer guides and certificates stay out)."""
    mine = [r for r in prints if r.lang == lang and not r.printable.trainer]
    pdfs = [
        (f"pdf/{Path(r.printable.path).name}", r.file.read_bytes(), r.printable.title)
        for r in mine
    ]
    packed = [Packed(name, title, round(len(data) / 1024)) for name, data, title in pdfs]
    title = module_name(module)(lang)
    context = {"module": module, "lang": lang, "title": title, "L": labels(), "pdfs": packed}
    env = environment(FOLDER)
    page = env.get_template("scorm.html").render(context)
    script = (FOLDER / "scorm.js").read_bytes()
    files = ["index.html", "scorm.js", *[name for name, _, _ in pdfs]]
    manifest = env.get_template("imsmanifest.xml").render(context | {"files": files})
    return stable_zip(
        [
            ("imsmanifest.xml", manifest.encode()),
            ("index.html", page.encode()),
            ("scorm.js", script),
            *[(name, data) for name, data, _ in pdfs],
        ]
    )
