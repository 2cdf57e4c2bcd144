"""Copies of one story at query time: a ranked list shows each group once.

The groups found at index time (`search.indexing.copies`) are read once per index content as
arrays by document number. `collapse` turns a ranked list of documents into a ranked list of
stories: each group at its best-ranked member, with the group's other members beside it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from whoosh.searching import Searcher

from search.indexing.copies import GROUPS_FILE, read_groups
from search.retrieval.doctable import doc_table
from search.retrieval.postings import PerContent, reader_arrays


@dataclass(frozen=True)
class CopyGroups:
    """The copy groups of one index reader, by document number."""

    group_of: np.ndarray  # document number -> its group's number (-1: in none)
    members: list[np.ndarray]  # group number -> its live documents, in index order

    def others(self, docnum: int) -> list[int]:
        """The other documents of `docnum`'s group (none when it is in no group)."""
        group = int(self.group_of[docnum]) if docnum < len(self.group_of) else -1
        if group < 0:
            return []
        return [int(d) for d in self.members[group] if d != docnum]

    def stories(self, docs: np.ndarray) -> int:
        """How many stories the documents `docs` are (a group counts once)."""
        groups = self.group_of[docs[docs < len(self.group_of)]]
        grouped = groups[groups >= 0]
        return int(len(docs) - len(grouped) + len(np.unique(grouped)))

    def copies_in(self, docs: np.ndarray) -> int:
        """How many of the documents `docs` are in a group (at most this many more documents
        than stories must be ranked to fill a page of stories)."""
        return int((self.group_of[docs[docs < len(self.group_of)]] >= 0).sum())


def collapse(
    ranked: list[tuple[float, int, list[str]]], groups: CopyGroups
) -> list[tuple[float, int, list[str], list[int]]]:
    """(score, docnum, missing words, other copies) for each story of a ranked list, in its
    order: a group's best-ranked member stands for it, and its later members are left out."""
    seen: set[int] = set()
    stories = []
    for score, docnum, missing in ranked:
        group = int(groups.group_of[docnum]) if docnum < len(groups.group_of) else -1
        if group < 0:
            stories.append((score, docnum, missing, []))
        elif group not in seen:
            seen.add(group)
            stories.append((score, docnum, missing, groups.others(docnum)))
    return stories


def copy_groups(searcher: Searcher, folder: Path) -> CopyGroups:
    """The copy groups of a searcher's index, whose generation folder is `folder` (built
    once per index content and groups file)."""
    arrays = reader_arrays(searcher.reader())
    return _groups.get((arrays.content_key, _stamp(folder)), searcher, folder)


def _stamp(folder: Path) -> tuple[int, int] | None:
    try:
        stat = os.stat(folder / GROUPS_FILE)
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def _build(searcher: Searcher, folder: Path) -> CopyGroups:
    reader = searcher.reader()
    size = reader.doc_count_all()
    group_of = np.full(size, -1, dtype=np.int64)
    members: list[np.ndarray] = []
    groups = read_groups(folder)
    if groups:
        # Every group's live documents, looked up at once in the facet table's ids.
        docnums = doc_table(searcher).docnums_of([i for group in groups for i in group])
        ends = np.cumsum([len(group) for group in groups]).tolist()
        for low, high in zip([0, *ends[:-1]], ends, strict=True):
            found = np.sort(docnums[low:high])
            found = found[found >= 0]
            if len(found) > 1:
                group_of[found] = len(members)
                members.append(found)
    return CopyGroups(group_of, members)


_groups = PerContent(_build)
