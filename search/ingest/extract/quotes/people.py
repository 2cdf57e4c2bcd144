"""The people an article names, to give a speaker the fullest name the article writes ("Wiyagus"
is Akhmad Wiyagus, "Frans" is Frand Barung, "Jokowi" is Joko Widodo where it names him so) and
a role alone its holder ("kata Mendagri")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cached_property, lru_cache

from rapidfuzz import fuzz

from search.ingest.extract.officials import (
    JENDERAL_ROLES,
    gazetteer,
    is_common_word,
    known_name,
    names_official,
    names_other_local_office,
    no_office_post,
    word_matches,
)
from search.ingest.extract.person_names import (
    CACHED_WORDS,
    is_cut_short,
    is_degree,
    is_derived_word,
    is_name_particle,
    is_place,
    looks_like_person,
    without_degrees,
)
from search.ingest.extract.quotes.sentences import SENTENCE_END, sentence_start
from search.ingest.extract.quotes.speakers import (
    body_name_words,
    bounds_name,
    is_name_word,
    is_place_word,
    is_role_word,
    reduplicated,
    speaker,
)
from search.ingest.extract.quotes.vocabulary import NAME_WORD, vocabulary
from search.lexicon import name_roots, stopwords
from search.model import Official
from search.text.analyzer import analyze, corpus_writes
from search.text.glossary import find_long_forms, long_forms

# A run of capitalised words in a headline, and how many first letters of a name's word the
# body must write for the title's person to be the body's.
_CALL_NAME_START = 5
_TITLE_RUN = re.compile(r"[A-Z]\w*(?:['’-]\w+)*(?:[ \t]+[A-Z]\w*(?:['’-]\w+)*)*")
_LOWER_WORD_END = re.compile(r"\b([a-z]+)$")
# The rest of a longer word and the capitalised words after it: "anto Kuswinarno" after "Ardi".
_LONGER_WORD = re.compile(r"[a-z]+(?: [A-Z][\w'’-]+){0,3}")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}\b")
# A one-word name this close to another name word of the article (fuzz.ratio), of this many
# letters or more, is its misspelling.
_MISSPELT_SCORE = 80
_MISSPELT_MIN_LENGTH = 5
# How many capitals a word of initials opening a name has: "AM" Romly, "FX" Hadi Rudyatmo
# (three are mostly a body's: "BNI", "KTM").
_INITIALS_LETTERS = 2
# How many words of a name such initials open at most: "FX" Hadi Rudyatmo.
_INITIALS_BEFORE_WORDS = 2
# How many letters a word glued to a name has at least, and the name before it.
_GLUED_LETTERS = 4
# How many letters in a row a nickname shares with the start of a word of the name.
_NICKNAME_LETTERS = 3
# A call-name alone stands for a longer one-word name only up to this many letters ("Rommy"
# of Romahurmuziy, "Nil" of Nilmaizar; "Taemin" is no Taeyong).
_CALL_NAME_LETTERS = 5
# A nickname in quotation marks inside a name, after its first word: 'Christopher "Itop"
# Tanuwidjaja' (a word before that is a role's or a team's: "Bali United Stefano 'Teco'").
# (Read with `word_matches`: the pattern opens with the capital, not with `\b`, so that `re`
# skips ahead to capitals.)
_WORD_CHAR = re.compile(r"\w")
_QUOTED_NICKNAME = re.compile(
    r"(?P<first>[A-Z][\w'’-]+[ \t]+)[\"“‘'](?P<call>[A-Z][\w’-]+)[\"”’']"
    r"[ \t]+(?P<last>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})"
)
# How far before a call-name its person's name is looked for, in characters (an article's
# length and more; a bound on the cost over a long page).
_CALL_NAME_LOOKBACK = 4000
# A name read off the page's lines outside its story has at most this many words.
_PAGE_NAME_WORDS = 4
# A call-name is the title's person only when the body writes it this many times.
_TITLE_CALL_NAME_MENTIONS = 3
# A nickname blending two words of a name ("Jedar" of Jessica Iskandar) takes at least this
# many letters of the start of the first word and of the end of the second.
_BLEND_HEAD = 2
_BLEND_TAIL = 3
# Two capitalised words in a row, read overlapping: "Jessica Iskandar" and "Iskandar Rahasiakan",
# the first opening with `head` (a capital and a small letter: a blend's first letters). (Read
# with `word_matches`, the first word taken, the second looked ahead at: `re` skips ahead to
# where `head` is written, not to every capital.)
_WORD_PAIR = r"({head}[a-z]*) (?=([A-Z][a-z]+)\b)"
_JOINED = re.compile(r"[\w'’-]")
# Where a sentence starts: the text's start, a line's, or after a full stop.
_OPENS_SENTENCE = re.compile(r"(?:\A|\n|[.!?][\"”’]?[ \t]+)$")
# How far back a sentence's opening is looked for (a full stop, quote and spaces before a word).
_OPENING_CHARS = 80


def _opens_sentence(text: str, at: int) -> bool:
    """Whether a sentence starts at `at`: read in the few characters before it, not the
    whole text before it (once per name, that made a long article's reading quadratic)."""
    return at == 0 or _OPENS_SENTENCE.search(text, max(0, at - _OPENING_CHARS), at) is not None


# (a word's apostrophe or hyphen joins two parts, "Ma'ruf", never ends it: "Sukses 'Bungkam'
# Deddy Corbuzier" in a headline is no name "Bungkam' Deddy Corbuzier")
_RUN_BEFORE = re.compile(r"((?:(?:\b[A-Z]\w*(?:['’-]\w+)*|\b[A-Z]\.)[ \t]+)+)$")
# Two capitalised words or more: a name, maybe after a role.
_NAME_RUN = re.compile(rf"\b{NAME_WORD}(?:[ \t]+{NAME_WORD})+")
_RUN_AFTER = re.compile(
    r"((?:[ \t]+(?:[A-Z][\w'’-]*|bin[ \t]+[A-Z][\w'’-]*|binti[ \t]+[A-Z][\w'’-]*))+)"
)


class People:
    """The people an article names, to give a speaker their fullest name."""

    def __init__(
        self,
        body: str,
        officials: list[Official],
        span: tuple[int, int] | None,
        title: str = "",
        page_lines: Sequence[str] = (),
    ):
        self.body = body
        # the page's lines outside its story that may name its people (captions, tags)
        self.page_lines = page_lines
        self.names_text = f"{title}\n{body}" if title else body  # where full names are read
        self.title_end = len(title)  # a title capitalises every word: only names there
        self.officials = officials
        self.span = span
        self.known: list[str] = [o.name for o in officials]
        self.official_names = frozenset(self.known)  # as the officials give them
        self.roles: dict[str, str] = {}  # a person's role as an attribution gives it
        self._capitalised: Counter[str] | None = None  # the body's capitalised words, counted
        # What the body gives, kept per article: the longer names it writes around a name
        # (by the name and whether in the title), whether it writes a word in lower case.
        self._forms: dict[tuple[tuple[str, ...], bool], tuple[str, ...]] = {}
        self._in_lower_case: dict[str, bool] = {}
        self._alone: dict[tuple[str, str], bool] = {}  # _stands_alone's answers
        self._pairs: dict[str, list[tuple[str, str]]] = {}  # _word_pairs' answers
        # full_name's answers, by the name and how many names were known when asked (the
        # known names only grow: a speaker resolved is added)
        self._full_names: dict[tuple[tuple[str, ...], int], str | None] = {}

    @cached_property
    def title_person(self) -> str | None:
        """The one person the title names, by the fullest name the article writes, when the
        body writes a word of that name too ("Elly Sugigi" of "Setelah Berhijab, Elly
        Sugigi Ingin Masuk Pengajian", whose body opens "Bahkan wanita berusia 47 tahun ini
        mengaku ..."): a headline capitalises every word, so a name there is a run of words
        that are no dictionary words, places or acronyms. None for none or several."""
        title = self.names_text[: self.title_end]
        found: set[str] = set()
        others = 0  # relations' names: another person is meant
        relations = vocabulary().relations
        for m in _TITLE_RUN.finditer(title):
            group: list[str] = []
            previous = ""
            for word in [*m.group(0).split(), ""]:
                if word and not is_common_word(word) and not word.isupper():
                    group.append(word)
                    continue
                if group and previous.lower() in relations:
                    others += 1  # "Ibu Bebby Fey ...": his mother, not him
                elif (
                    group
                    # one word too ("Millendaru"): "Prasetio Kritik Anies Baswedan" is two
                    and _may_be_title_person(group if len(group) >= 2 else [*group, *group])
                    and any(
                        # the word, or its start as a call-name ("Millen" of Millendaru)
                        re.search(rf"\b{re.escape(w[:_CALL_NAME_START])}", self.body)
                        for w in group
                    )
                ):
                    full = self.full_name(tuple(group))
                    if full and looks_like_person(full.split()):
                        found.add(full)
                group = []
                previous = word
        return found.pop() if len(found) == 1 and not others else None

    def full_name(self, name: tuple[str, ...]) -> str | None:
        """The fullest name the article writes that holds `name` ('Wiyagus' -> 'Akhmad
        Wiyagus'; 'Jokowi' -> 'Joko Widodo' when the article names him)."""
        key = (name, len(self.known))
        if key not in self._full_names:
            self._full_names[key] = self._full_name(name)
        return self._full_names[key]

    def _full_name(self, name: tuple[str, ...]) -> str | None:
        name = _without_first_word_again(tuple(self.trimmed(list(name))))
        glued = name[0] if len(name) == 1 else ""
        if glued:
            name = (self._unglued(glued),)
        written = " ".join(name)
        gaz = gazetteer()
        canonical = gaz.by_alias.get(written.lower(), (None, ""))[0]
        if canonical and (canonical in self.names_text or canonical in self.official_names):
            # "Jokowi" is Joko Widodo where the article writes that name (or a fuller one),
            # "Bamsoet" Bambang Soesatyo where the officials found name him
            name, written = tuple(canonical.split()), canonical
        elif len(name) >= 2:
            # "Bambang Brodjo": the gazetteer's official Bambang Brodjonegoro named in the
            # article (not any person found: "Ahmad Hasan, warga" is no Ahmad Hasanuddin)
            cut = [k for k in self.known if k in gaz.words and is_cut_short(name, k.split())]
            if len(cut) == 1:
                name, written = tuple(cut[0].split()), cut[0]
        called = self._call_names.get(written) if len(name) == 1 else None
        if called is None and len(name) == 1 and written in vocabulary().honorifics:
            called = self._titled(written)  # "kata Buya": the one "Buya Syafii" is
            if called is None:
                return None  # "kata Pendeta" after two of them, or none: no one named
        if called:
            # "Abbas, demikian biasa ia dipanggil": the person the body says is called so
            name = tuple(called.split())
            written = called
        best = written
        if len(name) == 1 and written.isupper():
            # "BG" is the one official or speaker of the article whose initials it is (not
            # any capitalised words: "WHO" is no World Health Organization's person).
            spelt = {k for k in self.known if initials(k.split()) == written}
            return spelt.pop() if len(spelt) == 1 else best
        if len(name) == 1 and len(written) >= 4 and not self._known_whole(written):
            # "Gusmi" for "Gusmiadirrahman", "Ardi" for "Ardianto Kuswinarno": a short form of
            # one person's name (not where a person already known writes it as a word of
            # theirs: "Menurut Indra" after "Raja Indra Saleh mengatakan" is no "Indrawan
            # Ginting" named after it).
            # The body's longer forms; the title's only where the body writes none (the
            # title's "Alexander Mawarta" is a misspelling of the body's "Alexander Marwata").
            longer = {
                k for k in self.known for w in k.split() if w != written and w.startswith(written)
            }
            longer |= self._longer_words(written, self.title_end, len(self.names_text))
            if not longer:
                longer = self._longer_words(written, 0, self.title_end)
            longer.discard(glued)  # "Alfredriusai" is no longer form of "Alfredri"
            # nor "Wirantomenghadiri" of "Wiranto" (the name and a word glued to it)
            longer = {n for n in longer if self._unglued(n.split()[0]) != written}
            longer = {n for n in longer if not any(n != o and n in o for o in longer)}
            if len(longer) == 1:
                return self._fullest_form(longer.pop())
            named = self._named_before_brackets(written)
            if named:
                return named
        written_forms = list(self._written_forms(name))
        if len(name) == 1 and not written_forms:
            # "Crutchlow" is "Cal Crutchlow" where only the title writes him in full (a
            # title's words around a name the body writes in full are the headline's).
            written_forms = list(self._written_forms(name, in_title=True))
        forms = [*self.known, *self._without_role_word(written_forms)]
        if len(name) > 1:
            forms += self._written_forms(name[:1])  # "Rini Marini Soemarno" for "Rini Soemarno"
        for full in forms:
            words = full.split()
            if len(words) > len(best.split()) and _holds(words, list(name)):
                best = full
        if best == written and len(name) > 1:
            # "Puji Eko" of "Eko Puji Waluyo": the one fuller name holding its words swapped
            swapped = {
                f for f in forms if len(f.split()) > len(name) and set(name) <= set(f.split())
            }
            if len(swapped) == 1:
                best = swapped.pop()
        if best == written and len(name) == 1:
            return (
                self._misspelt_form(written)
                or self._blended_name(written)
                or self._nickname_of_speaker(written)
                or self._titles_name_ending(written)
                or self._named_on_page(written)
                or best
            )
        return best

    def _known_whole(self, written: str) -> bool:
        """True when an official or a speaker already resolved has `written` as a word of a
        name of two words or more."""
        return any(written in words and len(words) > 1 for words in map(str.split, self.known))

    def _named_on_page(self, written: str) -> str | None:
        """The one person's name of two words or more that the page writes outside its story
        (a photo's caption, a tag) with `written` as one of its words, or opening one when
        `written` has a call-name's letters or more: "Vincent Kompany" of the caption "Vincent
        Kompany (Foto: Reuters)" for the body's "Kompany", "Gisella Anastasia" for "Gisel"."""
        found = set()
        for words in self._page_names:
            if written in words or (
                len(written) >= _CALL_NAME_LETTERS
                and any(w.startswith(written) and w != written for w in words)
            ):
                found.add(" ".join(words))
        return found.pop() if len(found) == 1 else None

    @cached_property
    def _page_names(self) -> list[list[str]]:
        """The persons' names of the page's lines outside its story: a line that is a name and
        nothing else (a tag), and the names in a short line (a caption)."""
        names = []
        for line in self.page_lines:
            if len(words := line.split()) <= _PAGE_NAME_WORDS:
                runs = [words]  # a tag: a name as a whole or none ("Liga Inggris")
            else:
                runs = [self._name_words(m.group().split()) for m in _NAME_RUN.finditer(line)]
            names += [w for w in runs if 2 <= len(w) <= _PAGE_NAME_WORDS and is_person_name(w)]
        return names

    def _titles_name_ending(self, written: str) -> str | None:
        """The one person's name of the title whose first word ends with a call-name the
        body writes alone, again and again (the one the story is on, not a neighbour quoted
        once: "kata Yanto, tetangganya" under "Suryanto Hadi ..."): "Herjunot Ali" of the
        title for the body's "Junot" (its first two words: a headline's verb may follow
        them, "Herjunot Ali Ngaku ...")."""
        title = self.names_text[: self.title_end]
        if written.lower() not in title.lower():
            return None  # no word of the title holds it (the cheap test first)
        seen, at = 0, writes_word(self.body, written)
        while at >= 0 and seen < _TITLE_CALL_NAME_MENTIONS:
            seen, at = seen + 1, writes_word(self.body, written, at + len(written))
        if seen < _TITLE_CALL_NAME_MENTIONS:
            return None
        found = set()
        pattern = rf"\b[A-Z][\w'’-]*{re.escape(written.lower())}\b"
        for m in re.finditer(pattern, title):
            if not _ends_word_of(written, [m.group()]):
                continue
            for form in self._written_forms((m.group(),), in_title=True):
                words = form.split()[:2]
                if words[0] == m.group() and is_person_name(words):
                    found.add(" ".join(words))
        return found.pop() if len(found) == 1 else None

    def _nickname_of_speaker(self, written: str) -> str | None:
        """The one person named so far (an official or a speaker) whose name's first word is
        longer and opens with the first letters of a short call-name: "Rommy" of
        Romahurmuziy, "Hendi" of the Wali Kota Hendrar Prihadi ("Jokowi" stays as the article
        writes him)."""
        if len(written) > _CALL_NAME_LETTERS:
            return None
        head = written[:_NICKNAME_LETTERS].lower()
        found = {
            k
            for k in self.known
            if len(first := k.split()[0]) > len(written) and first.lower().startswith(head)
        }
        return found.pop() if len(found) == 1 else None

    def _fullest_form(self, name: str) -> str:
        """The longest name the body writes around a one-word `name` (the title's where the
        body writes none), else `name`: "FX Hadi Rudyatmo" for "Rudyatmo", the longer word of
        "Rudy"; "Sandiaga Uno" of the title for "Sandi", the body's "Sandiaga"."""
        if " " in name:
            return name
        forms = self._written_forms((name,)) or self._written_forms((name,), in_title=True)
        return max(forms, key=lambda f: len(f.split()), default=name)

    def _unglued(self, word: str) -> str:
        """A name without the word after it that a lost space glued to it, where the article
        writes it so once: "Alfredri" of "Bupati Siak Alfredriusai melepas ..." (not
        "Tambusai", written more often); "Wiranto" of "Menko Polhukam Wirantomenghadiri konser
        ...", a known name and a lower-case word (`_glued_on_name`)."""
        tails = vocabulary().tail_words
        # the longest tail first: one tail of each length can end the word
        for length in range(len(word) - _GLUED_LETTERS, _GLUED_LETTERS - 1, -1):
            tail = word[-length:]
            if (
                tail in tails or self._glued_on_name(word[:-length], tail)
            ) and self.names_text.count(word) == 1:
                return word[:-length]
        return word

    def _glued_on_name(self, name: str, tail: str) -> bool:
        """True for a word of the language in lower case, a function word or an affixed one
        ("menghadiri", "juga"; not a bare root, which ends names too: "Soekarnoputri",
        "Kumalasari"), after a name the gazetteer knows or the article writes on its own."""
        return (
            tail.islower()
            and (known_name((name,)) or writes_word(self.names_text, name) >= 0)
            and (tail in stopwords() or is_derived_word(tail))
        )

    def _named_before_brackets(self, written: str) -> str | None:
        """The one person's name the body writes right before `written` in brackets, a
        nickname made of a word of it: "Muhammad Abdul Basit (Abbas)" for "Abbas" (not a
        role's actor: "Go Hae Ri (Suzy)")."""
        text, found = self.body, set()
        bracketed = f"({written})"
        at = text.find(bracketed)
        while at >= 0:
            run = _RUN_BEFORE.search(text, max(0, at - 60), at)
            words = run.group(1).split() if run else []
            start = len(words)
            # up to a word the body also writes in lower case: "Relawan Jokowi Mania (Joman)"
            # is a group of "relawan"
            while (
                start
                and is_name_word(words[start - 1])
                and writes_word(text, words[start - 1].lower()) < 0
            ):
                start -= 1
            if is_person_name(words[start:]) and _nickname_of(written, words[start:]):
                found.add(" ".join(without_degrees(words[start:])))
            at = text.find(bracketed, at + 1)
        return found.pop() if len(found) == 1 else None

    @cached_property
    def _call_names(self) -> dict[str, str]:
        """The names the body says people are called by, each to the one person it gives:
        "Emil, sapaan akrab Ridwan Kamil"; "Bambang Soesatyo yang akrab disapa Bamsoet";
        "ungkap Abbas, demikian biasa ia dipanggil" of "Muhammad Abdul Basit" named before
        it, the nearest name the call-name is made of (speech.toml's `call_name_*`); a
        nickname quoted inside the name ('Christopher "Itop" Tanuwidjaja')."""
        text, sp = self.body, vocabulary()
        found: dict[str, set[str]] = {}
        for m in word_matches(_QUOTED_NICKNAME, text, _WORD_CHAR):
            # 'Christopher "Itop" Tanuwidjaja', "Josep 'Pep' Guardiola": the name around it
            given = self._name_words([*m.group("first").split(), *m.group("last").split()])
            if is_person_name(given):
                found.setdefault(m.group("call"), set()).add(" ".join(given))
        if not sp.call_name_any.search(text):
            return {call: names.pop() for call, names in found.items() if len(names) == 1}
        for m in sp.call_name_first.finditer(text):
            full = m.group("full")
            given = self._name_words(full.split()) if full else []
            self._add_call_name(found, m.group("call"), given, m.start())
        for m in sp.call_name_last.finditer(text):
            # the name before ", yang akrab disapa", without the comma
            end = len(text[: m.start()].rstrip(" ,"))
            run = _RUN_BEFORE.search(text[:end] + " ", max(0, end - 80))
            given = self._name_words(run.group(1).split()) if run else []
            self._add_call_name(found, m.group("call"), given, m.start())
        return {call: names.pop() for call, names in found.items() if len(names) == 1}

    def _add_call_name(
        self, found: dict[str, set[str]], call: str, given: list[str], at: int
    ) -> None:
        """Files the person a call-name at `at` stands for: the name written beside it, or
        else the nearest one before it that the call-name is made of."""
        words = given if is_person_name(given) else self._made_of_before(call, at)
        if words:
            found.setdefault(call, set()).add(" ".join(words))

    def _titled(self, title: str) -> str | None:
        """The one name the body writes after a title or an honorific: "Syafii" of "kata
        Buya" where it writes "Buya Syafii" (and no other Buya)."""
        found = {m.group(1) for m in re.finditer(rf"\b{title}\.?[ \t]+([A-Z][\w'’-]+)", self.body)}
        found = {w for w in found if is_name_word(w)}
        return found.pop() if len(found) == 1 else None

    def _name_words(self, words: list[str]) -> list[str]:
        """A person's name out of capitalised words that may open with a role and a place, as
        a speaker's phrase reads it: "Hendrar Prihadi" of "Wali Kota Semarang Hendrar
        Prihadi", "Hendra Wijaya" of "Ketua RT Hendra Wijaya"."""
        return self.trimmed(without_degrees(list(speaker(words).name)))

    def _made_of_before(self, call: str, end: int) -> list[str]:
        """The nearest name of a person before `end` (in the few thousand characters before
        it) that `call` is made of: its first letter opens a word of it and a word opens with
        three letters it holds in a row ("Abbas" of Muhammad Abdul Basit), or a longer word of
        it ends with the whole call-name ("Imin" of Abdul Muhaimin)."""
        text = self.body
        start = max(0, end - _CALL_NAME_LOOKBACK)
        for run in reversed(list(_NAME_RUN.finditer(text, start, end))):
            words = self._name_words(run.group().split())
            if (
                is_person_name(words)
                and (any(w[0] == call[0] for w in words) or _ends_word_of(call, words))
                and _nickname_of(call, words)
            ):
                return words
        return []

    def _blended_name(self, written: str) -> str | None:
        """The one name of two words the article writes whose first word opens `written` and
        whose second word ends or opens it: "Jessica Iskandar" for "Jedar", "Budi Waseso" for
        "Buwas" (a whole name in the body, not the first two of a longer one: "Mandiuli Arta
        Radjagukguk" for "Marta")."""
        found = set()
        for first, last in self._word_pairs(written.lower()[:_BLEND_HEAD]):
            if _blends(written, first, last) and is_person_name([first, last]):
                found.add(f"{first} {last}")
        return found.pop() if len(found) == 1 else None

    def _word_pairs(self, head: str) -> list[tuple[str, str]]:
        """The names of two words a blend opening with `head` (its first letters, in lower
        case) may be of, read once an article for each: the title's pairs, and the body's
        that no capitalised word runs on after."""
        if head not in self._pairs:
            pairs = []
            if len(head) == _BLEND_HEAD and head.isascii() and head.isalpha() and head.islower():
                pattern = _word_pair_pattern(head[0].upper() + head[1:])
                for m in word_matches(pattern, self.names_text, _WORD_CHAR):
                    if m.start() >= self.title_end and not self._whole_name(m.end(2)):
                        continue
                    pairs.append((m.group(1), m.group(2)))
            self._pairs[head] = pairs
        return self._pairs[head]

    def _whole_name(self, end: int) -> bool:
        """True when no capitalised word runs on after the name ending at `end`."""
        return not _RUN_AFTER.match(self.names_text, end)

    def _longer_words(self, written: str, start: int, stop: int) -> set[str]:
        """The names the names text writes between `start` and `stop` with a longer word for
        `written` ("Ardianto Kuswinarno" for "Ardi")."""
        text, found = self.names_text, set()
        at = text.find(written, start)
        while 0 <= at < stop:
            m = _LONGER_WORD.match(text, at + len(written))
            if m and not (at and _JOINED.match(text, at - 1)):
                words = (written + m.group(0)).split()
                while words and not is_name_word(words[-1]):
                    words.pop()
                if words and all(is_name_word(w) for w in words):
                    found.add(" ".join(words))
            at = text.find(written, at + 1)
        return found

    def _without_role_word(self, forms: list[str]) -> list[str]:
        """The written forms that are no word of an official's role glued to the official's
        name: "Saudi Abdulaziz bin Salman" after "Menteri Energi Saudi Abdulaziz bin Salman"
        is the role's country and the minister ('Kemarin, Saudi mengatakan' is no person)."""
        kept = []
        for form in forms:
            first, _, rest = form.partition(" ")
            if not any(o.name == rest and first in o.role.split() for o in self.officials):
                kept.append(form)
        return kept

    def first_spelling(self, name: str) -> str:
        """The spelling of a name of two words or more that the article writes first, where
        it writes one word of it with a letter or two more, less or other ("Djajang
        Nurdjaman" then "Djajang Nurjaman"; "Cal Crutchlow" in the title, "Cal Crutchow"),
        unless it is an official's name (not the title's "Alexander Mawarta")."""
        words = name.split()
        if len(words) < 2 or name in self.known:
            return name  # an official's name is as the officials give it
        text = self.names_text
        first = text.find(name)
        best = name
        for i, word in enumerate(words):
            if len(word) < _MISSPELT_MIN_LENGTH or not _may_respell(text, words, i, first):
                continue
            before = re.escape(" ".join(words[:i]) + " ") if i else r"\b"
            after = re.escape(" " + " ".join(words[i + 1 :])) if i + 1 < len(words) else ""
            pattern = rf"{before}({word[0]}[\w'’-]+){after}\b"
            for m in re.finditer(pattern, text):
                if first >= 0 and m.start() >= first:
                    break
                other = m.group(1)
                if (
                    other != word
                    and abs(len(other) - len(word)) <= 1
                    and fuzz.ratio(other, word) >= _MISSPELT_SCORE
                ):
                    best = " ".join([*words[:i], other, *words[i + 1 :]])
                    first = m.start()
                    break
        return best

    def _misspelt_form(self, word: str) -> str | None:
        """The full name of the one person whose name the article writes with a letter more,
        less or other than `word` ("Frans" for "Frand Barung"), or the one-word name of a
        speaker named before ("Bidiono" for "Budiono"), if there is one; not when the article
        writes `word` more often than that name and after a rank or title ("AKP Hendro")."""
        if len(word) < _MISSPELT_MIN_LENGTH:
            return None
        if self._capitalised is None:
            self._capitalised = Counter(_CAPITALISED.findall(self.body))
        close = [
            w
            for w in self._capitalised
            if w != word
            and w[0] == word[0]
            and abs(len(w) - len(word)) <= 1
            and fuzz.ratio(w, word) >= _MISSPELT_SCORE
        ]
        if len(close) != 1:
            return None
        if self._capitalised[word] > self._capitalised[close[0]] and self._titled_alone(word):
            return None  # "AKP Hendro" five times, "Hendra Sirait" once: two people
        fuller = {f for f in self._written_forms((close[0],)) if is_person_name(f.split())}
        if not fuller and close[0] in self.known:
            return close[0]  # "Menurut Bidiono" after "kata Budiono": a speaker named so
        return fuller.pop() if len(fuller) == 1 else None

    def _titled_alone(self, word: str) -> bool:
        """True when the body writes `word` right after a rank or a title, as a whole name
        ("AKP Hendro", "Pak Hendro")."""
        titles = vocabulary().titles
        return any(
            m.group(1).rstrip(".") in titles
            for m in re.finditer(rf"(\S+)[ \t]+{re.escape(word)}(?![\w'’-])", self.body)
        )

    def _written_forms(self, name: tuple[str, ...], in_title: bool = False) -> tuple[str, ...]:
        """Longer names the body (or the title) writes around `name`: 'Akhmad Wiyagus' around
        'Wiyagus'."""
        key = (name, in_title)
        if key not in self._forms:
            self._forms[key] = tuple(self._read_forms(name, in_title))
        return self._forms[key]

    def _read_forms(self, name: tuple[str, ...], in_title: bool) -> Iterator[str]:
        body, written = self.names_text, " ".join(name)
        stop = self.title_end if in_title else len(body)
        at = body.find(written, 0 if in_title else self.title_end)
        while 0 <= at < stop:
            end = at + len(written)
            if _stands_apart(body, at, end):
                words = list(name)
                opened = False  # the name opens with initials: "AM Romly"
                left = _RUN_BEFORE.search(body, max(0, at - 60), at)
                if left:
                    before = left.group(1).split()
                    taken = 0
                    kin = False  # stopped at a word that is no part of the name
                    while taken < len(before):
                        word, leftmost = before[-1 - taken], taken + 1 == len(before)
                        if self._kin_word(word, left.start(1), leftmost):
                            kin = True
                            break
                        rest = [*before[len(before) - taken :], *name]
                        prior = "" if leftmost else before[-2 - taken]
                        if self._leading_initials(word, rest, prior):
                            taken += 1  # "AM Romly", "FX Hadi Rudyatmo": initials open it
                            opened = True
                            break
                        if is_derived_word(word):
                            break  # "Godaan Raffi ini pun ...": Raffi's teasing, no first name
                        if word in vocabulary().body_name_heads:
                            break  # "Unviersitas Trisakti ...", misspelt: a body's head
                        if not (
                            self._name_word(word, at)
                            or self._title_name_root(word, at)  # "Ria Ricis", in the title
                            or (  # "Mardani H Maming": an initial between names
                                len(word.rstrip(".")) == 1
                                and not leftmost
                                and self._name_word(before[-2 - taken], at)
                            )
                        ):
                            break
                        taken += 1
                    # Only up to a role, a title, a relation or the run's start: "Umum PP
                    # Muhammdiyah Syafii" is an organisation before the name.
                    edge = before[-1 - taken] if taken < len(before) else ""
                    after_head = bool(taken) and edge in vocabulary().body_name_heads
                    if after_head:
                        # "Universitas Trisakti Abdul Fickar Hadjar", "Universitas Gadjah Mada
                        # Zaenal ...": the body's own name right after its head, then the
                        # person's
                        run = [*before[len(before) - taken :], *name]
                        taken -= min(body_name_words(edge, run), taken)
                    if taken and (
                        not edge
                        or kin
                        or opened
                        or after_head
                        or bounds_name(edge)
                        or self._title_word(edge, at)
                    ):
                        words[:0] = before[len(before) - taken :]
                right = _RUN_AFTER.match(body, end)
                if right:
                    after = right.group(1).split()
                    for k, word in enumerate(after):
                        inside = (  # "Agus H Purnomo": an initial between names
                            len(word.rstrip(".")) == 1
                            and k + 1 < len(after)
                            and self._name_word(after[k + 1], at)
                        )
                        # "Wahyu Perdana mengatakan": a head's word, no head after it
                        part = k + 1 == len(after) and word in vocabulary().head_parts
                        if not (
                            self._name_word(word, at)
                            or self._title_name_root(word, at)  # "Arsul Sani Prediksi ..."
                            or inside
                            or part
                            or word in ("bin", "binti")
                        ):
                            break
                        words.append(word)  # "Usman bin Yahya"
                if opened and len(words) > 1 + _INITIALS_BEFORE_WORDS:
                    words = words[1:]  # "TRG Investama Bobby Rasyidin": a company's capitals
                words = self.trimmed(without_degrees(words), stop=name[0])
                if len(name) < len(words) <= 5:
                    yield " ".join(words)
            at = body.find(written, end)

    def _leading_initials(self, word: str, rest: list[str], prior: str) -> bool:
        """True for capitals opening a name of a word or two `rest` ("AM Romly", "OM
        Sodikin", "FX Hadi Rudyatmo"): two capitals, no acronym the glossary
        knows, no title, body or company, not after a rank (a corps: "Letkol CPL Eko"), that
        the article writes nowhere but before the name ("Ketua KPK Agus" is no name "KPK
        Agus": the article writes KPK alone)."""
        bare = word.rstrip(".")
        if not (
            len(bare) == _INITIALS_LETTERS
            and bare.isalpha()
            and bare.isupper()
            and len(rest) <= _INITIALS_BEFORE_WORDS
            and looks_like_person(rest)
            and not bounds_name(bare)
            and not is_degree(bare)
            and not long_forms(bare.lower(), written_in_capitals=True)
        ):
            return False
        sp = vocabulary()
        if bare in sp.institutions or bare.upper() in sp.publishers or prior in sp.titles:
            return False
        text, following = self.names_text, rest[0]
        at = writes_word(text, word)
        while at >= 0:
            if not text.startswith(" " + following, at + len(word)):
                return False
            at = writes_word(text, word, at + len(word))
        return True

    def _kin_word(self, word: str, run_start: int, leftmost: bool) -> bool:
        """True for a word before a name that is not part of it: a relation ("Istri Uya
        Kuya" is his wife), a speaker naming himself ("Saya Agus Rahardjo"), or, opening a sentence, a word the body also writes in lower
        case, alone or with -nya ("Rahasia Jedar tersebut" is Jedar's secret; "Target
        Lorenzo pada balapan ..." where the body writes "targetnya"), or a dictionary word
        the corpus writes in lower case more often than as a name ("Sikap Young Lex ...";
        not `name_roots`' "Agung", nor speech.toml's `names_also_words`: "Cinta Laura")."""
        if word.lower() in vocabulary().relations or word in vocabulary().first_person_words:
            return True  # "Istri Uya Kuya"; '"Saya Agus Rahardjo, atas nama ...": he himself
        if not leftmost or not _opens_sentence(self.names_text, run_start):
            return False
        lower = word.lower()
        if lower not in self._in_lower_case:
            self._in_lower_case[lower] = lower not in vocabulary().names_also_words and (
                writes_word(self.body, lower) >= 0
                or writes_word(self.body, lower + "nya") >= 0
                or (lower not in name_roots() and is_common_word(word))
            )
        return self._in_lower_case[lower]

    def _title_word(self, word: str, at: int) -> bool:
        """A dictionary word of the title, at `at` in the names text: a headline's word, where
        a name may start after it ("... di Mata Cal Crutchlow")."""
        return at < self.title_end and is_common_word(word)

    def _name_word(self, word: str, at: int) -> bool:
        """A word of a name, at `at` in the names text: in the title, not a common word
        ("Sissy Prescillia Hemat Belanja") nor one said twice ("Jalan-Jalan"); not two
        names joined (`_two_names`)."""
        return (
            is_name_word(word)
            and not (at < self.title_end and (is_common_word(word) or reduplicated(word)))
            and not self._two_names(word)
        )

    def _two_names(self, word: str) -> bool:
        """True for the names of two people joined by a hyphen, as a pair is written: "Hartini-
        Sri" of "Sri Hartini-Sri Mulyani terpilih sebagai pasangan ...", each capitalised half
        a word the article writes on its own ("Sri Hartini diberhentikan"; not "Jean-Yves" nor
        "Alexander-Arnold", one person's)."""
        first, dash, second = word.partition("-")
        return (
            bool(dash)
            and first[:1].isupper()
            and second[:1].isupper()
            and _written_alone(self.names_text, first)
            and _written_alone(self.names_text, second)
        )

    def _title_name_root(self, word: str, at: int) -> bool:
        """A common word of the title that may still end a name: a root the corpus writes
        as a name ("Arsul Sani Prediksi ...") and never as a verb with di- (not "Jokowi
        Tinjau Lokasi", where the corpus writes "ditinjau")."""
        lower = word.lower()
        return (
            at < self.title_end
            and is_name_word(word)
            and lower in name_roots()
            and not corpus_writes("di" + lower)
        )

    def by_role(self, role: tuple[str, ...]) -> Official | None:
        """The official the article names in `role` ("Mendagri"), else the gazetteer's
        holder of it on the article's date."""
        written = " ".join(role)
        key = _role_key(vocabulary().role_aliases.get(written, written))
        if not key:
            return None
        named = [o for o in self.officials if o.role and _role_key(o.role) == key]
        if not named:
            named = [o for o in self.officials if o.role and _of_office(_role_key(o.role), key)]
        if len({o.name for o in named}) == 1:
            return named[0]
        if named or self.span is None:
            return None
        holders = {
            canonical
            for canonical, terms in gazetteer().terms.items()
            for held, first, last in terms
            if _role_key(held) == key and first <= self.span[0] and self.span[1] <= last
        }
        if len(holders) == 1:
            name = holders.pop()
            return Official(name, " ".join(role))
        return None

    def gives_role(self, role: tuple[str, ...]) -> bool:
        """True when an attribution gives a person the article names `role` ("kata Kasat
        Reskrim" after "Kasat Reskrim AKP Budi mengatakan")."""
        written = " ".join(role)
        key = _role_key(vocabulary().role_aliases.get(written, written))
        keys = {_role_key(r) for r in self.roles.values()}
        return bool(key) and any(_of_office(k, key) for k in keys)

    def given_role(self, role: tuple[str, ...]) -> tuple[str, str] | None:
        """The one person an attribution before gave `role`, a post that is no office
        (roles.toml `not_office_heads`: a spokesperson, a unit's head), or one of its kind,
        with that role: "kata Kasat Reskrim" after "Kasat Reskrim Polres Aceh Jaya, Iptu
        Rezki Kholiddiansyah mengatakan" (not a trade, "Jaksa memandang ..." after "jaksa KPK
        Ahmad Burhanuddin", nor a body, "KPK menyebut ..." after "Pansel capim KPK,
        Hendardi"; an office's holder is an official, `by_role`)."""
        written = " ".join(role)
        if not no_office_post(written):
            return None
        key = _role_key(vocabulary().role_aliases.get(written, written))
        if not key:
            return None
        given = {(n, r) for n, r in self.roles.items() if _of_office(_role_key(r), key)}
        return given.pop() if len({n for n, _ in given}) == 1 else None

    def role_of(self, name: str) -> str:
        """The role the article gives a person: as an official, else in an attribution."""
        for official in self.officials:
            if official.name == name and official.role:
                return without_titles(official.role)
        return self.roles.get(name, "")

    def as_quoted(self, name: str, role: str) -> str:
        """The name a speaker is quoted under: the gazetteer's official's when the article
        names them only by a partial alias of his ("kata Sri Mulyani" is Sri Mulyani
        Indrawati's, "Prabowo" Prabowo Subianto's) and does not keep them apart: its
        officials give that name to someone else ("Wakil Bupati Klaten Sri Mulyani"), the
        role it gives the speaker is an office he never held (`names_official`; a relation,
        "Putra Presiden", is no office), or a sentence writing the name names a regional or
        local office of a kind he never held ("Sri Mulyani diangkat menjadi bupati").
        (An article naming the official in full, by role or by his office wrote his name
        already: `full_name`.) Any other name as it is: the fullest the article writes."""
        key = name.lower()
        gaz = gazetteer()
        if key not in gaz.partial or name in self.official_names:
            return name
        canonical = gaz.by_alias[key][0]
        if role and role.split()[0].lower() in vocabulary().relations:
            role = ""
        if not names_official(canonical, role) or any(
            names_other_local_office(canonical, sentence) for sentence in self._sentences_of(name)
        ):
            return name
        return canonical

    def _sentences_of(self, name: str) -> Iterator[str]:
        """Each sentence of the body that writes `name`, up to its end or its line's."""
        at = writes_word(self.body, name)
        while at >= 0:
            start = sentence_start(self.body, at)
            end = SENTENCE_END.search(self.body, at + len(name))
            line_end = self.body.find("\n", at)
            stop = min(
                end.start() if end else len(self.body),
                line_end if line_end >= 0 else len(self.body),
            )
            yield self.body[start:stop]
            at = writes_word(self.body, name, stop)

    def trimmed(self, words: list[str], stop: str = "") -> list[str]:
        """A name without the leading words (up to `stop`) the body also writes alone inside
        a sentence: 'Telkomsel' of 'Telkomsel Emma Sri Martini' after 'Operator seluler
        Telkomsel akan ...' (a company before the name)."""
        while (
            # a name of two words is kept whole ("Bima Sakti"), unless a place opens it and
            # no place is left: "Kepala Seksi ... BMKG Hang Nadim, Batam Suratman"
            (
                len(words) > 2
                or (len(words) == 2 and is_place_word(words[0]) and not is_place_word(words[1]))
            )
            and words[0] != stop
            and " ".join(words) not in self.official_names  # "Bima Arya Sugiarto"
            and len(words[1].rstrip(".")) > 1  # not down to an initial: "H Maming"
            and not is_name_particle(words[0])  # "El Hadji Diouf", where "El Barca" is too
            and self._stands_alone(words[0], words[1])
        ):
            words = words[1:]
        return words

    def _stands_alone(self, word: str, following: str) -> bool:
        """True when the body writes `word` without `following` after a lower-case word
        that does not introduce a speaker ("Operator seluler Telkomsel akan ...", not "kata
        Telkomsel" nor "menurut Rohyat")."""
        key = (word, following)
        if key not in self._alone:
            self._alone[key] = self._reads_alone(word, following)
        return self._alone[key]

    def _reads_alone(self, word: str, following: str) -> bool:
        body, after = self.body, vocabulary().introduces
        at = body.find(" " + word)
        while at >= 0:
            end = at + 1 + len(word)
            if not _JOINED.match(body, end):
                before = _LOWER_WORD_END.search(body, max(0, at - 30), at)
                alone = not body.startswith(" " + following, end)
                if before and before.group(1) not in after and alone:
                    return True
            at = body.find(" " + word, end)
        return False


def _may_be_title_person(words: list[str]) -> bool:
    """True for a headline's run of words that may be a person's name: no place, no derived
    word ("Akui" of "Gerindra Akui"), no body's or organisation's word."""
    sp = vocabulary()
    return (
        not is_place(words)
        and not any(
            is_derived_word(w) or w in sp.institutions or w in sp.organisations for w in words
        )
        and looks_like_person(words)
    )


@lru_cache(maxsize=CACHED_WORDS)
def _word_pair_pattern(head: str) -> re.Pattern[str]:
    return re.compile(_WORD_PAIR.format(head=head))


def _without_first_word_again(name: tuple[str, ...]) -> tuple[str, ...]:
    """A name without its first word glued again onto its last by a lost space: "Hery
    PurnomoHery" is Hery Purnomo."""
    if len(name) < 2:
        return name
    first, last = name[0], name[-1]
    cut = len(last) - len(first)
    if cut >= _GLUED_LETTERS and last.endswith(first) and last[cut - 1].islower():
        return (*name[:-1], last[:cut])
    return name


def _nickname_of(nickname: str, name: list[str]) -> bool:
    """True when a word of `name` opens with letters `nickname` holds in a row ("Abbas" of
    Abdul Basit, "Rommy" of Romahurmuziy, "Udjae" of Djaelani), or a longer word of it ends
    with the whole nickname ("Imin" of Muhaimin, "Harto" of Soeharto)."""
    short = nickname.lower()
    heads = {w[:_NICKNAME_LETTERS].lower() for w in name if len(w) >= _NICKNAME_LETTERS}
    if any(short[i : i + _NICKNAME_LETTERS] in heads for i in range(len(short))):
        return True
    return _ends_word_of(nickname, name)


def _ends_word_of(nickname: str, name: list[str]) -> bool:
    """True when a longer word of `name` ends with the whole `nickname`, of four letters or
    more ("Imin" of Muhaimin, "Harto" of Soeharto)."""
    short = nickname.lower()
    return len(short) > _NICKNAME_LETTERS and any(
        len(w) > len(short) and w.lower().endswith(short) for w in name
    )


def _blends(nickname: str, first: str, last: str) -> bool:
    """True when `nickname` is the start of `first` and the end of `last`, each of a few
    letters and no whole word ("Jedar" of Jessica Iskandar), or, when it is no given name
    itself (lexicon's name roots: not "Hasan" of Hadi Santoso), the start of `last` ("Buwas"
    of Budi Waseso)."""
    short, first, last = nickname.lower(), first.lower(), last.lower()
    opening = short not in name_roots()
    return any(
        first.startswith(short[:i])
        and (last.endswith(short[i:]) or (opening and last.startswith(short[i:])))
        and short[i:] != last
        for i in range(_BLEND_HEAD, len(short) - _BLEND_TAIL + 1)
    ) and not (first.startswith(short) or last.endswith(short) or last.startswith(short))


def at_boundary(text: str, at: int) -> bool:
    """True when `at` in `text` is where `re`'s \\b matches: between a word character and
    another (or the text's start or end)."""
    before = at > 0 and _is_word_character(text[at - 1])
    return before != (at < len(text) and _is_word_character(text[at]))


def _is_word_character(char: str) -> bool:
    return char.isalnum() or char == "_"  # what `re` calls \\w


def writes_word(text: str, word: str, start: int = 0) -> int:
    """Where `text` first writes `word` from `start` on with a \\b at either end, as
    `re.search(rf"\\b{re.escape(word)}\\b", text, start)` finds it, without compiling a pattern
    for each word (a compile costs more than the search); -1 for nowhere."""
    at = text.find(word, start)
    while at >= 0:
        if at_boundary(text, at) and at_boundary(text, at + len(word)):
            return at
        at = text.find(word, at + 1)
    return -1


def _written_alone(text: str, word: str) -> bool:
    """True when `text` writes `word` as a word of its own, no hyphen or letter joined to it
    ("Sri" in "Sri Mulyani", not in "Hartini-Sri")."""
    at = text.find(word)
    while at >= 0:
        if _stands_apart(text, at, at + len(word)):
            return True
        at = text.find(word, at + 1)
    return False


def _stands_apart(text: str, start: int, end: int) -> bool:
    """True when no letter, digit, hyphen or apostrophe joins `text[start:end]` to the text
    around it."""
    return not (start and _JOINED.match(text, start - 1)) and not _JOINED.match(text, end)


def _holds(words: list[str], part: list[str]) -> bool:
    """True if `part` is `words` in a row, or (two words or more) `words` with some left out
    between its first and its last: 'Toni Pontoh' of 'Toni Ismail Pontoh'."""
    n = len(part)
    if any(words[i : i + n] == part for i in range(len(words) - n + 1)):
        return True
    if n < 2 or part[0] not in words or part[-1] not in words:
        return False
    rest = iter(words[words.index(part[0]) :])
    return all(w in rest for w in part) and words.index(part[-1]) > words.index(part[0])


@lru_cache(maxsize=CACHED_WORDS)
def _role_key(role: str) -> str:
    """A role's words with long forms written as their acronyms: 'Menteri Dalam Negeri' and
    'Mendagri' are one role."""
    words = analyze(role, stem=False)
    out: list[str] = []
    i = 0
    for start, stop, acronym in find_long_forms(words):
        out += [*words[i:start], acronym]
        i = stop
    return " ".join(out + words[i:])


def holds_office(held: str, head: str) -> bool:
    """True when the role `held` is the office `head` names or one of its kind ("Menteri"
    of "Menteri BUMN", "Duta Besar" of "Duta Besar RI untuk Kanada"; long forms and their
    acronyms alike)."""
    if not head.strip() or not held.strip():
        return False
    return _of_office(held.lower(), head.lower()) or _of_office(_role_key(held), _role_key(head))


def _of_office(role: str, office: str) -> bool:
    """True when `role` is `office` or one of its kind, its words and more after them ("menteri
    bumn" of "menteri")."""
    return role == office or role.startswith(office + " ")


def in_role(body: Sequence[str], role: str) -> bool:
    """True when `role` holds the words of `body` ("Kemenhub" in "Menhub" does not; "Bank
    Indonesia" in "Gubernur BI" does, a long form and its acronym being one)."""
    words = set(_role_key(role).split())
    held = _role_key(" ".join(w for w in body if not is_role_word(w))).split()
    return bool(held) and all(w in words for w in held)


def initials(words: Sequence[str]) -> str:
    """A name's initials, as a short form writes them: "AHY" for Agus Harimurti
    Yudhoyono."""
    return "".join(w[0] for w in words if w)


def is_person_name(words: list[str]) -> bool:
    """A name of two words or more shaped like a person's ("Marc Marquez"; not "Jalan
    Sudirman", "Pasar Minggu")."""
    return len(words) >= 2 and looks_like_person(words)


def without_titles(role: str) -> str:
    """The role's words without honorifics and ranks; "Jenderal" of an office's name stays
    ("Direktur Jenderal P2P", "Konsul Jenderal RI")."""
    titles = vocabulary().titles
    words = role.split()
    return " ".join(
        w
        for i, w in enumerate(words)
        if w.rstrip(".") not in titles or (w == "Jenderal" and i and words[i - 1] in JENDERAL_ROLES)
    )


def _may_respell(text: str, words: list[str], i: int, first: int) -> bool:
    """False when `text` cannot write `words` with the i-th word spelt otherwise before
    `first` (where it writes them as they are; -1: nowhere), found without the pattern
    `People.first_spelling` compiles for it (a compile costs more than the search; most
    words need neither). Such a spelling opens with the words before the i-th and its first
    letter, and the i-th word runs into the words after it: with no word before it, only an
    occurrence of those ending before the name's own can follow it, as no run of word
    characters spans the space after the name's first word."""
    word = words[i]
    if not word[0].isalpha():
        return True  # written into the pattern as it is: not a plain letter to look for
    if i:
        at = text.find(" ".join(words[:i]) + " " + word[0])
        return at >= 0 and (first < 0 or at < first)
    at = text.find(" " + " ".join(words[1:]))
    if first < 0 or at < 0:
        return at >= 0
    end = first + len(word)  # where the name's own occurrence goes on with the words after
    return at < end or (at == end and first > 0 and _JOINED.match(text, first - 1) is not None)
