"""How a text writes its words inside sentences: with a capital letter (a name: *Novel*
Baswedan, the city of *Palu*) or in lower case (a novel, a gavel). The first word of a sentence
or a line is capitalised whatever it is, and an all-capitals word is an acronym: neither says
anything. Read by the mining of names (search.text.mining) and, at index time, for the
`capitalised` field (search.indexing.schema): the words of `capitalised_mined.tsv` an article's
body writes capitalised inside a sentence (titles are often in Title Case)."""

from __future__ import annotations

import re
from collections.abc import Container, Iterator

from search.lexicon import capitalised_shares

# A word inside a sentence, its surrounding punctuation stripped: after the blanks that end a
# word which ends no sentence (the first word of a sentence or a line is never one), up to the
# next blank. One scan of the text: a build reads every body. The pattern starts with a blank
# and looks back from after it (the same matches as a look-behind before the blanks): the
# scan then tries only the blanks, 40 % less time over the corpus for the capitalised words.
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # where str.splitlines splits


def _inside(word: str) -> re.Pattern[str]:
    """Words inside sentences whose letters match `word` (a pattern)."""
    blank = rf"[^\S{_LINE_BREAKS}]"
    return re.compile(
        rf"{blank}(?<=[^\s.!?:\"”]{blank}){blank}*[(\"'“‘]*({word})[,.;:!?)\"'”’]*(?=\s|$)"
    )


_INSIDE = _inside("[A-Za-z]+")
_CAPITALISED_INSIDE = _inside("[A-Z][A-Za-z]*")


def words_inside_sentences(text: str) -> Iterator[str]:
    """Each word of `text` (its letters, as written) but the first of each sentence or line."""
    for m in _INSIDE.finditer(text):
        yield m.group(1)


def is_capitalised(word: str) -> bool:
    """A capital letter first, not all capitals (`words_inside_sentences`' words)."""
    return word[0].isupper() and not word.isupper()


def capitalised_inside(text: str, words: Container[str]) -> list[str]:
    """Of `words` (lower case), those `text` writes with a capital letter inside a sentence,
    sorted."""
    found = {w.lower() for w in _CAPITALISED_INSIDE.findall(text) if not w.isupper()}
    return sorted(w for w in found if w in words)


def written_capitalised(body: str) -> list[str]:
    """The words of `capitalised_mined.tsv` an article's body writes with a capital letter
    inside a sentence, sorted (the `capitalised` field of both engines)."""
    return capitalised_inside(body, capitalised_shares())
