"""The Indonesian analyzer used at index and query time, built as a Whoosh pipeline.

    tokenizer | lowercase | hyphen/reduplication | stopwords | glossary | Sastrawi stem

Every piece is a module-level name: Whoosh pickles the schema, analyzers included, into the
index, so nothing here may hold a big object (the Sastrawi stemmer lives in a module global).
Changing anything that alters tokens means bumping ANALYZER_VERSION, which forces a rebuild.
Builds do not run this pipeline: `search.text.terms` computes the same postings in one pass
(change it too; `tests/test_text_terms.py` compares the two).
"""

from __future__ import annotations

import contextlib
import gzip
import json
import re
import threading
from collections.abc import Collection, Iterable, Iterator
from importlib import resources
from pathlib import Path

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, Token

from search import jsonfiles
from search.lexicon import protected_words, stem_overrides, stopwords

ANALYZER_VERSION = "5"  # 5: the schema pickles the analyzer under search.text.analyzer

# Words: letters and digits, joined by inner hyphens or apostrophes ("e-KTP", "Jum'at"). An
# apostrophe is typed in several ways (a phone keyboard types "Ma’ruf", a scraper keeps
# "Ma‘ruf" or "Maʼruf"): each is one word, indexed and searched with a plain "'".
APOSTROPHES = "'’‘ʼ"
WORD_PATTERN = rf"[^\W_]+(?:[-{APOSTROPHES}][^\W_]+)*"
_PLAIN_APOSTROPHE = str.maketrans(dict.fromkeys(APOSTROPHES[1:], "'"))


def other_apostrophes(text: str) -> bool:
    """True if `text` has an apostrophe other than "'" (most texts have none)."""
    return "’" in text or "‘" in text or "ʼ" in text


def plain_apostrophes(text: str) -> str:
    """`text` with every kind of apostrophe as "'" (the same length: offsets still hold)."""
    return text.translate(_PLAIN_APOSTROPHE) if other_apostrophes(text) else text


_stemmer = None
_stemmer_lock = threading.Lock()
_stem_cache: dict[str, str] = {}
_STEMMABLE = re.compile(r"[a-z]+")


def _sastrawi():
    global _stemmer
    if _stemmer is None:
        with _stemmer_lock:
            if _stemmer is None:
                from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

                _stemmer = StemmerFactory().create_stemmer()
    return _stemmer


STEM_TABLE = "stems_sastrawi.tsv.gz"
_table: dict[str, str] | None = None
_table_wanted = False
_table_lock = threading.Lock()


def use_stem_table() -> None:
    """Look stems up in the table mined from the corpus (search.text.mining) before running
    Sastrawi: for builds and updates, which stem tens of thousands of words (a server stems
    a few query words and does not load it). Loaded here, before build workers are forked,
    so they share it."""
    global _table_wanted
    _table_wanted = True
    _stem_table()


def _stem_table() -> dict[str, str]:
    global _table
    if _table is None:
        with _table_lock:
            if _table is None:
                table: dict[str, str] = {}
                try:
                    raw = resources.files("search").joinpath("data", STEM_TABLE).read_bytes()
                    text = gzip.decompress(raw).decode("utf-8")
                except (OSError, ValueError):
                    text = ""  # no table: Sastrawi for every word, as before
                for line in text.splitlines():
                    word, _, stem = line.partition("\t")
                    table[word] = stem or word
                _table = table
    return _table


def stem_word(word: str) -> str:
    """Sastrawi's root of a lower-case word, or the word itself when stemming would harm it.

    Protected words (names, places, acronyms) and words with digits are kept as written;
    an empty or multi-word stem falls back to the word. Thread-safe: a plain dict cache
    (single get/set operations are atomic in CPython) instead of Whoosh's LFU cache.
    """
    cached = _stem_cache.get(word)
    if cached is not None:
        return cached
    override = stem_overrides().get(word)
    if override is not None:
        stem = override
    elif len(word) <= 3 or word in protected_words() or not _STEMMABLE.fullmatch(word):
        stem = word
    else:
        stem = _stem_table().get(word) if _table_wanted else None
        if stem is None:
            stem = _sastrawi().stem(word)
            if not stem or " " in stem:
                stem = word
    _stem_cache[word] = stem
    return stem


def warm_stemmer() -> None:
    """Load Sastrawi's dictionary now (about 0.15 s) rather than on a user's first search."""
    _sastrawi()


def sastrawi_stem(word: str) -> str:
    """Sastrawi's own root of a lower-case word, without Cari's protections (for mining)."""
    stem = _sastrawi().stem(word)
    return word if not stem or " " in stem else stem


def stem_cache_size() -> int:
    return len(_stem_cache)


STEMS_FILE = "stems.json"


