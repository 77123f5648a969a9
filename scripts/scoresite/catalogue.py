"""The catalogue: every page and printable the site has, where each lives, and the sidebar.
Knows nothing of MkDocs and draws nothing (render.py, pdf.py and deck.py draw).

`url` is the one place that decides a path; `pages()` and `printables()` list what exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from typing import Any

from . import load
from .audit import audit_json
from .coaching import planned
from .data.cohort import RULES
from .data.monitoring import kpi_entry_json, monitoring_json
from .fields import LANGUAGES, Translated
from .model import Checklist, Module, Project, Session, Step, Worksheet, WorksheetField
from .participants import Participant
from .schedule import run_sheet, timetable

TEMPLATES = Path(__file__).parent / "templates"
ROOT = "materi"
GENERATED = Path(".cache") / "pages"  # the generated pages' folder: outside docs/, unwatched


@dataclass(frozen=True)
class Page:
    """A generated page: where it goes, which template fills it, with what."""

    path: str
    template: str
    context: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


class url:  # noqa: N801 - read as `url.session(m, s)` in templates
    """The one place that decides where each page lives (paths under docs/)."""

    programme = f"{ROOT}/program/index.md"
    monitoring = f"{ROOT}/program/pemantauan.md"
    kpi_entry = f"{ROOT}/program/kpi.md"
    five_r = f"{ROOT}/5r/index.md"
    glossary = f"{ROOT}/glosarium.md"

    @staticmethod
    def module(module: Module) -> str:
        return f"{ROOT}/{module.id}/index.md"

    @staticmethod
    def session(module: Module, session: Session) -> str:
        return f"{ROOT}/{module.id}/{session.id}.md"

    @staticmethod
    def worksheet(module: Module | None, worksheet: Worksheet) -> str:
        owner = module.id if module else "program"
        return f"{ROOT}/{owner}/lembar-kerja/{worksheet.id}.md"

    @staticmethod
    def admin(worksheet: Worksheet) -> str:
        return f"{ROOT}/administrasi/{worksheet.id}.md"

    @staticmethod
    def certificate(module: Module) -> str:
        return f"{ROOT}/{module.id}/sertifikat.pdf"

    @staticmethod
    def quiz(module: Module) -> str:
        return f"{ROOT}/{module.id}/tes.md"

    @staticmethod
    def trainer(module: Module) -> str:
        return f"{ROOT}/{module.id}/pelatih.md"

    @staticmethod
    def coaching(module: Module) -> str:
        """The coaching plan that follows a module (trainer view; `pendampingan*` pages)."""
        return f"{ROOT}/{module.id}/pendampingan.md"

    @staticmethod
    def planner(module: Module) -> str:
        return f"{ROOT}/{module.id}/pendampingan-perencana.pdf"

    @staticmethod
    def completion(module: Module) -> str:
        return f"{ROOT}/{module.id}/sertifikat-penyelesaian.pdf"

    @staticmethod
    def step(step: Step) -> str:
        return f"{ROOT}/5r/{step.id}.md"

    audit = f"{ROOT}/5r/audit.md"
    prints = f"{ROOT}/cetak.md"
    exports = f"{ROOT}/ekspor.md"
    audit_form = f"{ROOT}/5r/formulir-audit-5r.pdf"
    score_sheet = f"{ROOT}/5r/lembar-skor-5r.pdf"

    @staticmethod
    def workbook(module: Module) -> str:
        return f"{ROOT}/{module.id}/buku-kerja.pdf"

    @staticmethod
    def slides(module: Module) -> str:
        return f"{ROOT}/{module.id}/slide.pptx"

    @staticmethod
    def presentation(module: Module) -> str:
        return f"{ROOT}/{module.id}/slide.html"

    @staticmethod
    def handout(module: Module) -> str:
        return f"{ROOT}/{module.id}/handout-slide.pdf"

    @staticmethod
    def posters(module: Module) -> str:
        return f"{ROOT}/{module.id}/poster.pdf"

    @staticmethod
    def pdf(page: str) -> str:
        """The PDF that prints a page: next to it, same name."""
        return page.removesuffix(".md") + ".pdf"

    @staticmethod
    def in_site(path: str, lang: str) -> str:
        """Where a docs/ path ends up in site/ for a language (English under en/)."""
        html = path.removesuffix(".md") + ".html" if path.endswith(".md") else path
        return html if lang == LANGUAGES[0] else f"{lang}/{html}"


@dataclass(frozen=True)
class Printable:
    """A PDF to print or a slide deck to show: where it goes (under the language root), what
    it holds, for whom."""

    path: str
    page: str
    kind: str
    template: str
    title: Translated
    group: Translated
    trainer: bool = False
    context: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Rendered:
    """A printable rendered in one language: its PDF file, pages and bytes."""

    printable: Printable
    lang: str
    file: Path
    pages: int
    size: int


def module_label(module: Module) -> Translated:
    """'Modul 1' / 'Module 1' for a SCORE module; a workshop's own label ('Lokakarya 5R')."""
    if module.label:
        return module.label
    word = labels()["module"]
    return Translated(id=f"{word.id} {module.number}", en=f"{word.en} {module.number}")


