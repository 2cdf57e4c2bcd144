"""The Whoosh schema: what is indexed, stored and sortable for each article."""

from __future__ import annotations

from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from search.text.analyzer import exact_analyzer, stemmed_analyzer

# Dates are indexed as a range of days (YYYYMMDD): "2025" covers 20250101..20251231.
NO_DATE_START = 0
NO_DATE_END = 99999999

# Bump when a field changes how it is indexed: an index of another version is rebuilt in full
# by `cari update` (recorded as "schema_version" in each generation's cari.json).
# 2: indexed_at is a searchable number (saved queries' --new).
# 3: id and content_hash are also columns (an update reads them without loading every stored
#    article).
# 4: quotes (stored) and said (the speakers quoted, a keyword field); each generation keeps
#    its copy groups (copies.json, and copies.npz, now the copies/ folder that an update
#    converts it to: search.indexing.copies).
# 5: capitalised (the words of capitalised_mined.tsv the body writes with a capital letter
#    inside a sentence: search.text.case), a keyword field.
SCHEMA_VERSION = "5"
# The searched text fields, each also indexed as written in `<field>_exact`.
TEXT_FIELDS = ("title", "body")
# The keyword field of the words an article writes capitalised inside a sentence.
CASE_FIELD = "capitalised"


def build_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True, sortable=True),
        title=TEXT(analyzer=stemmed_analyzer(), stored=True, field_boost=2.0),
        title_exact=TEXT(analyzer=exact_analyzer(), field_boost=2.0),
        body=TEXT(analyzer=stemmed_analyzer(), stored=True),
        body_exact=TEXT(analyzer=exact_analyzer()),
        officials=KEYWORD(stored=True, commas=True, lowercase=False, scorable=False),
        official_roles=STORED(),
        said=KEYWORD(commas=True, lowercase=False, scorable=False),
        **{CASE_FIELD: KEYWORD(lowercase=False, scorable=False)},
        quotes=STORED(),
        source=ID(stored=True),
        date=STORED(),
        date_precision=ID(stored=True),
        date_start=NUMERIC(int, bits=32, stored=True, sortable=True),
        date_end=NUMERIC(int, bits=32, stored=True),
        url=STORED(),
        content_hash=ID(stored=True, sortable=True),
        seed=STORED(),
        indexed_at=NUMERIC(float, bits=64, stored=True),
    )
