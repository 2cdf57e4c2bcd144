"""Speaker phrases in the text: the words after a verb written after the speech ("kata Wiyagus
saat ditemui", "ujar pelatih asal Bandung ini", "kata juru bicara PT KCI, Anne Purba") and
before a verb written before it ("Kepala Dinas X, Budi, mengatakan"), and where they end."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from search.ingest.extract.dates import PAREN_DATE
from search.ingest.extract.officials import alternation, known_name
from search.ingest.extract.person_names import (
    PAREN_AGE,
    is_common_word,
    is_degree,
    is_name_particle,
    is_place,
    looks_like_person,
    names_one_place,
)
from search.ingest.extract.quotes.people import is_person_name
from search.ingest.extract.quotes.sentences import is_role_phrase, sentence_start, verb_shaped
from search.ingest.extract.quotes.speakers import (
    AND_WORDS,
    NOBODY,
    PRONOUN,
    Said,
    is_name_word,
    is_role_word,
    speaker,
    surname_like_day,
)
from search.ingest.extract.quotes.vocabulary import vocabulary

# A word ends at a full stop ("Rahmat.Dia menambahkan": a lost space after a sentence).
# A unit's code is one word: "Dandim 0420/Sarko".
TOKEN = re.compile(
    r"\s*(?:(?P<word>[\w'’-]+(?:/[\w'’-]+)*(?:\.(?:com|co\.id|co|id|tv|net|org)\b)?\.?)"
    r"|(?P<paren>\([^()\n]{1,60}\))|(?P<comma>,))"
)
_WORD_BACK = re.compile(
    r"(?:(?P<word>[\w'’-]+(?:/[\w'’-]+)*\.?)|(?P<paren>\([^()\n]{1,60}\))|(?P<comma>,))\s*$"
)
# How far back a word (_BACK) or a sentence's start (_SENTENCE_SPAN) is looked for: searches
# anchored at a place, not run from the paragraph's start each time.
_BACK = 80
# After a verb: nothing before the punctuation.
_NOTHING = re.compile(r"[ \t]*(?:[,.;]|$)")
_WORD_AFTER = re.compile(r"[ \t]+([A-Z][\w']+)")
# A date after a day's name: "Senin (16/9/2019)", "Senin, 16 September 2019".
_DATED = re.compile(r"[ \t]*(?:\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)|,?[ \t]*\d{1,2}[ \t]+[A-Z][a-z]+)")
_ANAPHORA = re.compile(r"\s+(?:ini|itu|tersebut)\b")
# A relation described by whom they are related to, then the anaphor: "putra bungsu Ketua
# Umum Partai Demokrat Susilo Bambang Yudhoyono (SBY) ini".
_RELATION_THEN_ANAPHOR = re.compile(
    r"(?:[ \t]+[\w'’.-]+){1,10}?(?:[ \t]*\([^()\n]{1,30}\))?[ \t]+(?:ini|itu|tersebut)\b"
)
# An ordinal after an office, then the anaphor: "Presiden RI (keenam) ini", "(ke-6) itu".
_RANKED_DESCRIPTION = re.compile(
    r"\s+(?:ke-?\d+|ke(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)|pertama)"
    r"\s+(?:ini|itu|tersebut)\b"
)
# "pria yang akrab disapa Bamsoet itu", "pembalap kelahiran Italia ini", "sang pelatih";
# "pria yang akrab disapa Soerjo" (the name one is called by, without "itu").
_DESCRIPTION = re.compile(
    r"[^,.;:!?\"“”()]{0,80}?\b(?:ini|itu|tersebut)\b"
    r"|[^,.;:!?\"“”()]{0,40}?\byang\s+(?:akrab\s+|biasa\s+)?(?:disapa|dipanggil)"
    r"\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
)
_SANG = re.compile(r"\s*sang\s+(?P<role>\w+)")
# A word in lower case right after a phrase: "bungsu" of "Putra bungsu Habibie".
_LOWER_WORD_NEXT = re.compile(r"[ \t]+([a-z]+)")
# A short form in brackets inside a role: "Pelaksana Tugas (Plt)", "Pemadam Kebakaran (Damkar)".
# (not an age or a date: "Subro (20)")
_ROLE_PAREN = r"\((?!\d)[^()\n]{1,40}\)"
_ROLE_THEN_NAME = re.compile(
    rf"\s*(?P<role>(?:[^,.;:!?\"“”()\n]|{_ROLE_PAREN}){{2,80}}?),\s*"
    r"(?P<name>(?:(?:[A-Z]\.){2,}|[A-Z][\w'’-]*)(?:\s+(?:[A-Z][\w'’.-]*|bin|binti))*)"
    r"(?=\s*(?:[.,;!?()\"“”]|$)|\s+[a-z])"
)
# A role opening in lower case (one to five words, a title such as "dr" among them), then
# capitalised words: its body and the name ("politikus PDIP Masinton Pasaribu", "juru bicara
# KPK Febri Diansyah", "dokter spesialis kulit dan kelamin dr Susie Rendra"), a name of at
# most this many words.
_LOWER_ROLE_NAME_WORDS = 3
_LOWER_ROLE_THEN_NAME = re.compile(
    r"\s*(?P<role>[a-z][a-z-]*(?:[ \t]+[a-z][a-z-]*){0,4})[ \t]+"
    rf"(?P<caps>[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|\d[\w/]*|{_ROLE_PAREN}(?=[ \t]+[A-Z]))){{0,7}})"
)
_PAREN = re.compile(_ROLE_PAREN)
# The next word as written, dots inside ("B.Sc"), up to a space or a comma.
_WRITTEN_WORD = re.compile(r"\s*([^\s,]+)")
# After a speaker phrase, the rest of a role and a person's name after a comma: "oleh Filsuf,
# Slavoj Zizek, menanggapi", "oleh Administratur Perhutani Lawu dan Sekitarnya, Asep Dedi".
_NAME_AFTER_COMMA = re.compile(
    r"(?P<role>(?:\s+(?:dan|&)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})?)\s*,\s*"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’.-]*){1,3})(?=\s*(?:[.,;!?()]|$))"
)
# A space before a comma a few lower-case words after a speaker word: a link's text cut out
# there ("anggota , ini", "pria yang akrab disapa , ini").
_LOST_NAME = re.compile(r"((?:\s+[a-z][\w-]*){0,4})\s,")
# What follows a name after a comma: a lower-case word, or a comma and what comes next.
_AFTER_NAME = re.compile(r"\s+(?P<word>[a-z][\w-]*)|\s*,\s*(?P<next>[A-Z][\w'’-]*)?")
_FROM = frozenset({"asal", "dari"})
# The end of a speaker's phrase right after a word: punctuation, maybe after a comma and a
# pointing word left by a removed name (" ,itu.").
_PHRASE_ENDS = re.compile(r"\s*(?:,\s*(?:ini|itu|tersebut)\b)?\s*(?:[.;!?\"“”]|,(?!\s*[A-Z])|$)")
_JOINERS = frozenset({"dan", "atau", "serta", "pun", "juga", "lagi", "pula", "sendiri"})
# Where something was said opens a role's last words: "Menkes di sela kunjungan ke ...".
_AT = "di"
# The day something was said, or the speaker's age, in parentheses before the verb's comma:
# "X, Jumat (6/9/2019), menyebutkan", "Irawan (40), mengatakan".
_DAY_OR_AGE = re.compile(rf"{PAREN_DATE}|{PAREN_AGE}")
# A name before a comma and the role after it ("Agung, Humas Basarnas ...") is this many words.
_NAME_BEFORE_ROLE_WORDS = 3
_LAST_TOKEN = re.compile(r"([\s,]*)([A-Z][A-Za-z.]{0,7}|\([A-Z]{1,3}\))[\s,]*$")
_WORDS = re.compile(r"[\w'’.-]+")


def word_back(text: str, end: int) -> re.Match[str] | None:
    """The word, bracket or comma right before `end` (spaces between): what
    `_WORD_BACK.search(text, end - _BACK, end)` finds, matched where it must start instead of
    tried at each of the _BACK places before `end`. A match ends in a word character, a full
    stop, a closing bracket or a comma, and can start at one place only: where the run of
    word characters before it starts, at the opening bracket before it, at the comma.
    Anything else is searched as before."""
    lo = max(0, end - _BACK)
    at = end
    while at > lo and text[at - 1].isspace():
        at -= 1
    last = text[at - 1] if at > lo else ""
    if last == ",":
        start = at - 1
    elif last == ")":
        start = text.rfind("(", lo, at - 1)
    else:
        start = at - 1 if last == "." else at
        while start > lo and (
            _in_word(text[start - 1])
            # a unit's code, as TOKEN reads it: "Kapendam XVII/Cenderawasih"
            or (text[start - 1] == "/" and start - 1 > lo and _in_word(text[start - 2]))
        ):
            start -= 1
    m = _WORD_BACK.match(text, start, end) if 0 <= start < at else None
    return m if m is not None else _WORD_BACK.search(text, lo, end)


def _in_word(char: str) -> bool:
    """A character of `_WORD_BACK`'s words: what `re` calls \\w, an apostrophe, a hyphen."""
    return char.isalnum() or char in "_'’-"


