"""The linear search de-duplication removes what mkdocs-static-i18n's own removes."""

from __future__ import annotations

import random
from types import SimpleNamespace

from mkdocs_static_i18n.reconfigure import ExtendedPlugin
from scoresite import search_dedup

ORIGINAL = ExtendedPlugin.reconfigure_search_duplicates


def entries(seed: int) -> list[dict[str, str]]:
    """Root entries first, then the English ones, as a build makes them; some the same."""
    rng = random.Random(seed)
    pages = [f"materi/p{n}.html" for n in range(40)] + ["index.html"]
    root = [
        {"location": f"{p}#{s}", "title": f"T{rng.randint(0, 5)}", "text": f"x{rng.randint(0, 3)}"}
        for p in pages
        for s in ("", "a")
    ]
    english = [dict(e, location=f"en/{e['location']}") for e in root if rng.random() < 0.5]
    english += [dict(e, location=f"en/{e['location']}", text="other") for e in root[:20]]
    english += [dict(e, location=f"en/materi/{e['location']}") for e in root[-2:]]
    return root + english


def test_linear_dedup_removes_the_same_entries_as_the_plugin() -> None:
    assert ORIGINAL is not search_dedup.remove_duplicates  # compared with the plugin's own
    plugin = SimpleNamespace(build_languages=["id", "en"])
    for seed in range(20):
        theirs, ours = entries(seed), entries(seed)
        ORIGINAL(plugin, theirs)
        search_dedup.remove_duplicates(plugin, ours)
        assert ours == theirs
        assert len(ours) < len(entries(seed))  # something was removed, not everything
        assert len(ours) > len([e for e in entries(seed) if not e["location"].startswith("en/")])
