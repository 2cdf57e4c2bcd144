"""Snippets: the best passage, or two when the text uses forms the best one does not show."""

from __future__ import annotations

import re

from search.ingest.kinds import TEXT
from search.retrieval.snippets import best_snippet, highlight_all
from search.text.analyzer import analyze
from tests.conftest import SEEDS_DIR


def snippet_for(seed: str, query: str):
    body = TEXT.extract(SEEDS_DIR / f"{seed}.txt").article.body
    return body, best_snippet(body, set(analyze(query)), set(analyze(query, stem=False)))


def marked(snippet) -> list[str]:
    return [m.lower() for m in re.findall(r"<mark>(.*?)</mark>", snippet.html())]


def test_a_second_passage_shows_a_form_the_first_does_not():
    # 001 writes "Pelayanan" near the top and "layanan" only in its last paragraph.
    body, snippet = snippet_for("001_c392d4d57c4d2ec5", "dilayani")
    assert {"pelayanan", "layanan"} <= set(marked(snippet))
    first, second = snippet.text.removeprefix("… ").removesuffix(" …").split(" … ")
    flat = body.replace("\n", " ")
    assert first in flat and second in flat and flat.index(first) < flat.index(second)


def test_the_form_the_user_typed_is_shown():
    _body, snippet = snippet_for("002_4786081c4393efc4", "dilayani")
    assert "dilayani" in marked(snippet)


def test_one_passage_when_it_shows_every_form():
    text = "Awal. " + "Birokrasi yang bersih melayani rakyat. " * 3 + "Penutup tanpa kata lain."
    snippet = best_snippet(text, {"birokrasi"}, {"birokrasi"})
    assert " … " not in snippet.text.removeprefix("… ").removesuffix(" …")
    assert marked(snippet) == ["birokrasi"] * 3


def test_an_acronym_marks_its_long_form_only_where_the_long_form_is_written():
    """ "KPK" finds "Komisi Pemberantasan Korupsi"; it marks those words there, not every
    "korupsi" or "memberantas" of the text."""
    from search.query.plan import parse_query

    text = "Komisi Pemberantasan Korupsi (KPK) bertugas memberantas korupsi di daerah."
    parsed = parse_query("KPK")
    html = highlight_all(text, parsed.stems(), parsed.exact_forms(), parsed.marked_runs())
    assert re.findall(r"<mark>([^<]+)</mark>", html) == [
        "Komisi",
        "Pemberantasan",
        "Korupsi",
        "KPK",
    ]
    typed = parse_query("korupsi")  # a typed word is marked wherever it is
    html = highlight_all(text, typed.stems(), typed.exact_forms(), typed.marked_runs())
    assert re.findall(r"<mark>([^<]+)</mark>", html) == ["Korupsi", "korupsi"]
