"""The lexicon an OpenSearch index keeps beside it, in an index of its own behind the alias
`<alias>-lexicon` (swapped with the articles' alias in one call, search.indexing
.opensearch_index.swap_alias):

- one document per word of the exact fields (`title_exact`, `body_exact`) with how many
  articles have it in each (`title_df`, `body_df`): spelling suggestions, the completion of a
  word being typed and prefix queries read it (search.retrieval.opensearch_terms), as they
  read the embedded index's lexicon. Text fields keep no list of their words that a search
  can walk, and a terms aggregation over every article costs in proportion to the archive.
- what finding the copies of an update's new articles needs (search.indexing.copies
  .update_copies), as the embedded index keeps it in `copies/` (search.indexing.copy_state) and `copies.json`: each
  article's MinHash signature, the pairs of copies found, and the shingles found to be
  boilerplate.

A build counts the words as it writes the articles (`WordCounts`); an update adds the words of
the articles it adds and takes away those of the articles it removes or replaces.
"""

from __future__ import annotations

import base64
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from search.indexing.copies import CopyIndex

SUFFIX = "-lexicon"
FIELDS = ("title_exact", "body_exact")
# Longer "words" (a run of digits, a URL's remains) are left out: nobody types them.
MAX_WORD_BYTES = 200
_DF = {"title_exact": "title_df", "body_exact": "body_df"}
_KEYWORD = {"type": "keyword"}
_STORED_ONLY = {"type": "keyword", "index": False, "doc_values": False}


def lexicon_name(alias_or_index: str) -> str:
    """The lexicon's alias (of an articles' alias) or index (of an articles' index)."""
    return alias_or_index + SUFFIX


def df_field(field: str) -> str:
    """The lexicon field holding how many articles have a word in `field` (an exact field)."""
    return _DF[field]


def index_body(replicas: int, refresh_interval: str = "1s") -> dict[str, Any]:
    return {
        "settings": {
            "number_of_shards": 1,
            "number_of_replicas": replicas,
            "refresh_interval": refresh_interval,
        },
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "kind": _KEYWORD,  # word, signature, pair, boilerplate
                "word": _KEYWORD,
                "title_df": {"type": "integer"},
                "body_df": {"type": "integer"},
                "article": _KEYWORD,
                "other": _STORED_ONLY,
                "hashes": {"type": "binary"},
            },
        },
    }


# -- words ----------------------------------------------------------------------------------


def slot_words(slots: str) -> set[str]:
    """The distinct words of a field written as position slots
    (search.indexing.opensearch_index.slots)."""
    return set(slots.replace("|", " ").split(" ")) - {"_", ""}


class WordCounts:
    """How many articles have each word, per exact field: what a build or update adds to the
    lexicon (`remove` counts an article that leaves the index)."""

    def __init__(self) -> None:
        self.counts = {field: Counter() for field in FIELDS}

    def add(self, doc: dict[str, Any], sign: int = 1) -> None:
        """Count the words of an article document (its exact fields as slots)."""
        for field in FIELDS:
            words = slot_words(doc.get(field) or "")
            if sign > 0:
                self.counts[field].update(words)
            else:
                self.counts[field].subtract(words)

    def remove(self, doc: dict[str, Any]) -> None:
        self.add(doc, -1)

    def words(self) -> set[str]:
        return {w for counted in self.counts.values() for w, n in counted.items() if n}


def _word_id(word: str) -> str:
    return f"w:{word}"


def _usable(word: str) -> bool:
    return 0 < len(word.encode("utf-8")) <= MAX_WORD_BYTES


def word_actions(index: str, counts: WordCounts) -> Iterator[dict[str, Any]]:
    """Bulk actions writing a build's words."""
    for word in sorted(counts.words()):
        if _usable(word):
            source = {"kind": "word", "word": word}
            source.update({_DF[f]: counts.counts[f][word] for f in FIELDS})
            yield {"_index": index, "_id": _word_id(word), "_source": source}


