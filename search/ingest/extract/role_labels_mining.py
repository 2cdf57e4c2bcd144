"""Role labels mined from a corpus: for each office the officials' roles name (by
`officials.office_key`, however the label writes it: "Kapolda Jateng", "Kapolda Jawa Tengah",
"Kepala Kepolisian Daerah Jawa Tengah"), the label the corpus writes most, written to
`search/data/role_labels_mined.toml`. Extraction then gives every writing of that office that
one label (one office, one label), also where a page writes it in a way the corpus never did.

An office counts when the corpus's officials hold it at least MIN_MENTIONS times. Of its
labels the most written wins; a tie goes to one without the words the key leaves out
("Provinsi"), then to the fuller, then to the first in sorted order.

Run by hand after the corpus or the extraction rules change, then review the diff:

    python -m search.ingest.extract.role_labels_mining ../shared/corpus/clickid-2019/clickid-2019.jsonl
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from fnmatch import fnmatch
from pathlib import Path

from search.ingest.extract.corpus_mining import mine_corpus, toml_string, write_data_file
from search.ingest.extract.officials import MINED_ROLE_LABELS_FILE, office_key
from search.ingest.files import SeedError
from search.ingest.records import extract_record
from search.lexicon import load_toml

MIN_MENTIONS = 2
# Progress on standard error every this many records.
_PROGRESS_EVERY = 2500


def mine_labels(records: Iterable[dict]) -> dict[str, tuple[str, Counter[str]]]:
    """office key -> (its label, how often each label of it was written) for the offices the
    records' officials hold at least MIN_MENTIONS times."""
    return choose_labels(count_labels(records))


def count_labels(records: Iterable[dict]) -> dict[str, Counter[str]]:
    """office key -> how often the records' officials hold it under each label."""
    labels: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for done, record in enumerate(records, 1):
        if done % _PROGRESS_EVERY == 0:
            print(f"{done} records read", file=sys.stderr)
        try:
            article = extract_record(record).article
        except SeedError:
            continue
        for official in article.officials:
            if official.role:
                labels[office_key(official.role)][official.role] += 1
    return labels


def choose_labels(labels: dict[str, Counter[str]]) -> dict[str, tuple[str, Counter[str]]]:
    """Of each office's labels the one that wins (see the module), for the offices held at
    least MIN_MENTIONS times."""
    chosen = {
        key: (min(counts, key=lambda label: _rank(label, counts)), counts)
        for key, counts in labels.items()
        if sum(counts.values()) >= MIN_MENTIONS
    }
    for key, parent in _with_parent_body(chosen).items():
        chosen[key] = (chosen[parent][0], chosen[key][1])
    return chosen


def _with_parent_body(chosen: dict[str, tuple[str, Counter[str]]]) -> dict[str, str]:
    """office key -> the key of the same office with its national parent body after it, when
    the corpus writes one such office and no other office that goes on its words: "direktur
    jenderal bina marga" is "direktur jenderal bina marga kementerian pekerjaan umum ..." (no
    other Dirjen Bina Marga; roles.toml `label_parent_bodies`); not an office every
    legislature has (`label_parent_shared_words`: "anggota fraksi gerindra"), nor one the
    corpus writes with two bodies after it."""
    table = load_toml("roles.toml")
    parents = table.get("label_parent_bodies", [])
    shared = set(table.get("label_parent_shared_words", []))
    longer: defaultdict[str, list[str]] = defaultdict(list)
    for key in chosen:
        words = key.split()
        for cut in range(2, len(words)):
            longer[" ".join(words[:cut])].append(key)
    found = {}
    for key in chosen:
        goes_on = longer.get(key, [])
        if shared.intersection(key.split()):
            continue  # "anggota fraksi gerindra", "anggota komisi iii": a DPRD has one too
        if len(goes_on) == 1 and any(fnmatch(goes_on[0][len(key) + 1 :], p) for p in parents):
            found[key] = goes_on[0]
    return found


def _rank(label: str, counts: Counter[str]) -> tuple[int, int, int, str]:
    """The most written label first; of those written as often, the one without words the
    office's key leaves out ("Provinsi"), then the fuller ("Sekretaris Daerah Provinsi
    Sulawesi Selatan", not "Sekda Provinsi Sulsel")."""
    left_out = sum(word in _key_words_left_out() for word in label.split())
    return (-counts[label], left_out, -len(label), label)


def _key_words_left_out() -> frozenset[str]:
    return frozenset(
        word for word, read in load_toml("roles.toml")["office_key_words"].items() if not read
    )


def write_labels(mined: dict[str, tuple[str, Counter[str]]], data_dir: Path, corpus: str) -> int:
    """Write the mined labels to `data_dir`'s role_labels_mined.toml, whole or not at all;
    how many offices."""
    lines = [
        f"# Mined by `python -m search.ingest.extract.role_labels_mining` from {corpus}: for",
        f"# each office the corpus's officials hold at least {MIN_MENTIONS} times (keyed by",
        "# officials.office_key), the label written most. A label written otherwise is noted",
        "# after its office with its count. Review the diff; a wrong merge is mended in",
        "# roles.toml (`labels`, `office_key_words`), whose labels are read first.",
        "[labels]",
    ]
    for key in sorted(mined):
        label, counts = mined[key]
        others = ", ".join(f"{other} {n}" for other, n in counts.most_common() if other != label)
        note = f"  # {counts[label]}; {others}" if others else f"  # {counts[label]}"
        lines.append(f"{toml_string(key)} = {toml_string(label)}{note}")
    write_data_file(data_dir, MINED_ROLE_LABELS_FILE, lines)
    return len(mined)


def main(argv: list[str]) -> int:
    mined = mine_corpus(argv, __doc__.splitlines()[-1].strip(), write_labels, mine_labels, {})
    if isinstance(mined, int):
        return mined
    count, data_dir = mined
    print(f"labels of {count} offices written to {data_dir / MINED_ROLE_LABELS_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
