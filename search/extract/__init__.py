"""Turning raw scraped text into an Article: title, body, date, source, officials."""

from __future__ import annotations

from dataclasses import dataclass

from search.articles import Article, SeedError
from search.extract.boilerplate import split_layout
from search.extract.dates import DateEvidence, find_date
from search.extract.officials import find_officials
from search.extract.sources import SourceEvidence, find_source

MIN_BODY_CHARS = 40


@dataclass
class Extraction:
    """An article plus the evidence behind its metadata (for `cari inspect`)."""

    article: Article
    date_evidence: DateEvidence | None
    source_evidence: SourceEvidence | None


def extract_article(
    text: str, article_id: str, *, url: str | None = None, content_hash: str = ""
) -> Extraction:
    """Parse one page of scraped text. Raises SeedError when no article can be found in it."""
    if not text.strip():
        raise SeedError("is empty")
    layout = split_layout(text)
    body = "\n\n".join(layout.body)
    if not layout.title or len(body) < MIN_BODY_CHARS:
        raise SeedError("has no article text (only boilerplate or too short)")
    date_evidence = find_date(layout.header, layout.body[0], layout.footer)
    source_evidence = find_source(layout.header, layout.body, layout.footer, url)
    officials = find_officials(layout.body)
    article = Article(
        id=article_id,
        title=layout.title,
        body=body,
        date=date_evidence.date if date_evidence else None,
        source=source_evidence.source if source_evidence else None,
        officials=officials,
        url=url,
        content_hash=content_hash,
    )
    return Extraction(article, date_evidence, source_evidence)
