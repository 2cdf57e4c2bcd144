"""A text's postings for the index, computed without Whoosh's token pipeline.

Whoosh analyses a field by passing a Token object through a chain of generator filters, then
groups the tokens by term (`Positions.word_values`): about 60 % of a build's time went there.
`TextTerms` produces the same terms, positions and encoded values for the two analyzers of
`search.text.analyzer` with list operations over one regex pass, and tokenizes a text once for
both its stemmed and its exact field. `tests/test_text_terms.py` checks it against the
pipelines, term for term; a change to an analyzer must be made in both places (a field with
any other analyzer keeps Whoosh's own pipeline, see `indexer_for`).
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Sequence
from operator import sub
from typing import Any

from whoosh.formats import Positions
from whoosh.system import pack_uint

from search.lexicon import stopwords
from search.text.analyzer import (
    _WORD,
    exact_analyzer,
    other_apostrophes,
    plain_apostrophes,
    split_hyphenated,
    stem_word,
    stemmed_analyzer,
)

# A writer's postings of one field: term -> [docnum, weight, value, docnum, weight, ...]
Terms = dict[str, list[Any]]


class TextTerms:
    """Adds texts' postings to a writer's terms as `field.index(text)` gives them for the
    stemmed and the exact analyzer. Remembers the last text's words, so the exact field of a
    text written just after its stemmed field (or the other way round) is not tokenized
    again."""

    def __init__(self) -> None:
        from search.text.glossary import indexed_long_forms, indexed_prefixes

        self._forms = indexed_long_forms()
        self._prefixes = indexed_prefixes()
        self._starts = frozenset(p[0] for p in self._prefixes)
        self._stops = stopwords()
        self._stems = _Stems()
        self._single: list[bytes] = []  # the encoded value of a term found once, by position
        self._last_text: str | None = None
        self._last_words: tuple[list[str], Sequence[int]] = ([], [])

    def add_exact(self, text: str, terms: Terms, docnum: int, boost: float) -> tuple[int, int]:
        """Add the exact analyzer's postings of `text` to `terms`; the field's length and
        how many postings were added."""
        return self._add(*self._words(text), terms, docnum, boost)

    def add_stemmed(self, text: str, terms: Terms, docnum: int, boost: float) -> tuple[int, int]:
        """Add the stemmed analyzer's postings of `text` to `terms` (as add_exact)."""
        words, positions = self._glossary(*self._unstopped(*self._words(text)))
        return self._add(list(map(self._stems.__getitem__, words)), positions, terms, docnum, boost)

    def _words(self, text: str) -> tuple[list[str], Sequence[int]]:
        """The exact analyzer's tokens: (words, positions)."""
        if text is self._last_text or text == self._last_text:
            return self._last_words
        lowered = text.lower()
        if len(lowered) == len(text) and "Σ" not in text:
            # The same words as lowering each: lowering keeps letters letters, and only
            # "İ" (longer) and a capital sigma (final or not by what follows) lower by context.
            words = _WORD.findall(lowered)
        else:
            words = [w.lower() for w in _WORD.findall(text)]
        if other_apostrophes(text):  # ApostropheFilter, after the tokenizer
            words = [plain_apostrophes(w) for w in words]
        hyphenated = [i for i, w in enumerate(words) if "-" in w] if "-" in text else None
        found = _split_hyphens(words, hyphenated) if hyphenated else (words, range(len(words)))
        self._last_text, self._last_words = text, found
        return found

    def _unstopped(
        self, words: list[str], positions: Sequence[int]
    ) -> tuple[list[str], Sequence[int]]:
        """IndonesianStopFilter: stopwords dropped, the gaps they leave closed."""
        stops = self._stops
        if isinstance(positions, range):  # one position per word: each drop closes one gap
            kept = [w for w in words if w not in stops]
            return kept, range(len(kept))
        kept = []
        kept_positions = []
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

    def _glossary(
        self, words: list[str], positions: Sequence[int]
    ) -> tuple[list[str], Sequence[int]]:
        """GlossaryFilter: after a glossary long form, its acronym at the form's position.
        A run starts at a word that starts a long form and goes on while it is the start of
        one; the word after it may start the next run (words inside a run may not)."""
        starts = self._starts
        candidates = [i for i, w in enumerate(words) if w in starts]
        if not candidates:
            return words, positions
        prefixes, forms = self._prefixes, self._forms
        out: list[str] = []
        out_positions: list[int] = []
        copied = 0  # words[:copied] are in out
        after = 0  # the next run starts here or later
        count = len(words)
        for start in candidates:
            if start < after:
                continue
            run = (words[start],)
            end = start + 1
            acronym = None
            while end < count and (longer := (*run, words[end])) in prefixes:
                run = longer
                end += 1
                acronym = forms.get(run, acronym)
            after = end
            if acronym is not None:
                out += words[copied:end]
                out_positions += positions[copied:end]
                out.append(acronym)
                out_positions.append(positions[start])
                copied = end
        if not copied:
            return words, positions
        out += words[copied:]
        out_positions += positions[copied:]
        return out, out_positions

    def _add(
        self,
        words: list[str],
        positions: Sequence[int],
        terms: Terms,
        docnum: int,
        boost: float,
    ) -> tuple[int, int]:
        """Positions.word_values into the writer's terms: one posting per distinct word,
        weighted by its frequency, its positions delta-encoded and pickled."""
        grouped: dict[str, list[int]] = {}
        for word, pos in zip(words, positions, strict=True):
            found = grouped.get(word)
            if found is None:
                grouped[word] = [pos]
            else:
                found.append(pos)
        single = self._single
        highest = max(positions, default=-1)  # not always the last: see _glossary
        if highest >= len(single):
            single += [_encode([pos]) for pos in range(len(single), highest + 1)]
        for word, found in grouped.items():
            if len(found) == 1:
                terms[word].extend((docnum, boost, single[found[0]]))
            else:
                deltas = [found[0], *map(sub, found[1:], found)]
                terms[word].extend((docnum, len(found) * boost, _encode(deltas)))
        return len(words), len(grouped)


