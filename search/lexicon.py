"""Word lists and tables from `search/data/` (TOML and text), loaded once and cached."""

from __future__ import annotations

import hashlib
import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def data_fingerprint() -> str:
    """A short hash of every file in `search/data/`: recorded in each index generation, so
    `cari update` rebuilds the whole index when a word list, the gazetteer or the glossary
    changed (they decide both what is extracted and how text is analysed)."""
    digest = hashlib.sha256()
    folder = resources.files("search").joinpath("data")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_file() and not entry.name.startswith("."):
            digest.update(entry.name.encode("utf-8") + b"\0" + entry.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _data_text(name: str) -> str:
    return resources.files("search").joinpath("data", name).read_text(encoding="utf-8")


@cache
def load_toml(name: str) -> dict[str, Any]:
    return tomllib.loads(_data_text(name))


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a text list."""
    lines = (line.strip() for line in _data_text(name).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def places() -> frozenset[str]:
    return frozenset(load_lines("places.txt"))


@cache
def stopwords() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lines("stopwords.txt"))


@cache
def protected_words() -> frozenset[str]:
    """Lower-case words that must never be stemmed: places, agencies, acronyms, official names."""
    words: set[str] = set()
    for name in ("protected.txt", "protected_mined.txt"):
        words.update(entry.lower() for entry in load_lines(name))
    for place in places():
        words.update(place.lower().split())
    for official in load_toml("officials.toml").get("official", []):
        for name in [official["name"], *official.get("aliases", [])]:
            words.update(part.strip(".").lower() for part in name.split() if len(part) > 2)
    return frozenset(words)


@cache
def capitalised_shares() -> dict[str, float]:
    """Words that share a root with other words, with the share of their occurrences inside a
    sentence written with a capital letter (`capitalised_mined.tsv`: Serang 0.53, Ganjar 1)."""
    shares: dict[str, float] = {}
    for line in load_lines("capitalised_mined.tsv"):
        word, _, share = line.partition("\t")
        shares[word.lower()] = float(share)
    return shares


@cache
def stem_overrides() -> dict[str, str]:
    """Words whose Sastrawi root is wrong, with the right one (berikan -> beri, not ikan)."""
    return {
        k.lower(): v.lower() for k, v in load_toml("stem_overrides.toml").get("stem", {}).items()
    }


@cache
def spellings() -> dict[str, str]:
    """Other spellings of a word with its standard one (hutang -> utang, cina -> china;
    `spellings.toml`)."""
    table = load_toml("spellings.toml").get("spelling", {})
    found = {variant.lower(): standard.lower() for variant, standard in table.items()}
    for variant, standard in found.items():
        if standard in found:  # the stemmer follows a spelling once: no chains, no cycles
            raise ValueError(f"spellings.toml: {variant} -> {standard} -> {found[standard]}")
    return found


@cache
def media_groups() -> dict[str, str]:
    """Publisher domain -> the media group it belongs to (`media_groups.toml`)."""
    groups = load_toml("media_groups.toml").get("groups", {})
    return {source.lower(): group for group, sources in groups.items() for source in sources}
