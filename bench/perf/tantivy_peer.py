"""The second peer: tantivy (Rust, `tantivy` on PyPI) over the same analysed tokens.

Title and body hold Cari's analysed tokens joined by spaces, split again by tantivy's
whitespace tokenizer (positions kept, so phrases work); source and officials are raw fast
fields, aggregated for the facet counts; the date range is two integer fields. A query does
the same work as Cari and the FTS5 peer: for the articles with every word, the total, the top
10 by BM25 (title boosted 2, as Cari and FTS5 weight it) and the per-source and per-official
counts; then the count of the articles with only some of the words, and those filling a first
page the former leave short.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bench.perf.peer import AnalysedDoc
from search.dates import as_int
from search.indexing.schema import NO_DATE_END
from search.model import SearchRequest
from search.query.plan import parse_query

WRITER_HEAP = 256_000_000


def tantivy_available() -> bool:
    try:
        import tantivy  # noqa: F401
    except ImportError:
        return False
    return True


def _schema() -> Any:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("title", tokenizer_name="whitespace", index_option="position")
    builder.add_text_field("body", tokenizer_name="whitespace", index_option="position")
    builder.add_text_field("source", tokenizer_name="raw", fast=True)
    builder.add_text_field("official", tokenizer_name="raw", fast=True)
    builder.add_integer_field("date_start", indexed=True, fast=True)
    builder.add_integer_field("date_end", indexed=True, fast=True)
    return builder.build()


def build_tantivy(docs: Iterable[AnalysedDoc], path: Path) -> int:
    """Index already analysed articles in `path` (replaced); returns their number."""
    import tantivy

    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    index = tantivy.Index(_schema(), path=str(path))
    writer = index.writer(heap_size=WRITER_HEAP, num_threads=2)
    n = 0
    for doc in docs:
        n += 1
        fields: dict[str, Any] = {
            "id": doc.id,
            "title": " ".join(doc.title),
            "body": " ".join(doc.body),
            "date_start": doc.date_start,
            "date_end": doc.date_end,
        }
        if doc.source:
            fields["source"] = doc.source
        if doc.officials:
            fields["official"] = list(doc.officials)
        writer.add_document(tantivy.Document(**fields))
    writer.commit()
    writer.wait_merging_threads()
    return n


class TantivyPeer:
    """An open tantivy index answering SearchRequests (officials already resolved)."""

    def __init__(self, path: Path) -> None:
        import tantivy

        self.index = tantivy.Index.open(str(path))
        self.schema = self.index.schema
        self.searcher = self.index.searcher()

    def _query(self, request: SearchRequest, every_word: bool = True) -> Any:
        from tantivy import FieldType, Occur, Query

        plan = parse_query(request.query)
        term = Query.term_query
        clauses: list[tuple[Any, Any]] = []
        words = list(dict.fromkeys(w.stem for w in plan.words))

        def anywhere(word: str) -> list[tuple[Any, Any]]:
            title = Query.boost_query(term(self.schema, "title", word), 2.0)
            return [(Occur.Should, title), (Occur.Should, term(self.schema, "body", word))]

        if words and every_word:
            clauses += [(Occur.Must, Query.boolean_query(anywhere(word))) for word in words]
        elif words:
            either = [clause for word in words for clause in anywhere(word)]
            clauses.append((Occur.Must, Query.boolean_query(either)))
        for phrase in plan.phrases:
            stems = [w.stem for w in phrase]
            if len(stems) == 1:
                clauses.append((Occur.Must, term(self.schema, "body", stems[0])))
            elif stems:
                clauses.append((Occur.Must, Query.phrase_query(self.schema, "body", stems)))
        for word in plan.excluded:
            clauses.append((Occur.MustNot, term(self.schema, "body", word.stem)))
            clauses.append((Occur.MustNot, term(self.schema, "title", word.stem)))
        for field, values in (("official", request.officials), ("source", request.sources)):
            if values:
                clauses.append((Occur.Must, Query.term_set_query(self.schema, field, list(values))))
        if request.date_from or request.date_to:
            start = as_int(request.date_from) if request.date_from else 1
            end = as_int(request.date_to) if request.date_to else NO_DATE_END - 1
            ends = Query.range_query(
                self.schema, "date_end", FieldType.Integer, start, NO_DATE_END - 1
            )
            starts = Query.range_query(self.schema, "date_start", FieldType.Integer, 0, end)
            clauses += [(Occur.Must, ends), (Occur.Must, starts)]
        if not any(occur == Occur.Must for occur, _ in clauses):
            clauses.append((Occur.Must, Query.all_query()))
        return Query.boolean_query(clauses)

    def search(self, request: SearchRequest) -> dict[str, Any]:
        """Cari's work: the articles with every word (ranked, counted, faceted), the count of
        those with only some, and partial matches filling a first page the former leave short."""
        query = self._query(request)
        found = self.searcher.search(query, limit=10, count=True)
        hits = [self.searcher.doc(address)["id"][0] for _, address in found.hits]
        partial = 0
        if len(set(w.stem for w in parse_query(request.query).words)) > 1:
            some = self.searcher.search(
                self._query(request, every_word=False), limit=10 + len(hits)
            )
            partial = some.count - found.count
            for _, address in some.hits:
                article_id = self.searcher.doc(address)["id"][0]
                if len(hits) < 10 and article_id not in hits:
                    hits.append(article_id)
        counts = self.searcher.aggregate(
            query,
            {
                "sources": {"terms": {"field": "source", "size": 200}},
                "officials": {"terms": {"field": "official", "size": 200}},
            },
        )
        return {
            "total": found.count,
            "total_partial": partial,
            "hits": hits,
            "sources": counts["sources"]["buckets"],
            "officials": counts["officials"]["buckets"],
        }
