"""A text's postings for the index, computed without Whoosh's token pipeline.

Whoosh analyses a field by passing a Token object through a chain of generator filters, then
groups the tokens by term (`Positions.word_values`): about 60 % of a build's time went there.
`TextTerms` runs the same analyzer's steps (`search.text.analyzer.steps_of`) over plain lists,
tokenizes a text once for both its stemmed and its exact field, and groups and encodes the
positions as `Positions.word_values` does. A field with any other analyzer keeps Whoosh's
own pipeline (see `indexer_for`).
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Sequence
from operator import sub
from typing import Any

from whoosh.formats import Positions
from whoosh.system import pack_uint

from search.text.analyzer import Step, Words, steps_of, tokenize_text

# A writer's postings of one field: term -> [docnum, weight, value, docnum, weight, ...]
Terms = dict[str, list[Any]]


class TextTerms:
    """Adds texts' postings to a writer's terms as `field.index(text)` gives them. Remembers
    the last text's tokens after each run of steps, so the exact field of a text written just
    after its stemmed field (or the other way round) is not tokenized again."""

    def __init__(self) -> None:
        self._single: list[bytes] = []  # the encoded value of a term found once, by position
        self._last_text: str | None = None
        self._last_tokens: dict[tuple[Step, ...], Words] = {}

    def add(
        self, text: str, steps: tuple[Step, ...], terms: Terms, docnum: int, boost: float
    ) -> tuple[int, int]:
        """Add the postings of `text` analysed by `steps` to `terms`; the field's length and
        how many postings were added."""
        tokens = self._analysed(text, steps)
        return self._add(tokens.words, tokens.positions, terms, docnum, boost)

    def _analysed(self, text: str, steps: tuple[Step, ...]) -> Words:
        if not (text is self._last_text or text == self._last_text):
            self._last_text = text
            self._last_tokens = {(): tokenize_text(text)}
        done = self._last_tokens
        tokens = done[()]
        for n in range(1, len(steps) + 1):
            found = done.get(steps[:n])
            if found is None:
                found = done[steps[:n]] = steps[n - 1](tokens)
            tokens = found
        return tokens

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
            if word in grouped:
                grouped[word].append(pos)
            else:
                grouped[word] = [pos]
        single = self._single
        if isinstance(positions, range):  # a text without hyphens nor acronyms: no scan
            highest = max(positions[0], positions[-1]) if positions else -1
        else:
            highest = max(positions, default=-1)  # not always the last: see add_acronyms
        if highest >= len(single):
            single += [_encode([pos]) for pos in range(len(single), highest + 1)]
        for word, found in grouped.items():
            if len(found) == 1:
                terms[word].extend((docnum, boost, single[found[0]]))
            else:
                deltas = [found[0], *map(sub, found[1:], found)]
                terms[word].extend((docnum, len(found) * boost, _encode(deltas)))
        return len(words), len(grouped)


def _encode(deltas: list[int]) -> bytes:
    return pack_uint(len(deltas)) + pickle.dumps(deltas, 2)


def indexer_for(
    field: Any, terms: TextTerms
) -> Callable[[str, Terms, int, float], tuple[int, int]] | None:
    """For a text field with positions whose analyzer is made of the analyzer's steps
    (`steps_of`), a function (text, terms, docnum, boost) that adds `field.index(text)`'s
    postings to a writer's terms (weights times `boost`) and gives the field's length and the
    number of postings added; None for any other field (it keeps Whoosh's own)."""
    fmt = field.format
    if type(fmt) is not Positions or not field.scorable:
        return None
    steps = steps_of(field.analyzer)
    if steps is None:
        return None
    field_boost = fmt.field_boost
    add = terms.add

    def index(text: str, into: Terms, docnum: int, boost: float) -> tuple[int, int]:
        return add(text, steps, into, docnum, field_boost * boost)

    return index