# The most words (commas too) a speaker phrase after a verb holds: "Pelaksana Tugas Kepala
# Pusat Data, Informasi, dan Humas Badan Nasional Penanggulangan Bencana Agus Wibowo".
_PHRASE_WORDS = 20


def words_after(text: str, pos: int) -> tuple[list[str], int]:
    """The speaker phrase after a verb at `pos`, and where it ends: capitalised words (ranks,
    initials, a role with its commas and "dan"), up to a lower-case word or punctuation."""
    sp = vocabulary()
    words: list[str] = []
    end = pos
    nxt, nxt_at = None, -1  # the token read ahead, and where it was read from
    while len(words) < _PHRASE_WORDS:
        m = nxt if nxt_at == pos else TOKEN.match(text, pos)
        if m is None:
            break
        if m.group("paren"):
            pos = m.end()  # "Wakil Menteri Dalam Negeri (Wamendagri) ..."
            continue
        nxt, nxt_at = TOKEN.match(text, m.end()), m.end()
        upper_next = bool(nxt and nxt.group("word") and nxt.group("word")[0].isupper())
        word = m.group("word")
        in_role = (m.group("comma") or word in AND_WORDS) and any(is_role_word(w) for w in words)
        if m.group("comma") and words and "." in words[-1].rstrip("."):
            break  # "Fimela.com, Jakarta ...": a site's dateline, no role before a name
        if m.group("comma"):
            # "kata Kasubag Humas Polres Anambas, Ipda Zulmi": a name after the role;
            # "kata Kepala Badan Meteorologi, Klimatologi dan Geofisika, Edison Kurniawan";
            # not a degree after the name ("Semuel Abrijani Pangerapan, B.Sc, dalam ...").
            degree = _WRITTEN_WORD.match(text, m.end())
            if degree and is_degree(degree.group(1)):
                break
            # "Kepala Pusat Data, Informasi, dan Humas BNPB Agus Wibowo": "dan" and a role's
            # or a field's word after the comma go on the role's list of fields (not "kata
            # Kapolres, dan Budi Santoso menambahkan")
            field = _WORD_AFTER.match(text, nxt.end()) if nxt else None
            and_next = bool(
                in_role
                and nxt
                and nxt.group("word") in AND_WORDS
                and field
                and (is_role_word(field.group(1)) or field.group(1) in sp.qualifiers)
            )
            said = speaker(words) if words and (upper_next or and_next) else None
            if said is not None and (not said.name or said.weak or in_role):
                words.append(",")
                pos = m.end()
                continue
            break
        if not words and word in sp.pronouns:
            return [word], m.end()
        if word in AND_WORDS and in_role and upper_next:
            words.append(word)  # "Dirjen Peternakan dan Kesehatan Hewan"
            pos = m.end()
            continue
        if word.rstrip(".") in sp.titles or (words and word[0].isdigit()):
            words.append(word)  # "kata dr Catharine", "kata Dandim 0420/Sarko Letkol ..."
            pos = m.end()
            continue
        if not word[0].isupper():
            if not words:
                words.append(word)  # "kata seorang warga": an unnamed source
                end = m.end()
            break
        if word.rstrip(".") in sp.name_enders:
            break
        words.append(word)
        pos = end = m.end()
        if word.endswith(".") and len(word) > 2 and word.rstrip(".") not in sp.titles:
            break  # the sentence ends with the name
    while words and (words[-1] == "," or words[-1] in AND_WORDS):
        words.pop()
    if len(words) == 1 and words[0] in sp.honorifics and end < pos:
        end = pos  # "ujar Buya, sang menteri ...": an honorific alone names the speaker
    return words, end


