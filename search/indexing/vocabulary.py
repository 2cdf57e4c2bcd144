"""The spelling suggestions' vocabulary (search.query.suggest): the index's surface words
that a misspelling may stand for, grouped by their first letters and length.

It is written beside an index generation's segments by the build, and mapped by a server's
first search instead of being read again from the segments' lexicons (most of a server's
start once the facet table was mapped). An update does not write it (its cost would grow
with the index, not with the update): the first suggestion of the new content reads the
lexicons, as it would without a file, and keeps what it read in the file for the next
process.

    gen-.../vocabulary.arrays   (search.indexing.kept: arrays and a JSON header)

The file names the content it was made for (search.indexing.kept); a reader whose content
differs, or a file that does not read, is not used: the lexicons are read.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import index as whoosh_index
from whoosh.reading import IndexReader

from search.indexing import kept

FIELD = "body_exact"
MIN_LENGTH = 4  # a word shorter than this is not corrected
MAX_EDITS = 2
SHARED_PREFIX = 2
LETTERS = re.compile(r"[a-z]+")  # the words corrected and suggested

# Raised when what the file holds, or how, changes: a file of another format is not used.
FORMAT = f"1-{kept.code_fingerprint(__file__)}"  # the code that makes it is part of it


class Vocabulary:
    """The index's surface words grouped by their first letters and length: each group's
    words, in the lexicon's order, joined by newlines in one text (`text[start:end]` for the
    group's (start, end) in `spans`); the text is bytes, or an array mapped from the file the
    build writes (KEPT)."""

    def __init__(
        self, text: bytes | np.ndarray, spans: dict[tuple[str, int], tuple[int, int]]
    ) -> None:
        self.text = text
        self.spans = spans

    @classmethod
    def of_reader(cls, reader: IndexReader) -> Vocabulary:
        """The vocabulary read from the reader's lexicon (every segment's, merged)."""
        groups: dict[tuple[str, int], list[str]] = {}
        for btext in reader.lexicon(FIELD):
            word = btext.decode("utf-8") if isinstance(btext, bytes) else btext
            if is_candidate(word):
                groups.setdefault((word[:SHARED_PREFIX], len(word)), []).append(word)
        parts: list[bytes] = []
        spans: dict[tuple[str, int], tuple[int, int]] = {}
        at = 0
        for key, words in groups.items():
            part = "\n".join(words).encode("utf-8")
            spans[key] = (at, at + len(part))
            parts.append(part)
            at += len(part)
        return cls(b"".join(parts), spans)

    def group(self, prefix: str, length: int) -> list[str]:
        """The words of `length` letters that start with `prefix`."""
        span = self.spans.get((prefix, length))
        if span is None:
            return []
        return bytes(self.text[span[0] : span[1]]).decode("utf-8").split("\n")

    def near(self, word: str) -> list[str]:
        """The words `near_bounds` allows for `word`."""
        prefix, shortest, longest = near_bounds(word)
        out: list[str] = []
        for length in range(shortest, longest + 1):
            out += self.group(prefix, length)
        return out


def near_bounds(word: str) -> tuple[str, int, int]:
    """What a word `word` may be a misspelling of shares: its first letters, and a length
    (shortest, longest) at most MAX_EDITS letters from its own."""
    shortest = max(len(word) - MAX_EDITS, MIN_LENGTH - MAX_EDITS)
    return word[:SHARED_PREFIX], shortest, len(word) + MAX_EDITS


def is_candidate(word: str) -> bool:
    """Whether an index word may be suggested at all (letters only, not too short)."""
    return len(word) >= MIN_LENGTH - MAX_EDITS and LETTERS.fullmatch(word) is not None


def write_missing(folder: Path) -> bool:
    """Write the vocabulary of the index in `folder` unless a valid one is there (a build's
    last step, under its write lock); whether one was written."""
    with whoosh_index.open_dir(str(folder)).searcher() as searcher:
        reader = searcher.reader()
        stamp = KEPT.stamp(reader)
        if stamp is None or kept.stamp_of(folder / KEPT.name) == stamp:
            return False
        return KEPT.keep(reader, Vocabulary.of_reader(reader))


def _arrays_of(vocabulary: Vocabulary) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    prefixes = sorted({prefix for prefix, _ in vocabulary.spans})
    index = {prefix: i for i, prefix in enumerate(prefixes)}
    keys = list(vocabulary.spans)
    arrays = {
        "text": np.frombuffer(bytes(vocabulary.text), dtype=np.uint8),
        "prefix": np.array([index[prefix] for prefix, _ in keys], dtype=np.int32),
        "length": np.array([length for _, length in keys], dtype=np.int32),
        "start": np.array([vocabulary.spans[k][0] for k in keys], dtype=np.int64),
        "end": np.array([vocabulary.spans[k][1] for k in keys], dtype=np.int64),
    }
    return {"prefixes": prefixes}, arrays


def _vocabulary_from(header: dict[str, Any], arrays: dict[str, np.ndarray]) -> Vocabulary:
    prefixes: list[str] = header["prefixes"]
    text = arrays["text"]
    spans = {
        (prefixes[p], length): (start, end)
        for p, length, start, end in zip(
            arrays["prefix"].tolist(),
            arrays["length"].tolist(),
            arrays["start"].tolist(),
            arrays["end"].tolist(),
            strict=True,
        )
    }
    if any(not 0 <= start <= end <= len(text) for start, end in spans.values()):
        raise ValueError("a group of words outside the text")
    return Vocabulary(text, spans)


KEPT: kept.KeptFile[Vocabulary] = kept.KeptFile(
    "vocabulary.arrays", FORMAT, "the suggestions' vocabulary", _arrays_of, _vocabulary_from
)
