"""The Terms (search.query.terms) of an OpenSearch index, read from the lexicon kept beside it
(search.indexing.opensearch_lexicon): spelling suggestions, the completion of a word being
typed and prefix queries run Cari's own code over them, as on the embedded index.

One `OpenSearchTerms` serves one search: it keeps the frequencies it has read (every lookup
answers several words), so a search costs at most a request for its words' frequencies, one
per prefix and field, and one per word looked up for a correction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from search.indexing.opensearch_lexicon import FIELDS, df_field
from search.indexing.vocabulary import MAX_EDITS, is_candidate, near_bounds
from search.query.prefixes import MAX_MATCHED_TERMS

# How many index words a misspelling is compared with at most (words sharing its first
# letters and at most MAX_EDITS edits away: a few dozen in practice).
MAX_NEAR = 1000

Call = Callable[..., Any]  # the engine's request to the lexicon, retried on another node


class OpenSearchTerms:
    def __init__(self, call: Call) -> None:
        self._call = call
        self._frequencies: dict[tuple[str, str], int] = {}
        self._prefixes: dict[tuple[str, str], list[str]] = {}

    def _keep(self, hits: list[dict[str, Any]]) -> list[str]:
        """The words of lexicon hits, their frequencies kept."""
        words = []
        for hit in hits:
            source = hit["_source"]
            for field in FIELDS:
                self._frequencies[(field, source["word"])] = int(source.get(df_field(field), 0))
            words.append(source["word"])
        return words

    def prefetch(self, field: str, words: Iterable[str]) -> None:
        """Read the frequencies of `words` in one request."""
        wanted = sorted({w for w in words if (field, w) not in self._frequencies})
        if not wanted:
            return
        found = self._call("mget", body={"ids": [f"w:{w}" for w in wanted]})["docs"]
        for word, doc in zip(wanted, found, strict=True):
            source = doc.get("_source") or {}
            for field in FIELDS:
                self._frequencies[(field, word)] = int(source.get(df_field(field), 0))

    def doc_frequency(self, field: str, word: str) -> int:
        if (field, word) not in self._frequencies:
            self.prefetch(field, [word])
        return self._frequencies.get((field, word), 0)

    def prefix_terms(self, field: str, prefix: str) -> list[str]:
        key = (field, prefix)
        if key not in self._prefixes:
            count = df_field(field)
            body = {
                "query": {
                    "bool": {
                        "filter": [
                            {"prefix": {"word": prefix}},
                            {"range": {count: {"gt": 0}}},
                        ]
                    }
                },
                "sort": [{count: "desc"}, {"word": "asc"}],
                "size": MAX_MATCHED_TERMS,
            }
            self._prefixes[key] = self._keep(self._call("search", body=body)["hits"]["hits"])
        return self._prefixes[key]

    def near(self, word: str) -> list[str] | None:
        """The words of the body at most MAX_EDITS edits away (OpenSearch's fuzzy query,
        which counts a swap of neighbours as one edit, as suggest's OSA distance does)
        within near_bounds."""
        prefix, shortest, longest = near_bounds(word)
        fuzzy = {
            "value": word,
            "fuzziness": MAX_EDITS,
            "prefix_length": len(prefix),
            "transpositions": True,
            "max_expansions": MAX_NEAR,
        }
        body = {
            "query": {
                "bool": {
                    "must": [{"fuzzy": {"word": fuzzy}}],
                    "filter": [{"range": {df_field("body_exact"): {"gt": 0}}}],
                }
            },
            "size": MAX_NEAR,
        }
        found = self._keep(self._call("search", body=body)["hits"]["hits"])
        return [
            w
            for w in found
            if w.startswith(prefix) and shortest <= len(w) <= longest and is_candidate(w)
        ]