# How many words in lower case a role's phrase has before a word of a longer head, and
# words that put a place or a body between (no phrase of one role).
_LOWER_PHRASE_WORDS = 4
_RUN_BREAKS = frozenset({"di", "pada", "untuk", "yang", "sebagai", "selaku", "dengan", "oleh"})


def _lower_role_run(text: str, at: int, word: str) -> tuple[list[str], int] | None:
    """The words in lower case of a role, and where they start, that a word of a longer head
    only (`role_parts`: "Negara" of "Sekretaris Negara") ends, from a role word opening them:
    "hukum tata negara" of "Pakar hukum tata negara"; None when `word` is a role of its own,
    or the run is long, holds a preposition or a conjunction ("penasihat senior di
    perusahaan pencari kerja The Mentat"), or opens with no role."""
    sp = vocabulary()
    if word.capitalize() not in sp.role_parts:
        return None
    run = [word]
    for _ in range(_LOWER_PHRASE_WORDS):
        back = word_back(text, at)
        before = back.group("word") if back is not None else None
        if not before or not before[0].islower():
            break
        if (
            before in sp.prepositions
            or before in _FROM
            or before in _JOINERS
            or before in _RUN_BREAKS
        ):
            return None
        at = back.start("word")
        run.insert(0, before)
    else:
        return None  # a long run: a description, no role
    head = run[0].capitalize()
    return (run, at) if len(run) > 1 and is_role_word(head) and head not in sp.role_parts else None