def save_stem_cache(folder: Path, *, part: str | None = None) -> None:
    """Write the stems computed so far into an index folder: as `stems-<part>.json` (a build
    worker's share), or as `stems.json`, merged with the parts already there (which are then
    removed). A later `cari update` loads it, and stems only the words it has never seen
    (Sastrawi takes about 0.2 ms a word: seconds for a few new articles on a cold start)."""
    if part is not None:
        target = folder / f"stems-{part}.json"
        target.write_text(json.dumps(_stem_cache, separators=(",", ":")), encoding="utf-8")
        return
    merged: dict[str, str] = {}
    parts = sorted(folder.glob("stems-*.json"))
    for path in parts:
        with contextlib.suppress(OSError, ValueError):
            merged.update(json.loads(path.read_text(encoding="utf-8")))
    merged.update(_stem_cache)
    jsonfiles.write_json(folder / STEMS_FILE, merged, separators=(",", ":"))
    for path in parts:
        path.unlink(missing_ok=True)


def load_stem_cache(folder: Path) -> int:
    """Add the stems saved in an index folder to the cache; how many (0 when there are none
    or the file is unreadable: stemming then just takes longer)."""
    saved = jsonfiles.read_dict(folder / STEMS_FILE)
    if not all(isinstance(v, str) for v in saved.values()):
        return 0
    count = len(saved)
    saved.update(_stem_cache)  # what this process stemmed itself wins
    _stem_cache.update(saved)
    return count


def split_hyphenated(text: str) -> tuple[str, list[str]]:
    """How a hyphenated word is indexed: ("kota", ["kota"]) for a reduplication, else its
    joined spelling and its parts: ("ektp", ["e", "ktp"]) for "e-ktp". A reduplicated function
    word ("masing-masing", "agar-agar") is a content word: it is kept whole."""
    parts = [p for p in text.split("-") if p]
    if len(parts) == 2 and parts[0] == parts[1]:
        if parts[0] in stopwords():
            return text, [text]
        return parts[0], [parts[0]]
    return "".join(parts), parts


class HyphenFilter(Filter):
    """Hyphenated words: a reduplication ("kota-kota") becomes its base word; a compound
    ("e-ktp", "pasca-bencana") becomes its joined spelling ("ektp", at the compound's first
    position, spanning it) followed by its parts, each at its own position, so it is findable
    by its parts, as a phrase, and by its joined spelling. Later tokens shift by the positions
    the parts added."""

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        shift = 0
        for t in tokens:
            if t.positions:
                t.pos += shift
            text = t.text
            if "-" not in text:
                yield t
                continue
            joined, parts = split_hyphenated(text)
            if len(parts) == 1:
                if t.chars and parts[0] != text:
                    t.endchar = t.startchar + len(parts[0])
                t.text = parts[0]
                yield t
                continue
            start = t.startchar if t.chars else 0
            base_pos = t.pos if t.positions else 0
            t.text = joined
            yield t
            offset = 0
            for i, part in enumerate(parts):
                offset = text.index(part, offset)
                t.text = part
                if t.chars:
                    t.startchar = start + offset
                    t.endchar = t.startchar + len(part)
                if t.positions:
                    t.pos = base_pos + i
                offset += len(part)
                yield t
            shift += len(parts) - 1


class IndonesianStopFilter(Filter):
    """Drops the short function-word list in `search/data/stopwords.txt` and closes the gaps
    they leave, so a phrase matches across function words ("pelayanan kepada masyarakat"
    matches the phrase "pelayanan masyarakat")."""

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        stops = stopwords()
        dropped = 0
        last_dropped = None
        for t in tokens:
            if t.text in stops:
                if t.positions and t.pos != last_dropped:
                    dropped += 1
                    last_dropped = t.pos
                continue
            if t.positions:
                t.pos -= dropped
            yield t


class GlossaryFilter(Filter):
    """Where the text writes a glossary long form ("komisi pemberantasan korupsi", function
    words already dropped), also writes its acronym ("kpk") at the long form's first position,
    so a query for the acronym finds both spellings with one term (`search.text.glossary`)."""

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        from search.text.glossary import indexed_long_forms, indexed_prefixes

        forms, prefixes = indexed_long_forms(), indexed_prefixes()
        pending: list[Token] = []
        match: tuple[str, int] | None = None  # (acronym, how many pending tokens it spans)
        for t in tokens:
            if pending:
                run = (*(p.text for p in pending), t.text)
                if run in prefixes:
                    pending.append(t.copy())
                    if run in forms:
                        match = (forms[run], len(pending))
                    continue
                yield from _flush(pending, match)
                pending, match = [], None
            if (t.text,) in prefixes:
                pending.append(t.copy())
            else:
                yield t
        if pending:
            yield from _flush(pending, match)


def _flush(pending: list[Token], match: tuple[str, int] | None) -> Iterator[Token]:
    """The buffered tokens, then the acronym of the long form they start with, if any.
    (A long form starting inside a longer run that failed is missed: rare, not worth a
    rescan.)"""
    yield from pending
    if match:
        acronym, size = match
        first, last = pending[0], pending[size - 1]
        token = first.copy()
        token.text = acronym
        if token.chars:
            token.endchar = last.endchar
        yield token


class SastrawiStemFilter(Filter):
    """Replaces each token with its Sastrawi root via `stem_word`."""

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for t in tokens:
            t.text = stem_word(t.text)
            yield t


