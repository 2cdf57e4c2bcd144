"""Role phrases the corpus writes right before a person's name, mined for roles.toml (by hand).

    python -m bench.quality.role_heads [--limit N] [--min 5] [--out FILE]

Over the corpus records (all by default), the people of each article are the speakers its
quotes are given to and its officials, by their full names (two words or more). Before each
place the body writes one of those names, the words right before it are read back to the
start of the phrase that introduces it:

- capitalised phrases: capitalised words, acronyms, unit numbers and the joiners "dan", "dari",
  "untuk" back from the name (a comma right before the name allowed), less the ranks and
  honorifics next to the name ("Kepala Dinas Pendidikan Kabupaten Blora AKBP ..."): the
  phrase's head is its first word, or its first two when the first opens many offices
  ("Kepala Seksi", "Wakil Ketua");
- lower-case phrases: the one to three lower-case words right before the name ("mantan
  panglima militer Benjamin Gantz"), counted as written.

Phrases whose head roles.toml already reads (its heads, not_office_heads, titles) are counted
apart. The rest are listed by head with counts, and with three example contexts each, to
bench/quality/data/role_heads_mined.tsv: the list a reader marks (`mark` column: `office`,
`not_office`, `rank`, `noise`, with a note), so that the next person can re-run the mining
and see which heads are new since the marks. Marks already in the file are kept for heads
mined again.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter, defaultdict
from pathlib import Path

from search.ingest.extract.officials import _roles
from search.ingest.files import SeedError
from search.ingest.records import extract_record
from tests.corpus import records

OUT = Path(__file__).resolve().parent / "data" / "role_heads_mined.tsv"

_WORD = re.compile(r"[\w'’./-]+|,")
_JOINERS = {"dan", "dari", "untuk", "&"}
# Words that open many offices: a head is read with the word after them.
_OPENERS = {
    "Kepala",
    "Ketua",
    "Wakil",
    "Direktur",
    "Sekretaris",
    "Anggota",
    "Plt",
    "Pj",
    "Penjabat",
    "Asisten",
    "Kasi",
    "Kasubdit",
    "Komandan",
    "Pelaksana",
    "Staf",
    "Koordinator",
    "Deputi",
    "Inspektur",
    "Kabag",
    "Kabid",
    "Panglima",
    "Kepala Seksi",
    "Kepala Sub",
}
_SKIP_BEFORE = {"Mantan", "Eks", "Calon", "Bakal", "mantan", "eks"}
_LOWER_MAX = 3
# Words right before a name that introduce no role: speech verbs, joiners.
_NOT_ROLE_LOWER = {
    "dan",
    "atau",
    "kata",
    "ujar",
    "tutur",
    "ungkap",
    "jelas",
    "tegas",
    "imbuh",
    "papar",
    "terang",
    "sebut",
    "lanjut",
    "ucap",
    "tambah",
    "pungkas",
    "bersama",
    "oleh",
    "dengan",
    "kepada",
    "untuk",
    "dari",
    "yakni",
    "yaitu",
    "antara",
    "lain",
    "seperti",
    "bahwa",
    "menurut",
    "pada",
    "di",
    "ke",
    "sang",
    "si",
    "adalah",
    "ialah",
    "bagi",
    "saat",
    "ketika",
    "tersebut",
    "itu",
    "ini",
}


def _people(record: dict) -> tuple[str, set[str]]:
    """The body of a record and its people's full names."""
    try:
        article = extract_record(record).article
    except SeedError:
        return "", set()
    names = {q.speaker for q in article.quotes} | {o.name for o in article.officials}
    return article.body, {n for n in names if len(n.split()) >= 2}


def _capitalised_phrase(words: list[str]) -> list[str]:
    """The capitalised role phrase at the end of `words` (the words before a name)."""
    roles = _roles()
    if words and words[-1] == ",":
        words = words[:-1]
    while words and words[-1].rstrip(".") in roles.titles | roles.after_rank:
        words = words[:-1]  # "Kapolres Blora AKBP", "Brigjen Pol"
    phrase: list[str] = []
    for word in reversed(words):
        if (
            word[:1].isupper()
            or word[:1].isdigit()
            or (word in _JOINERS and phrase)
            or word.startswith("(")
        ):
            phrase.insert(0, word)
        else:
            break
    while phrase and phrase[0] in _JOINERS:
        phrase.pop(0)
    while phrase and phrase[0] in _SKIP_BEFORE:
        phrase.pop(0)
    return phrase[-12:]


def _head(phrase: list[str]) -> str:
    if not phrase:
        return ""
    if phrase[0] in _OPENERS and len(phrase) > 1:
        return " ".join(phrase[:2])
    return phrase[0]


