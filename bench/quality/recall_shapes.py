"""Where officials and quotes recall is lost over the corpus: person-shaped names written next
to an office or a verb of speech that extraction does not tag, grouped by the shape of the text
around them and counted (run by hand).

    python -m bench.quality.recall_shapes dump [--every 4] [--limit N] [--out FILE]
    python -m bench.quality.recall_shapes shapes [FILE] [--min 10] [--samples 4] [--top 40]

`dump` extracts every `every`-th corpus record as `cari build` does (extract_record) and writes
each one's body, officials and quotes as JSON lines (default bench/results/recall_dump.jsonl).

`shapes` reads a dump and finds, paragraph by paragraph:

- officials: an office head of roles.toml (its `heads` and their "Wakil" forms, in the cases
  extraction reads them; not `not_office_heads`) followed, within eight words, by a
  person-shaped name (two to five capitalised words, not acronyms), or such a name then a
  comma, "selaku" or "sebagai" and an office head; the name is *missed* when no official of the
  article holds its last word;
- quotes: a verb of speech of speech.toml written right after a closing quotation mark or a
  comma and before such a name ('"...," kata Budi Santoso'), or after a name ('Budi Santoso
  mengatakan, ...'), with up to six words between; *missed* when no quote of that paragraph or
  the two before it (a quotation closed in a later paragraph) is given to a speaker holding
  the name's last word.

A missed name's shape is the text around it with the name as N, the office head as R, the verb
as V, acronyms as A, other capitalised words as C, numbers as 9, quotation marks as Q and the
lower-case words as written. Shapes are printed by count, each with a few sample contexts and
the share of its names that are dictionary words (a hint that the shape holds no name).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from bench.harness import RESULTS_DIR
from search.ingest.extract.officials import _is_qualifier, _roles, gazetteer, is_title
from search.ingest.extract.person_names import (
    is_agency_word,
    is_common_word,
    is_institution_word,
    is_place,
    not_names,
    place_name_kind,
)
from search.ingest.files import SeedError
from search.ingest.records import extract_record
from search.lexicon import load_toml, name_roots
from tests.corpus import records

DUMP = RESULTS_DIR / "recall_dump.jsonl"

_TOKEN = re.compile(r"[\w'’./-]+|[,;:()\"“”]")
_QUOTES = {'"', "“", "”"}


def dump(every: int, limit: int | None, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with out.open("w", encoding="utf-8") as handle:
        for record in records(limit, every):
            try:
                article = extract_record(record).article
            except SeedError:
                continue
            row = {
                "id": article.id,
                "body": article.body,
                "officials": [[o.name, o.role] for o in article.officials],
                "quotes": [[q.speaker, q.start, q.end] for q in article.quotes],
            }
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    print(f"{n} records to {out}")


def _office_heads() -> re.Pattern[str]:
    roles = _roles()
    forms = [f for f, head in roles.head_forms.items() if head not in roles.not_office_heads]
    forms.sort(key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w-])")


def _speech_verbs() -> tuple[re.Pattern[str], re.Pattern[str]]:
    table = load_toml("speech.toml")
    after = sorted(table["after"], key=len, reverse=True)
    before = sorted(table["before"], key=len, reverse=True)
    return (
        re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, after)) + r")(?![\w-])"),
        re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, before)) + r")(?![\w-])"),
    )


def _abstract(text: str) -> str:
    out = []
    for token in _TOKEN.findall(text):
        if token in _QUOTES:
            out.append("Q")
        elif token.isdigit():
            out.append("9")
        elif token[:1].isupper():
            out.append("A" if token.isupper() and len(token) > 1 else "C")
        else:
            out.append(token)
    return " ".join(out)


def _no_name(word: str) -> bool:
    """A word that opens no person's name: an office, a qualifier or place, a title or rank,
    an acronym, a dictionary word the corpus does not write as a name."""
    bare = word.rstrip(".,")
    return (
        _roles().head_pattern.fullmatch(bare) is not None
        or _is_qualifier(bare)
        or is_title(bare)
        or bare in not_names()
        or is_institution_word(bare)
        or is_agency_word(bare)
        or (bare.isupper() and len(bare) > 1)
        or (is_common_word(bare) and bare.lower() not in name_roots())
    )


def _name_in(run: str) -> str:
    """The person's name a capitalised run ends with ('Dinas Bina Marga DKI Jakarta Hari
    Nugroho' -> 'Hari Nugroho'), or "" when it holds none."""
    words = run.split()
    while words and _no_name(words[0]):
        words.pop(0)
    while words and words[-1].rstrip(".,") in not_names():
        words.pop()
    if not words or not all(w[:1].isupper() and not w.isupper() for w in words):
        return ""
    return " ".join(words)