class ApostropheFilter(Filter):
    """Every kind of apostrophe in a word as "'" (see APOSTROPHES)."""

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for t in tokens:
            t.text = plain_apostrophes(t.text)
            yield t


def _tokenizer() -> RegexTokenizer:
    return RegexTokenizer(WORD_PATTERN)


def stemmed_analyzer():
    """For the `title`/`body` fields and their queries: matches any form of a root word."""
    return (
        _tokenizer()
        | LowercaseFilter()
        | ApostropheFilter()
        | HyphenFilter()
        | IndonesianStopFilter()
        | GlossaryFilter()
        | SastrawiStemFilter()
    )


def exact_analyzer():
    """For the `*_exact` fields: every word as written (lower-cased), stopwords included, so
    exact forms rank first and a query of function words alone still finds something."""
    return _tokenizer() | LowercaseFilter() | ApostropheFilter() | HyphenFilter()


def analyze(text: str, *, stem: bool = True) -> list[str]:
    """Tokens of `text` as the index sees them (for queries, tests and `cari inspect`)."""
    analyzer = stemmed_analyzer() if stem else exact_analyzer()
    return [t.text for t in analyzer(text)]


def surface_words(text: str) -> list[str]:
    """The words of `text` as written, lower-cased, hyphenated words kept whole."""
    return [t.text for t in (_tokenizer() | LowercaseFilter() | ApostropheFilter())(text)]


_WORD = re.compile(WORD_PATTERN)


def word_spans(text: str) -> list[tuple[str, str, int, int]]:
    """(stem, exact form, start, end) for every word of `text`, for highlighting.

    The same words, in the same order, as `exact_analyzer()` with `chars=True` (hyphenated
    words give their joined spelling, then their parts), computed with one regex pass instead
    of Whoosh's token pipeline: snippets call this for every hit shown. Stopwords get an empty
    stem: they only match as exact forms.
    """
    spans: list[tuple[str, str, int, int]] = []
    for m in _WORD.finditer(text):
        _add_word_spans(spans, plain_apostrophes(m.group(0).lower()), m.start(), m.end())
    return spans


def _span_stem(word: str) -> str:
    return "" if word in stopwords() else stem_word(word)


def _add_word_spans(
    spans: list[tuple[str, str, int, int]], word: str, start: int, end: int
) -> None:
    """The spans of one word (lower-cased) found at text[start:end]."""
    stem = _span_stem
    if "-" not in word:
        spans.append((stem(word), word, start, end))
        return
    joined, parts = split_hyphenated(word)
    if len(parts) == 1:
        part = parts[0]
        spans.append((stem(part), part, start, start + len(part) if part != word else end))
        return
    spans.append((stem(joined), joined, start, end))
    offset = 0
    for part in parts:
        offset = word.index(part, offset)
        spans.append((stem(part), part, start + offset, start + offset + len(part)))
        offset += len(part)


_JOINERS = "-" + APOSTROPHES


def fragments_for(stems: Iterable[str], exact: Iterable[str]) -> set[str]:
    """Pieces of text every word that stems to one of `stems` (or is one of `exact`)
    contains: a stem without its first letter (prefixes may change it: "sapu" in "menyapu"
    keeps "apu"), the exact forms, and the words a stem override maps to those stems."""
    stems = {s for s in stems if s}
    found = {s[1:] if len(s) >= 4 else s for s in stems}
    found |= {e.lower() for e in exact if e}
    found |= {word for word, stem in stem_overrides().items() if stem in stems}
    return {f for f in found if f}


def word_spans_containing(text: str, fragments: Collection[str]) -> list[tuple[str, str, int, int]]:
    """`word_spans(text)` restricted to the words containing one of `fragments`
    (lower-case): the words around each occurrence, without tokenizing the rest of the text.
    With `fragments_for(stems, exact)` it finds every word that can match them."""
    fragments = sorted({f for f in fragments if f}, key=len, reverse=True)
    if not fragments:
        return []
    lower = text.lower()
    if len(lower) != len(text):  # a case mapping that changes lengths: offsets would drift
        return word_spans(text)
    pattern = re.compile("|".join(re.escape(f) for f in fragments))
    spans: list[tuple[str, str, int, int]] = []
    covered = -1
    # Fragments are found in the text with plain apostrophes (the same length), words cut
    # from the text as written, as word_spans cuts them.
    for hit in pattern.finditer(plain_apostrophes(lower)):
        position = hit.start()
        if position < covered:
            continue
        start = position
        while start > 0 and (
            lower[start - 1].isalnum()
            or (lower[start - 1] in _JOINERS and start > 1 and lower[start - 2].isalnum())
        ):
            start -= 1
        word = _WORD.match(lower, start)
        while word is not None and word.end() <= position:  # a joiner that starts no word
            word = _WORD.search(lower, word.end())
        if word is None or word.start() > position:
            continue
        _add_word_spans(spans, plain_apostrophes(word.group(0)), word.start(), word.end())
        covered = word.end()
    return spans
