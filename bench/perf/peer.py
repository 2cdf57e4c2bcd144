"""The peer: SQLite FTS5 (standard library `sqlite3`) over the same analysed tokens.

Each article's title and body go through Cari's own stemmed analyzer; FTS5 indexes the tokens
joined by spaces, with the metadata (source, date range, officials) in plain tables. A query
gives the same page as Cari's: total, the page of hits ranked by bm25 (or by date) with a
snippet, and the source and official facet counts.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from search.dates import as_int, date_span
from search.indexing.schema import NO_DATE_END, NO_DATE_START
from search.model import Article, SearchRequest
from search.query.plan import QueryPlan, parse_query
from search.text.analyzer import analyze


def fts5_available() -> bool:
    try:
        con = sqlite3.connect(":memory:")
        con.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
        con.close()
        return True
    except sqlite3.OperationalError:
        return False


@dataclass(frozen=True)
class AnalysedDoc:
    """An article as the peers index it: Cari's analysed tokens of its title and body, and
    the metadata the facets and filters read."""

    id: str
    title: tuple[str, ...]
    body: tuple[str, ...]
    source: str
    date_start: int
    date_end: int
    officials: tuple[str, ...]


def analysed(articles: Iterable[Article]) -> Iterator[AnalysedDoc]:
    """Articles through Cari's own stemmed analyzer."""
    for article in articles:
        start, end = date_span(article.date) if article.date else (NO_DATE_START, NO_DATE_END)
        yield AnalysedDoc(
            article.id,
            tuple(analyze(article.title)),
            tuple(analyze(article.body)),
            article.source or "",
            start,
            end,
            tuple(o.name for o in article.officials),
        )


def build_peer(articles: Iterable[Article], path: Path) -> int:
    """Write the FTS5 database of `articles`; returns the number of articles."""
    return build_peer_docs(analysed(articles), path)


def build_peer_docs(docs: Iterable[AnalysedDoc], path: Path) -> int:
    """Write the FTS5 database of already analysed articles; returns their number."""
    path.unlink(missing_ok=True)
    con = sqlite3.connect(path)
    con.executescript(
        """
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
        CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='unicode61');
        CREATE TABLE meta(rowid INTEGER PRIMARY KEY, id TEXT, source TEXT,
                          date_start INTEGER, date_end INTEGER);
        CREATE TABLE officials(rowid INTEGER, name TEXT);
        """
    )
    n = 0
    for n, doc in enumerate(docs, start=1):
        con.execute(
            "INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)",
            (n, " ".join(doc.title), " ".join(doc.body)),
        )
        con.execute(
            "INSERT INTO meta VALUES (?, ?, ?, ?, ?)",
            (n, doc.id, doc.source, doc.date_start, doc.date_end),
        )
        con.executemany("INSERT INTO officials VALUES (?, ?)", [(n, o) for o in doc.officials])
    con.executescript(
        """
        CREATE INDEX meta_date ON meta(date_start);
        CREATE INDEX officials_name ON officials(name, rowid);
        CREATE INDEX officials_rowid ON officials(rowid);
        INSERT INTO docs(docs) VALUES('optimize');
        """
    )
    con.commit()
    con.close()
    return n


def _quoted(stem: str) -> str:
    return '"' + stem.replace('"', '""') + '"'


def match_expression(parsed: QueryPlan, every_word: bool = False) -> str | None:
    """The FTS5 MATCH text for a parsed query: any word (every word when `every_word`), every
    phrase, no excluded word."""
    parts = []
    words = list(dict.fromkeys(w.stem for w in parsed.words))
    if words:
        joiner = " AND " if every_word else " OR "
        parts.append("(" + joiner.join(_quoted(w) for w in words) + ")")
    for phrase in parsed.phrases:
        parts.append(_quoted(" ".join(w.stem for w in phrase)))
    if not parts:
        return None
    expression = " AND ".join(parts)
    if parsed.excluded:
        excluded = " OR ".join(_quoted(w.stem) for w in parsed.excluded)
        expression = f"({expression}) NOT ({excluded})"
    return expression


class Peer:
    """An open FTS5 database answering SearchRequests (officials already resolved)."""

    def __init__(self, path: Path) -> None:
        self.con = sqlite3.connect(path, check_same_thread=False)

    def close(self) -> None:
        self.con.close()

    def _where(
        self, request: SearchRequest, match: str | None, officials: bool = True
    ) -> tuple[str, list[Any]]:
        clauses, args = [], []
        if match:
            clauses.append("docs MATCH ?")
            args.append(match)
        if officials and request.officials:
            marks = ",".join("?" * len(request.officials))
            clauses.append(f"meta.rowid IN (SELECT rowid FROM officials WHERE name IN ({marks}))")
            args += list(request.officials)
        if request.sources:
            clauses.append(f"meta.source IN ({','.join('?' * len(request.sources))})")
            args += list(request.sources)
        if request.date_from or request.date_to:
            start = as_int(request.date_from) if request.date_from else 1
            end = as_int(request.date_to) if request.date_to else NO_DATE_END - 1
            clauses.append("meta.date_end >= ? AND meta.date_end < ? AND meta.date_start <= ?")
            args += [start, NO_DATE_END, end]
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", args

    def search(self, request: SearchRequest) -> dict[str, Any]:
        """Cari's work: the articles with every word (ranked, counted, faceted), the count of
        those with only some, and partial matches filling a first page the former leave short."""
        parsed = parse_query(request.query)
        match = match_expression(parsed, every_word=True)
        some = match_expression(parsed)
        source = "docs JOIN meta ON meta.rowid = docs.rowid"
        where, args = self._where(request, match)
        if request.sort == "newest" or (request.sort == "relevance" and not match):
            order = "meta.date_start DESC"
        elif request.sort == "oldest":
            order = "meta.date_end ASC"
        else:
            order = "score"
        score = "bm25(docs, 2.0, 1.0)" if match else "0.0"
        snippet = "snippet(docs, 1, '<mark>', '</mark>', '…', 40)" if match else "''"
        con = self.con
        total = con.execute(f"SELECT count(*) FROM {source}{where}", args).fetchone()[0]
        page = f"SELECT meta.id, {score} AS score, {snippet} FROM {source}{{}} ORDER BY {order}"
        hits = con.execute(
            page.format(where) + " LIMIT ? OFFSET ?",
            [*args, request.page_size, (request.page - 1) * request.page_size],
        ).fetchall()
        partial = 0
        if some != match:
            where_some, args_some = self._where(request, some)
            partial = con.execute(f"SELECT count(*) FROM {source}{where_some}", args_some)
            partial = partial.fetchone()[0] - total
            if len(hits) < request.page_size and request.page == 1:
                seen = {hit[0] for hit in hits}
                more = con.execute(
                    page.format(where_some) + " LIMIT ?", [*args_some, request.page_size + total]
                ).fetchall()
                hits += [hit for hit in more if hit[0] not in seen][: request.page_size - len(hits)]
        sources = con.execute(
            f"SELECT meta.source, count(*) FROM {source}{where} GROUP BY meta.source", args
        ).fetchall()
        where_all, args_all = self._where(request, match, officials=False)
        officials = con.execute(
            f"SELECT o.name, count(*) FROM {source} JOIN officials o ON o.rowid = meta.rowid"
            f"{where_all} GROUP BY o.name",
            args_all,
        ).fetchall()
        return {
            "total": total,
            "total_partial": partial,
            "hits": hits,
            "sources": sources,
            "officials": officials,
        }