def module_name(module: Module) -> Translated:
    """'Modul 1: Kerja sama di tempat kerja' / 'Module 1: Workplace cooperation'."""
    label = module_label(module)
    return Translated(id=f"{label.id}: {module.title.id}", en=f"{label.en}: {module.title.en}")


def with_module_choices(project: Project) -> Project:
    """Checklists with `modules:` list the SCORE modules of modules/ before their own items,
    so a new module appears on the forms by itself."""
    numbered = [m for m in project.modules if m.number]

    def field(f: WorksheetField) -> WorksheetField:
        if not isinstance(f, Checklist) or f.modules is None:
            return f
        chosen = numbered[1:] if f.modules == "after-first" else numbered
        return f.model_copy(update={"items": [*map(module_name, chosen), *f.items]})

    def sheets(found: list[Worksheet]) -> list[Worksheet]:
        return [w.model_copy(update={"fields": [field(f) for f in w.fields]}) for w in found]

    programme = project.programme
    programme = programme.model_copy(
        update={
            "worksheets": sheets(programme.worksheets),
            "administration": sheets(programme.administration),
        }
    )
    modules = [m.model_copy(update={"worksheets": sheets(m.worksheets)}) for m in project.modules]
    return project.model_copy(update={"programme": programme, "modules": modules})


def session_number(module: Module, number: int) -> str:
    """'1.2' for the second session of Module 1; '2' in a workshop."""
    return f"{module.number}.{number}" if module.number else str(number)


