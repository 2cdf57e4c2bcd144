"""Extraction against the who-said-what gold sets (bench/quality/data/gold16 to gold16p, each
README saying what it holds): prints figures per half and writes them to
bench/results/extract_gold-<set>-<half>.json (`--out`: to FILE), so scoring one set or half
leaves the others' figures alone.

    python -m bench.quality.extract_gold [--set gold16|...|gold16p] [--half dev|blind|both]
                                         [--errors] [--out FILE]

Corpus articles go through the JSONL record path (search.ingest.records.extract_record, what
`cari build` does with a `.jsonl` seed); raw pages through search.ingest.extract.extract_article.

Figures, per half:
- pages: titles exact; dates (ISO value and precision both right); sources (the domain, or a
  name the truth also accepts); body leak (pages whose body holds any of the page's `not_body`
  lines, a line under 25 characters only as a paragraph of its own or as initials or a credit
  glued to a paragraph's end, and the share of those lines found); body complete (pages whose
  body holds both `body_first` and `body_last`).
- officials (articles and pages): precision and recall of names. Names are compared after
  case-folding, dropping punctuation and leading titles/ranks and trailing degrees; a system
  name counts when it holds every word of the gold name, a gold initial standing for a word
  it begins ("BJ Habibie" for Bacharuddin Jusuf Habibie), or when the gazetteer of officials
  lists the gold name in full as a name of the system's official ("Jokowi" for Joko Widodo:
  the system gives one name per official); a short form such as "Anies" for "Anies
  Baswedan" does not count.
- quotes (who said what): a gold passage runs from its gold text to the end of its line or to
  the next gold passage on the line; a system quote (its start/end, or its text found in the
  body) is matched to the passage it overlaps that starts nearest to it. It is right when that
  passage is an attributed gold quote and the system speaker holds every word of the gold
  speaker; wrong when it gives a person to an unattributed passage or overlaps no gold
  passage; not scored when it overlaps an ambiguous passage, or an unattributed one and has
  no speaker. Precision = right / scored; recall = gold quotes found with the right speaker /
  gold quotes.

`--errors` lists the mistakes, for the dev half only: the blind half is reported as figures.
`--check` only checks the gold files (fields the scorer reads, texts found in their pages; no
extraction) and exits 1 naming each problem; `make test` runs it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz.distance import Levenshtein

from bench.harness import RESULTS_DIR
from search.indexing.official_variants import spelling_key
from search.ingest.extract import extract_article
from search.ingest.extract.officials import alias_key, gazetteer
from search.ingest.files import SeedError
from search.ingest.records import extract_record
from search.model import Article, ArticleDate
from tests.corpus import records_with_ids

DATA = Path(__file__).resolve().parent / "data"
GOLD = DATA / "gold16"
# Gold sets, each with a dev and a blind half (gold16g a dev half only), each drawn outside the
# sets before it: gold16 (corpus articles and raw pages), then corpus articles or raw publisher
# pages (../data/gold16b/README.md ... ../data/gold16p/README.md say which).
SETS = (
    "gold16",
    "gold16b",
    "gold16c",
    "gold16d",
    "gold16e",
    "gold16f",
    "gold16g",
    "gold16h",
    "gold16i",
    "gold16j",
    "gold16k",
    "gold16l",
    "gold16m",
    "gold16n",
    "gold16o",
    "gold16p",
    "gold16q",
    "gold16r",
    "gold16s",
    "gold16t",
    "gold16u",
    "gold16v",
    "gold16w",
    "gold16x",
    "gold16y",
    "gold16z",
    "gold16za",
    "gold16zb",
    "gold16zc",
    "gold16zd",
    "gold16ze",
    "gold16zf",
    "gold16zg",
    "gold16zh",
    "gold16zi",
    "gold16zj",
    "gold16zk",
    "gold16zl",
    "gold16zm",
    "gold16zn",
    "gold16zo",
    "gold16zp",
    "gold16zq",
    "gold16zr",
    "gold16zs",
    "gold16zt",
    "gold16zu",
    "gold16zv",
    "gold16zw",
    "gold16zx",
    "gold16zy",
    "gold16zz",
    "gold16zzb",
    "gold16zzc",
    "gold16zzd",
    "gold16zze",
    "gold16zzf",
    "gold16zzg",
    "gold16zzh",
    "gold16zzi",
    "gold16zzj",
    "gold16zzk",
    "gold16zzl",
    "gold16zzm",
    "gold16zzn",
    "gold16zzo",
    "gold16zzp",
    "gold16zzq",
    "gold16zzr",
    "gold16zzs",
    "gold16zzt",
    "gold16zzu",
    "gold16zzv",
    "gold16zzw",
    "gold16zzx",
    "gold16zzy",
    "gold16zzz",
    "gold16zzza",
    "gold16zzzb",
    "gold16zzzc",
    "gold16zzzd",
    "gold16zzze",
    "gold16zzzf",
    "gold16zzzg",
    "gold16zzzh",
    "gold16zzzi",
    "gold16zzzj",
    "gold16zzzk",
    "gold16zzzl",
    "gold16zzzm",
    "gold16zzzn",
    "gold16zzzo",
    "gold16zzzp",
    "gold16zzzq",
    "gold16zzzr",
    "gold16zzzs",
    "gold16zzzt",
    "gold16zzzu",
    "gold16zzzv",
    "gold16zzzw",
    "gold16zzzx",
    "gold16zzzy",
    "gold16zzzz",
    "gold16zzzza",
    "gold16zzzzb",
    "gold16zzzzc",
    "gold16zzzzd",
    "gold16zzzze",
    "gold16zzzzf",
    "gold16zzzzg",
    "gold16zzzzh",
    "gold16zzzzi",
    "gold16zzzzj",
    "gold16zzzzk",
    "gold16zzzzl",
    "gold16zzzzm",
    "gold16zzzzn",
    "gold16zzzzo",
    "gold16zzzzp",
    "gold16zzzzq",
    "gold16zzzzr",
    "gold16zzzzs",
    "gold16zzzzt",
    "gold16zzzzu",
    "gold16zzzzv",
    "gold16zzzzw",
    "gold16zzzzx",
    "gold16zzzzy",
    "gold16zzzzz",
    "gold16zzzzza",
    "gold16zzzzzb",
    "gold16zzzzzc",
    "gold16zzzzzd",
    "gold16zzzzze",
    "gold16zzzzzf",
    "gold16zzzzzg",
    "gold16zzzzzh",
    "gold16zzzzzi",
    "gold16zzzzzj",
    "gold16zzzzzk",
    "gold16zzzzzl",
    "gold16zzzzzm",
    "gold16zzzzzn",
    "gold16zzzzzo",
    "gold16zzzzzp",
    "gold16zzzzzq",
    "gold16zzzzzr",
)
HALVES = ("dev", "blind")

# Titles, ranks and degrees a system may put around a name (the scorer's own list).
_AFFIXES = tomllib.loads((GOLD / "name_affixes.toml").read_text(encoding="utf-8"))
_TITLES, _DEGREES = set(_AFFIXES["titles"]), set(_AFFIXES["degrees"])


def name_words(name: str) -> list[str]:
    text = unicodedata.normalize("NFKC", name).casefold()
    text = re.sub(r"[^\w\s-]", " ", text).replace("-", " ")
    words = text.split()
    while words and words[0] in _TITLES:
        words = words[1:]
    while words and words[-1] in _DEGREES:
        words = words[:-1]
    return words


def same_person(system: str, gold: str) -> bool:
    """The system name holds every word of the gold name (its full form, or a fuller one),
    spelt alike or in another spelling of it (search.indexing.official_variants's
    `spelling_key`, the facet's own: Muhadjir Effendy for Muhadjir Effendi), with a gold
    initial standing for a system word it begins ("BJ Habibie", "M Nasir" for Bacharuddin
    Jusuf Habibie, Mohamad Nasir) or left out by it (Yasonna Laoly for "Yasonna H Laoly"), or
    a word one letter apart (the article's "Tjahjo Kumulo" for Tjahjo Kumolo), words run
    together ("Khofifah Indarparawansa"), or the system's name is the gold's first and last
    words with some between (Retno Marsudi for "Retno Lestari Priansari Marsudi"); or the gazetteer of officials gives the gold name, in
    full, as a name of the official the system names ("Jokowi" for Joko Widodo)."""
    wanted = [spelling_key(w) for w in name_words(gold)]
    have = [spelling_key(w) for w in name_words(system)]  # one person's spellings alike
    if not wanted:
        return False
    if set(wanted) <= set(have) or _initials_stand_for(wanted, have):
        return True
    written_out = [w for w in wanted if len(w) > 1]
    if len(written_out) >= 2 and written_out == have:
        return True  # a middle initial the system leaves out: "Yasonna H Laoly", Yasonna Laoly
    if _one_letter_apart(wanted, have):
        return True  # the article's misspelling, the usual name: "Tjahjo Kumulo", Tjahjo Kumolo
    if "".join(wanted) == "".join(have):
        return True  # words run together: "Khofifah Indarparawansa", Khofifah Indar Parawansa
    if len(have) >= 2 and have[0] == wanted[0] and have[-1] == wanted[-1]:
        rest = iter(wanted)
        if all(word in rest for word in have):
            return True  # the usual short form: Retno Marsudi, "Retno Lestari Priansari Marsudi"
    gaz = gazetteer()
    for form in (gold.casefold(), " ".join(name_words(gold)).casefold(), alias_key(gold)):
        if form in gaz.by_alias and form not in gaz.partial:
            return gaz.by_alias[form][0] == system
    return False


def _one_letter_apart(wanted: list[str], have: list[str]) -> bool:
    """True when the names have the same words in order, one or more of them written out
    alike, the others of five letters or more with the same first letter and one letter
    added, dropped or changed ("Syarief" for Syarif, "Kumulo" for Kumolo)."""
    if len(wanted) != len(have) or len(wanted) < 2:
        return False
    alike = 0
    for one, other in zip(wanted, have, strict=True):
        if one == other:
            alike += 1
        elif (
            min(len(one), len(other)) < 5
            or one[0] != other[0]
            or Levenshtein.distance(one, other) > 1
        ):
            return False
    return 0 < alike < len(wanted)


def _initials_stand_for(wanted: list[str], have: list[str]) -> bool:
    """True when the gold words, each run of initials ("bj", "m") spelt out by the first
    letters of as many system words in a row, are system words in order, one of them
    written out in the gold name ("BS" alone stands for nobody)."""
    rest = iter(have)
    initials = full = 0
    for word in wanted:
        if len(word) <= 3 and word not in have:
            for letter in word:
                nxt = next(rest, None)
                if nxt is None or nxt[0] != letter:
                    return False
            initials += 1
        elif word not in rest:
            return False
        else:
            full += 1
    return bool(initials and full)


@dataclass
class Tally:
    right: int = 0
    judged: int = 0
    found: int = 0
    gold: int = 0
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.right / self.judged, 3) if self.judged else None,
            "recall": round(self.found / self.gold, 3) if self.gold else None,
            "system": self.judged,
            "gold": self.gold,
        }


def official_names(article: Article) -> list[str]:
    """The article's officials' names, each once, in order."""
    return list(dict.fromkeys(o.name for o in article.officials))


def score_officials(article: Article, gold: list[str], tally: Tally, where: str) -> None:
    score_names(official_names(article), gold, tally, where)


def score_names(names: list[str], gold: list[str], tally: Tally, where: str) -> None:
    """Tally one article's names (extraction's or another reader's) against its gold list."""
    tally.gold += len(gold)
    tally.judged += len(names)
    for name in names:
        if any(same_person(name, g) for g in gold):
            tally.right += 1
        else:
            tally.errors.append(f"{where}: official not in gold: {name!r}")
    for g in gold:
        if any(same_person(n, g) for n in names):
            tally.found += 1
        else:
            tally.errors.append(f"{where}: official missed: {g!r}")


def _gold_passages(body: str, item: dict) -> list[tuple[int, int, str, str | None]]:
    """(start, end, kind, speaker) of each gold passage found in the body."""
    marks: list[tuple[int, str, str | None, str]] = []
    for quote in item.get("quotes", []):
        marks.append((_find(body, quote["text"]), "quote", quote["speaker"], quote["text"]))
    for text in item.get("unattributed", []):
        marks.append((_find(body, text), "unattributed", None, text))
    for text in item.get("ambiguous", []):
        marks.append((_find(body, text), "ambiguous", None, text))
    placed = sorted(m for m in marks if m[0] >= 0)
    passages = []
    for k, (start, kind, speaker, _) in enumerate(placed):
        end = body.find("\n", start)
        end = len(body) if end < 0 else end
        if k + 1 < len(placed):
            end = min(end, max(placed[k + 1][0], start + 1))
        passages.append((start, end, kind, speaker))
    return passages


def _find(body: str, text: str) -> int:
    at = body.find(text)
    return at if at >= 0 else body.find(text[:25])


def _span(body: str, quote: Any) -> tuple[int, int]:
    start, end = getattr(quote, "start", None), getattr(quote, "end", None)
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(body):
        return start, end
    text = str(getattr(quote, "text", "") or "")
    at = body.find(text[:40])
    return (at, at + len(text)) if at >= 0 else (-1, -1)


def score_quotes(article: Article, item: dict, tally: Tally, where: str) -> None:
    body = article.body
    passages = _gold_passages(body, item)
    gold_quotes = [p for p in passages if p[2] == "quote"]
    tally.gold += len(item.get("quotes", []))
    found: set[int] = set()
    for quote in getattr(article, "quotes", None) or []:
        speaker = str(getattr(quote, "speaker", "") or "")
        start, end = _span(body, quote)
        overlapping = [
            k
            for k, (p_start, p_end, _, _) in enumerate(passages)
            if min(end, p_end) > max(start, p_start)
        ]
        best = min(overlapping, key=lambda k: abs(passages[k][0] - start), default=None)
        label = f"{where}: {speaker or '-'} <- {str(getattr(quote, 'text', ''))[:50]!r}"
        if best is None:
            tally.judged += 1
            tally.errors.append(f"{label}: no gold quote there")
            continue
        _, _, kind, gold_speaker = passages[best]
        if kind == "ambiguous" or (kind == "unattributed" and not speaker):
            continue
        tally.judged += 1
        if kind == "unattributed":
            tally.errors.append(f"{label}: unattributed in gold")
        elif gold_speaker and same_person(speaker, gold_speaker):
            tally.right += 1
            found.add(best)
        else:
            tally.errors.append(f"{label}: gold speaker {gold_speaker!r}")
    tally.found += len(found)
    for k, (p_start, _, kind, gold_speaker) in enumerate(passages):
        if kind == "quote" and k not in found:
            tally.errors.append(
                f"{where}: quote missed: {gold_speaker} <- {body[p_start : p_start + 50]!r}"
            )
    missing = len(item.get("quotes", [])) - len(gold_quotes)
    if missing:
        tally.errors.append(f"{where}: {missing} gold quote(s) not in the extracted body")


def _in(needle: str, hay: str) -> bool:
    return " ".join(needle.split()) in " ".join(hay.split())


# A chrome line this short leaks as a paragraph of its own, or as initials or a credit glued to
# a paragraph's end ("... kata dia. (mdk/gil)"); elsewhere inside the story's text it is the
# story's words ("TEMPO.CO" in "TEMPO.CO, Jakarta -", a tag naming the story's subject).
_SHORT_CHROME_CHARS = 25
_GLUED = re.compile(r"^[(\[].*[)\]]$|/")


def _leaks(line: str, body: str) -> bool:
    if len(line) >= _SHORT_CHROME_CHARS:
        return _in(line, body)
    wanted = " ".join(line.split())
    paragraphs = [" ".join(p.split()) for p in body.split("\n\n")]
    glued = _GLUED.search(wanted) is not None
    return any(p == wanted or (glued and p.endswith(" " + wanted)) for p in paragraphs)


def _articles(folder: Path) -> list[dict]:
    """The corpus articles' truth of one half (a set of raw pages only has none)."""
    path = folder / "articles.toml"
    if not path.is_file():
        return []
    return tomllib.loads(path.read_text(encoding="utf-8"))["article"]


def _pages(folder: Path) -> list[dict]:
    """The raw pages' truth of one half (a set of corpus articles only has none)."""
    path = folder / "pages.toml"
    if not path.is_file():
        return []
    return tomllib.loads(path.read_text(encoding="utf-8"))["page"]


def score_half(folder: Path, records: dict[str, dict]) -> dict[str, Any]:
    articles = _articles(folder)
    pages = _pages(folder)
    officials, quotes = Tally(), Tally()
    page_errors: list[str] = []
    titles = dates = sources = leaks = complete = leaked_lines = chrome_lines = 0
    for item in articles:
        article = extract_record(records[item["id"]]).article
        score_officials(article, item["officials"], officials, item["id"])
        score_quotes(article, item, quotes, item["id"])
    for item in pages:
        where = item["file"]
        text = (folder / item["file"]).read_text(encoding="utf-8")
        try:
            article = extract_article(text, Path(item["file"]).stem).article
        except SeedError as exc:
            page_errors.append(f"{where}: no article ({exc})")
            officials.gold += len(item["officials"])
            quotes.gold += len(item["quotes"])
            chrome_lines += len(item["not_body"])
            continue
        if article.title.strip() == item["title"]:
            titles += 1
        else:
            page_errors.append(f"{where}: title {article.title!r}")
        date = article.date
        if date is not None and date.iso() == item["date"] and date.precision == item["precision"]:
            dates += 1
        else:
            page_errors.append(f"{where}: date {date.iso() if date else None}")
        source = (article.source or "").casefold().removeprefix("www.")
        named = [item["source"], *item.get("source_also", [])]  # domains: any case
        if source in {name.casefold().removeprefix("www.") for name in named}:
            sources += 1
        else:
            page_errors.append(f"{where}: source {article.source!r}")
        leaked = [line for line in item["not_body"] if _leaks(line, article.body)]
        leaks += bool(leaked)
        leaked_lines += len(leaked)
        chrome_lines += len(item["not_body"])
        page_errors += [f"{where}: body holds {line[:60]!r}" for line in leaked]
        if _in(item["body_first"], article.body) and _in(item["body_last"], article.body):
            complete += 1
        else:
            page_errors.append(f"{where}: body incomplete")
        score_officials(article, item["officials"], officials, where)
        score_quotes(article, item, quotes, where)
    n = len(pages)
    return {
        "articles": len(articles),
        "pages": n,
        "titles": round(titles / n, 3) if n else None,
        "dates": round(dates / n, 3) if n else None,
        "sources": round(sources / n, 3) if n else None,
        "body_leak_pages": round(leaks / n, 3) if n else None,
        "body_leak_lines": round(leaked_lines / chrome_lines, 3) if chrome_lines else None,
        "body_complete": round(complete / n, 3) if n else None,
        "officials": officials.as_dict(),
        "quotes": quotes.as_dict(),
        "_errors": page_errors + officials.errors + quotes.errors,
    }


PUBLISHER_SHAPES = {
    "kompas",
    "okezone",
    "sindonews",
    "tempo",
    "tribunnews",
    "wowkeren",
    "merdeka",
    "liputan6",
    "posmetro-medan",
    "detik",
    "kapanlagi",
    "fimela",
    "blogger",
}


def _check_people(item: dict, where: str) -> list[str]:
    problems = []
    officials = item.get("officials")
    if not isinstance(officials, list) or not all(isinstance(o, str) and o for o in officials):
        problems.append(f"{where}: officials must be a list of names")
    elif len(set(officials)) != len(officials):
        problems.append(f"{where}: an official listed twice")
    for quote in item.get("quotes") or []:
        if set(quote) != {"speaker", "text"} or not quote["speaker"] or not quote["text"]:
            problems.append(f"{where}: a quote needs a speaker and a text: {quote}")
    if "quotes" not in item or "unattributed" not in item:
        problems.append(f"{where}: quotes and unattributed are required")
    for kind in ("unattributed", "ambiguous"):
        if not all(isinstance(text, str) for text in item.get(kind, [])):
            problems.append(f"{where}: {kind} holds texts (strings)")
    return problems


def check_gold() -> list[str]:
    """Problems in the gold files: missing fields, texts not in their page, halves unbalanced.

    Checks every set; an article may be in only one of them."""
    problems: list[str] = []
    ids: list[str] = []
    for name in SETS:
        for half in HALVES:
            if (DATA / name / half).is_dir():  # gold16g: a dev half only, for tuning
                problems += _check_half(DATA / name, f"{name}/{half}", ids)
    if len(ids) != len(set(ids)):
        problems.append("an article is in the gold twice")
    return problems


def _check_half(root: Path, label: str, ids: list[str]) -> list[str]:
    problems: list[str] = []
    folder = root / label.rsplit("/", 1)[1]
    articles = _articles(folder)
    pages = _pages(folder)
    # A set of corpus articles only: its quoted texts are checked against the records.
    records = {} if pages else records_with_ids({a.get("id", "") for a in articles})
    for item in articles:
        where = f"{label}/articles.toml {item.get('id')}"
        if not str(item.get("id", "")).startswith("clickid-") or not item.get("title"):
            problems.append(f"{where}: id and title are required")
        if item.get("stratum") not in {"speech", "rest", "news"}:
            problems.append(f"{where}: stratum must be speech, rest or news")
        problems += _check_people(item, where)
        ids.append(item.get("id", ""))
        if item.get("id") in records:
            body = records[item["id"]].get("body") or ""
            for quote in item.get("quotes") or []:
                if quote.get("text") and not _in(quote["text"], body):
                    problems.append(f"{where}: {quote['text'][:40]!r} is not in the body")
    if not pages:
        return problems
    shapes = {Path(p["file"]).stem.rsplit("-", 1)[0] for p in pages}
    drawn = folder / "bodies.tsv"  # the shapes the half was drawn with (a publisher may be spent)
    wanted = (
        {line.split("\t")[0] for line in drawn.read_text(encoding="utf-8").splitlines()}
        if drawn.is_file()
        else PUBLISHER_SHAPES
    )
    if shapes != wanted:
        problems.append(f"{label}: pages miss publishers {sorted(wanted - shapes)}")
    for item in pages:
        where = f"{label}/{item.get('file')}"
        path = folder / str(item.get("file"))
        if not path.is_file():
            problems.append(f"{where}: no such page")
            continue
        text = path.read_text(encoding="utf-8")
        try:
            if ArticleDate.from_iso(item["date"]).precision != item["precision"]:
                problems.append(f"{where}: date {item['date']} is not {item['precision']}")
        except (KeyError, TypeError, ValueError):
            problems.append(f"{where}: date and precision are required")
        if not item.get("source") or item["source"] != item["source"].casefold():
            problems.append(f"{where}: source must be a lower-case domain")
        if not item.get("not_body"):
            problems.append(f"{where}: not_body is required")
        needles = [item.get("title", ""), item.get("body_first", ""), item.get("body_last", "")]
        needles += item.get("not_body", []) + item.get("unattributed", [])
        needles += [q.get("text", "") for q in item.get("quotes", [])]
        for needle in needles:
            if not needle or not _in(needle, text):  # a title may wrap over two lines
                problems.append(f"{where}: {needle[:40]!r} is not in the page")
        problems += _check_people(item, where)
    return problems


def _commit() -> str | None:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=GOLD
        )
    except OSError:
        return None
    return done.stdout.strip() or None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=SETS, default="gold16", dest="gold_set")
    parser.add_argument("--half", choices=("dev", "blind", "both"), default="both")
    parser.add_argument("--errors", action="store_true", help="list the dev half's mistakes")
    parser.add_argument("--check", action="store_true", help="only check the gold files")
    parser.add_argument(
        "--out", type=Path, help="the JSON file (default: bench/results/extract_gold-SET-HALF.json)"
    )
    args = parser.parse_args()
    if args.check:
        problems = check_gold()
        for problem in problems:
            print(problem)
        print(f"{', '.join(SETS)}: {len(problems)} problem(s)")
        raise SystemExit(1 if problems else 0)
    root = DATA / args.gold_set
    halves = HALVES if args.half == "both" else (args.half,)
    ids = set()
    for half in halves:
        ids |= {a["id"] for a in _articles(root / half)}
    records = records_with_ids(ids)
    result: dict[str, Any] = {
        "date": dt.date.today().isoformat(),
        "commit": _commit(),
        "set": args.gold_set,
    }
    for half in halves:
        figures = score_half(root / half, records)
        errors = figures.pop("_errors")
        result[half] = figures
        print(f"{half}:", json.dumps(figures))
        if args.errors and half == "dev":
            for error in errors:
                print("  ", error)
    out = args.out or RESULTS_DIR / f"extract_gold-{args.gold_set}-{args.half}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
