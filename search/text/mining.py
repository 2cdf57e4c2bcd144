"""Word lists mined from a corpus of articles, written to `search/data/` as reviewable files.

- Names: words written with a capital letter inside a sentence nearly every time they occur
  (Kediri, Bekasi, Kejagung) and that Sastrawi would cut to a different root are protected
  from stemming (`protected_mined.txt`).
- Names that share a root with common words: words written with a capital letter in a good
  share of their occurrences (Serang the city, Ganjar the governor) whose root other words of
  the corpus also have (menyerang, serangan; ganjaran), with that share
  (`capitalised_mined.tsv`): a query for one ranks the articles that have only the other
  words lower (`search.retrieval.ranking`).
- Acronyms: "Komisi Pemberantasan Korupsi (KPK)", "KPK (Komisi Pemberantasan Korupsi)",
  "KPK atau Komisi Pemberantasan Korupsi" and "Komisi Pemberantasan Korupsi atau KPK" written
  in a text give the pair KPK ⇄ Komisi Pemberantasan Korupsi when the acronym's letters are
  the initials of the words beside it (a linking word's initial kept or left out: KDRT for
  "Kekerasan Dalam Rumah Tangga", UMKM for "Usaha Mikro Kecil dan Menengah"); short forms
  written with lower-case letters ("Tindak Pidana Korupsi (Tipikor)", "Kemenkeu (Kementerian
  Keuangan)") when they are parts of the words, one after the other, as Indonesian short
  forms are made (a word's first letter and later letters of it in order, "Dishub" of "Dinas
  Perhubungan", "Menpora" of "Menteri Pemuda dan Olahraga"; or its last letters, "Pansus" of
  "Panitia Khusus"), and are no dictionary word the corpus mostly writes in lower case
  ("persis": exactly); a short form of two words ("Satpol PP") when the corpus writes its first
  word nearly always with the second; an official's alias (Jokowi) is left to the officials
  gazetteer (`glossary_mined.toml`).
- Short names: a person written by the start of their name, capitalised ("Sandi" for
  Sandiaga, "Enggar" for Enggartiasto), where the short and the full form are each written in
  at least MIN_SHORT_NAME_SHARE of the articles that write the other (`short_names_mined.toml`,
  less the pairs `person_names.toml` rejects): a query for the short name also finds the
  articles that write the full one (`search.query.plan`).
- Common phrases that hold a place's name: a place of several words of the gazetteer
  (`multi_word_places`) that the corpus writes in lower case inside sentences more often than
  capitalised ("batu bara": coal, "air putih": water), or does so after a word (the new
  capital, "ibu kota baru", not the district of Kota Baru), at least MIN_COMMON_PHRASE times
  (`place_phrases_mined.txt`): a query does not read them as the place (`search.query.plan`).
- Compounds: two words written together in lower case inside sentences at least
  MIN_COMPOUND times, the second written after the first in more than MIN_COMPOUND_SHARE of
  its occurrences ("lalu lintas": traffic; "rumah tangga", "bulu tangkis")
  (`compounds_mined.txt`): a query reads them as one concept, weighing as one word
  (`search.query.plan`), not as "lalu" (then) and "lintas" (across) apart.
- Joined spellings: two words the corpus also writes as one, each spelling at least
  MIN_JOINED times ("ibu kota" and "ibukota", "kerja sama" and "kerjasama")
  (`joined_spellings_mined.txt`): a query for either spelling finds both
  (`search.query.plan`).
- Stems: Sastrawi's stem of every stemmable word of the corpus (`stems_sastrawi.tsv.gz`), so
  a build looks them up instead of running Sastrawi on each (44 s of CPU for the corpus's
  110,000 words, paid again by every build worker).

Run by hand after the corpus changes, then review the diff:

    python -m search.text.mining ../shared/corpus/clickid-2019/clickid-2019.jsonl
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import sys
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator
from pathlib import Path

from search.lexicon import multi_word_places, root_words, stopwords
from search.text.case import is_capitalised, words_inside_sentences
from search.text.glossary import SHORT_ACRONYM

log = logging.getLogger(__name__)

# A capitalised word of three letters or more, not the second half of a hyphenated name.
_CAPITALISED = re.compile(r"(?<![\w-])[A-Z][a-z]{2,}\b")
# "Long Form (ACR)": up to 8 words before an all-capitals acronym in brackets; "Long Form
# atau ACR", the same before "atau".
_ACRONYM = re.compile(r"((?:[A-Za-z]+ ){1,8})\(([A-Z]{2,8})\)")
_ACRONYM_AFTER_OR = re.compile(r"((?:[A-Za-z]+ ){1,8})atau ([A-Z]{2,8})\b")
# "ACR (Long Form)": the acronym, then 2 to 8 words in brackets; "ACR atau Long Form", up to
# 8 words after "atau". Three letters or more: a two-letter one in front of a name in brackets
# is most often someone's initials ("FB (Firli Bahuri)").
_ACRONYM_BEFORE = re.compile(r"\b([A-Z]{3,8}) \(((?:[A-Za-z]+ ){1,7}[A-Za-z]+)\)")
_ACRONYM_BEFORE_OR = re.compile(r"\b([A-Z]{3,8}) atau ((?:[A-Za-z]+ ){1,7}[A-Za-z]+)")
# The same with a short form made of parts of the words, written with a capital and
# lower-case letters: "Tindak Pidana Korupsi (Tipikor)", "Kemenkeu (Kementerian Keuangan)".
_SHORT_FORM = r"[A-Z][A-Za-z]*[a-z][A-Za-z]*"
# In brackets after its long form, a short form may have a second word of capitals: "Satuan
# Polisi Pamong Praja (Satpol PP)" (see `heads_of_many`).
_SHORT = re.compile(rf"((?:[A-Za-z]+ ){{1,8}})\(({_SHORT_FORM}(?: [A-Z]{{2,4}})?)\)")
_SHORT_AFTER_OR = re.compile(rf"((?:[A-Za-z]+ ){{1,8}})atau ({_SHORT_FORM})\b")
_SHORT_BEFORE = re.compile(rf"\b({_SHORT_FORM}) \(((?:[A-Za-z]+ ){{1,7}}[A-Za-z]+)\)")
_SHORT_BEFORE_OR = re.compile(rf"\b({_SHORT_FORM}) atau ((?:[A-Za-z]+ ){{1,7}}[A-Za-z]+)")
# A short form the corpus writes in lower case more often than this inside sentences is a
# word of its own ("persis": exactly), not only the short form.
MAX_SHORT_FORM_LOWER = 0.5
# Lower-case words a long form may contain without an initial in the acronym.
_LINKING = frozenset({"dan", "dalam", "untuk", "atas", "dari", "serta", "di", "ke", "pada"})

MIN_NAME_COUNT = 8
MIN_CAPITAL_SHARE = 0.92
MIN_PAIR_COUNT = 3
# An acronym in capitals of four letters or more spelt by its long form's initials is a strict
# match: written so twice is enough ("Rumah Tahanan (Rutan)" needs three, "Perjanjian Kerja
# Waktu Tertentu (PKWT)" two; a shorter one has many meanings: "PB" is Paku Buwono twice and
# PB Djarum hundreds of times, "THT" a pension scheme twice and an ear doctor's trade), when
# the corpus writes it otherwise than in capitals in at most MAX_UNCAPPED_SHARE of its
# occurrences: "Tora" is an actor, "wide" an English word, more often than an acronym.
MIN_INITIALS_PAIR_COUNT = 2
MAX_UNCAPPED_SHARE = 0.2
# Words capitalised less often than this are listed as no name (their share changes little).
MIN_LISTED_SHARE = 0.25
# A short name and its full form: each written in at least this share of the articles that
# write the other (both capitalised inside a sentence), at least MIN_PAIR_COUNT articles, the
# short one MIN_SHORT_NAME letters or more and mostly capitalised, the full one nearly always.
MIN_SHORT_NAME_SHARE = 0.25
MIN_SHORT_NAME = 4
# A place's name written in lower case at least this often, and more often than capitalised,
# is a common phrase (alone, or after a word).
MIN_COMMON_PHRASE = 5
# Two words are a compound when the second follows the first in more than this share of its
# occurrences inside sentences, the two written in lower case at least MIN_COMPOUND times.
MIN_COMPOUND_SHARE = 0.5
MIN_COMPOUND = 20
CAPITALISED_FILE = "capitalised_mined.tsv"
COMPOUNDS_FILE = "compounds_mined.txt"
MIN_JOINED = 3
JOINED_FILE = "joined_spellings_mined.txt"
PLACE_PHRASES_FILE = "place_phrases_mined.txt"
SHORT_NAMES_FILE = "short_names_mined.toml"
NAME_ROOTS_FILE = "name_roots_mined.txt"
ACRONYMS_TYPED_FILE = "acronyms_typed_mined.txt"
# A mined acronym of SHORT_ACRONYM letters written in capitals in at least this share of its
# occurrences as a word (any case) is the acronym when a query types it in lower case.
MIN_ACRONYM_CAPITALS_SHARE = 0.9


def capital_counts(texts: Iterable[str]) -> tuple[Counter[str], Counter[str]]:
    """(capitalised, lower-case) occurrences of each lower-cased word, skipping the first word
    of each sentence or line (always capitalised) and all-capitals words (acronyms)."""
    capital: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for text in texts:
        for word in words_inside_sentences(text):
            if is_capitalised(word):
                capital[word.lower()] += 1
            elif word.islower():
                lower[word] += 1
    return capital, lower


def mine_names(
    counts: tuple[Counter[str], Counter[str]], stem: Callable[[str], str] | None = None
) -> list[str]:
    """Lower-case words that are almost always capitalised (`counts`, from `capital_counts`)
    and that stemming would change (`stem` defaults to Sastrawi itself, without Cari's
    protected lists)."""
    from search.text.analyzer import sastrawi_stem

    stem_fn = stem or sastrawi_stem
    capital, lower = counts
    names = []
    for word, count in capital.items():
        total = count + lower[word]
        common = total >= MIN_NAME_COUNT and len(word) > 3
        if common and count / total >= MIN_CAPITAL_SHARE and stem_fn(word) != word:
            names.append(word)
    return sorted(names)


def capital_shares(
    counts: tuple[Counter[str], Counter[str]],
    vocabulary: Iterable[str],
    stem: Callable[[str], str] | None = None,
) -> dict[str, float]:
    """Lower-case words capitalised in at least MIN_LISTED_SHARE of their (MIN_NAME_COUNT or
    more) occurrences inside a sentence (`counts`, from `capital_counts`), whose root (`stem`:
    Cari's, protections included, as the index stems) another word of `vocabulary` has, with
    that share."""
    from search.text.analyzer import stem_word

    stem_fn = stem or stem_word
    vocabulary = set(vocabulary)
    roots: dict[str, int] = Counter(stem_fn(w) for w in vocabulary)
    capital, lower = counts
    shares: dict[str, float] = {}
    for word, count in capital.items():
        total = count + lower[word]
        if total < MIN_NAME_COUNT or count / total < MIN_LISTED_SHARE:
            continue
        others = roots[stem_fn(word)] - (word in vocabulary)
        if others > 0:
            shares[word] = count / total
    return shares


def name_roots(counts: tuple[Counter[str], Counter[str]], roots: Iterable[str]) -> list[str]:
    """Dictionary roots written inside sentences with a capital letter at least as often as in
    lower case (`counts`, from `capital_counts`): "hatta", "perkasa", "budiman" name people
    more often than not; "prestasi", "tingkat", "makro" are words ("Deputi Peningkatan
    Prestasi Olahraga", "Ketua Pengadilan Tingkat Banding")."""
    capital, lower = counts
    return sorted(w for w in roots if capital[w] and capital[w] >= lower[w])


def acronym_pairs(texts: Iterable[str]) -> Counter[tuple[str, str]]:
    """(ACRONYM, "Long Form") pairs written as "Long Form (ACR)", "Long Form atau ACR", "ACR
    (Long Form)" or "ACR atau Long Form", counted; short forms of parts of the words
    ("Tipikor") too. Each pattern of `_PAIR_PATTERNS` says which group holds the short form
    and how its words are aligned with it."""
    pairs: Counter[tuple[str, str]] = Counter()
    for text in texts:
        for pattern, short_group, align in _PAIR_PATTERNS:
            words_group = 2 if short_group == 1 else 1
            for m in pattern.finditer(text):
                short = m.group(short_group)
                long_form = align(m.group(words_group).split(), short)
                if long_form:
                    pairs[(short, long_form)] += 1
    return pairs


# An acronym spelt by a long form in lower case has at least this many letters: two lower-case
# words before "(DO)" or "(RA)" were "drop out" and "rheumatoid arthritis" a few times, but the
# corpus writes DO and RA mostly for other things (initials, names).
MIN_LOWER_CASE_ACRONYM = 3


def _one_case(content: list[str], acronym: str) -> bool:
    """Whether a long form's content words are all capitalised ("Komisi Pemberantasan
    Korupsi") or, but for the first, all in lower case, as a common noun's long form is
    written ("pemutusan hubungan kerja (PHK)", "kekerasan dalam rumah tangga"; an acronym of
    MIN_LOWER_CASE_ACRONYM letters or more)."""
    if all(w[0].isupper() for w in content):
        return True
    # the first word may open a sentence ("Pemutusan hubungan kerja (PHK) terus ...")
    return len(acronym) >= MIN_LOWER_CASE_ACRONYM and all(w.islower() for w in content[1:])


def _align_head(words: list[str], acronym: str, *, whole: bool) -> str | None:
    """The words after an acronym that spell it with their initials, all capitalised or all
    in lower case: all of them (`whole`: the words in brackets), or the shortest head of
    them."""
    letters = acronym.lower()
    for end in (len(words),) if whole else range(1, len(words) + 1):
        head = words[:end]
        content = [w for w in head if w.lower() not in _LINKING]
        if len(content) > len(letters) or head[0].lower() in _LINKING:
            return None
        if not _one_case(content, acronym):
            return None
        if head[-1].lower() not in _LINKING and _spelt_by_initials(letters, head):
            return " ".join(head)
    return None


def _align(words: list[str], acronym: str) -> str | None:
    """The shortest tail of `words` whose initials, all capitalised or all in lower case,
    spell the acronym."""
    letters = acronym.lower()
    for start in range(len(words) - 1, -1, -1):
        tail = words[start:]
        if tail[0].lower() in _LINKING:
            continue
        content = [w for w in tail if w.lower() not in _LINKING]
        if len(content) < 2:
            continue
        if _one_case(content, acronym) and _spelt_by_initials(letters, tail):
            return " ".join(tail)
        if len(content) > len(letters):
            return None
    return None


def _spelt_by_initials(letters: str, words: list[str]) -> bool:
    """Whether `letters` are the initials of `words`: one of each word, none or one of a
    linking word ("Kekerasan Dalam Rumah Tangga" spells KDRT; "Badan Usaha Milik Negara dan
    Daerah" may leave out "dan")."""
    ends = {0}  # how many letters the words so far can spell
    for word in (w.lower() for w in words):
        least = 0 if word in _LINKING else 1
        ends = {
            end + n for end in ends for n in range(least, 2) if letters[end : end + n] == word[:n]
        }
        if not ends:
            return False
    return len(letters) in ends


def _spelt_by_parts(letters: str, words: list[str]) -> bool:
    """Whether `letters` are parts of `words` one after the other, as Indonesian short forms
    are made: of each word (after the first, also of the word without its prefix:
    (per)hub(ungan) in Kemenhub) its first letter and any of its later letters in order
    ("Dishub": Di(na)s (Per)hub(ungan); "Menpora": Men(teri) P(emuda) O(lah)ra(ga)), or its
    last letters, two or more ("Pansus": Pan(itia) (Khu)sus; "Kejari": Ke(jaksaan)
    (Nege)ri); none or some of a linking word ("dan")."""
    ends = {0}  # how many letters the words so far can spell
    for index, word in enumerate(w.lower() for w in words):
        linking = word in _LINKING
        stems = [word] if index == 0 else _without_prefix(word)
        after = set(ends) if linking else set()
        for end in ends:
            for stem in stems:
                after.update(end + n for n in _letters_in_order(letters, end, stem))
            if not linking:
                after.update(
                    end + n for n in range(2, len(word)) if letters[end : end + n] == word[-n:]
                )
        ends = after
        if not ends:
            return False
    return len(letters) in ends


def _letters_in_order(letters: str, start: int, word: str) -> list[int]:
    """How many of `letters` from `start` on are the first letter of `word` and, after it,
    letters of `word` in order (each of those counts, from 1)."""
    if start >= len(letters) or not word or letters[start] != word[0]:
        return []
    counts, at = [1], 1
    for letter in letters[start + 1 :]:
        at = word.find(letter, at) + 1
        if not at:
            break
        counts.append(counts[-1] + 1)
    return counts


_WORD_PREFIXES = ("per", "pe", "ke", "ber", "pen", "pem", "peng")


def _without_prefix(word: str) -> list[str]:
    """The word, and the word without a derivational prefix ("perhubungan": "hubungan")."""
    return [word] + [word[len(p) :] for p in _WORD_PREFIXES if word.startswith(p)]


def _is_long_form(words: list[str]) -> bool:
    """Two words or more, each capitalised or a linking word, the first and last not linking."""
    content = [w for w in words if w.lower() not in _LINKING]
    edges = words[0].lower() not in _LINKING and words[-1].lower() not in _LINKING
    return edges and len(content) >= 2 and all(w[0].isupper() for w in content)


def _align_parts(words: list[str], short: str) -> str | None:
    """The shortest tail of `words` whose parts spell the short form (of one word or two:
    "Satpol PP")."""
    letters = short.replace(" ", "").lower()
    for start in range(len(words) - 2, -1, -1):
        tail = words[start:]
        if _is_long_form(tail) and _spelt_by_parts(letters, tail):
            return " ".join(tail)
    return None


def _head_of_parts(words: list[str], short: str, *, whole: bool) -> str | None:
    """The words after a short form whose parts spell it: all of them (`whole`), or the
    shortest head of them."""
    letters = short.lower()
    for end in range(2, len(words) + 1) if not whole else (len(words),):
        head = words[:end]
        if _is_long_form(head) and _spelt_by_parts(letters, head):
            return " ".join(head)
    return None


# (pattern, the group holding the short form, the aligner of the other group's words with it).
_PAIR_PATTERNS: tuple[tuple[re.Pattern[str], int, Callable[[list[str], str], str | None]], ...] = (
    (_SHORT, 2, _align_parts),
    (_SHORT_AFTER_OR, 2, _align_parts),
    (_SHORT_BEFORE, 1, lambda words, short: _head_of_parts(words, short, whole=True)),
    (_SHORT_BEFORE_OR, 1, lambda words, short: _head_of_parts(words, short, whole=False)),
    (_ACRONYM, 2, _align),
    (_ACRONYM_AFTER_OR, 2, _align),
    (_ACRONYM_BEFORE, 1, lambda words, short: _align_head(words, short, whole=True)),
    (_ACRONYM_BEFORE_OR, 1, lambda words, short: _align_head(words, short, whole=False)),
)


def common_short_forms(
    pairs: dict[str, list[str]], counts: tuple[Counter[str], Counter[str]]
) -> set[str]:
    """The short forms with lower-case letters (not all capitals) that are a dictionary word
    (a Sastrawi root) `counts` (from `capital_counts`) show written in lower case inside
    sentences more often than MAX_SHORT_FORM_LOWER: words of their own ("persis": exactly;
    "permen": a sweet). News writes many short forms in lower case ("prolegnas", "capim"):
    no word of the dictionary, they stay."""
    capital, lower = counts
    roots = root_words()
    common = set()
    for short in pairs:
        if short.isupper():
            continue
        word = short.lower()
        if word not in roots:
            continue
        total = capital[word] + lower[word]
        if total and lower[word] / total > MAX_SHORT_FORM_LOWER:
            common.add(short)
    return common


# A short form of two words ("Satpol PP") is listed by its first word, the one term the
# analyzer reads: only where the corpus writes that word followed by the second in at least
# this share of its occurrences. "Komnas" is also Komnas Perempuan, "Dirjen" and "Sudin" head
# many bodies: listed, they would spell one of them everywhere.
MIN_HEAD_SHARE = 0.9


def heads_of_many(pairs: dict[str, list[str]], texts: Iterable[str]) -> set[str]:
    """The short forms of two words in `pairs` whose first word `texts` write followed by
    the second in less than MIN_HEAD_SHARE of its occurrences."""
    patterns = {
        short: re.compile(rf"\b{re.escape(head)}\b(?:[ -]({re.escape(rest)})\b)?")
        for short in pairs
        if " " in short
        for head, rest in [short.split(" ", 1)]
    }
    if not patterns:
        return set()
    seen = {short: [0, 0] for short in patterns}  # occurrences, followed by the second word
    for text in texts:
        for short, pattern in patterns.items():
            for m in pattern.finditer(text):
                seen[short][0] += 1
                seen[short][1] += m.group(1) is not None
    return {short for short, (total, whole) in seen.items() if whole < MIN_HEAD_SHARE * total}


_WORD = re.compile(r"\b[A-Za-z]+\b")


def written_words(texts: Iterable[str]) -> Counter[str]:
    """Each word of `texts` as written (its case kept), counted: one pass over a corpus for
    `seldom_in_capitals` and `stem_collisions`."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_WORD.findall(text))
    return counts


def acronyms_typed(acronyms: Iterable[str], words: Counter[str]) -> list[str]:
    """The acronyms of SHORT_ACRONYM letters (lower case) that the corpus writes in capitals
    in at least MIN_ACRONYM_CAPITALS_SHARE of its occurrences as a word, sorted (`words`:
    `written_words`): typed in lower case in a query, such a word means the acronym ("sdm",
    "phk"), not an English word or a name that is also one ("the", "spa", "Nuh")."""
    totals: Counter[str] = Counter()
    for word, count in words.items():
        if len(word) == SHORT_ACRONYM:
            totals[word.lower()] += count
    return sorted(
        a
        for a in set(acronyms)
        if len(a) == SHORT_ACRONYM
        and totals[a]
        and words[a.upper()] >= MIN_ACRONYM_CAPITALS_SHARE * totals[a]
    )


def write_acronyms_typed(
    acronyms: Iterable[str], words: Counter[str], data_dir: Path, corpus_name: str
) -> int:
    """`acronyms_typed_mined.txt`: the `acronyms_typed` of the mined glossary's acronyms."""
    what = (
        f"mined acronyms of {SHORT_ACRONYM}\n"
        f"# letters written in capitals in at least {MIN_ACRONYM_CAPITALS_SHARE:.0%} of their"
        " occurrences as a word.\n"
        "# Typed in lower case in a query, such a word is the acronym (search.text.glossary)."
    )
    found = acronyms_typed(acronyms, words)
    return _write_mined(data_dir, ACRONYMS_TYPED_FILE, corpus_name, what, found)


def seldom_in_capitals(pairs: dict[str, list[str]], words: Counter[str]) -> set[str]:
    """The acronyms in capitals of `pairs` that the corpus (`words`, from `written_words`)
    writes otherwise (capitalised or in lower case: "Tora", "wide") in more than
    MAX_UNCAPPED_SHARE of their occurrences."""
    wanted = {short.lower() for short in pairs if short.isupper()}
    capped: Counter[str] = Counter()
    uncapped: Counter[str] = Counter()
    for word, count in words.items():
        lower = word.lower()
        if lower in wanted:
            (capped if word.isupper() else uncapped)[lower] += count
    return {
        short
        for short in pairs
        if short.isupper()
        and uncapped[short.lower()]
        > MAX_UNCAPPED_SHARE * (capped[short.lower()] + uncapped[short.lower()])
    }


def stem_collisions(pairs: dict[str, list[str]], words: Counter[str]) -> set[str]:
    """The short forms of `pairs` that other words of the corpus (`words`, from
    `written_words`) have as their root more often than it writes the short form itself: the
    index matches an acronym by its root, so "Gema" (Gerakan Pemuda) would find *menggema*
    (echoes), "Kobar" (Kotawaringin Barat) *berkobar* (blazes)."""
    from search.text.analyzer import stem_word, use_stem_table

    use_stem_table()
    keys = {short.split()[0].lower(): short for short in pairs}
    own: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for word, count in words.items():
        lower = word.lower()
        if lower in keys:
            own[lower] += count
        elif (root := stem_word(lower)) in keys:
            other[root] += count
    return {keys[key] for key, count in other.items() if count > own[key]}


def regions_named(pairs: dict[str, list[str]]) -> set[str]:
    """The short forms in `pairs` that are the name of a region (a province, regency or city of
    `place_names.txt`) while their long forms are none: "Karo" is Kepala Biro in a police
    spokesman's title, and Tanah Karo's regency far more often."""
    from search.lexicon import place_names

    regions = {name for name, kind in place_names().items() if kind == "region"}
    return {
        short
        for short, forms in pairs.items()
        if short.lower() in regions and not any(f.lower() in regions for f in forms)
    }


def officials_short_names(pairs: dict[str, list[str]]) -> set[str]:
    """The acronyms that are an official's alias in the gazetteer (`officials.toml`) and long
    enough for the index to write (Jokowi for Joko Widodo): the officials' tags already find
    the articles naming them, however they write the name."""
    from search.lexicon import load_toml
    from search.text.glossary import SHORT_ACRONYM

    aliases = {
        alias.lower()
        for official in load_toml("officials.toml").get("official", [])
        for alias in [official["name"], *official.get("aliases", [])]
    }
    return {a for a in pairs if len(a) > SHORT_ACRONYM and a.lower() in aliases}


def best_pairs(
    pairs: Counter[tuple[str, str]],
    min_count: int = MIN_PAIR_COUNT,
    min_initials_count: int = MIN_INITIALS_PAIR_COUNT,
) -> dict[str, list[str]]:
    """Each acronym's long forms seen at least `min_count` times (`min_initials_count` for an
    acronym in capitals of more than SHORT_ACRONYM letters) and at least a third as often as
    its most frequent one (an ambiguous acronym keeps only its usual meanings)."""
    out: dict[str, list[str]] = {}
    top: dict[str, int] = {}
    for (acronym, long_form), count in pairs.most_common():
        top.setdefault(acronym, count)
        strict = acronym.isupper() and len(acronym) > SHORT_ACRONYM
        least = min_initials_count if strict else min_count
        if count >= max(least, top[acronym] / 3):
            forms = out.setdefault(acronym, [])
            if long_form.lower() not in (f.lower() for f in forms):
                forms.append(long_form)
    return out


def short_names(texts: Iterable[str], counts: tuple[Counter[str], Counter[str]]) -> dict[str, str]:
    """Short names (lower case) with the full name each starts (`counts`: the words'
    capitalisation, from `capital_counts`): both written capitalised inside a sentence, the
    full one nearly always (MIN_CAPITAL_SHARE), the short one mostly, and each in at least
    MIN_SHORT_NAME_SHARE of the texts that write the other; of two full names, the one
    written with it most."""
    capital, lower = counts
    texts_of: dict[str, set[int]] = {}
    for i, text in enumerate(texts):
        for word in set(_CAPITALISED.findall(text)):
            texts_of.setdefault(word.lower(), set()).add(i)

    def share(word: str) -> float:
        total = capital[word] + lower[word]
        return capital[word] / total if total >= MIN_NAME_COUNT else 0.0

    found: dict[str, tuple[int, str]] = {}
    for full, full_texts in texts_of.items():
        if share(full) < MIN_CAPITAL_SHARE:
            continue
        for end in range(MIN_SHORT_NAME, len(full) - 1):
            short = full[:end]
            if short not in texts_of or share(short) < 0.5:
                continue
            both = len(texts_of[short] & full_texts)
            shares = (both / len(full_texts), both / len(texts_of[short]))
            paired = both >= MIN_PAIR_COUNT and min(shares) >= MIN_SHORT_NAME_SHARE
            if paired and both > found.get(short, (0, ""))[0]:
                found[short] = (both, full)
    return {short: full for short, (_, full) in found.items()}


def write_short_names(names: dict[str, str], data_dir: Path, corpus_name: str) -> int:
    """`short_names_mined.toml`: the short names, less those `person_names.toml` rejects."""
    from search.lexicon import load_toml

    rejected = {w.lower() for w in load_toml("person_names.toml").get("not_short_names", [])}
    kept = {short: full for short, full in names.items() if short not in rejected}
    lines = [
        f"# Mined by `python -m search.text.mining` from {corpus_name}: a name written by its start",
        "# (capitalised, inside a sentence) in articles that write it in full, each in at least",
        f"# {MIN_SHORT_NAME_SHARE:.0%} of the articles that write the other. A query for the short"
        " name also finds",
        "# the full one. Review the diff; reject a pair in person_names.toml (not_short_names).",
        "",
        "[short]",
        *(f"{short} = {_toml_string(full)}" for short, full in sorted(kept.items())),
    ]
    (data_dir / SHORT_NAMES_FILE).write_text("\n".join(lines) + "\n", "utf-8")
    return len(kept)


# A run of words with no punctuation between them (a clause).
_CLAUSE = re.compile(r"[A-Za-z]+(?:[^\S\n]+[A-Za-z]+)*")


def mine_place_phrases(
    texts: Iterable[str], places: Iterable[tuple[str, ...]], stops: Container[str] = ()
) -> list[str]:
    """The common phrases that hold a place of several words (`places`, lower-case words):
    the place, or the place after a word not in `stops`, written inside a clause with its
    first word in lower case at least MIN_COMMON_PHRASE times and more often than
    capitalised (a clause's first word says nothing: it may open a sentence)."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for place in places:
        by_first.setdefault(place[0], []).append(place)
    counts: Counter[tuple[tuple[str, ...], bool]] = Counter()
    for text in texts:
        for clause in _CLAUSE.findall(text):
            words = clause.split()
            lower = [w.lower() for w in words]
            for i in range(1, len(words)):
                for place in by_first.get(lower[i], ()):
                    if tuple(lower[i : i + len(place)]) != place:
                        continue
                    written_lower = words[i].islower()
                    counts[place, written_lower] += 1
                    if lower[i - 1] not in stops:
                        counts[(lower[i - 1], *place), written_lower] += 1
    common = {
        phrase
        for (phrase, written_lower), n in counts.items()
        if written_lower and n >= MIN_COMMON_PHRASE and n > counts[phrase, False]
    }
    # A phrase with a word before a place already common alone adds nothing.
    return sorted(" ".join(p) for p in common if p[1:] not in common)


def write_place_phrases(texts: list[str], data_dir: Path, corpus_name: str) -> int:
    """`place_phrases_mined.txt` from the bodies `texts`; how many phrases."""
    phrases = mine_place_phrases(texts, multi_word_places(), stopwords())
    header = (
        f"# Mined by `python -m search.text.mining` from {corpus_name}: phrases that hold a place\n"
        f"# of several words (places.txt, place_names.txt), written in lower case inside sentences\n"
        f"# at least {MIN_COMMON_PHRASE} times and more often than capitalised: the place alone\n"
        "# (batu bara: coal) or after a word (ibu kota baru: the new capital). A query does not\n"
        "# read these words as the place.\n"
    )
    (data_dir / PLACE_PHRASES_FILE).write_text(header + "\n".join(phrases) + "\n", "utf-8")
    return len(phrases)


def _clauses(texts: Iterable[str]) -> Iterator[tuple[list[str], list[str]]]:
    """Each clause of `texts` (a run of words between punctuation) as its words written and
    lower-cased."""
    for text in texts:
        for clause in _CLAUSE.findall(text):
            written = clause.split()
            yield written, [w.lower() for w in written]


def compounds(texts: Iterable[str], stops: Container[str] = ()) -> list[str]:
    """The compounds of two words (neither in `stops`, three letters or more) written inside a
    clause in lower case at least MIN_COMPOUND times, and more often so than capitalised,
    whose second word follows the first in more than MIN_COMPOUND_SHARE of its occurrences
    inside clauses (a clause's first word is counted too: the second word never opens one)."""
    words: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    lower_pairs: Counter[tuple[str, str]] = Counter()
    for written, lower in _clauses(texts):
        words.update(lower)
        for i in range(len(lower) - 1):
            pair = (lower[i], lower[i + 1])
            pairs[pair] += 1
            if written[i].islower() and written[i + 1].islower():
                lower_pairs[pair] += 1
    found = [
        f"{first} {second}"
        for (first, second), n in lower_pairs.items()
        if n >= MIN_COMPOUND
        and 2 * n > pairs[first, second]
        and pairs[first, second] > MIN_COMPOUND_SHARE * words[second]
        and min(len(first), len(second)) >= 3
        and first not in stops
        and second not in stops
    ]
    return sorted(found)


def joined_spellings(texts: Iterable[str], stops: Container[str] = ()) -> list[str]:
    """The pairs of words (neither in `stops`, three letters or more) the corpus also writes
    as one word, each spelling at least MIN_JOINED times ("ibu kota" and "ibukota", "kerja
    sama" and "kerjasama", "sepak bola" and "sepakbola"): the two words counted where they
    are written in one case (both in lower case or both capitalised: not "kata Rina", said
    Rina, beside the name Katarina), and the joined word no affixed form of another root
    (Sastrawi's root is the joined word or the two roots joined: not "pasti kan" for
    "pastikan", nor "kali mati" for "kalimat", a sentence)."""
    from search.text.analyzer import sastrawi_stem

    words: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for written, lower in _clauses(texts):
        words.update(lower)
        for i in range(len(written) - 1):
            if written[i].islower() == written[i + 1].islower():
                pairs[lower[i], lower[i + 1]] += 1
    found = []
    for (first, second), n in pairs.items():
        joined = first + second
        if n < MIN_JOINED or words[joined] < MIN_JOINED:
            continue
        if min(len(first), len(second)) < 3 or first in stops or second in stops:
            continue
        root = sastrawi_stem(joined)
        if root in (first, second) or root not in (
            joined,
            sastrawi_stem(first) + sastrawi_stem(second),
        ):
            continue
        found.append(f"{first} {second}")
    return sorted(found)


def _write_mined(data_dir: Path, name: str, corpus_name: str, what: str, found: list[str]) -> int:
    """A mined list, one item a line, under a header saying where it was mined and what it
    holds (`what`: the rest of the header's lines); how many items."""
    header = f"# Mined by `python -m search.text.mining` from {corpus_name}: {what}\n"
    (data_dir / name).write_text(header + "\n".join(found) + "\n", "utf-8")
    return len(found)


def write_joined_spellings(texts: list[str], data_dir: Path, corpus_name: str) -> int:
    """`joined_spellings_mined.txt` from the bodies `texts`; how many pairs."""
    what = (
        "two words the corpus also\n"
        f"# writes as one word, each spelling at least {MIN_JOINED} times (ibu kota, ibukota).\n"
        "# A query for either spelling finds both (search.query.plan)."
    )
    found = joined_spellings(texts, stopwords())
    return _write_mined(data_dir, JOINED_FILE, corpus_name, what, found)


def write_compounds(texts: list[str], data_dir: Path, corpus_name: str) -> int:
    """`compounds_mined.txt` from the bodies `texts`; how many compounds."""
    what = (
        "two words written\n"
        f"# together in lower case inside sentences at least {MIN_COMPOUND} times, the second after\n"
        f"# the first in more than {MIN_COMPOUND_SHARE:.0%} of its occurrences (lalu lintas: traffic).\n"
        "# A query reads them as one concept (search.query.plan)."
    )
    return _write_mined(data_dir, COMPOUNDS_FILE, corpus_name, what, compounds(texts, stopwords()))


def _read_jsonl(path: Path) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            # Bodies only: titles are often in Title Case, which would make verbs look like names.
            texts.append(record.get("body", ""))
    return texts


def _toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


_VOCABULARY_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def corpus_vocabulary(texts: Iterable[str]) -> set[str]:
    """The lower-case words Cari's analyzer would stem (joined and split hyphenated forms
    included): letters only, longer than three."""
    from search.text.analyzer import split_hyphenated

    words: set[str] = set()
    for text in texts:
        for word in set(_VOCABULARY_WORD.findall(text.lower())):
            if "-" in word:
                joined, parts = split_hyphenated(word)
                words.add(joined)
                words.update(parts)
            else:
                words.add(word)
    return {w for w in words if len(w) > 3 and w.isascii() and w.isalpha()}


def write_stem_table(vocabulary: Iterable[str], data_dir: Path) -> int:
    """Sastrawi's stem of every word of the corpus vocabulary, as `word<TAB>stem` lines (the
    stem left empty when it is the word), gzip-compressed, reproducible byte for byte."""
    from search.text.analyzer import STEM_TABLE, sastrawi_stem

    lines = []
    for word in sorted(vocabulary):
        stem = sastrawi_stem(word)
        lines.append(f"{word}\t{'' if stem == word else stem}")
    data = ("\n".join(lines) + "\n").encode("utf-8")
    (data_dir / STEM_TABLE).write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return len(lines)


def _read_texts(path: Path) -> list[str]:
    """Titles and bodies (the stem table covers every word a build stems)."""
    texts = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            texts += [record.get("title") or "", record.get("body") or ""]
    return texts


def write_data(corpus: Path, data_dir: Path) -> tuple[int, int]:
    vocabulary = corpus_vocabulary(_read_texts(corpus))
    write_stem_table(vocabulary, data_dir)
    texts = _read_jsonl(corpus)
    counts = capital_counts(texts)
    names = mine_names(counts)
    header = (
        f"# Mined by `python -m search.text.mining` from {corpus.name}: words capitalised in at least\n"
        f"# {MIN_CAPITAL_SHARE:.0%} of {MIN_NAME_COUNT}+ occurrences that Sastrawi would stem.\n"
        "# Never stemmed. Review the diff when regenerating; edit protected.txt by hand instead.\n"
    )
    (data_dir / "protected_mined.txt").write_text(header + "\n".join(names) + "\n", "utf-8")
    write_capital_shares(capital_shares(counts, vocabulary), data_dir, corpus.name)
    write_name_roots(counts, data_dir, corpus.name)
    write_short_names(short_names(texts, counts), data_dir, corpus.name)
    write_place_phrases(texts, data_dir, corpus.name)
    write_compounds(texts, data_dir, corpus.name)
    write_joined_spellings(texts, data_dir, corpus.name)
    return len(names), write_glossary(texts, counts, data_dir, corpus.name)


def write_capital_shares(shares: dict[str, float], data_dir: Path, corpus_name: str) -> None:
    """`capitalised_mined.tsv`: `word<TAB>share` lines, sorted."""
    lines = [
        f"# Mined by `python -m search.text.mining` from {corpus_name}: words written with a",
        f"# capital letter in at least {MIN_LISTED_SHARE:.0%} of their {MIN_NAME_COUNT}+ occurrences"
        " inside a sentence,",
        "# whose root other words of the corpus share, with that share (Serang: serangan).",
        "# A query for one ranks the articles with only other forms of its root lower.",
        *(f"{word}\t{shares[word]:.2f}" for word in sorted(shares)),
    ]
    (data_dir / CAPITALISED_FILE).write_text("\n".join(lines) + "\n", "utf-8")


def write_name_roots(
    counts: tuple[Counter[str], Counter[str]], data_dir: Path, corpus_name: str
) -> None:
    """`name_roots_mined.txt`: the `name_roots` of Sastrawi's dictionary, one a line."""
    lines = [
        f"# Mined by `python -m search.text.mining` from {corpus_name}: dictionary roots written",
        "# inside sentences with a capital letter at least as often as in lower case. A name of",
        "# dictionary roots after a role is a person's only when one of its words is listed here",
        '# ("KSAD Jenderal Andika Perkasa"; not "Deputi Peningkatan Prestasi Olahraga").',
        *name_roots(counts, root_words()),
    ]
    (data_dir / NAME_ROOTS_FILE).write_text("\n".join(lines) + "\n", "utf-8")


def write_glossary(
    texts: list[str], counts: tuple[Counter[str], Counter[str]], data_dir: Path, corpus_name: str
) -> int:
    """`glossary_mined.toml` from the acronym pairs of `texts` (`counts`: their words'
    capitalisation, from `capital_counts`); how many acronyms."""
    found = acronym_pairs(texts)
    pairs = best_pairs(found)
    # the acronyms only two writings admit must be acronyms nearly wherever the corpus has them
    twice = set(pairs) - set(best_pairs(found, min_initials_count=MIN_PAIR_COUNT))
    words = written_words(texts)
    seldom = seldom_in_capitals({short: pairs[short] for short in twice}, words)
    left_out = common_short_forms(pairs, counts) | officials_short_names(pairs)
    left_out |= regions_named(pairs) | stem_collisions(pairs, words)
    for short in left_out | heads_of_many(pairs, texts) | seldom:
        del pairs[short]
    write_acronyms_typed((a.lower() for a in pairs), words, data_dir, corpus_name)
    lines = [
        f"# Mined by `python -m search.text.mining` from {corpus_name}: written at least"
        f' {MIN_PAIR_COUNT} times (an acronym in capitals {MIN_INITIALS_PAIR_COUNT}) as "Long Form (ACR)",',
        '# "ACR (Long Form)", "ACR atau Long Form" or "Long Form atau ACR", the acronym spelt by the',
        "# initials of the long form's words or, written with lower-case letters (Tipikor, Dishub), by",
        "# parts of them. The curated glossary.toml wins where both have an entry.",
        "",
    ]
    for acronym in sorted(pairs):
        lines.append("[[term]]")
        lines.append(f"acronym = {_toml_string(acronym)}")
        lines.append(f"long = [{', '.join(_toml_string(f) for f in pairs[acronym])}]")
        lines.append("")
    (data_dir / "glossary_mined.toml").write_text("\n".join(lines), "utf-8")
    return len(pairs)


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if len(argv) != 1:
        log.error("usage: python -m search.text.mining CORPUS.jsonl")
        return 2
    data_dir = Path(__file__).resolve().parent.parent / "data"
    names, acronyms = write_data(Path(argv[0]), data_dir)
    log.info("%d protected names, %d acronyms -> %s", names, acronyms, data_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
