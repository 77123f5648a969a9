"""Search per language: one index per language, and stemming in both for lunr, offline.

MkDocs' search (with mkdocs-static-i18n) writes one index of every language's pages at
`search/search_index.json`. `split_index` gives each language its own index in its own
folder (`search/` for Indonesian, `en/search/` for English), and `rebase_search` points the
pages of a language at their folder, so that results never mix. `lunr_id_script` builds
`lunr.id.min.js`, which the theme's search worker loads by name for the language `id`: a
table of dictionary stems (PySastrawi) for the words of this site, where Snowball's
Indonesian stemmer disagrees, with Snowball itself (the JS file of @orama/stemmers) for
every other word, at indexing and at query time. The English index names the language
`english`, so that the worker loads `lunr.english.min.js`: lunr's own English pipeline, with
the typed words (which the theme searches as prefixes) stemmed as well.

Each folder holds the whole index twice, as `search_index.full.json` (http) and as
`search_index.js` (file://, read at once from disk), and a quick one as `search_index.json`,
which the theme's worker is given first over http: every title and heading with the opening
words of its text, a third of the bytes, so that a phone on a slow network can search within
seconds. `search-full.js` then sets the worker up again with the whole index (its `full` key).
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

import jinja2
import snowballstemmer

from .catalogue import TEMPLATES
from .pdf import write_atomic

SEARCH = TEMPLATES / "search"
LUNR_DIR = "assets/javascripts/lunr/min"
# what the theme's worker keeps of lunr's pipeline for each language
PIPELINES = {"id": ["trimmer", "stemmer"], "en": ["trimmer", "stopWordFilter", "stemmer"]}
# the language each index names, whose lunr.LANG.min.js the worker loads (none for "en")
LUNR_LANGUAGES = {"id": "id", "en": "english"}
FULL_INDEX = "search_index.full.json"
QUICK_TEXT = 100  # characters of each section's text in the quick index
WORD = re.compile(r"[a-z]{3,}")
CLITIC = re.compile(r"(?:kah|lah|pun)$")
POSSESSIVE = re.compile(r"(?:ku|mu|nya)$")
_SNOWBALL = snowballstemmer.stemmer("indonesian")


def split_index(site: Path, languages: tuple[str, ...]) -> dict[str, list[dict[str, Any]]]:
    """Write one search index per language (JSON, and JS for file://); return their docs."""
    with (site / "search" / "search_index.json").open(encoding="utf-8") as file:
        merged = json.load(file)
    docs: dict[str, list[dict[str, Any]]] = {lang: [] for lang in languages}
    for doc in merged["docs"]:
        lang = doc["location"].split("/")[0]
        if lang in languages[1:]:
            docs[lang].append({**doc, "location": doc["location"].removeprefix(f"{lang}/")})
        else:
            docs[languages[0]].append(doc)
    for lang, entries in docs.items():
        config = {**merged["config"], "lang": [LUNR_LANGUAGES[lang]], "pipeline": PIPELINES[lang]}
        folder = site / index_folder(lang, languages)
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"config": config, "docs": entries}, ensure_ascii=False)
        (folder / FULL_INDEX).write_text(text, encoding="utf-8")
        with (folder / "search_index.js").open("w", encoding="utf-8") as file:
            file.write("var __index = ")
            file.write(text)
        quick = {"config": {**config, "full": f"search/{FULL_INDEX}"}, "docs": [
            {**doc, "text": opening(doc["text"])} for doc in entries
        ]}
        (folder / "search_index.json").write_text(
            json.dumps(quick, ensure_ascii=False), encoding="utf-8"
        )
    return docs


def index_folder(lang: str, languages: tuple[str, ...]) -> str:
    """Where a language's search indexes are, from the site's root."""
    return "search" if lang == languages[0] else f"{lang}/search"


def opening(text: str) -> str:
    """A section's text in the quick index: its first words, without markup (the theme shows
    it as HTML, where a cut tag would break the result; entities stay whole: no spaces)."""
    words = re.sub(r"<[^>]+>", " ", text).split()
    plain = " ".join(words)
    if len(plain) <= QUICK_TEXT:
        return plain
    cut = plain.rfind(" ", 0, QUICK_TEXT + 1)
    return plain if cut < 1 else plain[:cut] + " …"


def first_files(languages: tuple[str, ...]) -> dict[str, list[str]]:
    """Per language, what search needs before it can answer, from the site's root: the quick
    index and the lunr scripts the worker loads only once the index has arrived. Pages name
    them for the browser to fetch early (overrides/main.html)."""
    return {
        lang: [
            f"{index_folder(lang, languages)}/search_index.json",
            f"{LUNR_DIR}/lunr.stemmer.support.min.js",
            f"{LUNR_DIR}/lunr.{LUNR_LANGUAGES[lang]}.min.js",
        ]
        for lang in languages
    }


def rebase_search(page_html: str, folder: str) -> str:
    """Make a page of another language search its own folder's index (theme config `base`)."""
    config = re.compile(r'(<script id="__config" type="application/json">[^<]*?"base": ")([^"]*)"')
    return config.sub(lambda m: f'{m[1]}{m[2]}/{folder}/"', page_html, count=1)


