"""What one line of a page is: chrome to drop (a byline, a share prompt, a caption's credit, a
breadcrumb, a publisher's motto), a footer's first line, a date line, a story's dateline, a
paragraph, something shaped like a headline."""

from __future__ import annotations

import re
from functools import lru_cache

from search.ingest.extract.boilerplate.patterns import chrome_patterns
from search.ingest.extract.dates import MONTHS, WEEKDAY_NAME, full_date_in
from search.ingest.extract.sources import (
    DOMAIN_DATELINE,
    NAMED_DATELINE,
    TITLE_BRAND_PREFIX,
    WIRE_DATELINE,
    brand_in,
    brand_line_source,
    is_aggregator,
    named_publisher,
)

# "JAKARTA - ", "Paris - ", "Liputan6.com, Jakarta - ": the place (and publisher) opening a story.
_PLACE_DATELINE = re.compile(
    r"^[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3}(?:,\s*[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2})?\s+[-–—]{1,2}\s"
)
# Datelines naming a publisher or a wire: "JAKARTA, KOMPAS.com -", "Jakarta (ANTARA) -".
_NAMED_DATELINES = (DOMAIN_DATELINE, NAMED_DATELINE, WIRE_DATELINE)
# A line that is a date line and nothing else: a few capitalised words of label, byline or
# publisher ("Kompas.com -", "Diperbarui", "Rabu,"), the date, maybe a time
# ("Kompas.com - 12/09/2019, 10:15 WIB", "Senin, 09 Sep 2019 11:05 WIB", "12 Sep 2019 | 10:15",
# "Agustus 28, 2019", "20 Sep 19 | 18:50").
_DATE_LINE = re.compile(
    r"^(?:(?:[^\sa-z]\S*|at|by|on|oleh|pada)\s+){0,6}?"
    r"(?:\d{1,2}(?:\s+[A-Za-z]+\.?,?\s+|[/.-]\d{1,2}[/.-])\d{4}|[A-Za-z]+\.?\s+\d{1,2},\s+\d{4}"
    r"|\d{1,2}\s+[A-Za-z]+\.?\s+\d{2}(?=\s*$|\s*[|,·–-]\s*\d{1,2}[:.]\d{2})"
    r"|\d{4}-\d{2}-\d{2}(?:T\S*)?)"
    r"(?:\s*[-–|,·]?\s*(?:pukul\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[AaPp][Mm])?)?"
    r"\s*(?:WIB|WITA|WIT|GMT[+\d:]*)?$"
)
# A channel's name after a date line that opens with its weekday: "Sabtu, 28 September 2019 |
# Selebriti" (not a headline ending with a date: "Prakiraan Cuaca ... 2019 | Metro").
_CHANNEL_AFTER = re.compile(r"\s*[|·]\s*[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)?$")
_DATE_LINE_CHARS = 100
# A line's first word a weekday's name ("Sabtu, 28 September 2019 | Selebriti").
_WEEKDAY_FIRST = re.compile(rf"(?i:{WEEKDAY_NAME})(?=[\s,]|$)")
# A related article's age, maybe after its channel ("Olahraga · 2 jam yang lalu"): this short.
_AGE_LINE_CHARS = 60
# A caption is a short line; a paragraph that ends in a credit is still the story.
CAPTION_CHARS = 200
# A caption's credit is at its end, within this many characters.
_CREDIT_CHARS = 80
WORD = re.compile(r"\w\w")
# A label over a list of headlines ("Terpopuler", "Berita Terkait") is at most this many words.
LIST_LABEL_WORDS = 3
# A publisher's motto after its name: at most this many words.
_TAGLINE_WORDS = 9
_SPACES_CLASS = r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]"
# A run of those spaces, unless it is one plain space (which would be replaced by itself:
# most lines have nothing to replace, and are then returned as they are). Its first space is
# read before the test on it: `re` then skips to the spaces instead of trying every character.
_WHITESPACE = re.compile(rf"{_SPACES_CLASS}(?:(?<! )|(?={_SPACES_CLASS})){_SPACES_CLASS}*")
_BREADCRUMB = re.compile(r"\S\s+[/»>›]\s+\S.*\s[/»>›]\s")
# "Home » Nasional", "News > Regional": short parts between breadcrumb separators.
_SHORT_BREADCRUMB = re.compile(r"^[\w&.-]+(?: [\w&.-]+)?(?:\s*[/»>›•|]\s*[\w&.-]+(?: [\w&.-]+)?)+$")
_DATE_ONLY = re.compile(r"^[\w`'’.,:/ -]{0,20}\d{1,4}[/ ][\w/ ]{1,20}\d{2,4}\b.{0,25}$")
# ... that names a month or writes the date in numbers.
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b")
_WORD_IN_LINE = re.compile(r"[^\W\d_]+\.?")
# A headline starts with a capital or a number ("3 Tewas ...", "5,2 Juta Penerima ...",
# "1.000 Warga ..."), maybe inside quotes.
# A decimal number is followed by a capital that opens no time zone ("08.30 WIB ...").
_TITLE_START = re.compile(r"[\"'“‘«(\[]?(?:[A-Z]|\d+\s+[A-Za-z]|\d+(?:[.,]\d+)+\s+(?!WI[BT])[A-Z])")
_SPACES = re.compile(r"\s{2,}")
_BULLETS = "•»·▪►▶◆■*"
_BULLET = re.compile(rf"^[{_BULLETS}]+\s*")
# The marks a line of speech opens with (a story's paragraph, never chrome or a caption).
OPENING_QUOTES = "\"“'‘«"
SENTENCE_END = re.compile(r"[.!?\"”)]$")


