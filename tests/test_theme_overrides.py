"""Theme partials we override stay the theme's own, apart from the change each one names."""

from pathlib import Path

import material

THEME = Path(material.__file__).parent / "templates" / "partials"
OURS = Path(__file__).parents[1] / "overrides" / "partials"


def body(path: Path) -> list[str]:
    """A template's lines after its opening comment."""
    lines = path.read_text(encoding="utf-8").splitlines()
    end = next(i for i, line in enumerate(lines) if line.rstrip().endswith("-#}"))
    return lines[end + 1 :]


def test_nav_item_searches_for_the_index_only_in_sections_drawn_open() -> None:
    """The theme looks for a section's index page among all its children before it knows
    whether the section is pruned; ours does it after, and only for a section drawn open."""
    theirs = body(THEME / "nav-item.html")
    start = theirs.index("    {% set _ = namespace(index = none) %}")
    end = theirs.index("    {% set index = _.index %}") + 1
    search, rest = theirs[start:end], theirs[:start] + theirs[end:]
    opened = rest.index('    <li class="{{ class }} md-nav__item--nested">')
    assert rest.index("        {% set is_pruned = true %}") < opened
    guarded = ["    {% if not is_pruned %}", *("  " + line for line in search), "    {% endif %}"]
    assert body(OURS / "nav-item.html") == rest[:opened] + guarded + rest[opened:]
