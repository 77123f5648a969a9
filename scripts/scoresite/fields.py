"""The field types of the content model: what a text, an id, a clock time or a name may be,
and how a wrong one is reported (model.py builds the files' shapes from them).

Every human-readable field is `Text`: one plain string (the same in both languages) or
`{id: …, en: …}`. Ids are safe slugs, so they can become file names and URLs.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from . import markup
from .load import MAX_TEXT

LANGUAGES = ("id", "en")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CLOCK = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
MAX_ID = 60  # ids become folder and file names; keeps every path well under system limits
NOT_TEXT = (bool, int, float, datetime.date)  # YAML 1.1 reads yes, no, 10:30, 2026-01-01 so


class Strictly(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Translated(Strictly):
    id: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.id if lang == "id" else self.en


def type_name(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"


def _plain(text: str, lang: str | None = None) -> str:
    """Text within the Markdown subset (see markup.py), without surrounding spaces."""
    where = {"lang": lang} if lang else {}
    found = markup.check(text.strip())
    if found:
        raise PydanticCustomError(found[0], "markup", {"found": found[1], **where})
    return text.strip()


def _unquoted(value: Any, lang: str | None = None) -> PydanticCustomError:
    """YAML 1.1 reads some unquoted words and numbers as other values; say how to keep text."""
    where = {"lang": lang} if lang else {}
    return PydanticCustomError("unquoted", "not text", {"got": type_name(value), **where})


def _to_text(value: Any) -> Translated:
    if isinstance(value, str):
        if not value.strip():
            raise PydanticCustomError("empty", "text is empty")
        return Translated(id=_plain(value), en=_plain(value))
    if isinstance(value, NOT_TEXT):
        raise _unquoted(value)
    if not isinstance(value, dict):
        raise PydanticCustomError("text", "expected text", {"got": type_name(value)})
    for key in value:
        if key not in LANGUAGES:
            raise PydanticCustomError("translation_unknown", "unknown language", {"key": key})
    for lang in LANGUAGES:
        text = value.get(lang)
        if text is None or (isinstance(text, str) and not text.strip()):
            raise PydanticCustomError("translation_missing", "missing translation", {"lang": lang})
        if isinstance(text, NOT_TEXT):
            raise _unquoted(text, lang)
        if not isinstance(text, str):
            raise PydanticCustomError("text", "expected text", {"got": type_name(text)})
    return Translated(id=_plain(value["id"], "id"), en=_plain(value["en"], "en"))


def _not_text(value: Any) -> Any:
    if isinstance(value, NOT_TEXT):
        raise _unquoted(value)
    return value


def _slug(value: str) -> str:
    if len(value) > MAX_ID:
        raise PydanticCustomError("slug_long", "id too long", {"size": len(value), "limit": MAX_ID})
    if not SLUG.match(value):
        raise PydanticCustomError("slug", "not a safe id", {"value": value})
    return value


def _clock_number(value: Any) -> Any:
    """`start: 10:30` unquoted is the number 630 in YAML 1.1 (base 60)."""
    if isinstance(value, int) and not isinstance(value, bool):
        time = f"{value // 60:02d}:{value % 60:02d}"
        raise PydanticCustomError("clock_number", "unquoted time", {"time": time})
    return value


def term_without_signs(text: Translated) -> Translated:
    for lang in LANGUAGES:
        sign = markup.check_term(text(lang))
        if sign:
            raise PydanticCustomError("term_sign", "sign in term", {"sign": sign, "lang": lang})
        term = text(lang)
        for edge in (term[0], term[-1]):
            if not edge.isalnum():  # a tooltip is found for whole words only (abbr: \bterm\b)
                details = {"sign": edge, "term": term, "lang": lang}
                raise PydanticCustomError("term_edge", "sign at the edge of a term", details)
    return text


def _clock(value: str) -> str:
    if not CLOCK.match(value):
        raise PydanticCustomError("clock", "not a time of day", {"value": value})
    return value


# what an editor can check of each (schema.py): JSON Schema of one value
_WORDS = {"type": "string", "minLength": 1, "maxLength": MAX_TEXT, "pattern": r"\S"}
_TEXT = {
    "anyOf": [
        _WORDS,
        {
            "title": "Translated",
            "type": "object",
            "properties": {"id": _WORDS, "en": _WORDS},
            "required": ["id", "en"],
            "additionalProperties": False,
        },
    ]
}
_SLUG = {"type": "string", "pattern": SLUG.pattern, "maxLength": MAX_ID}

Text = Annotated[Translated, BeforeValidator(_to_text), WithJsonSchema(_TEXT)]
Texts = Annotated[list[Text], Field(min_length=1)]
Slug = Annotated[
    str, BeforeValidator(_not_text), Strict(), AfterValidator(_slug), WithJsonSchema(_SLUG)
]
Clock = Annotated[
    str,
    BeforeValidator(_clock_number),
    Strict(),
    AfterValidator(_clock),
    WithJsonSchema({"type": "string", "pattern": CLOCK.pattern}),
]
Minutes = Annotated[int, Strict(), Field(gt=0, le=600)]
Name = Annotated[
    str,
    BeforeValidator(_not_text),
    Strict(),
    Field(min_length=1),
    AfterValidator(_plain),
    WithJsonSchema(_WORDS),
]