def normalize_line(line: str) -> str:
    """Collapse odd spaces (NBSP, zero-width) and strip."""
    return _WHITESPACE.sub(" ", line).strip()


def remove_spam(line: str) -> str:
    cleaned = chrome_patterns().spam_token.sub(line)
    return cleaned if cleaned is line else _SPACES.sub(" ", cleaned).strip()


# The last lines judged, with their verdicts: a short line after a paragraph is judged as the
# first of a block between two paragraphs, then on its own.
_JUDGED_LINES = 64


@lru_cache(maxsize=_JUDGED_LINES)
def is_dropped(line: str) -> bool:
    # "• Baca juga: ...", "» Baca Juga: ..."
    bare = _BULLET.sub("", line) if line[:1] in _BULLETS else line
    return bool(
        chrome_patterns().drop_line.search(bare)
        or is_aggregator(bare)  # "Yahoo Berita", "MSN" alone: the carrier's name
        or is_capture_line(bare)
        or is_age_line(bare)
        or chrome_patterns().embed_signature.search(bare)
        or (_may_be_caption(line) and chrome_patterns().caption_line.search(line[-_CREDIT_CHARS:]))
        or (
            ("/" in line or "»" in line or ">" in line or "›" in line or "•" in line or "|" in line)
            and (_BREADCRUMB.search(line) or _SHORT_BREADCRUMB.match(line))
        )
    )


def is_capture_line(line: str) -> bool:
    """A line of a copy's capture around the page (a web archive's toolbar, a search engine's
    cache banner: "14 captures", "Ini adalah cache Google dari ..."): no story's date or source."""
    return chrome_patterns().capture_line.search(line)


def is_age_line(line: str) -> bool:
    """A related article's age: "2 jam lalu", "Metro · 3 jam lalu" (a short line)."""
    return len(line) <= _AGE_LINE_CHARS and bool(chrome_patterns().age_line.search(line))


def _may_be_caption(line: str) -> bool:
    """A short line whose end may be a photo's credit: "(...)" or "Source/Name"."""
    return len(line) <= CAPTION_CHARS and (line.endswith(")") or "/" in line)


def is_footer_start(line: str) -> bool:
    return bool(chrome_patterns().footer_start.search(line))


def looks_like_title(line: str) -> bool:
    words = line.split()
    return (
        len(words) >= 3
        and _TITLE_START.match(line) is not None
        and not is_dropped(line)
        and not _is_date_only(line)
        and len(line) <= 250
    )


def _is_date_only(line: str) -> bool:
    """A line that is a date and a little else: it names a month or writes a date in numbers
    ("Minggu, 22 September 2019 | Redaksi Suara Merdeka", "Selasa 12/9/2019 pukul 10.15"),
    not a headline holding numbers ("UI Beri Penghargaan 123 Pemberi Beasiswa Rp 177 Miliar",
    "Jokowi resmikan 12 ruas tol senilai Rp 20 triliun")."""
    if _DATE_ONLY.match(line) is None:
        return False
    return _NUMERIC_DATE.search(line) is not None or any(
        word.lower().rstrip(".") in MONTHS for word in _WORD_IN_LINE.findall(line)
    )


