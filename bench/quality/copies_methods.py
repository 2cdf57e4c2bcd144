"""How to find candidate copies in the corpus: MinHash with LSH bands against simhash.

Both start from the same shingles (runs of 5 words, boilerplate left out, as
`search.indexing.copies` does) and both hand their candidate pairs to the same exact
comparison (`copy_reason`). Measured for each:
- seconds to sign the corpus and list the candidates, and how many candidates;
- recall of the copies: the share of the pairs the exact comparison accepts among *every*
  pair of articles sharing a shingle (the reference, found by sorting all shingles) that the
  method lists as candidates;
- the pairs read by a person (`data/copies_read.tsv`): how many marked copies the method lists
  as candidates, and how many end up grouped; and how many pairs it groups were marked not
  copies.

    python -m bench.quality.copies_methods [--limit N]

Prints a table and writes bench/results/copies_methods.json.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

import numpy as np

from bench.harness import table, write_json
from bench.quality.copies_gold import read_pairs, same_group
from bench.quality.copies_sample import shingle_pairs

SIMHASH_DISTANCES = (3, 6, 10)


def _fingerprints(limit: int | None) -> list[Any]:
    from search.indexing.copies import fingerprint
    from tests.corpus import records

    return [
        fingerprint(
            r["id"], r.get("title") or "", r.get("body") or "", r.get("date"), r.get("source")
        )
        for r in records(limit)
    ]


def _simhashes(texts: list[np.ndarray]) -> np.ndarray:
    """A 64-bit simhash of each shingle set (each shingle's hash votes on every bit)."""
    out = np.zeros(len(texts), dtype=np.uint64)
    bits = np.uint64(1) << np.arange(64, dtype=np.uint64)
    for i, text in enumerate(texts):
        if not len(text):
            continue
        # Spread the 48-bit shingle hashes over 64 bits before voting.
        with np.errstate(over="ignore"):
            spread = text * np.uint64(0x9E3779B97F4A7C15)
        votes = ((spread[:, None] & bits) != 0).sum(axis=0)
        out[i] = np.bitwise_or.reduce(bits[votes * 2 > len(text)], initial=np.uint64(0))
    return out


def _simhash_pairs(hashes: np.ndarray, usable: np.ndarray, distance: int) -> np.ndarray:
    """Pairs whose simhashes differ in at most `distance` bits (all pairs compared)."""
    rows = np.flatnonzero(usable)
    found = []
    for start in range(0, len(rows), 512):
        block = rows[start : start + 512]
        near = np.bitwise_count(hashes[block][:, None] ^ hashes[rows][None, :]) <= distance
        i, j = np.nonzero(near)
        a, b = block[i], rows[j]
        keep = a < b
        found.append(np.stack([a[keep], b[keep]], axis=1))
    return np.concatenate(found) if found else np.zeros((0, 2), dtype=np.int64)


def _read_pairs(index: dict[str, int]) -> list[tuple[int, int, bool]]:
    return [
        (min(index[p.id_a], index[p.id_b]), max(index[p.id_a], index[p.id_b]), p.copies)
        for p in read_pairs("read")
        if p.id_a in index and p.id_b in index
    ]


def main() -> None:
    from search.indexing.copies import (
        candidate_pairs,
        copy_reason,
        groups_of,
        without_boilerplate,
    )
    from search.text.shingles import band_keys, signatures

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N records")
    args = parser.parse_args()

    started = time.perf_counter()
    prints = _fingerprints(args.limit)
    texts, _common = without_boilerplate(prints)
    prepare = time.perf_counter() - started
    usable = np.array([len(t) > 0 for t in texts], dtype=bool)
    index = {p.id: i for i, p in enumerate(prints)}

    verdicts: dict[tuple[int, int], bool] = {}

    def accepted(pairs: np.ndarray) -> set[tuple[int, int]]:
        found = set()
        for a, b in pairs.tolist():
            if (a, b) not in verdicts:
                verdicts[a, b] = copy_reason(prints[a], prints[b], texts[a], texts[b]) is not None
            if verdicts[a, b]:
                found.add((a, b))
        return found

    methods: dict[str, tuple[np.ndarray, float]] = {}
    clock = time.perf_counter()
    exact = shingle_pairs(texts)[0]
    methods["every pair sharing a shingle (reference)"] = (exact, time.perf_counter() - clock)
    clock = time.perf_counter()
    rows = signatures(texts)
    minhash = candidate_pairs(band_keys(rows), usable)
    methods["MinHash 64, LSH 32 bands x 2 rows"] = (minhash, time.perf_counter() - clock)
    clock = time.perf_counter()
    hashes = _simhashes(texts)
    signing = time.perf_counter() - clock
    for distance in SIMHASH_DISTANCES:
        clock = time.perf_counter()
        pairs = _simhash_pairs(hashes, usable, distance)
        methods[f"simhash 64, Hamming <= {distance}"] = (
            pairs,
            signing + time.perf_counter() - clock,
        )

    reference = accepted(exact)
    read = _read_pairs(index)
    read_copies = {(a, b) for a, b, yes in read if yes}
    read_not = {(a, b) for a, b, yes in read if not yes}
    report = []
    for name, (pairs, seconds) in methods.items():
        listed = {tuple(p) for p in pairs.tolist()}
        found = accepted(pairs)
        groups = groups_of((prints[a].id, prints[b].id) for a, b in found)
        together = same_group(groups_of(found))
        report.append(
            {
                "method": name,
                "seconds": round(seconds, 2),
                "candidates": len(listed),
                "accepted_pairs": len(found),
                "groups": len(groups),
                "recall_of_reference": round(len(found & reference) / max(1, len(reference)), 3),
                "read_copies_listed": sum(p in listed for p in read_copies),
                "read_copies_grouped": sum(together(a, b) for a, b in read_copies),
                "read_not_copies_grouped": sum(together(a, b) for a, b in read_not),
            }
        )
    print(
        f"{len(prints)} articles; shingles and boilerplate in {prepare:.1f}s; "
        f"{len(read_copies)} read pairs marked copies, {len(read_not)} not"
    )
    print(
        table(
            [
                [
                    r["method"],
                    r["seconds"],
                    r["candidates"],
                    r["accepted_pairs"],
                    r["recall_of_reference"],
                    f"{r['read_copies_listed']}/{len(read_copies)}",
                    f"{r['read_copies_grouped']}/{len(read_copies)}",
                    f"{r['read_not_copies_grouped']}/{len(read_not)}",
                ]
                for r in report
            ],
            [
                "method",
                "s",
                "candidates",
                "copies",
                "recall",
                "read copies listed",
                "grouped",
                "read non-copies grouped",
            ],
        )
    )
    path = write_json(
        "copies_methods",
        {
            "articles": len(prints),
            "prepare_seconds": round(prepare, 2),
            "read_copies": len(read_copies),
            "read_not_copies": len(read_not),
            "methods": report,
        },
    )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