def name_kind(name: str) -> str:
    """Why a name may be passed over: its words as the name checks see them."""
    words = name.split()
    roots = name_roots()
    common = [is_common_word(w) for w in words]
    if len(words) > 4:
        return "5+ words"
    if any(is_place([w]) or place_name_kind([w]) for w in words):
        return "a place word"
    if all(common):
        rooted = any(w.lower() in roots for w in words)
        size = "one" if len(words) == 1 else "2+"
        return f"{size} dictionary word{'s' if len(words) > 1 else ''}" + (
            ", a name root" if rooted else ", no name root"
        )
    return "one word" if len(words) == 1 else "name-shaped"


def _holds(people: set[str], name: str) -> bool:
    """True when a person of the article holds the name's last word, or the name is a
    gazetteer alias of one ("Jokowi" for Joko Widodo)."""
    bare = name.rstrip(".")
    canonical = gazetteer().by_alias.get(bare.lower(), (bare, ""))[0]
    last = bare.split()[-1]
    return (
        canonical.split()[-1] in people
        or any(w.startswith(last) for w in people)  # "Amel" for Amelia Tjandra
    )


def _name_after(text: str, most: int) -> tuple[str, str] | None:
    """The first person's name in `text` within `most` words, with the text before it: a
    capitalised run read past its role words, past lower-case joiners of a role."""
    at = 0
    for _ in range(most):
        m = _RUN.match(text, at)
        if m:
            name = _name_in(m.group(1))
            if name:
                return name, text[: m.end(1) - len(name)]
            at = m.end()
            continue
        m = _GAP.match(text, at)
        if not m:
            return None
        at = m.end()
    return None


_CAPITAL = re.compile(r"(?<![\w'’-])[A-Z]")
_RUN = re.compile(r"[ \t]*([A-Z](?:\.|[\w'’-]*)(?:[ \t]+[A-Z](?:\.|[\w'’-]*))*)")
_GAP = re.compile(r"[ \t]*(?:,|\(|\)|dan|dari|untuk|bidang|urusan|ke-?\d+|\d+)(?![\w-])")


def _official_misses(body: str, officials: list[list[str]]) -> Iterator[tuple[str, str, str]]:
    heads = _office_heads()
    people = {w for name, _ in officials for w in name.split()}
    for para in body.split("\n"):
        for m in heads.finditer(para):
            text = para[m.end() : m.end() + 160]
            found = _name_after(text, 8)
            if found and not _holds(people, found[0]):
                later = _name_after(text[len(found[1]) + len(found[0]) :], 3)
                if later and _holds(people, later[0]):
                    continue  # "Kapolsek Cisauk, AKP Fredy Yudha": a place before the name
                shape = "R " + _abstract(found[1]) + " N"
                yield shape, found[0], para[max(m.start() - 60, 0) : m.end() + len(found[1]) + 60]
        for n in _RUN.finditer(para):
            name = _name_in(n.group(1))
            rest = para[n.end() : n.end() + 60]
            m = re.match(r"[ \t]*(,|selaku|sebagai|yang juga)[ \t]+(?:[a-z]+[ \t]+)?", rest)
            if name and m and heads.match(rest, m.end()) and not _holds(people, name):
                shape = "N " + _abstract(rest[: m.end()]) + " R"
                yield shape, name, para[max(n.start() - 60, 0) : n.end() + 80]


