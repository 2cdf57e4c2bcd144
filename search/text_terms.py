"""A text's postings for the index, computed without Whoosh's token pipeline.

Whoosh analyses a field by passing a Token object through a chain of generator filters, then
groups the tokens by term (`Positions.word_values`): about 60 % of a build's time went there.
`TextTerms` produces the same terms, positions and encoded values for the two analyzers of
`search.analysis` with list operations over one regex pass, and tokenizes a text once for
both its stemmed and its exact field. `tests/test_text_terms.py` checks it against the
pipelines, term for term; a change to an analyzer must be made in both places (the build
refuses a field whose analyzer is not one of the two, see `indexer_for`).
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from whoosh.formats import Positions
from whoosh.system import pack_uint

from search.analysis import (
    _WORD,
    exact_analyzer,
    split_hyphenated,
    stem_word,
    stemmed_analyzer,
)
from search.lexicon import stopwords

# term, frequency, weight, encoded positions (field.index gives the term as UTF-8 bytes)
Posting = tuple[str, int, float, bytes]


class TextTerms:
    """Postings of texts as `field.index(text)` gives them for the stemmed and the exact
    analyzer. Remembers the last text's words, so the exact field of a text written just
    after its stemmed field (or the other way round) is not tokenized again."""

    def __init__(self) -> None:
        from search.glossary import indexed_long_forms, indexed_prefixes

        self._forms = indexed_long_forms()
        self._prefixes = indexed_prefixes()
        self._starts = frozenset(p[0] for p in self._prefixes)
        self._stops = stopwords()
        self._stems: dict[str, str] = {}
        self._single: dict[int, bytes] = {}  # encoded value of a term found once, by position
        self._last_text: str | None = None
        self._last_words: tuple[list[str], list[int]] = ([], [])

    def exact(self, text: str, boost: float) -> list[Posting]:
        return self._postings(*self._words(text), boost)

    def stemmed(self, text: str, boost: float) -> list[Posting]:
        words, positions = self._glossary(*self._unstopped(*self._words(text)))
        stems = self._stems
        stemmed = []
        for word in words:
            stem = stems.get(word)
            if stem is None:
                stem = stems[word] = stem_word(word)
            stemmed.append(stem)
        return self._postings(stemmed, positions, boost)

    def _words(self, text: str) -> tuple[list[str], list[int]]:
        """The exact analyzer's tokens: (words, positions)."""
        if text is self._last_text or text == self._last_text:
            return self._last_words
        words = [w.lower() for w in _WORD.findall(text)]
        if "-" in text:
            words, positions = _split_hyphens(words)
        else:
            positions = list(range(len(words)))
        self._last_text, self._last_words = text, (words, positions)
        return words, positions

    def _unstopped(self, words: list[str], positions: list[int]) -> tuple[list[str], list[int]]:
        """IndonesianStopFilter: stopwords dropped, the gaps they leave closed."""
        stops = self._stops
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
        return kept, kept_positions

    def _glossary(self, words: list[str], positions: list[int]) -> tuple[list[str], list[int]]:
        """GlossaryFilter: after a glossary long form, its acronym at the form's position."""
        starts = self._starts
        if starts.isdisjoint(words):
            return words, positions
        prefixes, forms = self._prefixes, self._forms
        out: list[str] = []
        out_positions: list[int] = []
        pending: list[int] = []  # indexes into words
        match: tuple[str, int] | None = None
        for i, word in enumerate(words):
            if pending:
                run = (*(words[j] for j in pending), word)
                if run in prefixes:
                    pending.append(i)
                    if run in forms:
                        match = (forms[run], len(pending))
                    continue
                _flush(out, out_positions, words, positions, pending, match)
                pending, match = [], None
            if word in starts:
                pending.append(i)
            else:
                out.append(word)
                out_positions.append(positions[i])
        if pending:
            _flush(out, out_positions, words, positions, pending, match)
        return out, out_positions

    def _postings(self, words: list[str], positions: list[int], boost: float) -> list[Posting]:
        """Positions.word_values: one posting per distinct word, its positions delta-encoded
        and pickled."""
        grouped: dict[str, list[int]] = {}
        for word, pos in zip(words, positions, strict=True):
            found = grouped.get(word)
            if found is None:
                grouped[word] = [pos]
            else:
                found.append(pos)
        single = self._single
        out = []
        for word, found in grouped.items():
            if len(found) == 1:
                pos = found[0]
                value = single.get(pos)
                if value is None:
                    value = single[pos] = _encode(found)
                out.append((word, 1, boost, value))
            else:
                deltas = [found[0], *[b - a for a, b in pairwise(found)]]
                out.append((word, len(found), len(found) * boost, _encode(deltas)))
        return out


def _encode(deltas: list[int]) -> bytes:
    return pack_uint(len(deltas)) + pickle.dumps(deltas, 2)


def _split_hyphens(words: list[str]) -> tuple[list[str], list[int]]:
    """HyphenFilter: a reduplication becomes its base word; a compound its joined spelling,
    then its parts at their own positions (later words shift by the positions added)."""
    out: list[str] = []
    positions: list[int] = []
    shift = 0
    for i, word in enumerate(words):
        if "-" not in word:
            out.append(word)
            positions.append(i + shift)
            continue
        joined, parts = split_hyphenated(word)
        pos = i + shift
        if len(parts) == 1:
            out.append(parts[0])
            positions.append(pos)
            continue
        out.append(joined)
        positions.append(pos)
        out.extend(parts)
        positions.extend(range(pos, pos + len(parts)))
        shift += len(parts) - 1
    return out, positions


def _flush(
    out: list[str],
    out_positions: list[int],
    words: list[str],
    positions: list[int],
    pending: list[int],
    match: tuple[str, int] | None,
) -> None:
    for j in pending:
        out.append(words[j])
        out_positions.append(positions[j])
    if match:
        out.append(match[0])
        out_positions.append(positions[pending[0]])


def indexer_for(field: Any, terms: TextTerms) -> Callable[[str], list[Posting]] | None:
    """A faster `field.index` for a text field analysed by one of Cari's two analyzers with
    positions (None for any other field: it keeps Whoosh's own)."""
    fmt = field.format
    if type(fmt) is not Positions or not field.scorable:
        return None
    boost = fmt.field_boost
    if field.analyzer == stemmed_analyzer():
        return lambda text: terms.stemmed(text, boost)
    if field.analyzer == exact_analyzer():
        return lambda text: terms.exact(text, boost)
    return None
