"""Every export file of the site, in each language: made from the model (and, for SCORM, the
rendered PDFs), stored in the cache under the hash of its bytes, and listed like a printable
so the build links it into site/ and the exports page lists it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..catalogue import ROOT, Printable, Rendered, labels, module_name, url
from ..fields import LANGUAGES, Translated
from ..model import Module, Project
from ..pdf import write_atomic
from .moodle import gift, moodle_xml
from .scorm import scorm_package
from .xlsform import audit_form, kpi_form

FOLDER = f"{ROOT}/ekspor"


def render_exports(project: Project, prints: list[Rendered], cache: Path) -> list[Rendered]:
    L = labels()["export"]
    cache.mkdir(parents=True, exist_ok=True)
    made: list[Rendered] = []

    def store(path: str, kind: str, title: Translated, group: Translated, lang: str,
              data: bytes) -> None:
        item = Printable(path, url.exports, kind, "", title, group, trainer=True)
        file = cache / (hashlib.sha256(data).hexdigest() + Path(path).suffix)
        if not file.is_file():
            write_atomic(file, data)
        made.append(Rendered(item, lang, file, 0, len(data)))

    banks: list[tuple[str, Translated, list[Module]]] = [
        (m.id, module_name(m), [m]) for m in project.modules
    ]
    banks.append(("semua", L["everything"], project.modules))
    audit = audit_form(project.five_r, L)
    kpis = kpi_form(project.programme.kpis, L)
    for lang in LANGUAGES:
        for name, group, modules in banks:
            store(f"{FOLDER}/moodle/{name}.gift", "gift", L["gift"], group, lang,
                  gift(modules, lang).encode())
            store(f"{FOLDER}/moodle/{name}.xml", "moodle-xml", L["xml"], group, lang,
                  moodle_xml(modules, lang))
        store(f"{FOLDER}/kobo/audit-5r.xlsx", "xlsform", L["audit_title"], L["kobo"], lang, audit)
        store(f"{FOLDER}/kobo/kpi-bulanan.xlsx", "xlsform", L["kpi_title"], L["kobo"], lang, kpis)
        for m in project.modules:
            own = [r for r in prints if _module_id(r) == m.id]
            store(f"{FOLDER}/scorm/{m.id}.zip", "scorm", module_name(m), L["scorm"], lang,
                  scorm_package(m, lang, own))
    return made


def _module_id(rendered: Rendered) -> str | None:
    module = rendered.printable.context.get("module")
    return module.id if isinstance(module, Module) else None
