"""search.whoosh_private: every private Whoosh name it uses exists on the installed Whoosh (a
Whoosh upgrade that moves one fails here, naming the module to update), and its functions
read back what Cari's segment writer wrote."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3TermInfo, _lenfield
from whoosh.writing import SegmentWriter

from search import whoosh_private
from search.indexing.schema import build_schema
from search.indexing.segment_writer import FastSegmentWriter, fast_codec
from search.text.analyzer import stem_word

TEXTS = [
    ("Pelayanan publik", "Pelayanan publik di kota dipercepat."),
    ("Kota baru", "Pemerintah kota melayani warga."),
    ("Pelayanan", "Pelayanan kepada masyarakat."),
]


@pytest.fixture(scope="module")
def ix(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder: Path = tmp_path_factory.mktemp("whoosh-private")
    ix = whoosh_index.create_in(str(folder), build_schema())
    writer = FastSegmentWriter(ix)
    for n, (title, body) in enumerate(TEXTS):
        writer.add_document(id=str(n), title=title, body=body, title_exact=title, body_exact=body)
    writer.commit(merge=False)
    return ix


def _instances(ix: Any) -> dict[str, Any]:
    """An object of each kind INSTANCE_NAMES names."""
    reader = ix.reader()
    perdoc = reader._perdoc
    writer = SegmentWriter(ix)
    info = W3TermInfo()
    info.set_inline((0,), (1.0,), (b"",))  # type: ignore[attr-defined]
    found = {
        "segment reader (SegmentReader)": reader,
        "terms reader (W3TermsReader)": reader._terms,
        "per-document reader (W3PerDocReader)": perdoc,
        "column reader (lengths)": perdoc._cached_reader(_lenfield("body"), LENGTHS_COLUMN),
        "posting matcher (W3LeafMatcher)": reader.postings("body", stem_word("pelayanan")),
        "codec (W3Codec)": fast_codec(),
        "field writer (W3FieldWriter)": writer.fieldwriter,
        "segment writer (SegmentWriter)": writer,
        "term info (W3TermInfo)": info,
    }
    writer.cancel()
    return found


def test_every_private_class_name_exists():
    for owner, name in whoosh_private.CLASS_NAMES:
        assert hasattr(owner, name), (
            f"Whoosh moved {owner.__name__}.{name}: update {whoosh_private.MODULE}"
        )


def test_every_private_instance_name_exists(ix):
    instances = _instances(ix)
    assert instances.keys() == whoosh_private.INSTANCE_NAMES.keys()
    for kind, names in whoosh_private.INSTANCE_NAMES.items():
        for name in names:
            assert hasattr(instances[kind], name), (
                f"Whoosh moved the {kind}'s {name}: update {whoosh_private.MODULE}"
            )


def test_a_missing_name_is_reported_naming_the_module(monkeypatch):
    monkeypatch.delattr(W3TermInfo, "_struct")
    with pytest.raises(ImportError, match=r"W3TermInfo\._struct: update search/whoosh_private"):
        whoosh_private._private(W3TermInfo, "_struct")


def test_blocks_keys_and_lengths_read_what_was_written(ix):
    with ix.reader() as reader:
        assert whoosh_private.is_segment_reader(reader)
        _storage, segment_id = whoosh_private.segment_key(reader)
        assert segment_id == reader.segment().segment_id()
        blocks = whoosh_private.posting_blocks(reader.postings("body", stem_word("pelayanan")))
        assert blocks is not None
        docs = []
        for ids, _weights, _values, count, absolute in blocks:
            assert count == len(ids)
            docs += list(ids) if absolute else [sum(ids[: i + 1]) for i in range(len(ids))]
        assert docs == [0, 1, 2]  # "melayani" stems to the same root
        codes = whoosh_private.length_bytes(reader, "body")
        assert codes is not None and len(codes) == len(TEXTS)
        lengths = [whoosh_private.BYTE_TO_LENGTH[c] for c in codes]
        assert lengths == [reader.doc_field_length(n, "body") for n in range(len(TEXTS))]
