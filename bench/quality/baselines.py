"""The two baselines of bench/quality/relevance.py, on the same Whoosh engine as Cari.

- `nostem`: Whoosh's standard tokenizer, lower-case, Tala's stopwords; no stemming.
- `snowball`: the same plus the Snowball `indonesian` stemmer (the algorithm of Tala's
  stemmer): what Elasticsearch's `indonesian` analyzer does.

Queries are parsed plainly, as Elasticsearch's `match` query does: the analysed words joined
by OR (the default) or AND, over title (boost 2) and body.
"""

from __future__ import annotations

from functools import cache

from whoosh import query as q
from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.fields import ID, TEXT, Schema

from tests.corpus import SHARED

TALA = SHARED / "corpus" / "lexicon" / "stopwords-tala.txt"


@cache
def tala_stopwords() -> frozenset[str]:
    lines = TALA.read_text("utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


_snowball = None


@cache
def snowball_stem(word: str) -> str:
    global _snowball
    if _snowball is None:
        import snowballstemmer

        _snowball = snowballstemmer.stemmer("indonesian")
    return _snowball.stemWord(word)


def analyzer(stem: bool):
    chain = RegexTokenizer() | LowercaseFilter() | StopFilter(stoplist=tala_stopwords(), minsize=1)
    return chain | StemFilter(stemfn=snowball_stem, cachesize=None) if stem else chain


def schema(stem: bool) -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        title=TEXT(analyzer=analyzer(stem), field_boost=2.0),
        body=TEXT(analyzer=analyzer(stem)),
    )


def plain_query(text: str, stem: bool, operator: str = "OR") -> q.Query:
    words = list(dict.fromkeys(t.text for t in analyzer(stem)(text)))
    if not words:
        return q.NullQuery
    groups = [q.Or([q.Term("title", w), q.Term("body", w)]) for w in words]
    if len(groups) == 1:
        return groups[0]
    return q.And(groups) if operator == "AND" else q.Or(groups)