def printables(project: Project) -> list[Printable]:
    def sheet(module: Module | None, w: Worksheet, group: Translated, page: str = "") -> Printable:
        # an administration form (own page address) is titled without "Lembar kerja:"
        context = {"worksheet": w, "module": module, "admin": bool(page)}
        page = page or url.worksheet(module, w)
        return Printable(
            url.pdf(page), page, "worksheet", "worksheet.html", w.title, group, context=context
        )

    L = labels()
    programme = project.programme.title
    found = [sheet(None, w, programme) for w in project.programme.worksheets]
    found += [
        sheet(None, w, L["administration"], url.admin(w)) for w in project.programme.administration
    ]
    for m in project.modules:
        name = module_name(m)
        found += [sheet(m, w, name) for w in m.worksheets]
        found.append(
            Printable(
                url.certificate(m),
                url.module(m),
                "certificate",
                "certificate.html",
                L["certificate"],
                name,
                trainer=True,
                context={"module": m, "people": project.certified(m.id) or [Participant("")]},
            )
        )
        found.append(
            Printable(
                url.workbook(m),
                url.module(m),
                "workbook",
                "workbook.html",
                L["workbook"],
                name,
                context={"module": m},
            )
        )
        found.append(
            Printable(
                url.handout(m), url.module(m), "handout", "handout.html", L["handout"], name,
                context={"module": m},
            )
        )
        if m.posters():
            found.append(
                Printable(
                    url.posters(m), url.module(m), "posters", "posters.html", L["posters"],
                    name, context={"module": m},
                )
            )
        found.append(
            Printable(
                url.pdf(url.trainer(m)),
                url.trainer(m),
                "guide",
                "guide.html",
                L["trainer_guide"],
                name,
                trainer=True,
                context={"module": m},
            )
        )
    for context in plans(project):
        m = context["module"]
        page = url.coaching(m)
        found += [
            Printable(path, page, kind, f"{kind}.html", L[kind], module_name(m), True, context)
            for path, kind in ((url.pdf(page), "coaching"), (url.planner(m), "planner"))
        ]
        companies = {**context, "companies": enterprises(project, m, context["closing"])}
        found.append(
            Printable(
                url.completion(m), page, "completion", "completion.html", L["completion"],
                module_name(m), True, companies,
            )
        )
    five_r, steps = project.five_r.title, project.five_r.steps
    found += [
        Printable(
            url.pdf(url.step(s)),
            url.step(s),
            "checklist",
            "checklist.html",
            Translated(id=s.name, en=f"{s.name} ({s.english})"),
            five_r,
            context={"steps": [s]},
        )
        for s in steps
    ]
    found += [
        Printable(
            path, url.five_r, "checklist", template, L[title], five_r, context={"steps": steps}
        )
        for path, template, title in (
            (url.audit_form, "checklist.html", "audit_form"),
            (url.score_sheet, "scoresheet.html", "score_sheet"),
        )
    ]
    return found


def pages(project: Project, prints: list[Rendered]) -> list[Page]:
    def sheet(module: Module | None, w: Worksheet) -> Page:
        context = {"worksheet": w, "module": module, "admin": False}
        return Page(url.worksheet(module, w), "worksheet.md", context)

    found = [Page(url.programme, "programme.md")]
    data = partial(monitoring_json, project, labels())
    found.append(Page(url.monitoring, "monitoring.md", {"monitoring_json": data, "rules": RULES}))
    data = partial(kpi_entry_json, project, labels())
    found.append(Page(url.kpi_entry, "kpi_entry.md", {"kpi_json": data}))
    found += [sheet(None, w) for w in project.programme.worksheets]
    found += [
        Page(url.admin(w), "worksheet.md", {"worksheet": w, "module": None, "admin": True})
        for w in project.programme.administration
    ]
    for module in project.modules:
        found.append(Page(url.module(module), "module.md", {"module": module}))
        slots = [s for s in timetable(module) if s.session]
        for number, slot in enumerate(slots, start=1):
            assert slot.session
            run = run_sheet(slot.session, slot.start)
            context = {
                "module": module,
                "session": slot.session,
                "number": number,
                "slot": slot,
                "run": run,
            }
            found.append(Page(url.session(module, slot.session), "session.md", context))
        found += [sheet(module, w) for w in module.worksheets]
        found.append(Page(url.quiz(module), "quiz.md", {"module": module}))
        found.append(Page(url.trainer(module), "trainer.md", {"module": module}))
    found += [Page(url.coaching(c["module"]), "coaching.md", c) for c in plans(project)]
    found.append(Page(url.five_r, "five_r.md"))
    found += [Page(url.step(s), "step.md", {"step": s}) for s in project.five_r.steps]
    data = partial(audit_json, project.five_r, labels())
    found.append(Page(url.audit, "audit.md", {"audit_json": data}))
    found.append(Page(url.glossary, "glossary.md"))
    rows: dict[Printable, dict[str, Rendered]] = {}
    decks: dict[Printable, dict[str, Rendered]] = {}
    shows: dict[Printable, dict[str, Rendered]] = {}
    exports: dict[Printable, dict[str, Rendered]] = {}
    for r in prints:
        kind = r.printable.kind
        where = (
            decks if kind == "slides"
            else shows if kind == "presentation"
            else exports if r.printable.page == url.exports
            else rows
        )
        where.setdefault(r.printable, {})[r.lang] = r
    found.append(Page(url.prints, "prints.md", {"rows": rows, "decks": decks, "shows": shows}))
    found.append(Page(url.exports, "exports.md", {"exports": exports}))
    return found