def _quote_misses(body: str, quotes: list[list]) -> Iterator[tuple[str, str, str]]:
    after, before = _speech_verbs()
    start = 0
    starts: list[int] = []
    for para in body.split("\n"):
        end = start + len(para)
        starts.append(start)
        # a quotation a paragraph closes may open two paragraphs before ('" kata Argo.')
        since = starts[-3] if len(starts) >= 3 else 0
        people = {w for s, qs, qe in quotes if qs < end and qe > since for w in s.split()}
        for m in after.finditer(para):
            lead = para[max(m.start() - 3, 0) : m.start()]
            if not re.search(r"[,\"”][ \t]*$", lead):
                continue
            found = _name_after(para[m.end() : m.end() + 160], 6)
            if found and not _holds(people, found[0]):
                shape = _abstract(lead) + " V " + _abstract(found[1]) + " N"
                yield shape, found[0], para[max(m.start() - 80, 0) : m.end() + len(found[1]) + 40]
        for n in _RUN.finditer(para):
            name = _name_in(n.group(1))
            if not name:
                continue
            tail = para[n.end() : n.end() + 80]
            m = before.search(tail)
            if not m or len(_TOKEN.findall(tail[: m.start()])) > 6:
                continue
            between = tail[: m.start()]
            if "." in between or any(q in between for q in _QUOTES) or _CAPITAL.search(between):
                continue
            if not _holds(people, name):
                lead = _abstract(para[max(n.start() - 2, 0) : n.start()]) or "^"
                shape = f"{lead} N {_abstract(between)} V {_abstract(tail[m.end() : m.end() + 3])}"
                yield shape, name, para[max(n.start() - 40, 0) : n.end() + m.end() + 60]
        start = end + 1


def shapes(path: Path, least: int, samples: int, top: int) -> None:
    found: dict[str, dict[str, list[tuple[str, str, str]]]] = {
        "officials": defaultdict(list),
        "quotes": defaultdict(list),
    }
    rows = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            rows += 1
            for shape, name, context in _official_misses(row["body"], row["officials"]):
                found["officials"][f"{shape}  [{name_kind(name)}]"].append(
                    (row["id"], name, context)
                )
            for shape, name, context in _quote_misses(row["body"], row["quotes"]):
                found["quotes"][f"{shape}  [{name_kind(name)}]"].append((row["id"], name, context))
    rng = random.Random(16)
    for kind, by_shape in found.items():
        total = sum(len(v) for v in by_shape.values())
        print(f"\n# {kind}: {total} missed names in {rows} records, {len(by_shape)} shapes")
        ranked = sorted(by_shape.items(), key=lambda kv: -len(kv[1]))
        for shape, hits in ranked[:top]:
            if len(hits) < least:
                break
            common = Counter(all(is_common_word(w) for w in name.split()) for _, name, _ in hits)
            records_n = len({rid for rid, _, _ in hits})
            print(
                f"\n## {len(hits):5d} ({records_n} records, {common[True]} all dictionary words)"
                f"  {shape}"
            )
            for rid, name, context in rng.sample(hits, min(samples, len(hits))):
                flat = re.sub(r"\s+", " ", context)
                print(f"   {rid} [{name}] {flat}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--every", type=int, default=4)
    d.add_argument("--limit", type=int, default=None)
    d.add_argument("--out", type=Path, default=DUMP)
    s = sub.add_parser("shapes")
    s.add_argument("path", type=Path, nargs="?", default=DUMP)
    s.add_argument("--min", type=int, default=10)
    s.add_argument("--samples", type=int, default=4)
    s.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.every, args.limit, args.out)
    else:
        shapes(args.path, args.min, args.samples, args.top)


if __name__ == "__main__":
    main()