def corpus_words(docs: list[dict[str, Any]]) -> frozenset[str]:
    """The words of the indexed pages, split and trimmed as lunr does."""
    tokens: set[str] = set()  # page by page: the whole index at once would double the memory
    for doc in docs:
        text = html.unescape(re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}"))
        tokens.update(re.split(r"[\s\-]+", text.lower()))
    trimmed = (re.sub(r"^\W+|\W+$", "", token, flags=re.ASCII) for token in tokens)
    return frozenset(word for word in trimmed if WORD.fullmatch(word))


def snowball(word: str) -> str:
    return str(_SNOWBALL.stemWord(word))


@cache  # `mkdocs serve` rebuilds with the same words
def stem_table(words: frozenset[str]) -> dict[str, dict[str, str]]:
    """Dictionary stems where Snowball disagrees, for the site's words ("words"), and for
    Snowball stems whose site words all have one other dictionary stem ("stems"), so that a
    form not on the site finds its kin ("penataan" → Snowball "ata" → "tata" of "menata").

    Of PySastrawi's answers with its whole dictionary and with only the root words that occur
    on the site, take the longer one: both are real words, and the shorter one is the
    over-stemmed one ("perawatan" → "awat" with the whole dictionary, "rawat" with the
    site's words)."""
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary  # only on a cache miss
    from Sastrawi.Stemmer.Stemmer import Stemmer
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    whole = StemmerFactory().create_stemmer()
    roots = sorted(words & _dictionary())
    local = Stemmer(ArrayDictionary(roots))
    found = set(roots)
    table: dict[str, str] = {}
    kin: dict[str, set[str]] = {}
    for word in sorted(words):
        answers = [whole.stem(word), *[r for r in [local.stem(word)] if r in found]]
        root = max(answers, key=len)
        kin.setdefault(snowball(word), set()).add(root)
        if root != snowball(word):
            table[word] = root
    for root in sorted(set().union(*kin.values())):  # stemming stops at every root
        if snowball(root) != root:
            table.setdefault(root, root)
    stems = {s: r for s, (r, *more) in sorted(kin.items()) if not more and r != s}
    return {"words": table, "stems": stems}


def stem(word: str, table: dict[str, dict[str, str]]) -> str:
    """The stemmer that `lunr.id.min.js` runs in the browser, for tests and measurements."""
    words, bare = table["words"], POSSESSIVE.sub("", CLITIC.sub("", word))
    plain = snowball(word)
    found = words.get(word) or words.get(bare) or table["stems"].get(plain)
    # Snowball takes one prefix at a time: "keteraturan" → "teratur" → "atur"
    return found or (plain if plain == word else stem(plain, table))


def lunr_id_script(table: dict[str, dict[str, str]]) -> str:
    vendored = (SEARCH / "snowball-id.js").read_text(encoding="utf-8")
    export, language = "export function stemmer(", 'export const language="indonesian";'
    if export not in vendored or language not in vendored:
        raise ValueError(f"{SEARCH / 'snowball-id.js'}: no '{export}'; vendor dist/id.js")
    snowball_js = vendored.replace(export, "module.stemmer=function(").replace(language, "")
    template = jinja2.Template((SEARCH / "lunr.id.js").read_text(encoding="utf-8"))
    table_js = json.dumps(table, sort_keys=True, separators=(",", ":"))
    return template.render(snowball=snowball_js.strip(), table=table_js) + "\n"


def cached_stem_table(
    words: frozenset[str], cache_dir: Path, *, any_words: bool = False
) -> dict[str, dict[str, str]]:
    """`stem_table` from disk while the site's words, this code and the stemmers are the same:
    PySastrawi over every word costs about a second on each build. A damaged entry is a miss.
    `any_words` (`mkdocs serve`): the table of earlier words will do; a new word is stemmed by
    Snowball alone until the next build."""
    parts = [Path(__file__).read_text(encoding="utf-8"), version("pysastrawi")]
    parts += [version("snowballstemmer"), *sorted(words)]
    key = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]
    entry = cache_dir / f"stems-{key}.json"
    earlier = sorted(cache_dir.glob("stems-*.json")) if any_words else []
    for found in [entry, *earlier]:
        try:
            table = json.loads(found.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(table, dict) and set(table) == {"words", "stems"}:
            return table
    table = stem_table(words)
    cache_dir.mkdir(parents=True, exist_ok=True)
    for stale in cache_dir.glob("stems-*.json"):
        stale.unlink()
    write_atomic(entry, json.dumps(table, sort_keys=True).encode())
    return table


def write_search(
    site: Path, languages: tuple[str, ...], cache_dir: Path, *, any_words: bool = False
) -> None:
    docs = split_index(site, languages)
    table = cached_stem_table(corpus_words(docs["id"]), cache_dir, any_words=any_words)
    lunr = site / LUNR_DIR
    (lunr / "lunr.id.min.js").write_text(lunr_id_script(table), encoding="utf-8")
    english = (SEARCH / "lunr.english.js").read_text(encoding="utf-8")
    (lunr / "lunr.english.min.js").write_text(english, encoding="utf-8")
    licence = (SEARCH / "snowball-id.LICENSE.md").read_text(encoding="utf-8")
    (lunr / "lunr.id.LICENSE.md").write_text(licence, encoding="utf-8")


@cache
def _dictionary() -> frozenset[str]:
    import Sastrawi

    path = Path(Sastrawi.__file__).parent / "Stemmer" / "data" / "kata-dasar.txt"
    return frozenset(path.read_text(encoding="utf-8").split())
