"""Our own YAML files (layout words, print widths, spelling rules, the new-module scaffold)
are read as strictly as content, and every layout word is used somewhere."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest
from scoresite import load
from scoresite.catalogue import TEMPLATES, labels
from scoresite.problems import ContentError

CODE = Path(__file__).resolve().parents[1] / "scripts" / "scoresite"
# labels looked up by a name made at run time: the pattern that uses them
MADE_UP = {"lang_": r'L\["lang_" ~ lang\]'}


@pytest.mark.parametrize(
    ("name", "doubled", "key"),
    [
        ("labels.yml", "module: {id: Modul, en: Module}", "module"),
        ("print/widths.yml", "narrow: [no]", "narrow"),
        ("spelling.yml", "- {wrong: a, right: b, right: c}", "right"),
        ("new-module.yml", "id: lagi", "id"),
    ],
)
def test_a_duplicate_key_in_our_yaml_is_refused_with_its_place(
    name: str, doubled: str, key: str, tmp_path: Path
) -> None:
    text = (TEMPLATES / name).read_text(encoding="utf-8") + doubled + "\n"
    if name == "new-module.yml":  # a Jinja template: read as `make new-module` fills it
        text = jinja2.Template(text).render(id="pemasaran", number=6)
    copy = tmp_path / Path(name).name
    copy.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        load.ours(copy)
    column = doubled.rindex(key) + 1
    last = text.rstrip("\n").count("\n") + 1
    where = f"{copy}:{last}:{column}: duplicate key '{key}' (first at line "
    assert where in str(refused.value)


def test_every_label_is_used() -> None:
    code = "\n".join(
        path.read_text(encoding="utf-8")
        for path in sorted(CODE.rglob("*"))
        if path.suffix in (".py", ".md", ".html") and path.is_file()
    )
    unused = [
        key
        for key in labels()
        if not re.search(rf"\bL\.{key}\b|\[[\"']{key}[\"']\]", code)
        and not any(key.startswith(p) and re.search(u, code) for p, u in MADE_UP.items())
    ]
    assert unused == []
