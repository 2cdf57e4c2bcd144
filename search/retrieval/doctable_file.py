"""The facet table (search.retrieval.doctable) of an index generation, kept beside its
segments (search.indexing.kept) and mapped by a process's first search instead of being read
again from the postings (at 1,000,000 articles that reading took most of a minute). The first
search of new content (after a build or an update) reads the postings, as it would without a
file, and keeps what it read for the next process; the build and the update do not pay for it
(an update's cost would otherwise grow with the index, not with the update, and the indexing
stage does not import the search stage).

    gen-.../doctable.arrays   (search.indexing.kept: arrays and a JSON header)

A table stamped for other content (an update committed since, a table of an older Cari) is not
used: the postings are read instead, as when there is none.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from search.indexing import kept, official_variants
from search.retrieval import doctable
from search.retrieval.doctable import (
    DocCodes,
    DocTable,
    NamePairs,
    date_order_of,
    lower_spellings,
)

# Raised when what the file holds, or how, changes: a file of another format is not used;
# the code that makes the table is part of it too.
FORMAT = f"2-{kept.code_fingerprint(__file__, doctable.__file__, official_variants.__file__)}"
_COLUMNS = (
    "starts",
    "ends",
    "date_keys",
    "date_codes",
    "sources",
    "id_order",
    "id_keys",
    "id_docs",
)
_CODES = ("docs", "codes", "starts", "every")
_PAIRS = ("officials", "said")


def _arrays_of(table: DocTable) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    arrays = {name: getattr(table, name) for name in _COLUMNS}
    arrays["newest"] = date_order_of(table, newest=True)
    arrays["oldest"] = date_order_of(table, newest=False)
    header: dict[str, Any] = {"source_names": table.source_names}
    for field in _PAIRS:
        pairs: NamePairs = getattr(table, field)
        header[field] = {"names": pairs.names, "variants": pairs.variants}
        arrays[f"{field}.docs"] = pairs.docs
        arrays[f"{field}.codes"] = pairs.codes
        for part, codes in _doc_codes(pairs).items():
            for name in _CODES:
                arrays[f"{field}.{part}.{name}"] = getattr(codes, name)
    return header, arrays


def _doc_codes(pairs: NamePairs) -> dict[str, DocCodes]:
    """The (document, code) pairs facet counts read, computed (`_named_by_doc` only where
    variants make it differ)."""
    found = {"by_doc": pairs._by_doc}
    if pairs.variants:
        found["named_by_doc"] = pairs._named_by_doc
    return found


def _table_from(header: dict[str, Any], arrays: dict[str, np.ndarray]) -> DocTable:
    return DocTable(
        **{name: arrays[name] for name in _COLUMNS},
        source_names=header["source_names"],
        officials=_pairs(header, arrays, "officials"),
        said=_pairs(header, arrays, "said"),
        orders={True: arrays["newest"], False: arrays["oldest"]},
    )


def _pairs(header: dict[str, Any], arrays: dict[str, np.ndarray], field: str) -> NamePairs:
    names, variants = header[field]["names"], header[field]["variants"]
    pairs = NamePairs(
        arrays[f"{field}.docs"],
        arrays[f"{field}.codes"],
        names,
        lower_spellings(names, variants),
        variants,
    )
    for part in ("by_doc", "named_by_doc"):
        if f"{field}.{part}.docs" in arrays:
            # The cached properties' values, as NamePairs would compute them.
            vars(pairs)[f"_{part}"] = DocCodes(*(arrays[f"{field}.{part}.{n}"] for n in _CODES))
    return pairs


KEPT: kept.KeptFile[DocTable] = kept.KeptFile(
    "doctable.arrays", FORMAT, "the facet table", _arrays_of, _table_from
)
