"""`make new-module`: a valid starting file for a new module, or one line saying why not.

ID and NUMBER reach us as plain strings (the Makefile hands them over in the environment,
never through a shell). Everything `make check` would refuse about them is refused here,
before anything is written: a refused scaffold leaves modules/ as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import jinja2

from . import load
from .catalogue import TEMPLATES
from .fields import MAX_ID, SLUG
from .model import Module
from .problems import SiteError, printable
from .validate import RESERVED_MODULE_IDS, model_for

NUMBERS = range(1, 100)  # as model.Module allows
EXAMPLE = "make new-module ID=pemasaran NUMBER=6"


def new_module(modules: Path, module_id: str | None, number: str | None) -> Path:
    """Write modules/modul-NUMBER-ID.yml; never overwrite a file."""
    refusal = next(_refusals(modules, module_id or "", number or ""), None)
    if refusal:
        raise SiteError(printable(refusal))
    assert module_id and number
    target = modules / f"modul-{int(number)}-{module_id}.yml"
    template = (TEMPLATES / "new-module.yml").read_text(encoding="utf-8")
    text = jinja2.Template(template, keep_trailing_newline=True).render(
        id=module_id, number=int(number)
    )
    doc, problems = load.parse(target.as_posix(), text)
    if problems or not isinstance(doc.data, dict):
        raise SiteError(f"the scaffold template does not parse: {problems[:1]}")
    Module.model_validate(doc.data)  # a broken template is our bug: let it show
    try:
        with target.open("x", encoding="utf-8") as file:  # "x": never over another file
            file.write(text)
    except FileExistsError:
        raise SiteError(f"{target} exists already; choose another ID or NUMBER") from None
    except OSError as error:
        raise SiteError(f"cannot write {target}: {error.strerror}") from None
    return target


def _refusals(modules: Path, module_id: str, number: str) -> Iterator[str]:
    if not module_id:
        yield f"ID is missing; name the module, e.g. {EXAMPLE}"
    if not number:
        yield f"NUMBER is missing; give the module's number, e.g. {EXAMPLE}"
    if len(module_id) > MAX_ID:
        yield (
            f"ID of {len(module_id)} characters is longer than the limit of {MAX_ID}; "
            "ids become file names: use a few words, e.g. ID=pemasaran"
        )
    elif not SLUG.match(module_id):
        yield (
            f"ID={module_id!r} is not a safe id; use lower-case letters, digits and single "
            "hyphens, e.g. ID=pemasaran"
        )
    elif module_id in RESERVED_MODULE_IDS:
        taken = ", ".join(sorted(RESERVED_MODULE_IDS))
        yield f"ID={module_id} is taken by the site itself; choose an id other than {taken}"
    if not number.isascii() or not number.isdigit() or int(number) not in NUMBERS:
        yield (
            f"NUMBER={number[:20]!r} is not a module number; use a whole number from "
            f"{NUMBERS.start} to {NUMBERS.stop - 1}, e.g. NUMBER=6"
        )
    if not modules.is_dir():
        yield f"{modules}/ is not a folder; run make new-module in the project's folder"
        return
    for path, used_id, used_number in _used(modules):
        if used_id == module_id:
            yield f"ID={module_id} is already used in {path}; choose another ID"
        if number.isdigit() and used_number == int(number):
            yield f"NUMBER={int(number)} is already used in {path}; choose another NUMBER"


def _used(modules: Path) -> Iterator[tuple[str, object, object]]:
    """(file, id, number) of each module file there, as far as each can be read."""
    for path in load.content_files(modules):
        if model_for(path) is Module:
            doc, _ = load.read(path, modules)
            data = doc.data if isinstance(doc.data, dict) else {}
            yield doc.path, data.get("id"), data.get("number")

