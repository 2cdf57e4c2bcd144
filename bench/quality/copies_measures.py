"""Whether a measure beyond shared text tells one publisher's re-run from its different story
of one event, among the pairs no copy rule joins.

The pairs weighed: over the corpus, two articles of one publisher or one media group, dated
within a day, one holding at least POOL_CONTAINMENT of the shorter text (5-word shingles
without boilerplate, as `search.indexing.copies` compares them), not near-identical, and not
found copies by `copy_reason`. For each measure: how many of these pairs it keeps, and how
many of those were read as copies and as not copies (`copies_gold --half dev` and `--half
read`, never the blind half). A measure worth a rule keeps read copies and next to no read
non-copies.

Measures: a quote shared (the same words by the same speaker, `Article.quotes`), the same
non-empty set of speakers, the longest run of sentences both texts hold in one order, the
same first or last paragraph, the shorter text past its lede held by the other (a re-run under
a new lede keeps the rest of its body), related headlines, the same day, containment.

    python -m bench.quality.copies_measures

Writes bench/results/copies_measures.json.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from bench.harness import table, write_json
from bench.quality.copies_gold import read_pairs

POOL_CONTAINMENT = 0.3
QUOTE_WORDS = 5  # shorter quotes ("kata dia") are not evidence
SENTENCE_WORDS = 6
_SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+|\n+")


@dataclass(frozen=True)
class Pair:
    jaccard: float
    containment: float
    same_day: bool
    headlines: float
    quotes_shared: int
    same_speakers: bool
    longest_run: int
    shortest: int  # the shorter text's sentences
    same_first: bool
    same_last: bool
    after_lede: float  # the share of the shorter text after its lede that the other holds
    verdict: str | None  # "yes", "no", or None when not read


def _sentences(body: str) -> list[str]:
    from search.text.shingles import words

    found = (" ".join(words(s)) for s in _SENTENCE_END.split(body))
    return [s for s in found if s.count(" ") + 1 >= SENTENCE_WORDS]


def _paragraphs(body: str) -> list[str]:
    from search.text.shingles import words

    return [" ".join(words(p)) for p in body.split("\n") if len(words(p)) >= SENTENCE_WORDS]


def _longest_run(first: list[str], second: list[str]) -> int:
    """The most sentences in a row that both hold, in one order."""
    where: dict[str, list[int]] = {}
    for j, sentence in enumerate(second):
        where.setdefault(sentence, []).append(j)
    best, previous = 0, {}
    for sentence in first:
        current = {j: previous.get(j - 1, 0) + 1 for j in where.get(sentence, [])}
        best = max([best, *current.values()])
        previous = current
    return best


def _after_lede(shorter: str, longer: np.ndarray) -> float:
    """The share of a text's shingles after its first LEDE_WORDS words that `longer` (sorted
    shingles) holds."""
    from search.indexing.copies import LEDE_WORDS
    from search.text.shingles import word_shingles, words

    rest = word_shingles(words(shorter)[LEDE_WORDS:])
    return len(np.intersect1d(rest, longer)) / len(rest) if len(rest) else 0.0


def _quotes(article: Any) -> set[tuple[str, str]]:
    from search.text.shingles import words

    return {
        (q.speaker.lower(), " ".join(words(q.text)))
        for q in article.quotes
        if len(words(q.text)) >= QUOTE_WORDS
    }


def pool(articles: list[Any], verdicts: dict[tuple[str, str], str]) -> list[Pair]:
    """The pairs weighed (see the module docstring), with their measures."""
    from bench.quality.copies_sample import shingle_pairs
    from search.indexing import copies

    prints = [copies.article_fingerprint(a) for a in articles]
    texts, _ = copies.without_boilerplate(prints)
    pairs, shared = shingle_pairs(texts)
    sizes = np.array([len(t) for t in texts])
    first, second = pairs[:, 0], pairs[:, 1]
    jaccard = shared / np.maximum(sizes[first] + sizes[second] - shared, 1)
    containment = shared / np.maximum(np.minimum(sizes[first], sizes[second]), 1)
    days = np.array([p.day or 0 for p in prints])
    near = (days[first] > 0) & (days[second] > 0) & (np.abs(days[first] - days[second]) <= 1)
    kept = near & (containment >= POOL_CONTAINMENT) & (jaccard < copies.IDENTICAL_TEXT)
    found = []
    for i, j, share, contained in zip(
        first[kept].tolist(),
        second[kept].tolist(),
        jaccard[kept].tolist(),
        containment[kept].tolist(),
        strict=True,
    ):
        a, b = prints[i], prints[j]
        if not copies._related(a.source, b.source):
            continue
        if copies.copy_reason(a, b, texts[i], texts[j]) is not None:
            continue
        one, other = articles[i], articles[j]
        said, told = _quotes(one), _quotes(other)
        speakers = {s for s, _ in said}
        sentences, others = _sentences(one.body), _sentences(other.body)
        paragraphs, other_paragraphs = _paragraphs(one.body), _paragraphs(other.body)
        alike = bool(paragraphs and other_paragraphs)
        short, long = (one, b) if len(a.shingles) <= len(b.shingles) else (other, a)
        titles = len(a.title_words & b.title_words) / max(1, len(a.title_words | b.title_words))
        found.append(
            Pair(
                jaccard=share,
                containment=contained,
                same_day=a.day == b.day,
                headlines=titles,
                quotes_shared=len(said & told),
                same_speakers=bool(speakers) and speakers == {s for s, _ in told},
                longest_run=_longest_run(sentences, others),
                shortest=min(len(sentences), len(others)),
                same_first=alike and paragraphs[0] == other_paragraphs[0],
                same_last=alike and paragraphs[-1] == other_paragraphs[-1],
                after_lede=_after_lede(short.body, long.shingles),
                verdict=verdicts.get((min(one.id, other.id), max(one.id, other.id))),
            )
        )
    return found


MEASURES: dict[str, Callable[[Pair], bool]] = {
    "every pair weighed": lambda p: True,
    "a quote shared (same words, same speaker)": lambda p: p.quotes_shared >= 1,
    "two quotes shared": lambda p: p.quotes_shared >= 2,
    "the same speakers": lambda p: p.same_speakers,
    "3 sentences in a row shared": lambda p: p.longest_run >= 3,
    "5 sentences in a row shared": lambda p: p.longest_run >= 5,
    "half the shorter's sentences in a row": lambda p: 2 * p.longest_run >= max(p.shortest, 1),
    "the same first paragraph": lambda p: p.same_first,
    "the same last paragraph": lambda p: p.same_last,
    "the shorter past its lede 80 % held": lambda p: p.after_lede >= 0.8,
    "related headlines (0.3)": lambda p: p.headlines >= 0.3,
    "the same day": lambda p: p.same_day,
    "containment 0.55": lambda p: p.containment >= 0.55,
    "containment 0.55, a quote shared, the same speakers": lambda p: (
        p.containment >= 0.55 and p.quotes_shared >= 1 and p.same_speakers
    ),
    "the same speakers, 3 sentences in a row": lambda p: p.same_speakers and p.longest_run >= 3,
}


def main() -> None:
    from bench.quality.copies_sample import _articles

    verdicts = {
        (min(p.id_a, p.id_b), max(p.id_a, p.id_b)): "yes" if p.copies else "no"
        for half in ("dev", "read")
        for p in read_pairs(half)
    }
    weighed = pool(_articles(), verdicts)
    rows, results = [], {}
    for name, keeps in MEASURES.items():
        kept = [p for p in weighed if keeps(p)]
        yes = sum(p.verdict == "yes" for p in kept)
        no = sum(p.verdict == "no" for p in kept)
        share = round(yes / (yes + no), 2) if yes + no else None
        rows.append([name, len(kept), yes, no, share])
        results[name] = {"pairs": len(kept), "read_copies": yes, "read_not": no}
    print(table(rows, ["measure", "corpus pairs", "read copies", "read not", "share copies"]))
    path = write_json("copies_measures", {"pool_containment": POOL_CONTAINMENT, **results})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