def _surname_like_day_at(text: str, at: int, day: str) -> bool:
    """True when the weekday `day` at `at`, right before a verb, follows a name word and a
    single space: "Margarito Kamis mengatakan" (see `surname_like_day`)."""
    back = word_back(text, at)
    if back is None or back.group("word") is None or text[back.end("word") : at] != " ":
        return False
    return surname_like_day([back.group("word"), day], 1)


def _role_of_something_else(text: str, end: int) -> bool:
    """True when a role alone ends its phrase with a noun in lower case of what it heads
    ("tutur Presiden klub ,itu."), not with where or when it spoke ("Presiden di Istana",
    "Gubernur usai rapat": speech.toml `tail_words`) or a verb, nor goes on ("Kepala Satuan
    Lalu lintas ..., Kompol Hari Admoko", "Menurut Menhub kebijakan tersebut ...")."""
    following = _LOWER_WORD_NEXT.match(text, end)
    if following is None or not _PHRASE_ENDS.match(text, following.end()):
        return False
    word = following.group(1)
    sp = vocabulary()
    return (
        word not in sp.tail_words
        and word not in sp.relative_words
        and word not in sp.noun_markers
        and word not in _JOINERS
        and not verb_shaped(word)
        and is_common_word(word)
    )


def _capitalised_relation(said: Said, text: str, end: int) -> bool:
    """A relation word written with a capital and read as a name, a description going on in
    lower case after it ("Putra bungsu Habibie, ..."; speech.toml's `relation_qualifiers`), not
    "kata Putra," nor "kata Putra sembari ...", a man called Putra."""
    if not said.name or said.name[0].lower() not in vocabulary().relations:
        return False
    if len(said.name) > 1:
        # "ujar Putri Ma'ruf Amin, Siti Ma'rifah": a relation of a known official, not a
        # woman called Putri
        return known_name(said.name[1:])
    following = _LOWER_WORD_NEXT.match(text, end)
    return following is not None and following.group(1) in vocabulary().relation_qualifiers


def speaker_after(text: str, pos: int) -> tuple[Said, int]:
    """The speaker written after a verb that follows the speech, and where the phrase ends:
    a name with its role ("kata Kasubag Humas Polres Anambas Ipda Zulmi"), a role and a
    name after a comma ("kata juru bicara PT KCI, Anne Purba"), a description of the one
    last named ("kata politikus Golkar ini", "ujar sang pelatih") or nothing left of a name
    whose link was cut out ("tutur ,"): a pronoun."""
    if _NOTHING.match(text, pos):
        return PRONOUN, pos
    day = _WORD_AFTER.match(text, pos)
    if day and day.group(1) in vocabulary().said_on_days and _DATED.match(text, day.end()):
        # '"...," ujar Senin (16/9/2019)': the day right after the verb, the name before it
        # lost with its link; the one last named
        return PRONOUN, pos
    words, end = words_after(text, pos)
    if words and _ANAPHORA.match(text, end) and not _unnamed_group(words[0]):
        return PRONOUN, end  # "menurut pria ini", not "menurut netizen ini"
    if words and words[0].lower() in vocabulary().relations:
        related = _RELATION_THEN_ANAPHOR.match(text, pos)
        if related is not None:
            # "kata putra sulung Presiden Joko Widodo (Jokowi) tersebut", "ujar kakak korban
            # tersebut": the anaphor may be the relative's or the one they are related to,
            # and the one last named may be either: no one
            return NOBODY, related.end()
    described = _DESCRIPTION.match(text, pos)
    if (
        words
        and described
        and describes(words[0])
        and not is_person_name(list(speaker(words).name))
    ):
        # (not "kata Menteri Keuangan Sri Mulyani dalam acara itu": a name, then an occasion)
        return PRONOUN, described.end()
    ranked = _RANKED_DESCRIPTION.match(text, end)
    if words and ranked and is_role_word(words[0]) and not speaker(words).name:
        # "kata Presiden RI keenam ini": an office and its number, the one last named
        return PRONOUN, ranked.end()
    sang = _SANG.match(text, pos)
    apposed = _described_then_named(text, pos) if sang else None
    if apposed is not None:
        return apposed  # "kata sang leader, Yunho": who they are, then the name
    if sang and _is_role_not_relation(sang.group("role")):
        return PRONOUN, sang.end()
    said = speaker(words)
    if said.role and not said.name and _role_of_something_else(text, end):
        # "tutur Presiden klub ,itu": a club's president, not the country's; no one named
        return NOBODY, end
    if _capitalised_relation(said, text, end):
        # "kata Putra bungsu Habibie, Thareq Kemal Habibie": a relation, capitalised
        said = speaker([words[0].lower(), *words[1:]])
    if said.other and _lost_name(text, end):
        # "ujar anggota , ini", "ucap pria yang akrab disapa , ini": a description whose
        # name the page lost with its link, not someone else.
        return NOBODY, end
    if said.other and not said.role:
        # "ujar ibunda Kris, Tuty", "ucap keluarga korban, Vonny": who they are, then the name
        # (read above already after "sang")
        apposed = None if sang else _described_then_named(text, pos)
        if apposed is not None:
            return apposed
    if said.name and not said.role:
        # "oleh Filsuf, Slavoj Zizek": a role (not a name), then the name after a comma.
        apposed = _NAME_AFTER_COMMA.match(text, end)
        if apposed and looks_like_person(apposed.group("name").split()):
            role = [*words, *apposed.group("role").split()]
            found = speaker([*role, ",", *apposed.group("name").split()])
            if found.name and not found.weak:
                return found, apposed.end("name")
    if said.role and not said.name and any(is_role_word(w) for w in said.role):
        # "ujar Pengamat Politik dari Indo Barometer Muhammad Qodhari ketika ...": whom the
        # role is with after "dari", then the name
        found = _role_from_body_then_name(text, end, words)
        if found is not None:
            return found
    if not said.name:
        # "ujar anggota Fraksi PAN Zita Anjani di Gedung DPRD": a role opening in lower case,
        # then its body and the name, with no comma between
        found, found_end = _lower_role_then_name(text, pos)
        if found.name:
            return found, found_end
        named = _ROLE_THEN_NAME.match(text, pos)
        role = _without_brackets(named.group("role")) if named else []
        if (
            named
            and _role_with_description(" ".join(role))
            and not _title_or_place(named.group("name"))
        ):
            name = [w.rstrip(".") for w in named.group("name").split()]
            found = speaker([role[0].capitalize(), *role[1:], ",", *name])
            # no place, nor a word of where it was said: "kata Menkes di sela kunjungan ke
            # Klinik Kesehatan Haji Indonesia (KKHI) Madinah, Kamis"
            if (
                found.name
                and not found.weak
                and not names_one_place(found.name)
                and not (_AT in role and found.name[-1] not in name)
            ):
                return found, named.end("name")
    return said, end


