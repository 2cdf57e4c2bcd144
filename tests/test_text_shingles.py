"""Shingles and MinHash signatures (search/text/shingles.py)."""

from __future__ import annotations

import numpy as np

from search.text import shingles
from search.text.shingles import EMPTY_POSITION, SIGNATURE_SIZE, densified, signatures
from tests.corpus import records


def stepwise(rows: np.ndarray) -> np.ndarray:
    """Empty bins filled one step to the left at a time, as signatures were first filled."""
    rows = rows.astype(np.uint64)
    for _ in range(SIGNATURE_SIZE):
        empty = rows == EMPTY_POSITION
        shifted = np.roll(rows, -1, axis=1)
        rows = np.where(empty & (shifted != EMPTY_POSITION), shifted ^ np.uint64(0x5BD1E995), rows)
    return rows.astype(np.uint32)


def test_empty_bins_are_filled_as_one_step_at_a_time_fills_them():
    """Signatures are stored by a build and compared with an update's: filling the empty
    bins at once gives the rows that filling them a step at a time gave, for full, empty
    and sparse rows, and for a value whose fill is the empty marker."""
    rng = np.random.default_rng(2019)
    rows = rng.integers(0, 2**31, size=(400, SIGNATURE_SIZE), dtype=np.uint64) * 2
    share = rng.random((400, 1))
    rows[rng.random(rows.shape) < share] = EMPTY_POSITION
    rows[:5] = EMPTY_POSITION
    rows[5:40][rng.random((35, SIGNATURE_SIZE)) < 0.1] = shingles._UNFILLABLE
    assert np.array_equal(densified(rows), stepwise(rows))
    short = signatures([shingles.shingles(r["body"][:120]) for r in records(limit=300)])
    assert (short != EMPTY_POSITION).all()  # short texts' empty bins are filled


def test_shingles_are_the_hashes_a_build_stored_before():
    """A build stores its articles' shingles and signatures and an update compares its own
    with them: the hashes of a text never change (these were computed at 7639bd5), sorted
    and distinct (a repeated run of words counts once)."""
    text = (
        "Presiden Joko Widodo meresmikan jalan tol di Jakarta, "
        "Presiden Joko Widodo meresmikan jalan tol"
    )
    assert shingles.shingles(text).tolist() == [
        18615671505614,
        53211452163066,
        57324254283552,
        85751305589830,
        90508465896307,
        121559343318626,
        158546223395008,
        212337736058083,
    ]
    assert shingles.shingles("satu dua").tolist() == [239533983907624]
    assert shingles.shingles("").dtype == shingles.shingles("satu").dtype == np.uint64
    assert not len(shingles.shingles("- -"))
    for record in records(limit=300):
        found = shingles.shingles(record["body"])
        assert (np.diff(found.astype(np.int64)) > 0).all()
