"""What a user typed, cut into the parts they typed: words, "phrases", field:values, signs and
operators, each with its place in the text (so a part can be left out of the query again).

Bad syntax never errors: what cannot be read as an operator is read as words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from search.model import LIST_FILTERS
from search.text.analyzer import surface_words

# A part of the query: an optional sign, an optional field, then a "phrase" or a bare word.
# "source: tempo" and 'exact: "..."' (a space after the colon) are read as the field too.
_PART = re.compile(r'([-+]?)(?:([A-Za-z_]+):[ \t]*)?(?:"([^"]*)"|(\S+))')
OPERATORS = {"AND", "OR", "NOT", "&&", "||", "!"}
_SPELLED = {"&&": "AND", "||": "OR", "!": "NOT"}
TITLE_FIELD = "title"
EXACT_FIELD = "exact"
FIELDS = {*LIST_FILTERS, TITLE_FIELD, EXACT_FIELD}
MIN_PREFIX = 3

# Typographic double quotes (a phone keyboard's “...”, German „...“, «...») delimit a phrase
# as '"' does.
PLAIN_QUOTES = str.maketrans(dict.fromkeys("“”„‟«»〝〞＂", '"'))


@dataclass
class Item:
    """One typed part: a word, a phrase, a prefix or a field's value, with its sign."""

    sign: str  # "", "+" (required) or "-" (excluded)
    field: str | None
    forms: list[str]
    phrase: bool
    prefix: str | None = None
    raw: str = ""  # a filter's value as typed
    start: int = 0  # where the part stands in the query text
    end: int = 0
    # The sign typed in front of it; `sign` is the one it ends up with (parse_query applies
    # AND and NOT to it).
    typed_sign: str = dataclass_field(init=False)

    def __post_init__(self) -> None:
        self.typed_sign = self.sign

    def written(self, text: str) -> str:
        """The part as it reads on its own, with the sign it ends up with: "NOT pungli" (two
        parts in `text`) is "-pungli", "b" after "a AND" is "+b"."""
        return self.sign + text[self.start + len(self.typed_sign) : self.end]

    @property
    def applied_filter(self) -> bool:
        """A source: or official: filter with a value, not excluded ("-source:x" is read as
        nothing: a filter cannot exclude)."""
        return self.field in LIST_FILTERS and bool(self.raw) and self.sign != "-"


@dataclass
class Operator:
    name: str  # "AND", "OR" or "NOT"
    start: int = 0
    end: int = 0


def visible_text(text: str) -> str:
    """The query as the parser reads it: format marks (RTL/LTR marks, zero-width joiners, soft
    hyphens, BOM) dropped so "pela\u200dyanan" is one word; control characters (NUL, tabs)
    as spaces; typographic double quotes as '"'; compatibility forms as the plain letters
    the articles write (NFKC: full-width "ＪＯＫＯＷＩ" is JOKOWI, the ligature "ﬁ" fi)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    if not text.isprintable():
        text = "".join(
            " " if unicodedata.category(c) == "Cc" else c
            for c in text
            if c.isprintable() or unicodedata.category(c) != "Cf"
        )
    return text.translate(PLAIN_QUOTES)


def lex(text: str) -> list[Item | Operator]:
    """Items and operators of `text` (already `visible_text`), left to right."""
    out: list[Item | Operator] = []
    for m in _PART.finditer(text):
        sign, fieldname, quoted, bare = m.group(1), m.group(2), m.group(3), m.group(4)
        start, end = m.span()
        if fieldname is None and bare and bare.endswith(":") and bare[:-1].lower() in FIELDS:
            continue  # a field with nothing after it ("exact:" at the end): nothing to search
        if quoted is None and not sign and not fieldname and bare in OPERATORS:
            out.append(Operator(_SPELLED.get(bare, bare), start, end))
            continue
        fieldname = fieldname.lower() if fieldname else None
        if fieldname and fieldname not in FIELDS:
            # Not a field we know: "jam:10" is read as words.
            bare = f"{m.group(2)} {bare}" if bare is not None else None
            quoted = f"{m.group(2)} {quoted}" if quoted is not None else None
            fieldname = None
        value = quoted if quoted is not None else bare or ""
        if fieldname in LIST_FILTERS:
            out.append(Item(sign, fieldname, [], False, raw=value.strip(), start=start, end=end))
            continue
        prefix = None
        if quoted is None and value.endswith("*"):
            stem = surface_words(value.rstrip("*"))
            if len(stem) == 1 and len(stem[0]) >= MIN_PREFIX:
                prefix = stem[0]
        forms = surface_words(value)
        out.append(Item(sign, fieldname, forms, quoted is not None, prefix, start=start, end=end))
    return out
