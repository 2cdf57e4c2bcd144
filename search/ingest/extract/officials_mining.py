"""Officials mined from a corpus: the people its articles name after a public office's role in
several articles, written to `search/data/officials_mined.toml` as gazetteer entries.

An article that names such a person without the role ("Murad Ismail menantang Menteri Susi"
after other articles' "Gubernur Maluku Murad Ismail") names the official all the same, as a
reader of the archive knows him. A person counts when extraction reads his name (two words
or more) right after a role of a public office in at least MIN_ARTICLES articles and keeps
him among the article's officials there (no party's post, no candidacy), under one office in
most of them (MIN_ROLE_SHARE), and the articles that write his name mostly so
(MIN_OFFICE_SHARE): that office is the entry's role. An office named by a party's faction
("Ketua Fraksi Partai Demokrat") is left out: its holder is named as the party's man as often. Names the hand-written
gazetteer (`officials.toml`) holds are left to it.

Run by hand after the corpus or the extraction rules change, then review the diff:

    python -m search.ingest.extract.officials_mining ../shared/corpus/clickid-2019/clickid-2019.jsonl
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from search.ingest.extract.corpus_mining import mine_corpus, toml_string, write_data_file
from search.ingest.extract.officials import (
    MINED_OFFICIALS_FILE,
    hand_gazetteer_names,
    party_named,
    role_mentions,
)
from search.ingest.files import SeedError
from search.ingest.records import extract_record

MIN_ARTICLES = 3
MIN_ROLE_SHARE = 0.5
# Of the articles that write the name, at least this share read it after the office: a name
# most articles write otherwise is a street's, a hero's, a candidate's ("Jalan Ahmad Yani",
# "Sandiaga Uno" in 2019), not the office holder's the archive knows.
MIN_OFFICE_SHARE = 0.3


def mine_officials(records: Iterable[dict]) -> dict[str, tuple[str, int, int]]:
    """name -> (role, articles naming him after it, articles writing his name) for the people
    named after a public office's role in enough articles (see the module docstring)."""
    articles: Counter[str] = Counter()
    roles: defaultdict[str, Counter[str]] = defaultdict(Counter)
    known = hand_gazetteer_names()
    texts: list[str] = []
    for record in records:
        try:
            article = extract_record(record).article
        except SeedError:
            continue
        texts.append(f"{article.title}\n{article.body}")
        read = role_mentions(article.body.split("\n\n"), article.title)
        for official in article.officials:
            name = official.name
            if (
                not official.role
                or len(name.split()) < 2
                or name.lower() in known
                or name not in read
            ):
                continue
            articles[name] += 1
            roles[name][official.role] += 1
    candidates = [name for name, count in articles.items() if count >= MIN_ARTICLES]
    naming = _articles_naming(candidates, texts)
    mined = {}
    for name in candidates:
        count = articles[name]
        role, times = roles[name].most_common(1)[0]
        if (
            times >= MIN_ROLE_SHARE * count
            and count >= MIN_OFFICE_SHARE * naming[name]
            and not party_named(role)
        ):
            mined[name] = (role, count, naming[name])
    return mined


def _articles_naming(names: list[str], texts: list[str]) -> Counter[str]:
    """How many of the texts write each name (as a whole, in its case)."""
    counts: Counter[str] = Counter()
    if not names:
        return counts
    pattern = re.compile(
        r"(?<![\w-])("
        + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
        + r")(?![\w-])"
    )
    for text in texts:
        counts.update(set(pattern.findall(text)))
    return counts


def write_officials(
    mined: dict[str, tuple[str, int, int]], data_dir: Path, corpus_name: str
) -> int:
    """Write the mined officials to `data_dir`'s officials_mined.toml, whole or not at all;
    how many."""
    lines = [
        f"# Mined by `python -m search.ingest.extract.officials_mining` from {corpus_name}:",
        f"# people named after a public office's role in at least {MIN_ARTICLES} articles, with",
        "# that office (see the module). Review the diff; a wrong entry is corrected by writing",
        "# the person into officials.toml, which takes precedence.",
        "",
    ]
    for name in sorted(mined):
        role, count, naming = mined[name]
        lines += [
            "[[official]]",
            f"name = {toml_string(name)}",
            f"roles = [{toml_string(role)}]",
            f"articles = {count}  # of {naming} that write the name",
            "",
        ]
    write_data_file(data_dir, MINED_OFFICIALS_FILE, lines)
    return len(mined)


def main(argv: list[str]) -> int:
    mined = mine_corpus(argv, __doc__.splitlines()[-1].strip(), write_officials, mine_officials, {})
    if isinstance(mined, int):
        return mined
    count, data_dir = mined
    print(f"{count} officials written to {data_dir / MINED_OFFICIALS_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
