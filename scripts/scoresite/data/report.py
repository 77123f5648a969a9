"""The cohort report on paper (`make report DATA=folder/`): a folder of the monitoring page's
CSV files → the same views as an A4 PDF (charts drawn with data/charts.py, printed by
WeasyPrint). Field data never goes into site/: the report is written where it is asked to be,
and nowhere under the site folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ..catalogue import labels
from ..pdf import environment, write_atomic
from ..problems import SiteError
from ..validate import load_project
from . import charts
from .cohort import RULES, figures
from .fieldcsv import FieldData, iso_date, read_folder

TEMPLATES = Path(__file__).parents[1] / "templates" / "report"


class FieldDataError(SiteError):
    """The CSV files have problems; all of them are listed, located."""


def problems_text(folder: Path, data: FieldData) -> str:
    words = labels()["monitoring"]
    lines = [
        f"{folder / p.file}:{p.line}: {words[p.key].en.format(**p.values)}" for p in data.problems
    ]
    files = len({p.file for p in data.problems})
    return "\n".join([*lines, f"{len(data.problems)} problem(s) in {files} file(s)"])


def html(folder: Path, modules: Path, lang: str, as_of: str) -> str:
    project = load_project(modules)
    steps = project.five_r.steps
    keys = {f"{s.id}/{c.id}" for s in steps for c in s.criteria}
    kpis = project.programme.kpis
    data = read_folder(folder, keys, [k.id for k in kpis])
    if data.problems:
        raise FieldDataError(problems_text(folder, data))
    if not data.enterprises:
        raise FieldDataError(
            f"{folder}: no enterprise list (a CSV file with the columns "
            "code,name,district,sector,size,cohort,start_date)"
        )
    names = {
        f"{s.id}/{c.id}": f"{s.name} {i}. {c.text(lang)}"
        for s in steps
        for i, c in enumerate(s.criteria, 1)
    }
    env = environment(TEMPLATES)
    env.filters["half_up"] = lambda v: (
        "—" if v is None else str(int(v + 0.5) if v >= 0 else -int(-v + 0.5))
    )
    words: dict[str, Any] = {k: v(lang) for k, v in labels()["monitoring"].items()}
    return env.get_template("cohort.html").render(
        lang=lang,
        L=words,
        f=figures(data, project.five_r, kpis, as_of),
        rules=RULES,
        as_of=as_of,
        steps=steps,
        names=names,
        g=charts.GEOMETRY,
        charts=charts,
        programme=project.programme.title(lang),
    )


def write_report(
    folder: Path, out: Path, *, modules: Path, site: Path, lang: str, as_of: str | None
) -> Path:
    """Render the report to `out` (whole or not at all); refuses any place inside `site`."""
    from weasyprint import HTML

    if out.resolve().is_relative_to(site.resolve()):
        raise SiteError(
            f"{out}: the report holds enterprises' data and is never written into {site}/; "
            "choose another place, e.g. OUT=laporan-pemantauan.pdf"
        )
    if as_of and iso_date(as_of) != as_of:
        raise SiteError(f"--as-of {as_of}: not a date; write YYYY-MM-DD, e.g. 2026-11-30")
    if not folder.is_dir():
        raise SiteError(f"{folder}: not a folder; DATA= names the folder holding the CSV files")
    text = html(folder, modules, lang, as_of or date.today().isoformat())
    write_atomic(out, HTML(string=text, base_url=str(TEMPLATES)).write_pdf())
    return out