_FROM_BODY = re.compile(r"[ \t]+dari[ \t]+(?=[A-Z])")


def _role_from_body_then_name(text: str, end: int, role: list[str]) -> tuple[Said, int] | None:
    """The person after a capitalised role, "dari" and the body they are with ("Pengamat
    Politik dari Indo Barometer Muhammad Qodhari"), and where the name ends; None when no
    person's name ends the phrase there."""
    m = _FROM_BODY.match(text, end)
    if m is None:
        return None
    body, body_end = words_after(text, m.end())
    if "," in body:
        return None
    found = speaker([*role, *body])
    if (
        len(found.name) >= len(body)
        or found.weak
        or not is_person_name(list(found.name))
        or not _ends_attribution(text, body_end)
    ):
        return None  # "Pengamat dari Universitas Indonesia": a body, no one named
    return found, body_end


def _lower_role_then_name(text: str, pos: int) -> tuple[Said, int]:
    """A role whose first words are in lower case ("anggota", "mantan", "juru bicara"), its
    body and a person's name, ending the attribution: "kata politikus PDIP Masinton Pasaribu
    di DPR", "ujar mantan Ketua KPK Abraham Samad."; NOBODY when the words are not so."""
    m = _LOWER_ROLE_THEN_NAME.match(text, pos)
    if m is None or not _ends_attribution(text, m.end()):
        return NOBODY, pos
    sp = vocabulary()
    lower = m.group("role").split()
    caps = _without_brackets(m.group("caps"))
    # "peneliti dari Kinsey Institute Justin Lehmiller": who they work for, not where from
    works_for = lower[1:] == ["dari"] and any(
        w in sp.organisation_words or w in sp.institutions for w in caps
    )
    if not (is_role_word(lower[0].capitalize()) or lower[0] in sp.described) or any(
        (
            (w in sp.prepositions or w in _FROM or w in sp.noun_markers)
            and not (works_for and w == "dari")
        )
        or verb_shaped(w)
        for w in lower
    ):
        # "pernyataan dari Yayasan ...": a statement's source; "pelatih asal Bosnia": where
        # the person is from; "menggunakan aplikasi ...": no role (but "peneliti dari Kinsey
        # Institute Justin Lehmiller": who they work for)
        return NOBODY, pos
    first = lower[0].capitalize()
    found = speaker([first, *lower[1:], *caps])
    if len(found.name) > 1 and found.name[0] == first and not found.role:
        # "oleh desainer Jason Petrie": the word that says who someone is, no word of the
        # name; what is left must be a person's name ("kata gitaris Slank", "vokalis Ungu
        # Pasha": a band, or a band then a name, no one; speech.toml `group_trades`)
        rest = list(found.name[1:])
        if (
            lower[0] in sp.group_trades
            or len(rest) < 2
            or not is_person_name(rest)
            or any(map(is_common_word, rest))
        ):
            return NOBODY, pos
        found = replace(found, name=tuple(rest), role=(first,))
    name = list(found.name)
    if (
        not name
        or found.weak
        or not looks_like_person(name)
        or is_place(name)
        or any(w.rstrip(".") in sp.organisation_words for w in name)
    ):
        return NOBODY, pos  # "kata polisi Essex", "kata pelatih Madura United": no one
    if works_for and (
        len(name) < 2 or caps[-len(name) - 1].rstrip(".") not in sp.organisation_words
    ):
        return NOBODY, pos  # "pernyataan dari Yayasan Penyelamatan Orangutan": no one named
    if len(name) > _LOWER_ROLE_NAME_WORDS:
        # "peneliti Universitas Trisakti Abdul Fickar Hadjar": the body's last word would
        # open the name
        return NOBODY, pos
    body_between = any(w in caps for w in found.role)  # a body written before the name
    if lower[0] in sp.relations or (
        not body_between and (lower[0] in sp.posts_for_someone or lower[0] in sp.body_words)
    ):
        # "penasihat hukum Novanto": whose lawyer, not the lawyer's name; a body written
        # between ("juru bicara KPK Febri Diansyah") makes the name the post holder's, but
        # never a relative's ("putra sulung Presiden Joko Widodo": the father's)
        return NOBODY, pos
    return found, m.end()


