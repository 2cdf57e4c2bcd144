"""How the corpus attributes speech: the words news writes beside a quotation or a speaker,
counted over every record, with those `search/data/speech.toml` does not know (run by hand).

    python -m bench.quality.speech_mining [--limit N] [--min 5] [--samples 3]

Four constructions, each a word counted with sample contexts:

- `after_quote`: the word right after a closing quotation mark ('," WORD Name', '," WORDnya');
- `after_comma`: the word after a comma that ends a sentence with a name or "-nya"
  ('..., WORD Name.', '..., WORDnya.');
- `before`: the lower-case word between a capitalised name and a comma, a colon or "bahwa"
  ('Name WORD, ...', 'Name juga WORD bahwa ...');
- `opener`: the capitalised word that opens a sentence before a name and a comma
  ('WORD Name, ...', 'WORD Name Name, "...').

The table goes to `data/speech_mined/mined.tsv` (kind, word, count, known, mark, samples).
`data/speech_mined/marks.toml` holds a reader's marks on the frequent unknown words: `speech`
(added to speech.toml), `request` (a request or wish: after a quotation only), `adverb`
(between a closing mark and its verb), `no` (no speech verb: an adverb, a conjunction, a
noun, a verb of doing). A re-run lists the unknown words that have no mark yet; the speech
words added since are "known" in the table and keep their mark.
"""

from __future__ import annotations

import argparse
import re
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

from search.lexicon import load_toml
from tests.corpus import records

DATA = Path(__file__).resolve().parent / "data" / "speech_mined"
MARKS = DATA / "marks.toml"
OUT = DATA / "mined.tsv"

_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}"
PATTERNS = {
    # '," kata Budi', '," ujarnya', '." Ia menambahkan' (a pronoun, then the verb: 'before')
    "after_quote": re.compile(r"[,.!?…]\s*[\"”]\s*,?\s*(?P<word>[a-z]+)\b"),
    "after_comma": re.compile(rf",\s+(?P<word>[a-z]+?)(?:nya\s*[.!?]|\s+{_NAME}\s*[.!?](?:\s|$))"),
    "before": re.compile(
        rf"(?:^|[.!?]\s+|,\s+){_NAME}\s+(?:(?:juga|pun|kembali|lantas|kemudian|pula|lalu|"
        r"sempat|sebelumnya|secara\s+tegas)\s+)?(?P<word>[a-z]+)(?:\s*[,:]|\s+bahwa\b)"
    ),
    "opener": re.compile(rf"(?:^|[.!?]\s+)(?P<word>[A-Z][a-z]+)\s+{_NAME},"),
}
SAMPLE_CHARS = 70


def known_words() -> dict[str, set[str]]:
    """The words speech.toml already gives each construction."""
    sp = load_toml("speech.toml")
    after = set(sp["after"]) | set(sp["after_quote_only"]) | set(sp["after_adverbs"]) | {"menurut"}
    before = {w for w in sp["before"] if " " not in w} | set(sp["between"])
    openers = (
        set(sp["according"])
        | {p.capitalize() for p in sp["passive"]}
        | {w for w in sp["openers"] if " " not in w}
        | {w for w in sp["comma_openers"] if " " not in w}
    )
    return {"after_quote": after, "after_comma": after, "before": before, "opener": openers}


def stem(word: str) -> str:
    """'ujarnya' -> 'ujar' (the pronoun form of an after-verb)."""
    return word[:-3] if word.endswith("nya") and len(word) > 5 else word


def mine(limit: int | None, samples: int) -> tuple[Counter, dict]:
    counts: Counter = Counter()
    contexts: dict[tuple[str, str], list[str]] = defaultdict(list)
    for record in records(limit):
        body = record.get("body") or ""
        for line in body.split("\n"):
            for kind, pattern in PATTERNS.items():
                for m in pattern.finditer(line):
                    word = m.group("word")
                    if kind == "after_quote":
                        word = stem(word)
                    key = (kind, word)
                    counts[key] += 1
                    if len(contexts[key]) < samples:
                        a, b = max(0, m.start() - 30), min(len(line), m.end() + 40)
                        contexts[key].append(" ".join(line[a:b].split())[: SAMPLE_CHARS + 40])
    return counts, contexts


def load_marks() -> dict[str, dict[str, str]]:
    if not MARKS.is_file():
        return {}
    return tomllib.loads(MARKS.read_text(encoding="utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="records (default: all)")
    parser.add_argument("--min", type=int, default=5, help="list words counted this often")
    parser.add_argument("--samples", type=int, default=3)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    counts, contexts = mine(args.limit, args.samples)
    known = known_words()
    marks = load_marks()
    rows = []
    unmarked = Counter()
    for (kind, word), n in counts.most_common():
        if n < args.min:
            continue
        is_known = word in known[kind]
        mark = marks.get(kind, {}).get(word, "")
        if not is_known and not mark:
            unmarked[kind] += 1
        rows.append((kind, word, n, is_known, mark, " | ".join(contexts[(kind, word)])))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        out.write("kind\tword\tcount\tknown\tmark\tsamples\n")
        for kind, word, n, is_known, mark, sample in rows:
            out.write(f"{kind}\t{word}\t{n}\t{int(is_known)}\t{mark}\t{sample}\n")
    for kind in PATTERNS:
        mine_kind = [r for r in rows if r[0] == kind]
        unknown = [r for r in mine_kind if not r[3]]
        marked = Counter(r[4] for r in unknown if r[4])
        print(
            f"{kind}: {len(mine_kind)} words counted >= {args.min} times, "
            f"{len(unknown)} unknown to speech.toml ({dict(marked)} marked, "
            f"{unmarked[kind]} unmarked)"
        )
        for r in unknown:
            if not r[4]:
                print(f"   {r[1]}\t{r[2]}\t{r[5][:160]}")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