class _Stems(dict[str, str]):
    """word -> stem_word(word), filled as words are met (a lookup that finds the word is a
    plain dict lookup, in C when mapped over a text's words)."""

    def __missing__(self, word: str) -> str:
        stem = self[word] = stem_word(word)
        return stem


def _encode(deltas: list[int]) -> bytes:
    return pack_uint(len(deltas)) + pickle.dumps(deltas, 2)


def _split_hyphens(words: list[str], hyphenated: list[int]) -> tuple[list[str], list[int]]:
    """HyphenFilter: a reduplication becomes its base word; a compound its joined spelling,
    then its parts at their own positions (later words shift by the positions added).
    `hyphenated`: the indexes of the words with a hyphen."""
    out: list[str] = []
    positions: list[int] = []
    shift = 0
    copied = 0
    for i in hyphenated:
        out += words[copied:i]
        positions += range(copied + shift, i + shift)
        copied = i + 1
        joined, parts = split_hyphenated(words[i])
        pos = i + shift
        if len(parts) == 1:
            out.append(parts[0])
            positions.append(pos)
            continue
        out.append(joined)
        positions.append(pos)
        out += parts
        positions += range(pos, pos + len(parts))
        shift += len(parts) - 1
    out += words[copied:]
    positions += range(copied + shift, len(words) + shift)
    return out, positions


def indexer_for(
    field: Any, terms: TextTerms
) -> Callable[[str, Terms, int, float], tuple[int, int]] | None:
    """For a text field analysed by one of Cari's two analyzers with positions, a function
    (text, terms, docnum, boost) that adds `field.index(text)`'s postings to a writer's terms
    (weights times `boost`) and gives the field's length and the number of postings added;
    None for any other field (it keeps Whoosh's own)."""
    fmt = field.format
    if type(fmt) is not Positions or not field.scorable:
        return None
    field_boost = fmt.field_boost
    if field.analyzer == stemmed_analyzer():
        add = terms.add_stemmed
    elif field.analyzer == exact_analyzer():
        add = terms.add_exact
    else:
        return None

    def index(text: str, into: Terms, docnum: int, boost: float) -> tuple[int, int]:
        return add(text, into, docnum, field_boost * boost)

    return index