def _without_brackets(words: str) -> list[str]:
    """The words of a role without its short forms in brackets: "Pelaksana Tugas (Plt)
    Pimpinan KPK" -> Pelaksana Tugas Pimpinan KPK."""
    return _PAREN.sub(" ", words).split()


def _role_with_description(words: str) -> bool:
    """True for a role before a comma and the name, maybe after a word describing the person
    ("mantan Kepala Dinas Perhubungan dan Pemadam Kebakaran, Wayan Sudarsana")."""
    first, _, rest = words.strip().partition(" ")
    return is_role_phrase(words) or (first in vocabulary().described and is_role_phrase(rest))


def _title_or_place(words: str) -> bool:
    """True for words after a role's comma that name no one: a title whose name follows its
    full stop ("..., Prof. Paul Yip"), a place ("Direktur IPAC di Makati, Filipina, ...")."""
    return words in vocabulary().titles or names_one_place(words.split())


def _described_then_named(text: str, pos: int) -> tuple[Said, int] | None:
    """The person named after a comma that follows who they are and ends the attribution
    ("ujar ibunda Kris, Tuty", "kata sang leader, Yunho"), with that description as their
    role, and where the name ends; None when no such name follows."""
    named = _ROLE_THEN_NAME.match(text, pos)
    person = speaker(named.group("name").split()) if named else NOBODY
    if (
        named is None
        or not person.name
        or person.weak
        or not looks_like_person(list(person.name))
        or not _ends_attribution(text, named.end("name"))
    ):
        return None
    described = [w for w in _without_brackets(named.group("role")) if w != "sang"]
    return Said(person.name, (*described, *person.role)), named.end("name")


def _ends_attribution(text: str, end: int) -> bool:
    """True when a name at `end` ends the attribution: punctuation follows (not a comma and
    another name: "warga RT 6, Kelurahan Srondol Wetan, Ismiyati"; but "Ida Rosida, Rabu
    (4/9)") or a word that goes on with it ("Vonny di Pondok Indah"; not "putri promotor
    musik, Adrie Subono itu", "..., Jakarta Barrier Free Tourism atau JBFT, Faisal Rusdi")."""
    m = _AFTER_NAME.match(text, end)
    if m is None:
        return True
    if m.group("word"):
        return m.group("word") in vocabulary().tail_words
    return m.group("next") is None or m.group("next") in vocabulary().name_enders


def _lost_name(text: str, end: int) -> bool:
    """True when the name after a speaker phrase ending at `end` was cut out with its link:
    a space and a comma after it, or after a few words that do not go on with the
    attribution ("ujar anggota , ini"; not "kata seorang pemrotes kepada ,yang ...")."""
    m = _LOST_NAME.match(text, end)
    return m is not None and not any(w in vocabulary().tail_words for w in m.group(1).split())


def _unnamed_group(first: str) -> bool:
    """True for an unnamed source that describes no one named ("netizen ini", "warga itu")."""
    sp = vocabulary()
    return first in sp.unnamed and first not in sp.described


