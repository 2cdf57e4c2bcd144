"""What spelling suggestions, completion and prefix queries read of an index's words, on any
engine: how many articles have a word, a field's words that start with a prefix (most
frequent first), and the words a misspelling may stand for. `ReaderTerms` reads them from
the embedded index's lexicon; the OpenSearch engine from the lexicon it keeps beside its
index (search.retrieval.opensearch_terms). search.query.suggest and search.query.prefixes
do the rest, the same way for both."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from search.indexing.flat_postings import deleted_having
from search.query.prefixes import prefix_terms
from search.query.suggest import vocabulary


class Terms(Protocol):
    def doc_frequency(self, field: str, word: str) -> int:
        """How many articles have `word` in `field` (an exact field: title_exact, body_exact)."""
        ...

    def prefix_terms(self, field: str, prefix: str) -> list[str]:
        """The MAX_MATCHED_TERMS most frequent words of `field` that start with `prefix`,
        most frequent first, then in alphabetical order (search.query.prefixes)."""
        ...

    def near(self, word: str) -> list[str] | None:
        """The words of the suggestions' field that `word` may be a misspelling of: those
        search.indexing.vocabulary.near_bounds allows that are candidates (`is_candidate`), or
        a part of them that holds every one at most MAX_EDITS edits away; None when they
        cannot be read now."""
        ...


class ReaderTerms:
    """The Terms of an embedded index reader; `frequency`, given, counts a word's articles
    (None: it cannot, and Whoosh's lexicon is asked)."""

    def __init__(
        self, reader: Any, frequency: Callable[[str, str], int | None] | None = None
    ) -> None:
        self.reader = reader
        self._frequency = frequency

    def doc_frequency(self, field: str, word: str) -> int:
        """Of the articles in the index now: from `frequency` (the segments' flat postings
        files, search.retrieval.postings.Arrays.doc_frequency), else from Whoosh's own
        count, which keeps the deleted ones until their segment is merged (an update's
        removed article would still be suggested), so those of each segment with deletions
        are taken off (search.indexing.flat_postings.deleted_having)."""
        if self._frequency is not None:
            counted = self._frequency(field, word)
            if counted is not None:
                return counted
        found = self.reader.doc_frequency(field, word)
        if found and self.reader.has_deletions():
            text = self.reader.schema[field].to_bytes(word)
            for segreader, _offset in self.reader.leaf_readers():
                found -= deleted_having(segreader, field, text)
        return found

    def prefix_terms(self, field: str, prefix: str) -> list[str]:
        return prefix_terms(self.reader, field, prefix)

    def near(self, word: str) -> list[str] | None:
        found = vocabulary(self.reader)
        return None if found is None else found.near(word)