def enterprises(project: Project, module: Module, closing: Module | None) -> list[str]:
    """The companies of a coaching plan's participants (its module's and its closing event's,
    participants.py), in the order they first appear; one blank certificate without any."""
    people = project.certified(module.id) + (project.certified(closing.id) if closing else [])
    return list(dict.fromkeys(p.company for p in people if p.company)) or [""]


def plans(project: Project) -> list[dict[str, Any]]:
    """Each coaching plan, in the order of the modules, as its page and PDFs see it: the module
    it follows, the event that closes it (or None), and its visits as printed."""
    by_module = {p.module: p for p in project.coaching.plans} if project.coaching else {}
    return [
        {
            "module": m,
            "plan": plan,
            "visits": planned(plan, m),
            "closing": project.module(plan.until) if plan.until else None,
        }
        for m in project.modules
        if (plan := by_module.get(m.id))
    ]


def localized(path: str, lang: str) -> str:
    """The file name of a page in a language: x.md for Indonesian, x.en.md for English."""
    return path if lang == LANGUAGES[0] else path.removesuffix(".md") + f".{lang}.md"


@cache
def labels() -> dict[str, Any]:
    def typed(value: Any) -> Any:
        if isinstance(value, dict) and set(value) == {"id", "en"}:
            return Translated(**value)
        return {k: typed(v) for k, v in value.items()}

    return typed(load.ours(TEMPLATES / "labels.yml"))


def view_words() -> dict[str, dict[str, str]]:
    """The view switch's words per language, for its script (views.js)."""
    L = labels()
    words = {"group": L["view_switch"], "trainer": L["view_trainer"]}
    words["participant"] = L["view_participant"]
    return {lang: {key: text(lang) for key, text in words.items()} for lang in LANGUAGES}


def not_found_words() -> dict[str, dict[str, str]]:
    """The 404 page's words per language and the language's home page (overrides/404.html)."""
    L = labels()
    return {
        lang: {
            "title": L["not_found_title"](lang),
            "text": L["not_found_text"](lang),
            "home": L["not_found_home"](lang),
            "href": "index.html" if lang == LANGUAGES[0] else f"{lang}/index.html",
        }
        for lang in LANGUAGES
    }


def navigation(project: Project) -> tuple[list[Any], dict[str, Translated]]:
    """The site's navigation (page paths, section titles in Indonesian) and the section titles'
    translations, keyed by their Indonesian title."""
    titles: dict[str, Translated] = {}

    def section(title: Translated, items: list[Any]) -> dict[str, list[Any]]:
        titles[title.id] = title
        return {title.id: items}

    L = labels()
    programme = project.programme
    programme_sheets = [url.worksheet(None, w) for w in programme.worksheets]
    nav: list[Any] = [
        "index.md",
        "panduan.md",
        section(programme.title, [url.programme, *programme_sheets, url.kpi_entry, url.monitoring]),
    ]
    if programme.administration:
        admin = [url.admin(w) for w in programme.administration]
        nav.append(section(L["administration"], admin))
    five_r: list[Any] = [url.five_r, *map(url.step, project.five_r.steps), url.audit]
    for m in project.modules:
        sessions = [url.session(m, s) for s in m.sessions]
        sheets = section(L["worksheets"], [url.worksheet(m, w) for w in m.worksheets])
        items = section(module_name(m), [url.module(m), *sessions, sheets, url.quiz(m)])
        items[module_name(m).id].append(url.trainer(m))
        if any(c["module"] is m for c in plans(project)):
            items[module_name(m).id].append(url.coaching(m))
        (nav if m.number else five_r).append(items)
    nav.append(section(project.five_r.title, five_r))
    nav.append(url.glossary)
    nav.append(url.prints)
    nav.append(url.exports)
    return nav, titles
