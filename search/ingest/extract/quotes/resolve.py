"""Speakers as people, quote by quote: a name to the fullest form the article writes, a role to
its holder, a pronoun or a quotation with no attribution of its own to the person last named or
the subject of a sentence before it; quotes with no person are left out."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from search.ingest.extract.officials import alternation, is_common_word, is_derived_word
from search.ingest.extract.person_names import (
    is_agency_word,
    is_institution_word,
    is_loan_noun,
    is_name_particle,
    is_place,
    looks_like_person,
    place_name_kind,
    root_words,
)
from search.ingest.extract.quotes.direct import Found
from search.ingest.extract.quotes.people import (
    People,
    at_boundary,
    holds_office,
    in_role,
    initials,
    is_person_name,
    without_titles,
)
from search.ingest.extract.quotes.phrases import speaker_after, words_after
from search.ingest.extract.quotes.sentences import (
    DATELINE,
    SENTENCE_END,
    SENTENCE_OR_QUOTE_END,
    sentence_start,
    verb_shaped,
)
from search.ingest.extract.quotes.speakers import (
    NOBODY,
    PRONOUN,
    Said,
    is_body,
    is_role_word,
    role_shown,
    speaker,
)
from search.ingest.extract.quotes.vocabulary import vocabulary
from search.lexicon import foreign_regions, name_roots
from search.model import Quote

# How many paragraphs before a pronoun's own, after someone spoke, a sentence's subject may
# open and be whom the pronoun means instead of the last speaker.
_SUBJECT_PARAGRAPHS = 3
# How many capitals a person's initials have ("RG", "HSD").
_INITIALS_LETTERS = (2, 3)
# Who a pronoun means after a sentence on a thing named like a person: no one.
_THING = ("", "")
# A sentence's opening phrase before its subject: "Sementara itu, ", "Pencari suaka lainnya, ".
_OPENING_PHRASE = re.compile(r"\s*(?P<phrase>[A-Z][\w-]*(?: [\w-]+){0,5}),\s*")
# What ends a description of someone named before: "Mantan Ketua Umum PP Muhammadiyah ini".
_DESCRIBES = re.compile(r"[ \t]+(?:ini|itu|tersebut)\b")


def sentence_subjects(
    text: str, offset: int, marks: list[tuple[int, int]]
) -> Iterator[tuple[int, Said]]:
    """Capitalised words that open a sentence outside the quotations: a person a following
    'ujarnya' may mean ("Hudori juga menekankan, ...")."""
    sp = vocabulary()
    dateline = DATELINE.match(text)
    start = dateline.end() if dateline else 0
    for m in [*SENTENCE_OR_QUOTE_END.finditer(text, start), None]:
        end = m.end() if m else len(text)
        lead = _OPENING_PHRASE.match(text, start, end)
        described = _named_before_description(lead, text) if lead else None
        if described is not None:
            # "Masirin, warga Desa Wonosemi, ...": the name the description follows
            if not any(o <= lead.start("phrase") < c for o, c in marks):
                yield offset + lead.start("phrase"), described
            start = end
            continue
        if lead and _opens_sentence(lead.group("phrase")):
            at = lead.end()
        else:
            at = start + len(text[start:end]) - len(text[start:end].lstrip())
        if not any(o <= at < c for o, c in marks):
            words, phrase_end = words_after(text, at)
            if (
                words
                and (words[0] in sp.described or words[0] in sp.role_words)
                and _DESCRIBES.match(text, phrase_end)
                and (
                    # "Pebalap Repsol Honda ini", "Suami Rien Wartia Trigina itu": whose
                    # team or spouse, not a name (but "Presiden Joko Widodo itu")
                    words[0] not in sp.role_words or not _names_someone(speaker(words).name)
                )
            ):
                # "Mantan Ketua Umum PP Muhammadiyah ini mengaku ...": a description of the
                # one named before, as a pronoun is
                said = PRONOUN
            elif words and words[0].endswith("nya") and words[0][:-3] in sp.according:
                # "Menurutnya Karhutla terjadi ...", no comma: the one "-nya" means speaks, not
                # the name after it, what they speak of
                said = PRONOUN
            elif words and words[0][0].isupper():
                # "Menurut YLBHI Jokowi telah ...": who it is according to, not "Menurut"
                said = speaker(words[1:] if words[0] in sp.according else words)
                if _thing_of(said):
                    said = NOBODY  # "Kelincahan La Pulga menjadi alasan ...": his agility
            elif len(words) > 1 and words[0] in sp.apposed and words[1][:1].isupper():
                # "Begitu juga dengan Yati, warga Condet, Jakarta Timur, ...": a place
                said = NOBODY
            elif words and is_role_word(words[0].capitalize()):
                # "pelatih timnas Indonesia, Simon McMenemy, pun tak mau ...": a role in lower
                # case, then the name after a comma.
                said = speaker_after(text, at)[0]
                if not said.name and words[0].capitalize() in sp.role_words:
                    # "pelatih Belanda Ronald Koeman juga membela ...": a person's role in lower
                    # case before the name, as written opening a sentence
                    raised = f"{text[:at]}{text[at].upper()}{text[at + 1 :]}"
                    named, named_end = words_after(raised, at)
                    said = speaker(named) if len(named) > 1 else NOBODY
                    if not (
                        said.role
                        and said.name
                        and is_person_name(list(said.name))
                        and not is_body(said.name)
                        and not (sp.organisation_words | sp.institutions).intersection(said.name)
                        and not _names_an_organisation(" ".join(said.name), text)
                        and not _DESCRIBES.match(text, named_end)
                    ):
                        # "pelatih Madura United ...", "pembalap tim Monster Energy Yamaha
                        # keluar", "pimpinan Pondok Pesantren ... ini": a club, a team, a
                        # school, or a description of the one named before
                        said = NOBODY
            else:
                said = NOBODY
            if said.name or said.pronoun:  # "Hudori juga menekankan", "Ia menilai"
                yield offset + at, said
        start = end


class Subjects:
    """The subjects of the sentences of an article's paragraphs (`sentence_subjects`), each
    paragraph's read when a quote first asks who opened a sentence in it: most paragraphs are
    never asked about (a pronoun looks a few paragraphs back, and stops at the last subject)."""

    def __init__(self, paragraphs: list[tuple[str, int, list[tuple[int, int]]]]) -> None:
        self._paragraphs = paragraphs  # (text, offset into the body, quotation marks' spans)
        self._read: dict[int, list[tuple[int, Said]]] = {}

    def between(self, start: int, end: int) -> Iterator[tuple[int, Said]]:
        """The subjects after `start` and before `end` (offsets into the body), the last
        first."""
        for i in range(len(self._paragraphs) - 1, -1, -1):
            text, offset, marks = self._paragraphs[i]
            if offset >= end:
                continue  # a subject is at its paragraph's offset or after
            if offset + len(text) <= start:
                return  # ... and at its end or before
            if i not in self._read:
                self._read[i] = list(sentence_subjects(text, offset, marks))
            for at, subject in reversed(self._read[i]):
                if at >= end:
                    continue
                if at <= start:
                    return
                yield at, subject


def _thing_of(subject: Said) -> bool:
    """True for a subject read as a role that is one noun of ke- and -an or of pe- and -an, no
    role word, before a name: a thing of that person ("Kelincahan La Pulga", "Keputusan
    Azizah", "Pelantikan Joko Widodo ... tinggal hitungan hari")."""
    first = subject.name[0] if len(subject.name) > 1 and not subject.role else ""
    if is_loan_noun(first) and first.lower() in root_words() and not is_role_word(first):
        return True  # "Optimisme Hendra setelah melihat ...": his optimism (not "Felicitas")
    word = subject.role[0] if len(subject.role) == 1 else ""
    return (
        bool(subject.name)
        and word.endswith("an")
        and is_derived_word(word)
        and (
            # "Kepala", "Ketua" are roles; "Kebanyakan ..." (mostly) an adverb
            (word.startswith("Ke") and not is_role_word(word) and not word.endswith("kan"))
            # a noun of pe- and -an is a role only when listed ("Pimpinan", "Perwakilan"):
            # "Pelantikan", "Pernyataan" are things
            or (word.startswith("Pe") and word not in vocabulary().role_words)
        )
    )


def _names_someone(name: tuple[str, ...]) -> bool:
    """True for a person's name of two words or more that is not all dictionary words: in
    "Pendiri LSM Lingkar Madani tersebut" the words after the role name a body, the one
    described is someone named before. (Stricter than `is_person_name`, which takes two name
    roots such as "Teguh Hidayat": before ini/itu/tersebut a description is likelier.)"""
    return is_person_name(list(name)) and not all(is_common_word(w) for w in name)


def _common_word_alone(subject: Said) -> bool:
    """A sentence's subject that is one dictionary word, without a role."""
    return len(subject.name) == 1 and not subject.role and is_common_word(subject.name[0])


def _named_before_description(lead: re.Match[str], text: str) -> Said | None:
    """The person a sentence opens with when the words before its first comma are a name
    alone and a description in lower case follows the comma (speech.toml
    `apposed_descriptions`: "Masirin, warga Desa Wonosemi, ..."): a name of two or three
    words shaped like a person's, or one word that is no dictionary word, place or role
    word; None otherwise."""
    after = _LOWER_WORD.match(text, lead.end())
    if after is None or after.group(0) not in vocabulary().apposed:
        return None
    name = lead.group("phrase").split()
    if len(name) > 3 or not all(w[:1].isupper() and w.isalpha() for w in name):
        return None
    if len(name) == 1 and (
        is_common_word(name[0])
        or is_derived_word(name[0])
        or name[0].endswith("nya")  # a word with its clitic, no name
        or _opens_no_name(name[0])
    ):
        return None  # "Nampaknya, guru tersebut ...": a sentence's adverb
    if len(name) > 1 and not is_person_name(name):
        return None
    said = speaker(name)
    if said.role or len(said.name) != len(name):
        return None
    return replace(said, role=(after.group(0),))  # the description says who the name is


# A word in lower case: a description's first after a name and its comma.
_LOWER_WORD = re.compile(r"[a-z]+")


def _opens_sentence(phrase: str) -> bool:
    """True for words before a comma that open a sentence before its subject ("Sementara
    itu", "Belum puas semprot netizen itu"), not a clause of its own ("Dia berharap")."""
    words = phrase.split()
    sp = vocabulary()
    return words[0] not in sp.pronouns and not any(verb_shaped(w) or w in sp.after for w in words)


def resolve(
    found: list[Found],
    subjects: Subjects,
    people: People,
    starts: list[int],
) -> list[Quote]:
    """Speakers for the quotes, in order: names to full names, pronouns to the last person
    named, roles to their holders; quotes with no person left out."""
    quotes: list[Quote] = []
    named: dict[Said, tuple[str, str] | None] = {}

    def person(said: Said) -> tuple[str, str] | None:
        if said not in named:
            named[said] = resolve_speaker(said, people)
            if named[said] is not None and named[said][0] not in people.known:
                people.known.append(named[said][0])
        return named[said]

    spoken: set[str] = set()  # who has been given a quote so far

    def subject_between(
        start: int, end: int, speaking: bool = False, quoted: str = ""
    ) -> tuple[str, str] | None:
        """The last person a sentence opened with between two places: one the article
        names elsewhere, or one given a role there ("Wali Kota Bogor Dedie Rachim menyambut
        ..."; "Jalan Sudirman ditutup" names nobody). `speaking`: someone spoke before, and
        a person the article tells of who neither spoke nor holds a role is no more than
        what it tells of ("Mahdil kemudian menggadaikan mobil ... “...,” ujarnya" is the
        police chief's, who spoke before). A person the `quoted` words name in full speaks
        of them, not as them ("Jokowi mengaku ... Imam menyerahkan surat ... “Sudah
        disampaikan kepada saya surat ... dari Menpora Pak Imam Nahrawi,” katanya": Jokowi)."""
        for at, subject in subjects.between(start, end):
            if subject.pronoun:
                continue  # "Ia ...": the one named before it
            full = people.full_name(subject.name)
            if full is None or _person_by_initials(subject, people.body):
                return None  # "RG mengaku bingung ...": a person not named in full
            if full not in people.known and subject.role and is_institution_word(subject.role[-1]):
                # "Ketidaknyamanan Pelabuhan Labuan Bajo ...", "Taman Wisata Buluh Cina ...": a
                # sentence on a port, a park, named like a person; who "ujarnya" means after
                # it is left open.
                return _THING
            if full not in people.known and (
                _common_word_alone(subject)  # "Ganja tersebut disimpan ...": a thing
                # "Ketidaknyamanan Pelabuhan Labuan Bajo juga diungkapkan ...": a place (not
                # "Rano" of Rano Karno)
                or (place_name_kind(subject.name) and not is_person_name(full.split()))
                or not (subject.role or is_person_name(full.split()))
            ):
                continue
            if subject.weak:
                return None  # someone the article does not name in full: not the last one
            role = people.role_of(full)
            # (a sentence's opening word read as a role, "Adapun Brad Pitt ...", is no role
            # shown, but still makes the name its subject)
            if (
                speaking
                and not (role or without_titles(" ".join(subject.role)))
                and full not in spoken
                and not _comments(people.body, at)
            ):
                continue
            if _names_in_full(quoted, full):
                continue
            return full, role or _role_text(subject.role)
        return None

    for f in found:
        if (f.said.name or f.said.role) and not f.said.none:
            person(f.said)

    def headlined() -> str | None:
        """The title's person, when the article also gives them a quotation by name."""
        title_person = people.title_person
        if title_person and any(who and who[0] == title_person for who in named.values()):
            return title_person
        return None

    last: tuple[str, str] | None = None
    last_at = -1
    by_paragraph: dict[int, tuple[str, str] | None] = {}  # None: no person named
    ahead: list[Found] = []  # a role whose name was cut out: the next one named
    # Where the last quotation attributed by name or role starts, whoever it gives: a subject
    # before it is no one a later pronoun means (but after a name lost with its link, "“...,”
    # ujar anggota , ini", the one named before may be who it was).
    spoke_at = -1
    voices: dict[int, list[tuple[str, str]]] = {}  # the people each paragraph gives quotes
    voiced_to: dict[int, int] = {}  # where the last of them ends
    for f in found:
        said = f.said
        who: tuple[str, str] | None
        spoken_since = spoke_at
        if f.direct and not said.inherit and not said.pronoun and (not said.none or said.other):
            spoke_at = f.start
        if said.none:
            if said.other and f.direct and not _speaks_for(said.role, last):
                # "“...,” kata seorang warga", "“...,” tulis Polda Jatim": the one speaking
                # from here is no person named; "ujarnya" after it is not the last one named
                # (but after "Menurut pelaku, ..." or "Pemerintah mengakui ..." in the
                # narration, the one named before speaks on).
                last, last_at = None, f.start
                by_paragraph[f.paragraph] = None
            continue
        if said.ahead:
            ahead.append(f)
            continue
        if said.pronoun:
            # in a quotation a bare pronoun gives (not a description: "kata sang pelatih")
            quoted = people.body[f.start : f.end] if f.direct and not said.role else ""
            # The subject of a sentence since the last quotation, and, after someone spoke,
            # near this paragraph ("Kabinet Jokowi bisa belajar ..." five paragraphs before
            # "ujar dia" is no one speaking).
            since = max(last_at, spoken_since)
            if last is not None:
                since = max(since, starts[max(0, f.paragraph - _SUBJECT_PARAGRAPHS)] - 1)
            who = subject_between(since, f.start, last is not None, quoted) or last
            if (
                who is None
                and last_at < 0
                and (title_person := headlined())
                and title_person.split()[0] not in people.body[f.start : f.end]
            ):
                # "Ia mengaku ..." before anyone is named (the name lost with its link): the
                # one person the title names, who speaks by name later
                who = (title_person, people.role_of(title_person))
            if who == _THING:
                continue
            if who is not None and _titled_in(quoted, who[0], people):
                # "“Saya berkomunikasi dengan Pak Laode ...,” ucapnya": one speaks of Laode
                # with his title, not as him
                continue
            if who is not None and _asked(people.body, f, who):
                # "“Kuburan yang mana Pak?” Halimi bertanya kembali. “Yang dekat Ka’bah,”
                # jawabnya": the one who replies is not the one who asked
                continue
        elif said.inherit:
            if f.paragraph in by_paragraph:
                who = by_paragraph[f.paragraph]
                if len(voices.get(f.paragraph, ())) > 1 and _sentence_between(
                    people.body, voiced_to[f.paragraph], f.start
                ):
                    # "Mahfud mengungkapkan bahwa ... Presiden juga mengatakan ... Bahkan, ...
                    # “...”": two people spoke in the paragraph, and a sentence of no one's
                    # stands before it; whose it is is unsure
                    who = None
            elif f.opens:
                who = by_paragraph.get(f.paragraph - 1)
            else:
                # "Lucius miris ... Ia pun menilai ... “Di situ ...”": the person the
                # paragraph is about before the quotation.
                who = subject_between(starts[f.paragraph] - 1, f.start)
                who = None if who == _THING else who
        else:
            who = person(said)
            body = said.name if said.weak else said.role if not said.name else ()
            if (
                who is None
                and f.direct
                and is_body(body)
                and not people.gives_role(body)
                and not _speaks_for(body, last)
            ):
                # "“...,” kata KPAI": a body speaks from here, as after "kata seorang warga"
                # (but "“...,” tulis APJATEL" after its Ketua spoke may be him speaking).
                last, last_at = None, f.start
                by_paragraph[f.paragraph] = None
                continue
        if who is None:
            if said.pronoun and f.direct and _names_someone_known(f, people):
                # "“Sri Mulyani Indrawati kembali ...,” tulisnya" where no one else is named:
                # someone speaks of the one named before, not as them; a "sambungnya" carried
                # on after it is theirs too, not that person's.
                last_at = f.start
            continue
        if ahead and (said.name or said.role):
            quotes += [_quote(who, g, people) for g in ahead if g.shown]
            ahead = []
        last, last_at = who, f.start
        spoken.add(who[0])
        by_paragraph[f.paragraph] = who
        if who not in voices.setdefault(f.paragraph, []):
            voices[f.paragraph].append(who)
        voiced_to[f.paragraph] = f.end
        if f.shown:
            quotes.append(_quote(who, f, people))
    return _without_repeats(_without_overlaps(sorted(quotes, key=lambda q: q.start)))


# Words a sentence of its own between a quotation and the last one who spoke has at least.
_SENTENCE_WORDS = 3


def _sentence_between(body: str, start: int, end: int) -> bool:
    """True when words of their own stand between `start` and `end` ("... ingin menguatkan
    KPK. Bahkan, pihak yang menentang ... kuat. “"), past the attribution when a closing mark
    opens them (not only '...,” kata Meregalli. “')."""
    between = body[start:end].strip()
    if between[:1] in ",\"”'’":  # a closing mark and an attribution first
        ended = SENTENCE_END.search(between)
        between = between[ended.end() :] if ended else ""
    return len(between.split()) >= _SENTENCE_WORDS


# How far before a reply ("“...,” jawabnya") the question it answers may end.
_QUESTION_CHARS = 200
_ASKS = re.compile(r"\b(?:bertanya|menanyakan|tanya)\b")
# The asker's name ends at most this many words before the verb of asking.
_ASKER_WORDS = 3


def _asked(body: str, f: Found, who: tuple[str, str]) -> bool:
    """Whether the quotation `f`, said with a reply's verb ("jawabnya"), would go to the one
    the text says asked the question before it ("Halimi bertanya kembali")."""
    if not vocabulary().reply.match(body, f.end):
        return False
    before = body[max(0, f.start - _QUESTION_CHARS) : f.start]
    asked = _ASKS.search(before) if "?" in before else None
    if asked is None:
        return False
    asker = before[: asked.start()].split()[-_ASKER_WORDS:]
    return any(word in asker for word in who[0].split())


# How far after a sentence's subject its comment phrase may stand.
_COMMENT_CHARS = 80


def _comments(body: str, at: int) -> bool:
    """Whether the sentence opening at `at` says its subject comments ("Justin Bieber pun
    memberi komentar terkait video ini.", "Bupati angkat bicara.")."""
    end = SENTENCE_OR_QUOTE_END.search(body, at)
    stop = min(end.start() if end else len(body), at + _COMMENT_CHARS)
    return bool(vocabulary().comments.search(body, at, stop))


def _titled_in(quoted: str, name: str, people: People) -> bool:
    """True when `quoted` names the person `name` after a word of address ("Pak Laode", "Bu
    Risma"; speech.toml `address_titles`): someone else speaking of that person (not "Pak
    Habibie" in his son's words, the article's Habibie another person than Ilham Akbar
    Habibie)."""
    words = [w for w in name.split() if len(w) > 2]
    if not quoted or not words:
        return False
    found = vocabulary()
    # Most quotations hold no word of the name or no word of address: the pattern of this
    # name (compiled anew for every name) only where both are.
    if not any(word in quoted for word in words) or not found.address_titled.search(quoted):
        return False
    named = alternation(words)
    return any(
        people.full_name((m.group(1),)) == name
        for m in re.finditer(rf"{found.address_titled.pattern}({named})\b", quoted)
    )


def _names_someone_known(f: Found, people: People) -> bool:
    """True when the quotation `f` names in full a person the article names (an official,
    a speaker resolved)."""
    quoted = people.body[f.start : f.end]
    return any(_names_in_full(quoted, name) for name in people.known)


def _names_in_full(quoted: str, name: str) -> bool:
    """True when `quoted` writes a name of two words or more whole, of someone else: "... dari
    Menpora Pak Imam Nahrawi" names Imam Nahrawi (not "Nama saya Budi Santoso", "Saya, Agus
    Rahardjo, ...": the speaker's own; speech.toml `first_person`)."""
    if " " not in name:
        return False
    at = quoted.find(name)
    if at < 0 or not (at_boundary(quoted, at) and at_boundary(quoted, at + len(name))):
        return False
    own = rf"\b(?:{vocabulary().first_person})\b[\s,]*$"
    return re.search(own, quoted[max(0, at - 20) : at]) is None


def _person_by_initials(subject: Said, body: str) -> bool:
    """True for a subject that is a person the article writes by initials only: "RG" where it
    writes "berinisial RG" or "RG (22)" (speech.toml's `initials_words`)."""
    if not subject.weak or len(subject.name) != 1:
        return False
    word = subject.name[0]
    if not (_INITIALS_LETTERS[0] <= len(word) <= _INITIALS_LETTERS[1] and word.isupper()):
        return False
    words = vocabulary().initials_words
    return re.search(rf"\b(?:{words})\s+{word}\b|\b{word}\s*\(\d{{1,2}}\)", body) is not None


def _speaks_for(body: tuple[str, ...], last: tuple[str, str] | None) -> bool:
    """True when the body is in the role of the person `last` named ("APJATEL" after "Ketua
    APJATEL Muhammad Arif Angga", "Bank Indonesia" after "Gubernur BI Perry Warjiyo")."""
    return last is not None and in_role(body, last[1])


def _role_text(role: tuple[str, ...]) -> str:
    """A speaker's role as shown: its words without ranks and titles, nor the sentence's
    opening words read with it ("Awalnya", "Menurutnya", "Penuturan")."""
    return without_titles(" ".join(role_shown(role)))


def _quote(who: tuple[str, str], f: Found, people: People) -> Quote:
    name, role = who
    return Quote(people.as_quoted(name, role), role, people.body[f.start : f.end], f.start, f.end)


def resolve_speaker(said: Said, people: People) -> tuple[str, str] | None:
    role = _role_text(said.role)
    if said.name:
        full = people.full_name(said.name)
        if full is None or (said.weak and not _named_in_full(full, said, people)):
            return None
        if _names_an_organisation(full, people.names_text):
            return None  # "kata Big Hit" where the article writes "Big Hit Entertainment"
        if _names_a_government(full):
            return None  # "Teheran telah membantah ...": the state speaking, no person
        if not said.role and _word_opening_sentences(full, people.body):
            return None  # "Kendati sudah melaporkan ...", "Masyarakat pun menduga ...": no name
        words = full.split()
        while (
            len(words) > len(said.name)
            and words[0] in said.role
            and " ".join(words) not in people.official_names  # "Bima Arya Sugiarto"
        ):
            words = words[1:]  # "Lurah Sukajadi Indra Permana": the place is the role's
        while (
            len(words) > 2
            and not is_name_particle(words[1])  # "Turki Al Maliki"
            and " ".join(words) not in people.official_names
            and (_goes_with(words, people.body) or _opens_no_name(words[0]))
        ):
            # "pelatih Barito Putera Djajang Nurjaman": the club's name; "PM Israel Benjamin
            # Netanyahu", "Kemnaker Aris Wahyudi": the country's, the agency's
            words = words[1:]
        full = people.first_spelling(" ".join(words))
        if full != " ".join(words) and full not in people.known:
            # "Syafi’i Ma’arif" is the "Ahmad Syafi’i Maarif" the article writes first (an
            # official's name is as the officials give it)
            full = people.full_name(tuple(full.split())) or full
        if role and full not in people.roles:
            people.roles[full] = role
        return full, people.role_of(full) or role
    named = _named_after_role(said.role, people)
    if named is not None:
        return named
    official = people.by_role(said.role)
    if official is None:
        return people.given_role(said.role)
    return official.name, official.role


def _named_after_role(role: tuple[str, ...], people: People) -> tuple[str, str] | None:
    """The official a role's last word names when it is a word of the name of the one
    official of the article who holds an office of that head ("ungkap Menteri Rini", after
    "Menteri BUMN Rini Soemarno"; "Duta Besar Kadir" of Abdul Kadir Jailani; not "ujar
    Kapolres Budi" of the Menteri Perhubungan Budi Karya Sumadi); not when role and word make
    a head of roles.toml ("Jaksa Agung": `long_heads`)."""
    if len(role) < 2 or not role[-1][:1].isupper() or " ".join(role) in vocabulary().long_heads:
        return None
    if not is_role_word(role[0]):
        return None
    # the office's head alone: its body is often written two ways ("Sekretaris Kementerian
    # Sekretariat Negara" of the "Sekretaris Menteri Negara" Setya Utama)
    office = without_titles(" ".join(role[:-1])).split()[:1]
    office = office[0] if office else ""
    held = {
        (name, people.role_of(name))
        for name in people.official_names
        if role[-1] in name.split()
        and is_person_name(name.split())
        and holds_office(people.role_of(name), office)
    }
    return held.pop() if len(held) == 1 else None


_NEXT_WORD = re.compile(r"\s+([A-Z][\w'’-]*)")
_WORD_CHARACTER = re.compile(r"[\w'’-]")  # what a capitalised word before a name ends with
_CAPITAL = re.compile(r"[A-Z]")


def _names_an_organisation(name: str, body: str) -> bool:
    """True when the article (title, then body) first writes `name` as part of a company's or
    a group's name ("Big Hit" in "Big Hit Entertainment"; not "Andy Roddick", named in the
    title before his foundation)."""
    at = body.find(name)
    while at > 0 and body[at - 1].isalnum():
        at = body.find(name, at + 1)
    if at < 0:
        return False
    following = _NEXT_WORD.match(body, at + len(name))
    return following is not None and following.group(1) in vocabulary().organisations


def _names_a_government(name: str) -> bool:
    """True when a speaker's name is, whole, a country, a province, a regency or a city, at
    home or abroad ("Teheran", "Washington", "New Delhi", "Jawa Barat"): its government
    speaking, no person (not a district's or a town's name, which is often a person's too:
    "Mayang", "Kai")."""
    return place_name_kind(name.split()) in ("foreign", "region") or (
        name.lower() in foreign_regions()
    )


def _word_opening_sentences(name: str, body: str) -> bool:
    """True for a name of one dictionary word that the corpus does not write as a name
    (name_roots_mined.txt) and the article writes with a capital only where it opens a
    sentence: a conjunction, an adverb or a noun read as a subject ("Kendati", "Enggan",
    "Masyarakat"), no person (a given name of the lists stays, "Budi", "Agus"; and so does
    one the article writes inside a sentence: "kata Tiga")."""
    if " " in name or not is_common_word(name) or name.lower() in name_roots():
        return False
    written = re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", body)
    return all(_opens_sentence_at(body, m.start()) for m in written)


def _opens_sentence_at(body: str, at: int) -> bool:
    """True when a sentence or a line of `body` starts at `at` (after quotation marks)."""
    line = body.rfind("\n", 0, at) + 1
    return not body[max(line, sentence_start(body, at)) : at].strip(' \t"“”')


def _opens_no_name(word: str) -> bool:
    """A word that is no person's name's first: a country or a province ("Israel"), an
    agency's short name ("Kemnaker"), an institution's word."""
    bare = word.rstrip(".")
    return (
        is_place([bare])
        or place_name_kind([bare]) in ("foreign", "region")
        or is_agency_word(bare)
        or is_institution_word(bare)
    )


def _goes_with(name: list[str], body: str) -> bool:
    """True when the first word of `name` ends the capitalised name written before it,
    which the body also writes elsewhere without the rest of `name`: an organisation's
    ("pelatih Barito Putera Djajang Nurjaman" where it writes "melawan Barito Putera akan")."""
    sp = vocabulary()
    written = " ".join(name)
    if not _written_after_a_word(body, " " + written):
        return False  # the pattern below needs a capitalised word before it: not compiled
    for start, word in _words_before_name(body, written):
        if word.rstrip(".") in sp.titles or word in sp.role_words:
            continue  # a title or a role before the name: "Habib Usman bin Yahya"
        pair = f"{word} {name[0]}"
        for other in _pairs_without(body, pair, " " + name[1]):
            if other != start:
                return True
    return False


def _words_before_name(body: str, written: str) -> Iterator[tuple[int, str]]:
    """(start, word) of each capitalised word written right before `written`, as
    `re.finditer(rf"\\b([A-Z][\\w'’-]*) {re.escape(written)}\\b", body)` finds them (without
    compiling a pattern for each name): the word's run of word characters, apostrophes and
    hyphens, from its first capital after a \\b; no match overlapping the one before."""
    spaced = " " + written
    resume = 0  # where the last match ended
    at = body.find(spaced)
    while at >= 0:
        end = at + len(spaced)
        if at_boundary(body, end):
            run = at
            while run and _WORD_CHARACTER.match(body, run - 1):
                run -= 1
            for start in range(max(run, resume), at):
                if _CAPITAL.match(body, start) and at_boundary(body, start):
                    yield start, body[start:at]
                    resume = end
                    break
        at = body.find(spaced, max(at + 1, resume))


def _pairs_without(body: str, pair: str, following: str) -> Iterator[int]:
    """Where `body` writes `pair` between \\b's not followed by `following` and a \\b, as
    `re.finditer(rf"\\b{re.escape(pair)}\\b(?!{re.escape(following)}\\b)", body)` finds it."""
    at = body.find(pair)
    while at >= 0:
        end = at + len(pair)
        if (
            at_boundary(body, at)
            and at_boundary(body, end)
            and not (body.startswith(following, end) and at_boundary(body, end + len(following)))
        ):
            yield at
            at = body.find(pair, max(end, at + 1))
        else:
            at = body.find(pair, at + 1)


def _written_after_a_word(body: str, spaced: str) -> bool:
    """True when `spaced` (a space, then a name) follows, somewhere in `body`, a run of word
    characters with a capital letter among them (where a capitalised word may end)."""
    at = body.find(spaced)
    while at >= 0:
        start = at
        while start and _WORD_CHARACTER.match(body, start - 1):
            start -= 1
        if _CAPITAL.search(body, start, at):
            return True
        at = body.find(spaced, at + 1)
    return False


def _named_in_full(full: str, said: Said, people: People) -> bool:
    """True when a name that may be a place's ("kata Bima") is a person's: one the article
    names, or one it writes in full as a person's name ("Bima Aryo" in its title), or
    initials it writes in full ("AHY")."""
    words = full.split()
    rest = [w for w in words if w not in said.name]
    if len(words) > 1 and initials(words) == "".join(said.name):
        return True  # "AHY" where the article names Agus Harimurti Yudhoyono
    if any(w in vocabulary().name_head_words for w in said.name):
        # "kata Agung": a person the article names as one ("Kombes Agung Budijono"), not
        # any run of capitalised words holding the word ("Yayasan Pendidikan Agung Podomoro").
        return full in people.known
    return full in people.known or (
        len(words) > len(said.name) and bool(rest) and looks_like_person(rest)
    )


def _without_overlaps(quotes: list[Quote]) -> list[Quote]:
    kept: list[Quote] = []
    for quote in quotes:
        if kept and quote.start < kept[-1].end:
            continue
        kept.append(quote)
    return kept


_ENDING = " \t.,;:!?"  # what a quotation's text may end with, printed again


def _without_repeats(quotes: list[Quote]) -> list[Quote]:
    """The quotes without one the body prints again for the same speaker: the same words,
    whatever mark ends them ("... melakukan DPO." in a paragraph, then "... melakukan DPO,"
    kata Luki Hermawan), are one quote, the first."""
    seen: set[tuple[str, str]] = set()
    kept: list[Quote] = []
    for quote in quotes:
        key = (quote.speaker, quote.text.rstrip(_ENDING))
        if key in seen:
            continue
        seen.add(key)
        kept.append(quote)
    return kept
