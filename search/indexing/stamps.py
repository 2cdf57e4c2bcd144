"""The live index's `indexed_at` stamps a rebuild keeps: an article whose content is unchanged
keeps its stamp, so saved queries' --new does not see a rebuild as all-new articles.

A build holds them from its start to its end in its main process, and every worker it forks
starts with a copy of that memory. Held as a dict of strings they took about 300 bytes an
article (1,000,000 articles: some 315 MB in each of the build's five processes); here they are
three sorted arrays, 24 bytes an article: a 64-bit digest of the id, one of the content hash,
and the stamp. Two ids with the same digest (about one chance in 10^7 at 1,000,000
articles) could only give an article the other's stamp when their contents' digests are equal
too, that is, for the same content.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from hashlib import blake2b

import numpy as np


def _digest(text: str) -> int:
    return int.from_bytes(blake2b(text.encode(), digest_size=8).digest(), "little")


class Stamps:
    """Article id -> indexed_at of the articles of an index, asked with the content hash."""

    def __init__(self, entries: Iterable[tuple[str, str, float | None]] = ()) -> None:
        """`entries`: (article id, content hash, indexed_at), read once; those without a
        content hash or a stamp are never kept."""
        keys, contents, stamps = array("Q"), array("Q"), array("d")
        for article_id, content, stamp in entries:
            if content and stamp is not None:
                keys.append(_digest(article_id))
                contents.append(_digest(content))
                stamps.append(stamp)
        order = np.argsort(np.frombuffer(keys, dtype=np.uint64), kind="stable")
        self._keys = np.frombuffer(keys, dtype=np.uint64)[order]
        self._contents = np.frombuffer(contents, dtype=np.uint64)[order]
        self._stamps = np.frombuffer(stamps, dtype=np.float64)[order]

    def __len__(self) -> int:
        return len(self._keys)

    def kept(self, article_id: str, content_hash: str) -> float | None:
        """The stamp of the indexed article `article_id` when its content hash was
        `content_hash`, else None."""
        if not content_hash or not len(self._keys):
            return None
        key = np.uint64(_digest(article_id))
        content = np.uint64(_digest(content_hash))
        at = int(np.searchsorted(self._keys, key))
        while at < len(self._keys) and self._keys[at] == key:
            if self._contents[at] == content:
                return float(self._stamps[at])
            at += 1
        return None