def looks_like_paragraph(line: str) -> bool:
    words = line.split()
    return len(words) >= 15 or (len(words) >= 8 and bool(SENTENCE_END.search(line)))


def opens_with_dateline(line: str) -> bool:
    """A story's first line: "JAKARTA, KOMPAS.com - ...", "Paris - ...", "Jakarta (ANTARA) -".
    A place's dash (not in capitals) before words all written as a headline's, the line ending
    no sentence with a full stop ("Proyek Jalan Tol Cimanggis - Cibitung Terhambat Pembebasan
    Lahan", "Laga Persib Bandung - Persija Jakarta Ditunda, Kenapa?"), is a headline's dash."""
    if len(line.split()) < 8:
        return False
    if opens_with_named_dateline(line):
        return True
    place = _PLACE_DATELINE.match(line)
    if place is None:
        return False
    if line[: place.end()].rstrip(" -–—").isupper():
        return True  # "JAKARTA - ": a place in capitals is a dateline's
    return line.endswith((".", '."', ".”")) or not headline_cased(line[place.end() :].split())


def opens_with_named_dateline(line: str) -> bool:
    """A story's first line whose dateline names a publisher or a wire ("TRIBUNNEWS.COM,
    AMLAPURA - ...", "Jakarta (ANTARA) - ...")."""
    for pattern in _NAMED_DATELINES:
        named = pattern.match(line)
        # a hyphen inside a word is no dateline's dash: "Mantap, Perluasan Ganjil-genap ...",
        # "Anak Akan Masuk Sekolah, Pertimbangkan Faktor-Faktor Penting Ini"
        if named and ("." in named.group("pub") or not _inside_word(line, named.end() - 1)):
            return True
    return False


def _inside_word(line: str, dash: int) -> bool:
    """True when the character at `dash` joins two words: no space before or after it."""
    after = line[dash + 1 : dash + 2]
    return after.isalnum() and line[dash - 1 : dash].isalnum()


def is_date_line(line: str) -> bool:
    """A line that is a date and little else: a page's date line, or a related article's."""
    if _WEEKDAY_FIRST.match(line) and (channel := _CHANNEL_AFTER.search(line)):
        line = line[: channel.start()]
    return (
        len(line) <= _DATE_LINE_CHARS
        and _DATE_LINE.match(line) is not None
        and full_date_in(line) is not None
    )


def opens_story(line: str) -> bool:
    """Clearly article text, not a headline: a dateline, or a long finished sentence."""
    words = len(line.split())
    return (
        opens_with_dateline(line)
        or words >= 40
        or (words >= 8 and line.endswith((".", '."', ".”", ".'")) and not line.endswith(".."))
    )


def headline_cased(words: list[str], slack: int = 0) -> bool:
    """Written as a headline is: each word capitalised, but for the small words (and `slack`
    others)."""
    small = chrome_patterns().headline_small_words
    return sum(word[0].islower() and word.lower() not in small for word in words) <= slack


def is_chrome(line: str) -> bool:
    """A byline, a date line, a brand line or other dropped page chrome (with words in it)."""
    return WORD.search(line) is not None and (
        is_dropped(line) or is_date_line(line) or brand_line_source(line) is not None
    )


def is_tagline(line: str) -> bool:
    """A publisher's name and its motto: "Kompas.com - Jernih Melihat Dunia", "Fimela -
    Inspiring Women" (a few words that end no sentence)."""
    m = TITLE_BRAND_PREFIX.match(line)
    if m is None or line.endswith((".", "?", "!", ",")):
        return False
    brand, motto = m.group("brand"), line[m.end() :].split()
    if "," in brand or brand.isupper():
        return False  # a dateline: "TEMPO.CO, Jakarta - ...", "KOMPAS.COM - ..."
    return (
        0 < len(motto) <= _TAGLINE_WORDS
        and headline_cased(motto)
        and (brand_in(brand) or named_publisher(brand)) is not None
    )