def _known(phrase: str) -> bool:
    roles = _roles()
    first = phrase.split()[0].rstrip(".")
    return bool(roles.head_pattern.match(phrase)) or first in roles.titles


def _sentence_words(bodies_words: Counter, capital_words: Counter) -> frozenset[str]:
    """Capitalised words the corpus writes mostly in lower case ("Menurut", "Sementara"):
    at the start of a phrase they open the sentence, not the role."""
    words = set(capital_words) | {w.capitalize() for w in bodies_words}
    return frozenset(
        w for w in words if bodies_words[w.lower()] > 2 * capital_words[w] and w not in _OPENERS
    )


def mine(limit: int | None) -> tuple[Counter, Counter, dict[str, list[str]], Counter]:
    raw: Counter = Counter()  # capitalised phrases as read
    lower: Counter = Counter()
    lower_words: Counter = Counter()
    capital_words: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for record in records(limit):
        body, names = _people(record)
        for sentence in re.split(r"(?<=[.!?])\s+|\n", body):
            words = sentence.split()
            for w in words[1:]:
                w = w.strip(',.;:()"“”')
                if w.islower():
                    lower_words[w] += 1
                elif w[:1].isupper() and w[1:].islower():
                    capital_words[w] += 1
        for name in names:
            for m in re.finditer(re.escape(name) + r"(?![\w])", body):
                before = body[max(0, m.start() - 160) : m.start()].split("\n")[-1]
                before = re.split(r"[.!?:;\"“”]\s", before)[-1]
                before = re.sub(r"\([^()]*\)", " ", before)
                words = _WORD.findall(before)
                phrase = _capitalised_phrase(words)
                if phrase:
                    raw[tuple(phrase)] += 1
                    if len(examples[" ".join(phrase)]) < 1:
                        examples[" ".join(phrase)].append(f"{' '.join(phrase)} | {name}")
                    continue
                low = [w for w in words if w != ","][-_LOWER_MAX:]
                run: list[str] = []
                for w in reversed(low):
                    if w.islower() and w.isalpha():
                        run.insert(0, w)
                    else:
                        break
                if run and run[-1] not in _NOT_ROLE_LOWER:
                    key = " ".join(run)
                    lower[key] += 1
                    if len(examples["~" + key]) < 3:
                        examples["~" + key].append(f"{key} | {name}")
    sentence_words = _sentence_words(lower_words, capital_words)
    heads: Counter = Counter()
    known: Counter = Counter()
    head_examples: dict[str, list[str]] = defaultdict(list)
    for phrase, count in raw.items():
        example = examples[" ".join(phrase)]
        words = list(phrase)
        while words and (words[0] in sentence_words or words[0] in _SKIP_BEFORE):
            words.pop(0)
        if not words:
            continue
        head = _head(words)
        if _known(" ".join(words)):
            known[head] += count
            continue
        heads[head] += count
        if len(head_examples[head]) < 3:
            head_examples[head].extend(example)
    for key, ex in examples.items():
        if key.startswith("~"):
            head_examples[key] = ex
    return heads, lower, head_examples, known


def _old_marks(path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {(r["kind"], r["phrase"]): (r["mark"], r["note"]) for r in rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="Records (default: all).")
    parser.add_argument("--min", type=int, default=5, help="Least count listed.")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    heads, lower, examples, known = mine(args.limit)
    marks = _old_marks(args.out)
    rows = [("capitalised", h, n, examples[h]) for h, n in heads.most_common() if n >= args.min]
    rows += [("lower", p, n, examples["~" + p]) for p, n in lower.most_common() if n >= args.min]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# Mined by `python -m bench.quality.role_heads`: heads of the phrases written right\n"
            "# before a person's name that roles.toml does not read, with counts over the corpus.\n"
            "# mark: office (added to roles.toml), not_office (a post, a party's or a company's:\n"
            "# left out or in not_office_heads), rank, noise (no role); empty: not yet read.\n"
        )
        out = csv.writer(handle, delimiter="\t", lineterminator="\n")
        out.writerow(["kind", "phrase", "count", "mark", "note", "examples"])
        for kind, phrase, count, ex in rows:
            mark, note = marks.get((kind, phrase), ("", ""))
            out.writerow([kind, phrase, count, mark, note, " || ".join(ex)])
    print(f"known heads: {sum(known.values())} phrases; top: {known.most_common(15)}")
    print(f"unknown capitalised heads: {sum(heads.values())} phrases, {len(heads)} heads")
    print(f"lower-case phrases: {sum(lower.values())}; wrote {len(rows)} rows to {args.out}")


if __name__ == "__main__":
    main()