def describes(first: str) -> bool:
    """True when a phrase opening with `first` tells who someone is: a describing word
    ("pria", "politikus") or a role in lower case ("pembalap"); ending in ini/itu/tersebut,
    it describes someone already named."""
    return first in vocabulary().described or (first.islower() and is_role_word(first.capitalize()))


def _is_role_not_relation(word: str) -> bool:
    """True for a role after "sang" ("sang pelatih": the one named; "sang istri": his wife)."""
    return word.lower() not in vocabulary().relations and is_role_word(word.capitalize())


def words_before(text: str, end: int) -> tuple[list[str], int]:
    """The speaker phrase ending at `end` (before a verb), and where it starts: capitalised
    words, with words such as "juga" between it and the verb skipped."""
    sp = vocabulary()
    words: list[str] = []
    pos = verb = _before_degrees(text, end)
    skipping = True
    closed = False  # a comma right before the verb: "..., mengatakan"
    while len(words) < 12:
        m = word_back(text, pos)
        if m is None:
            break
        if m.group("paren"):
            pos = m.start()
            continue
        if m.group("comma"):
            # "Kasubag Humas Polres Anambas, Ipda Zulmi mengatakan": a role before the name;
            # "Ilija Spasojevic, mengatakan": a comma before the verb.
            back = word_back(text, m.start())
            if words and back and back.group("word") and _role_before_comma(text, m.start()):
                words.insert(0, ",")
                pos = m.start()
                continue
            if words and is_role_word(words[0]) and _name_opens_sentence(text, m.start()):
                # "Agung, Humas Basarnas Tanjungpinang mengatakan": the name, then the role
                words.insert(0, ",")
                pos = m.start()
                continue
            paren = (back.group("paren") or "") if back is not None else ""
            aside = _DAY_OR_AGE.fullmatch(paren) is not None
            if not words and skipping and back and (back.group("word") or aside):
                # "X, mengatakan"; "X, Jumat (6/9/2019), menyebutkan": the day it was said;
                # "Irawan (40), mengatakan": the name's age
                closed = True
                pos = m.start()
                continue
            break
        word = m.group("word")
        if (
            skipping
            and (word in sp.between or word in sp.name_enders)
            and not (pos == verb and _surname_like_day_at(text, m.start(), word))
        ):
            pos = m.start()  # "X juga mengatakan", "X, Selasa (10/9/2019) mengatakan"
            continue
        skipping = False
        if word in sp.pronouns and not words:
            return [word], m.start()
        if word == "dan" and words:
            back = word_back(text, m.start())
            listed = word_back(text, back.start()) if back and back.group("comma") else back
            if _joins_words((listed.group("word") or "") if listed else "", words):
                # "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) menyatakan": the end
                # of a body's name, no one's
                return [], m.start()
            capital = back and back.group("word") and back.group("word")[0].isupper()
            if capital and not is_name_word(words[0]):
                # "Kepala Dinas Lingkungan Hidup dan Pertanahan ..." (not "Channing dan Jenna")
                words.insert(0, word)
                pos = m.start()
                continue
        if words and word in sp.apposed and (closed or not _ends_with_a_name(words)):
            # "Rizal (40), warga Jalan Marelan Raya ..., mengatakan", "Sutrisno (52), warga
            # Desa Karangrejo mengatakan": the description is of the one named before it (not
            # "Selain Budi, warga Desa Sukamaju Ahmad Yani mengatakan": a name ends the words)
            back = word_back(text, m.start())
            if back is not None and back.group("comma"):
                named, at = words_before(text, back.start())
                if named and speaker(named).name:
                    return named, at
            break
        if words and not word[0].isupper() and is_role_word(word.capitalize()):
            # "presiden Qualcomm Cristiano Amon"; "Pakar hukum tata negara Feri Amsari": the
            # whole role in lower case, not "Negara", a word of a longer head
            run, pos = _lower_role_run(text, m.start(), word) or ([word], m.start())
            words[:0] = [w.capitalize() for w in run]
            continue
        if word in _FROM and words and (is_place(words) or all(w in sp.qualifiers for w in words)):
            words = []  # "Shukria Rahumi asal Afghanistan mengaku": where the person is from
            pos = m.start()
            continue
        joined = "-" in word and is_name_particle(word)  # "Turki al-Maliki" ends with it
        if (words or joined) and (word.rstrip(".") in sp.titles or is_name_particle(word)):
            words.insert(0, word)  # "dr Catharine M Sambo", "Abdulaziz bin Salman"
            pos = m.start()
            continue
        if word in sp.as_words and words:
            words.insert(0, word)  # "Stefanus Lepa selaku Territory Head Giant mengatakan"
            pos = m.start()
            continue
        initial = len(word) == 2 and word.endswith(".") and word[0].isupper()  # "M. Nasir"
        if not word[0].isupper() or (word.endswith(".") and not initial):
            break
        words.insert(0, word)
        pos = m.start()
    while len(words) > 1 and words[0] in sp.openers:
        words = words[1:]  # "Namun Budi mengatakan": the sentence's opening word
    if len(words) > 1 and words[0] in sp.name_enders:
        # "Meskipun Bebby sendiri telah ...": a clause's conjunction, left before the name
        pos = text.find(words[1], pos + len(words[0]))
        words = words[1:]
    if not words:
        # "Dipo Dwiki, seorang drifter profesional, mengatakan": a name, then who they are.
        apposed = _apposition().search(text, 0, end)
        if apposed is not None and _only_a_role(apposed.group("role") or ""):
            return apposed.group("name").split(), apposed.start("name")
    return words, pos


