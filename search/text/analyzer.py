"""The Indonesian analyzer: one definition for the index, the update, the query and the snippets.

    tokenize_text | split_hyphens | drop_stopwords | add_acronyms | stem

Each step is a function over a text's tokens as plain lists (`Words`), testable alone.
`stemmed_analyzer()` and `exact_analyzer()` compose them as Whoosh analyzers (`WordTokenizer`
and one thin filter per step), for the schema, and so for an update's writer; `steps_of` gives
an analyzer's steps back, which builds (`search.text.terms`), queries (`analyze`) and
snippets (`word_spans`) run over lists, without Token objects.

Every piece is a module-level name: Whoosh pickles the schema, analyzers included, into the
index, so nothing here may hold a big object (the Sastrawi stemmer lives in a module global).
Changing anything that alters tokens means bumping ANALYZER_VERSION, which forces a rebuild.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import re
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar, NamedTuple

from whoosh.analysis import CompositeAnalyzer, Filter, Token, Tokenizer

from search import jsonfiles
from search.lexicon import protected_words, spellings, stem_overrides, stopwords

ANALYZER_VERSION = "15"
# 5: the schema pickles the analyzer under search.text.analyzer.
# 6: it pickles WordTokenizer (the same tokens) instead of Whoosh's RegexTokenizer,
#    LowercaseFilter and an ApostropheFilter.
# 7: the glossary's news contractions (wagub, karhutla, kapolda, walikota ...) are written
#    where a text has their long forms.
# 8: the mined glossary's short forms of the words' beginnings (Tipikor, Kemenkeu, Jatim ...)
#    are written where a text has their long forms.
# 9: other spellings of a word (hutang, menghimbau, cina) stem to its standard root
#    (`spellings.toml`).
# 10: "demonstran" (the protester) stems to "demo", as "pendemo" and "demonstrasi" do.
# 11: `stem_overrides.toml`: me-/pe- words Sastrawi gave a wrong root take their di- forms'
#     (pemadaman -> padam, pengesahan -> sah, perampokan -> rampok ...); menangani /
#     penanganan ("to handle") stem apart from tangan ("hand"), menenggelamkan /
#     penenggelaman (sinking a vessel) apart from tenggelam.
# 12: the mined glossary's acronyms that keep a linking word's initial (KDRT: Kekerasan Dalam
#     Rumah Tangga) are written where a text has their long forms.
# 13: online services' contractions (ojol, pinjol) are written where a text has their long
#     forms; online stems to daring, offline to luring, esports to esport (`spellings.toml`).
# 14: short forms of the words' parts (Dishub, Menpora, Satpol PP), acronyms in capitals of
#     two writings and the ministries no initials spell (Menlu, Menhan) are written where a
#     text has their long forms.
# 15: the provinces' and Jakarta's cities' short forms the miner missed (Jakbar, Sulteng,
#     Malut), KUHP and RKUHP ("RUU KUHP", "revisi KUHP") are written where a text has their
#     long forms.

# Words: letters and digits, joined by inner hyphens or apostrophes ("e-KTP", "Jum'at"). An
# apostrophe is typed in several ways (a phone keyboard types "Ma’ruf", a scraper keeps
# "Ma‘ruf" or "Maʼruf"): each is one word, indexed and searched with a plain "'".
APOSTROPHES = "'’‘ʼ"
WORD_PATTERN = rf"[^\W_]+(?:[-{APOSTROPHES}][^\W_]+)*"
_WORD = re.compile(WORD_PATTERN)
_PLAIN_APOSTROPHE = str.maketrans(dict.fromkeys(APOSTROPHES[1:], "'"))


def other_apostrophes(text: str) -> bool:
    """True if `text` has an apostrophe other than "'" (most texts have none)."""
    return "’" in text or "‘" in text or "ʼ" in text


def plain_apostrophes(text: str) -> str:
    """`text` with every kind of apostrophe as "'" (the same length: offsets still hold)."""
    return text.translate(_PLAIN_APOSTROPHE) if other_apostrophes(text) else text


_stemmer = None
_stemmer_lock = threading.Lock()
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


def corpus_writes(word: str) -> bool:
    """True for a lower-case word the corpus writes (one the stem table was mined from)."""
    return word in _stem_table()


def _root(word: str) -> str:
    """Sastrawi's root of a lower-case word, or the word itself when stemming would harm it:
    protected words (names, places, acronyms) and words with digits are kept as written; an
    empty or multi-word stem falls back to the word."""
    override = stem_overrides().get(word)
    if override is not None:
        return override
    standard = spellings().get(word)
    if standard is not None:
        return _root(standard)
    if len(word) <= 3 or word in protected_words() or not _STEMMABLE.fullmatch(word):
        return word
    stem = _stem_table().get(word) if _table_wanted else None
    if stem is None:
        stem = _sastrawi().stem(word)
        if not stem or " " in stem:
            stem = word
    if stem in spellings():
        return _root(stem)
    return _respelt_root(word) if stem == word else stem


# A spelling variant shorter than this is not looked for inside a longer word.
MIN_RESPELT_VARIANT = 4


def _respelt_root(word: str) -> str:
    """The root of an affixed word written with a non-standard spelling of its root
    ("menghimbau", "ijinnya"): the word with the standard spelling in its place, when that
    gives the standard root; else the word itself."""
    found = _respelt_variants().search(word)
    if found is None or found.group() == word:
        return word
    standard = spellings()[found.group()]
    root = _root(standard)
    return root if _root(word.replace(found.group(), standard, 1)) == root else word


@cache
def _respelt_variants() -> re.Pattern[str]:
    """The spelling variants looked for inside words, longest first (one search per word)."""
    variants = sorted((v for v in spellings() if len(v) >= MIN_RESPELT_VARIANT), key=len)
    return re.compile("|".join(map(re.escape, reversed(variants))) or "(?!)")


# Words the stem cache keeps at most: a server met by endless made-up words (every query
# of a stream of random ones) must not grow for ever; words past it are stemmed each time.
MAX_CACHED_STEMS = 2_000_000


class StemCache(dict[str, str]):
    """word -> its root, computed the first time a word is met. A lookup that finds the word
    is a plain dict lookup (in C when mapped over a text's words); thread-safe, as single
    get/set operations are atomic in CPython (Whoosh's LFU cache is not)."""

    def __missing__(self, word: str) -> str:
        stem = _root(word)
        if len(self) < MAX_CACHED_STEMS:
            self[word] = stem
        return stem


_stem_cache = StemCache()


def stem_word(word: str) -> str:
    """The root of a lower-case word (see `_root`), from the cache."""
    return _stem_cache[word]


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


class Words(NamedTuple):
    """A text's tokens as parallel lists: each word (lower-case), its position, and, when
    asked for, where it starts and ends in the text (`starts`/`ends` are None otherwise)."""

    words: list[str]
    positions: Sequence[int]
    starts: Sequence[int] | None = None
    ends: Sequence[int] | None = None


# A step of the analyzer: tokens in, tokens out.
Step = Callable[[Words], Words]


def tokenize_text(text: str, *, chars: bool = False) -> Words:
    """The words of `text` (WORD_PATTERN), lower-cased, every apostrophe a plain one (the
    same length: offsets still hold), at positions 0, 1, 2..."""
    if chars:
        matches = list(_WORD.finditer(text))
        words = [m.group(0).lower() for m in matches]
    else:
        matches = []
        lowered = text.lower()
        if len(lowered) == len(text) and "Σ" not in text:
            # The same words as lowering each: lowering keeps letters letters, and only
            # "İ" (longer) and a capital sigma (final or not by what follows) lower by context.
            words = _WORD.findall(lowered)
        else:
            words = [w.lower() for w in _WORD.findall(text)]
    if other_apostrophes(text):
        words = [plain_apostrophes(w) for w in words]
    if not chars:
        return Words(words, range(len(words)))
    return Words(words, range(len(words)), [m.start() for m in matches], [m.end() for m in matches])


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


def _shifted(positions: Sequence[int], shift: int) -> Sequence[int]:
    if not shift:
        return positions
    if isinstance(positions, range):
        return range(positions.start + shift, positions.stop + shift, positions.step)
    return [pos + shift for pos in positions]


class _Rewrite:
    """The tokens a step makes of `tokens`: runs of the old ones copied over (their positions
    shifted), new ones added between them. Steps that change a few words (hyphens, acronyms)
    copy the rest in slices, not word by word."""

    def __init__(self, tokens: Words) -> None:
        self.tokens = tokens
        self.chars = tokens.starts is not None and tokens.ends is not None
        self.words: list[str] = []
        self.positions: list[int] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.copied = 0  # tokens[:copied] are done with

    def copy_to(self, stop: int, shift: int = 0) -> None:
        """Copy the old tokens up to `stop`, their positions `shift` further on."""
        old, first = self.tokens, self.copied
        self.words += old.words[first:stop]
        self.positions += _shifted(old.positions[first:stop], shift)
        if self.chars:
            self.starts += old.starts[first:stop]
            self.ends += old.ends[first:stop]
        self.copied = stop

    def add(self, word: str, position: int, start: int, end: int) -> None:
        self.words.append(word)
        self.positions.append(position)
        if self.chars:
            self.starts.append(start)
            self.ends.append(end)

    def done(self, shift: int = 0) -> Words:
        """The new tokens, the old ones left copied (`shift` further on)."""
        self.copy_to(len(self.tokens.words), shift)
        if not self.chars:
            return Words(self.words, self.positions)
        return Words(self.words, self.positions, self.starts, self.ends)


def split_hyphens(tokens: Words) -> Words:
    """Hyphenated words: a reduplication ("kota-kota") becomes its base word; a compound
    ("e-ktp", "pasca-bencana") becomes its joined spelling ("ektp", at the compound's
    position, spanning it) followed by its parts, each at its own position and span, so it is
    findable by its parts, as a phrase, and by its joined spelling. Later words shift by the
    positions the parts added."""
    words, positions, starts, ends = tokens
    if "-" not in " ".join(words):
        return tokens
    new = _Rewrite(tokens)
    shift = 0
    for i in [i for i, word in enumerate(words) if "-" in word]:
        new.copy_to(i, shift)
        new.copied = i + 1
        word, pos = words[i], positions[i] + shift
        start, end = (starts[i], ends[i]) if new.chars else (0, 0)
        joined, parts = split_hyphenated(word)
        if len(parts) == 1:
            new.add(parts[0], pos, start, start + len(parts[0]) if parts[0] != word else end)
            continue
        new.add(joined, pos, start, end)
        offset = 0
        for n, part in enumerate(parts):
            offset = word.index(part, offset)
            new.add(part, pos + n, start + offset, start + offset + len(part))
            offset += len(part)
        shift += len(parts) - 1
    return new.done(shift)


def drop_stopwords(tokens: Words) -> Words:
    """Drops the short function-word list in `search/data/stopwords.txt` and closes the gaps
    they leave, so a phrase matches across function words ("pelayanan kepada masyarakat"
    matches the phrase "pelayanan masyarakat")."""
    words, positions, starts, ends = tokens
    stops = stopwords()
    if starts is None and positions == range(len(words)):
        content = [w for w in words if w not in stops]  # each drop closes one gap
        return Words(content, range(len(content)))
    kept: list[str] = []
    kept_positions: list[int] = []
    dropped = 0
    last_dropped = None
    for word, pos in zip(words, positions, strict=True):
        if word in stops:
            if pos != last_dropped:
                dropped += 1
                last_dropped = pos
            continue
        kept.append(word)
        kept_positions.append(pos - dropped)
    if starts is None or ends is None:
        return Words(kept, kept_positions)
    kept_starts = [start for w, start in zip(words, starts, strict=True) if w not in stops]
    kept_ends = [end for w, end in zip(words, ends, strict=True) if w not in stops]
    return Words(kept, kept_positions, kept_starts, kept_ends)


def add_acronyms(tokens: Words) -> Words:
    """Where the text writes a glossary long form ("komisi pemberantasan korupsi", function
    words already dropped), also writes its acronym ("kpk") after the words of the run that
    holds it, at the long form's first position and spanning it, so a query for the acronym
    finds both spellings with one term (`search.text.glossary`). A run starts at a word that
    starts a long form and goes on while it is the start of one; the word after it may start
    the next run, words inside it may not (a long form starting inside a longer run that
    failed is missed: rare, not worth a rescan)."""
    from search.text.glossary import indexed_long_forms, indexed_prefixes, indexed_starts

    words, positions, starts, ends = tokens
    first_words = indexed_starts()
    candidates = [i for i, w in enumerate(words) if w in first_words]
    if not candidates:
        return tokens
    prefixes, forms = indexed_prefixes(), indexed_long_forms()
    new = _Rewrite(tokens)
    after = 0  # the next run starts here or later
    count = len(words)
    for start in candidates:
        if start < after:
            continue
        run = (words[start],)
        end = start + 1
        acronym = forms.get(run)  # a long form of one word: "undang-undang", UU
        form_end = end
        while end < count and (longer := (*run, words[end])) in prefixes:
            run = longer
            end += 1
            if run in forms:
                acronym, form_end = forms[run], end
        after = end
        if acronym is not None:
            new.copy_to(end)
            spans = (starts[start], ends[form_end - 1]) if new.chars else (0, 0)
            new.add(acronym, positions[start], *spans)
    return new.done() if new.copied else tokens


def stem(tokens: Words) -> Words:
    """Each word replaced with its root (`stem_word`)."""
    return tokens._replace(words=list(map(_stem_cache.__getitem__, tokens.words)))


def run_steps(text: str, steps: Sequence[Step], *, chars: bool = False) -> Words:
    """`text` tokenized, then through `steps`."""
    tokens = tokenize_text(text, chars=chars)
    for step in steps:
        tokens = step(tokens)
    return tokens


# -- the same steps as a Whoosh analyzer, for the schema ------------------------------------
# Whoosh indexes a field (an update's writer) through `field.analyzer`, a chain of generators
# of Token objects. Each piece below runs one of the steps above over the tokens it is given.


def _tokens(
    tokens: Words, token: Token, start_pos: int = 0, start_char: int = 0
) -> Iterator[Token]:
    """`tokens` as Whoosh Tokens (one object, updated and yielded again, as Whoosh's
    tokenizers do)."""
    positions, starts, ends = tokens.positions, tokens.starts, tokens.ends
    for i, word in enumerate(tokens.words):
        token.text = word
        if token.positions:
            token.pos = start_pos + positions[i]
        if token.chars and starts is not None and ends is not None:
            token.startchar = start_char + starts[i]
            token.endchar = start_char + ends[i]
        yield token


class WordTokenizer(Tokenizer):
    """`tokenize_text` as a Whoosh tokenizer."""

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if tokenize:
            tokens = tokenize_text(value, chars=chars)
        else:  # the whole value is one token (Whoosh asks so for some query terms)
            tokens = Words([plain_apostrophes(value.lower())], range(1), [0], [len(value)])
        return _tokens(tokens, token, start_pos, start_char)


class _StepFilter(Filter):
    """One step as a Whoosh filter: it collects the tokens, runs the step over their lists,
    and yields the step's tokens."""

    step: ClassVar[Step]

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        first = None
        words: list[str] = []
        positions: list[int] = []
        starts: list[int] = []
        ends: list[int] = []
        for t in tokens:
            if first is None:
                first = t.copy()
            words.append(t.text)
            positions.append(t.pos if t.positions else len(positions))
            if t.chars:
                starts.append(t.startchar)
                ends.append(t.endchar)
        if first is None:
            return
        chars = bool(first.chars)
        found = type(self).step(
            Words(words, positions, starts if chars else None, ends if chars else None)
        )
        yield from _tokens(found, first)


class HyphenFilter(_StepFilter):
    """`split_hyphens` as a Whoosh filter."""

    step = staticmethod(split_hyphens)


class IndonesianStopFilter(_StepFilter):
    """`drop_stopwords` as a Whoosh filter."""

    step = staticmethod(drop_stopwords)


class GlossaryFilter(_StepFilter):
    """`add_acronyms` as a Whoosh filter."""

    step = staticmethod(add_acronyms)


class SastrawiStemFilter(_StepFilter):
    """`stem` as a Whoosh filter."""

    step = staticmethod(stem)


def stemmed_analyzer() -> CompositeAnalyzer:
    """For the `title`/`body` fields and their queries: matches any form of a root word."""
    return (
        WordTokenizer()
        | HyphenFilter()
        | IndonesianStopFilter()
        | GlossaryFilter()
        | SastrawiStemFilter()
    )


def exact_analyzer() -> CompositeAnalyzer:
    """For the `*_exact` fields: every word as written (lower-cased), stopwords included, so
    exact forms rank first and a query of function words alone still finds something."""
    return WordTokenizer() | HyphenFilter()


def steps_of(analyzer: Any) -> tuple[Step, ...] | None:
    """The steps of an analyzer made of `WordTokenizer` and step filters (one of the two
    above), to run them over lists without Token objects; None for any other analyzer."""
    items = getattr(analyzer, "items", ())
    if not items or type(items[0]) is not WordTokenizer:
        return None
    if not all(isinstance(item, _StepFilter) for item in items[1:]):
        return None
    return tuple(type(item).step for item in items[1:])


STEMMED_STEPS = steps_of(stemmed_analyzer()) or ()
EXACT_STEPS = steps_of(exact_analyzer()) or ()


def analyze(text: str, *, stem: bool = True) -> list[str]:
    """Tokens of `text` as the index sees them (for queries, tests and `cari inspect`)."""
    return run_steps(text, STEMMED_STEPS if stem else EXACT_STEPS).words


def surface_words(text: str) -> list[str]:
    """The words of `text` as written, lower-cased, hyphenated words kept whole."""
    return tokenize_text(text).words


def _spans(tokens: Words) -> list[tuple[str, str, int, int]]:
    assert tokens.starts is not None and tokens.ends is not None
    stops = stopwords()  # stopwords get an empty stem: they only match as exact forms
    stems = ["" if word in stops else stem_word(word) for word in tokens.words]
    return list(zip(stems, tokens.words, tokens.starts, tokens.ends, strict=True))


def word_spans(text: str) -> list[tuple[str, str, int, int]]:
    """(stem, exact form, start, end) for every word of `text`, for highlighting: the exact
    analyzer's words and spans (hyphenated words give their joined spelling, then their
    parts). Stopwords get an empty stem: they only match as exact forms."""
    return _spans(run_steps(text, EXACT_STEPS, chars=True))


_JOINERS = "-" + APOSTROPHES


def fragments_for(stems: Iterable[str], exact: Iterable[str]) -> frozenset[str]:
    """Pieces of text every word that stems to one of `stems` (or is one of `exact`)
    contains: a stem without its first letter (prefixes may change it: "sapu" in "menyapu"
    keeps "apu"), the exact forms, and the words a stem override maps to those stems.
    Worked out once per query's words (every hit's title and snippet asks for them)."""
    return _fragments_for(frozenset(stems), frozenset(exact))


@lru_cache(maxsize=256)
def _fragments_for(stems: frozenset[str], exact: frozenset[str]) -> frozenset[str]:
    stems = frozenset(s for s in stems if s)
    found = {s[1:] if len(s) >= 4 else s for s in stems}
    found |= {e.lower() for e in exact if e}
    by_stem = _words_by_stem()
    for stem in stems & by_stem.keys():
        found |= by_stem[stem]
    return frozenset(f for f in found if f)


@cache
def _words_by_stem() -> dict[str, frozenset[str]]:
    """The words a stem override or another spelling gives each root (for fragments_for:
    one pass over the two tables, not one a snippet)."""
    found: dict[str, set[str]] = {}
    for word, stem in stem_overrides().items():
        found.setdefault(stem, set()).add(word)
    for variant in spellings():
        found.setdefault(stem_word(variant), set()).add(variant)
    return {stem: frozenset(words) for stem, words in found.items()}


def _occurrences(text: str, fragments: list[str]) -> Iterator[int]:
    """Where `fragments` (longest first) occur in `text`, as a regular expression of them
    would find them: leftmost first, the longest at one place, none overlapping the one
    before. Found by str.find, fragment by fragment: a regular expression of a dozen
    alternatives tries each at every character of an article."""
    found: list[tuple[int, int]] = []
    for fragment in fragments:
        at = text.find(fragment)
        while at >= 0:
            found.append((at, -len(fragment)))
            at = text.find(fragment, at + 1)
    found.sort()
    end = 0
    for at, minus_length in found:
        if at >= end:
            yield at
            end = at - minus_length


@lru_cache(maxsize=256)
def _scan_order(fragments: frozenset[str]) -> list[str]:
    """The fragments to look for, longest first, without those that hold a shorter one made
    of letters and digits only: every word such a fragment is in also holds the shorter one
    (a fragment of letters and digits lies inside one word), and the scan finds the same
    words from either."""
    kept = {f for f in fragments if f}
    kept = {f for f in kept if not (f.isalnum() and any(g != f and g in f for g in kept))}
    return sorted(kept, key=len, reverse=True)


def word_spans_containing(text: str, fragments: Collection[str]) -> list[tuple[str, str, int, int]]:
    """`word_spans(text)` restricted to the words containing one of `fragments`
    (lower-case): the words around each occurrence, without tokenizing the rest of the text.
    With `fragments_for(stems, exact)` it finds every word that can match them."""
    fragments = _scan_order(frozenset(fragments))
    if not fragments:
        return []
    lower = text.lower()
    if len(lower) != len(text):  # a case mapping that changes lengths: offsets would drift
        return word_spans(text)
    # Fragments are found in the text with plain apostrophes (the same length: the offsets
    # are the text's), words cut from the text as written (U+02BC is a letter there), as
    # word_spans cuts them, and spelled with plain apostrophes.
    plain = plain_apostrophes(lower)
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    covered = -1
    for position in _occurrences(plain, fragments):
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
        start, covered = word.span()
        words.append(plain[start:covered])
        starts.append(start)
        ends.append(covered)
    found = Words(words, range(len(words)), starts, ends)
    for step in EXACT_STEPS:
        found = step(found)
    return _spans(found)
