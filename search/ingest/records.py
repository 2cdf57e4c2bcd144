"""Articles from structured records (a line of a `.jsonl` seed): fields a record gives win,
missing ones are extracted from its text.

A record is a JSON object with `id`, `title`, `body`, `date`, `source`, `url`; other keys are
ignored. `id` and `body` are required.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from search.i18n import N_, gettext
from search.ingest.extract import Extraction, extract_layout
from search.ingest.extract.boilerplate import split_body, split_layout
from search.ingest.extract.dates import DateEvidence, field_date
from search.ingest.extract.sources import SourceEvidence, given_source
from search.ingest.files import SeedError

log = logging.getLogger(__name__)

RECORD_FIELD = N_("record field")  # what gave a field: the record (`cari inspect`)

# Ids end up in URLs (/api/articles/<id>) and file-like listings: no slashes or control chars,
# and not "." or "..", which a browser or client takes out of a URL's path before it asks
# (the article could never be opened).
_BAD_ID = re.compile(r"[/\\\x00-\x1f]|^\.{1,2}$")


def unusable_id(article_id: str) -> SeedError | None:
    """Why `article_id` cannot be an article's id, or None when it can."""
    if not article_id or _BAD_ID.search(article_id) or len(article_id) > 200:
        return SeedError(
            gettext(
                "has an unusable id %(id)s (no slashes, not . or .., 1-200 characters)",
                id=repr(article_id[:40]),
            )
        )
    return None


def _text_field(record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if key == "date" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # "date": 2019, a year written as a number
    if not isinstance(value, str):
        raise SeedError(
            gettext(
                "field %(key)s must be a string, not %(type)s",
                key=repr(key),
                type=type(value).__name__,
            )
        )
    return value.strip()


def record_id(record: dict[str, Any]) -> str:
    raw = record.get("id")
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        raise SeedError(gettext("has no 'id' (a string)"))
    article_id = str(raw).strip()
    if problem := unusable_id(article_id):
        raise problem
    return article_id


def extract_record(record: Any, *, content_hash: str = "") -> Extraction:
    """One record as an Article. Raises SeedError with a one-line reason when it is unusable.
    The record's date and source, when usable, are taken as they are: the text is searched
    only for what the record lacks (a date search is a fifth of a record's extraction)."""
    if not isinstance(record, dict):
        raise SeedError(gettext("is a JSON %(type)s, not an object", type=type(record).__name__))
    article_id = record_id(record)
    title, body = _text_field(record, "title"), _text_field(record, "body")
    url = _text_field(record, "url") or None
    if not body:
        raise SeedError(gettext("has no 'body'"))
    # Read before the text is extracted, so the text is not searched for what the record
    # gives; reported after it, as they were when extraction came first (a record with no
    # article text is reported as that, and its date not warned about).
    raw_date, raw_source, field_error = "", "", None
    try:
        raw_date = _text_field(record, "date")
        raw_source = _text_field(record, "source")
    except SeedError as exc:
        field_error = exc
    date = field_date(raw_date) if raw_date else None
    date_evidence = DateEvidence(date, f"date: {raw_date}", "record field") if date else None
    source_evidence = _given_source(raw_source)
    layout = split_body(title, body) if title else split_layout(body)
    extraction = extract_layout(
        layout,
        article_id,
        url=url,
        content_hash=content_hash,
        date_evidence=date_evidence,
        source_evidence=source_evidence,
    )
    given: dict[str, str] = {}
    if title:
        given["title"] = RECORD_FIELD
    if url:
        given["url"] = RECORD_FIELD
    if date_evidence is not None:
        given["date"] = RECORD_FIELD
    elif raw_date:
        log.warning(
            gettext(
                "record %(id)s: date %(date)s not understood; extracted from the text",
                id=article_id,
                date=repr(raw_date),
            )
        )
    if field_error is not None:
        raise field_error
    if source_evidence is not None:
        given["source"] = RECORD_FIELD
    extraction.given.update(given)
    return extraction


def _given_source(raw_source: str) -> SourceEvidence | None:
    if not raw_source:
        return None
    return SourceEvidence(given_source(raw_source), f"source: {raw_source}", "record field")