def _joins_words(before: str, words: list[str]) -> bool:
    """True when "dan" joins two dictionary words, the one after it alone before the verb:
    a body's name going on ("Klimatologi dan Geofisika"), no person's (but a role's word
    after it: "Kepala Pusat Data Informasi dan Humas")."""
    return (
        before[:1].isupper()
        and len(words) == 1
        and is_common_word(before)
        and is_common_word(words[0])
        and is_name_word(words[0])
    )


def _before_degrees(text: str, end: int) -> int:
    """Where the degrees written after a name end it ("dr Catharine M Sambo, Sp.A (K),
    mengatakan", "Abdul Hayat Gani S MSi MH mengatakan"): degrees after a comma, or two or
    more of them; else `end`."""
    pos, degrees, comma = end, 0, False
    while (m := _LAST_TOKEN.search(text, max(0, pos - 12), pos)) is not None:
        token = m.group(2)
        if not token.startswith("("):
            if not is_degree(token):
                break
            degrees += 1
        comma = "," in m.group(1)
        pos = m.start()
    return pos if degrees and (comma or degrees >= 2) else end


def _name_opens_sentence(text: str, comma: int) -> bool:
    """True when the words before a comma are one to three name words opening the sentence, no
    place, the first no role word nor a word of time or topic (speech.toml
    `not_names_before_comma`: not "Kemarin,", "Soal Jiwasraya,"): a name before the role that
    follows the comma ("Bambang, Kepala Seksi Operasi Basarnas Pekanbaru mengatakan")."""
    start = sentence_start(text, comma)
    words = text[start:comma].split()
    sp = vocabulary()
    return (
        0 < len(words) <= _NAME_BEFORE_ROLE_WORDS
        and all(is_name_word(w) for w in words)
        and words[0] not in sp.not_names_before_comma  # "Kemarin,", "Soal Jiwasraya,"
        and words[0] not in sp.name_enders
        and not is_role_word(words[0])
        and not is_place(words)
    )


def _role_before_comma(text: str, comma: int) -> bool:
    """True when the capitalised words before a comma are a role: 'Kasubag Humas Polres
    Anambas, Ipda Zulmi'."""
    sp = vocabulary()
    words = _WORDS.findall(text, max(0, comma - 80), comma)
    run: list[str] = []
    for word in reversed(words):
        if not word[0].isupper():
            break
        run.insert(0, word)
    return bool(run) and run[0] in sp.role_words


@cache
def _apposition() -> re.Pattern[str]:
    """A name, a comma and a lower-case description of the person before a verb; or a name,
    a word such as "selaku" (speech.toml `as_words`) and the role ("Wiljan Pluim selaku
    Kapten tim, menyebut")."""
    as_words = alternation(vocabulary().as_words)
    return re.compile(
        r"(?:^|[.!?,]\s+)(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})"
        rf"(?:,\s+(?:seorang|salah\s+satu|sang|yang|{as_words})\b[^,.;:!?\"“”]{{0,80}},"
        rf"|\s+(?:{as_words})\s(?P<role>[^,.;:!?\"“”]{{1,80}}?),?)\s*$"
    )


def _ends_with_a_name(words: list[str]) -> bool:
    """True when a speaker phrase's last two words are a person's name ("... Sukamaju Ahmad
    Yani"), not a place's ("... Desa Karangrejo")."""
    return len(words) >= 2 and looks_like_person(words[-2:]) and not is_place(words[-2:])


def _only_a_role(words: str) -> bool:
    """True when the words after "selaku" are a role alone: no me- or di- verb ("kuasa hukum
    tersangka" is a role), no second person ("Andi Wijaya selaku hakim ketua meminta terdakwa
    menjelaskan", "Andi selaku ayah korban dan Budi selaku paman korban mengatakan" name no
    speaker)."""
    sp = vocabulary()
    return not any(
        w in sp.as_words or w in ("dan", "serta") or (w.startswith(("me", "di")) and verb_shaped(w))
        for w in words.lower().split()
    )
