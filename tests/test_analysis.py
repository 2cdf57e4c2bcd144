"""The Indonesian analyzer: stemming, protected names and acronyms, hyphens, stopwords."""

from __future__ import annotations

import pickle

import pytest

from search.analysis import analyze, stem_word
from search.schema import build_schema


@pytest.mark.parametrize(
    ("word", "root"),
    [
        ("dilayani", "layan"),
        ("pelayanan", "layan"),
        ("melayani", "layan"),
        ("layanan", "layan"),
        ("terwujudnya", "wujud"),
    ],
)
def test_inflected_words_share_a_root(word, root):
    assert stem_word(word) == root


@pytest.mark.parametrize(
    "word",
    ["kediri", "bekasi", "pemilu", "perbankan", "kependudukan", "kemendagri", "asn", "jokowi"],
)
def test_names_places_and_acronyms_are_not_mangled(word):
    assert stem_word(word) == word


def test_reduplication_finds_the_singular_and_compounds_split():
    assert analyze("pembenahan-pembenahan") == analyze("pembenahan") == ["benah"]
    assert analyze("kota-kota") == ["kota"]
    assert analyze("e-KTP", stem=False) == ["ektp", "e", "ktp"]


def test_function_words_are_dropped_but_content_words_are_not():
    assert analyze("yang dan di kerja masalah hari baru besar") == [
        "kerja",
        "masalah",
        "hari",
        "baru",
        "besar",
    ]


def test_schema_pickles_small():
    # The schema (analyzers included) is pickled into the index TOC: it must stay small.
    assert len(pickle.dumps(build_schema())) < 20_000