def word_changes(client: Any, index: str, changes: WordCounts) -> Iterator[dict[str, Any]]:
    """Bulk actions adding an update's word counts (`changes`, positive or negative) to the
    lexicon's: a word no article has any more is deleted."""
    words = sorted(w for w in changes.words() if _usable(w))
    for start in range(0, len(words), 1000):
        batch = words[start : start + 1000]
        found = client.mget(index=index, body={"ids": [_word_id(w) for w in batch]})["docs"]
        for word, doc in zip(batch, found, strict=True):
            old = doc.get("_source") or {}
            counts = {
                _DF[f]: max(0, int(old.get(_DF[f], 0)) + changes.counts[f][word]) for f in FIELDS
            }
            if any(counts.values()):
                source = {"kind": "word", "word": word, **counts}
                yield {"_index": index, "_id": _word_id(word), "_source": source}
            elif doc.get("found"):
                yield {"_op_type": "delete", "_index": index, "_id": _word_id(word)}


# -- copies ---------------------------------------------------------------------------------


def _packed(values: np.ndarray, dtype: str) -> str:
    return base64.b64encode(np.ascontiguousarray(values, dtype=dtype).tobytes()).decode("ascii")


def _unpacked(text: str, dtype: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype=dtype)


def _pair_id(pair: tuple[str, str]) -> str:
    return f"p:{pair[0]} {pair[1]}"


def copy_actions(
    index: str,
    copies: CopyIndex,
    before: CopyIndex | None = None,
    written: Iterable[str] = (),
    removed: Iterable[str] = (),
) -> Iterator[dict[str, Any]]:
    """Bulk actions writing the state of `copies`: all of it after a build (`before` None),
    else what changed since `before`: the signatures of the articles `written` (added or
    re-indexed) and of those `removed`, and the pairs."""
    wanted = None if before is None else set(written)
    for article_id in removed:
        yield {"_op_type": "delete", "_index": index, "_id": f"s:{article_id}"}
    for article_id, row in zip(copies.ids, copies.signatures, strict=True):
        if wanted is None or article_id in wanted:
            source = {"kind": "signature", "article": article_id, "hashes": _packed(row, "<u4")}
            yield {"_index": index, "_id": f"s:{article_id}", "_source": source}
    old_pairs = before.pairs if before is not None else set()
    for pair in sorted(old_pairs - copies.pairs):
        yield {"_op_type": "delete", "_index": index, "_id": _pair_id(pair)}
    for pair in sorted(copies.pairs - old_pairs):
        source = {"kind": "pair", "article": pair[0], "other": pair[1]}
        yield {"_index": index, "_id": _pair_id(pair), "_source": source}
    if before is None:
        source = {"kind": "boilerplate", "hashes": _packed(copies.boilerplate, "<u8")}
        yield {"_index": index, "_id": "boilerplate", "_source": source}


def load_copies(client: Any, index: str) -> CopyIndex | None:
    """The copies' state kept in a lexicon (None when it has none)."""
    from opensearchpy import NotFoundError, helpers

    try:
        boilerplate = client.get(index=index, id="boilerplate")["_source"]["hashes"]
    except NotFoundError:
        return None
    ids: list[str] = []
    rows: list[np.ndarray] = []
    pairs: set[tuple[str, str]] = set()
    query = {"query": {"terms": {"kind": ["signature", "pair"]}}}
    for hit in helpers.scan(client, query=query, index=index, size=5000):
        source = hit["_source"]
        if source["kind"] == "signature":
            ids.append(source["article"])
            rows.append(_unpacked(source["hashes"], "<u4"))
        else:
            pairs.add((source["article"], source["other"]))
    signatures = np.array(rows, dtype=np.uint32) if rows else np.zeros((0, 0), dtype=np.uint32)
    return CopyIndex(ids, signatures, _unpacked(boilerplate, "<u8").copy(), pairs)
