"""search/regex_cache.py: extraction's large patterns, compiled once and kept in a file, work
as `re.compile`'s on real articles, and a file that cannot be used is ignored."""

from __future__ import annotations

import json
import re

import pytest

from search import regex_cache
from search.ingest.extract.boilerplate.patterns import _alternation
from search.ingest.extract.officials import _roles, gazetteer
from search.ingest.extract.quotes.vocabulary import vocabulary
from tests.conftest import corpus_records


@pytest.fixture
def fresh():
    regex_cache.clear()
    yield
    regex_cache.clear()


def _real_patterns() -> list[re.Pattern[str]]:
    """The officials' gazetteer and role heads, the words of reported speech, and an
    alternation of page-chrome lines (ignoring case)."""
    chrome = _alternation([r"(baca|simak) juga\b", r"halaman(\s+\d+)+$", r"advertisement$"])
    assert chrome is not None
    speech = vocabulary().speech_words
    return [gazetteer().alias_pattern, _roles().head_pattern, speech, chrome]


def _matches(pattern: re.Pattern[str], texts: list[str]) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for t in texts for m in pattern.finditer(t)]


def test_patterns_read_back_from_the_file_match_as_re_compiles_them(tmp_path, fresh, monkeypatch):
    texts = [r["title"] + "\n" + r["body"] for r in corpus_records(200)]
    patterns = [(p.pattern, p.flags & ~re.UNICODE) for p in _real_patterns()]
    regex_cache.load(tmp_path)
    for text, flags in patterns:
        regex_cache.compile(text, flags)
    regex_cache.save()
    assert (tmp_path / regex_cache.FILE_NAME).exists()

    regex_cache.clear()
    regex_cache.load(tmp_path)
    monkeypatch.setattr(regex_cache, "_parser", None)  # read from the file, or fail
    for text, flags in patterns:
        cached = regex_cache.compile(text, flags)
        expected = re.compile(text, flags)
        assert (cached.pattern, cached.flags, cached.groupindex, cached.groups) == (
            expected.pattern,
            expected.flags,
            expected.groupindex,
            expected.groups,
        )
        found = _matches(cached, texts)
        assert found == _matches(expected, texts)
        assert found or cached.flags & re.IGNORECASE, f"{text[:40]} finds nothing"


def test_a_file_that_cannot_be_used_is_ignored(tmp_path, fresh):
    text = r"(?P<verb>kata|ujar)(?P<nya>nya)?\b"
    regex_cache.load(tmp_path)
    regex_cache.compile(text)
    regex_cache.save()
    path = tmp_path / regex_cache.FILE_NAME
    data = json.loads(path.read_text())
    data["patterns"][0][3] = "AAAAAP////8="  # code _sre refuses
    path.write_text(json.dumps(data))
    regex_cache.clear()
    regex_cache.load(tmp_path)
    assert regex_cache.compile(text).match("katanya").group("nya") == "nya"

    for broken in ("{not json", json.dumps({"python": "another", "patterns": [[1, 2]]})):
        path.write_text(broken)
        regex_cache.clear()
        regex_cache.load(tmp_path)
        assert regex_cache.compile(text).match("ujar").group("verb") == "ujar"
