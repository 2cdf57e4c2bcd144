"""Who a speaker phrase names, read as words ("Kasubag Humas Polres Anambas Ipda Zulmi", "Ia",
"seorang warga"): the words of a name and of a role, a pronoun, or nobody (an institution, an
unnamed source)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from search.ingest.extract.dates import WEEKDAYS
from search.ingest.extract.officials import (
    gazetteer,
    is_common_word,
    is_derived_word,
    known_name,
    whole_offices,
)
from search.ingest.extract.person_names import (
    CACHED_WORDS,
    continues_agency,
    is_agency_word,
    is_degree,
    is_name_particle,
    is_person_acronym,
    is_place,
    opener_after_title,
    opens_balinese_name,
    place_name_kind,
    surnames_also_roles,
)
from search.ingest.extract.quotes.vocabulary import vocabulary
from search.lexicon import foreign_regions
from search.text.glossary import acronyms_in_capitals, find_long_forms, long_forms

# Words and speaker phrases read so far are kept with what they are (CACHED_WORDS of them): an
# article's phrases repeat ("ujar Budi", "Ia"), and so do the next article's.
# A short acronym that may be a person's initials ("SBY", "JK", "AHY").
_ACRONYM = re.compile(r"[A-Z]{2,4}")
# An acronym that is a body's, not a person's initials ("AB" of "Tagore AB").
_BODY_ACRONYM = re.compile(r"[A-Z]{3,}")


@dataclass(frozen=True)
class Said:
    """A speaker as the text gives them: `name` words and `role` words ("kata Kepala BNPB
    Doni Monardo"), a pronoun ("ujarnya"), or nothing to go on (`inherit`: a quote with no
    attribution of its own). `none`: an institution or an unnamed source."""

    name: tuple[str, ...] = ()
    role: tuple[str, ...] = ()
    pronoun: bool = False
    inherit: bool = False
    none: bool = False
    # With `none`: someone speaks who is no person the article names ("kata seorang warga",
    # "Polda Jatim menyatakan"); a following "ujarnya" is theirs, not the last person named.
    other: bool = False
    weak: bool = False  # a name that may be a place's ("Bima"): only a person named in full
    ahead: bool = False  # a role whose name was cut out ("Wakil Ketua DPR , , mengatakan")


PRONOUN = Said(pronoun=True)
INHERIT = Said(inherit=True)
NOBODY = Said(none=True)
SOMEONE_ELSE = Said(none=True, other=True)
AHEAD = Said(ahead=True)


# Words joining the last of a list to the others in a speaker's phrase: "Data, Informasi, dan
# Humas", "Kepala Pusat Data & Humas".
AND_WORDS = frozenset({"dan", "&"})


@lru_cache(maxsize=CACHED_WORDS)
def is_name_word(word: str) -> bool:
    sp = vocabulary()
    bare = word.rstrip(".")
    if "-" in bare and bare[:1].islower() and is_name_particle(bare):
        return True  # a family name its particle opens: "al-Maliki", "el-Sisi"
    if not bare or not bare[0].isupper() or bare in sp.titles:
        return False
    if len(bare) == 1:
        return True  # an initial: "M. Hendra"
    if bare.isupper() or is_degree(bare):
        return False  # an acronym: KPK, BNPB, PP; a degree: "Sp", "MSi"
    if "." in bare:
        return False  # a site's name: "CEO Endeus.tv David Wayne Ika"
    if "/" in bare:
        # a unit's code or two bodies ("Kapendam XVII/Cenderawasih", "Menteri PPN/Bappenas"),
        # a pair of players ("Fajar/Rian"): no word of one person's name
        return False
    return (
        bare not in sp.role_words
        and bare.upper() not in sp.publishers
        and bare not in sp.qualifiers
        and bare not in sp.titles
        and bare not in sp.not_names
        and bare not in sp.institutions
        and bare not in sp.organisations
        and bare not in sp.name_enders
        and bare not in sp.according
        and bare not in sp.openers
        and bare.lower() not in sp.after
        and not (len(bare) > 6 and is_derived_word(bare))
        and not reduplicated(bare)
    )


def _pair(word: str) -> bool:
    """Two names joined by a slash, a pair of players: "Fajar/Rian" (not a unit's code,
    "XVII/Cenderawasih", nor two bodies, "PPN/Bappenas", "Perekonomian/Kepala")."""
    parts = word.split("/")
    return len(parts) == 2 and all(is_name_word(p) and not p.isupper() for p in parts)


def reduplicated(word: str) -> bool:
    """True for a word said twice, one half maybe affixed: a common word ("Buka-bukaan" of
    the headline "Messi Buka-bukaan ...", "Anak-anaknya", "Bersenang-senang"); not a family
    name of speech.toml's `names_said_twice` ("Perangin-angin"), nor "Hok-Gie"."""
    lower = word.lower().rstrip(".")
    first, dash, second = lower.partition("-")
    return (
        bool(dash and first and second)
        and (second.startswith(first) or first.endswith(second))
        and lower not in vocabulary().names_said_twice
    )


@lru_cache(maxsize=CACHED_WORDS)
def is_role_word(word: str) -> bool:
    """A word of a person's role: a head ('Kapolres'), a role word, or a noun of a doer
    ('Pembalap', 'Pengamat')."""
    return word in vocabulary().role_words or (
        len(word) > 6 and word.lower().startswith("pe") and is_derived_word(word)
    )


def bounds_name(word: str) -> bool:
    """True for a word a name may follow directly: a role, a rank or title, a qualifier, the
    end of a company's name ("Presiden Marvel Studios Kevin Feige")."""
    sp = vocabulary()
    bare = word.rstrip(".")
    return (
        bare in sp.role_words
        or bare in sp.titles
        or bare in sp.qualifiers
        or bare in sp.organisations
    )


def _place_surname(words: Sequence[str], i: int) -> bool:
    """True for a place's name ending a phrase of a person's name alone, after a rank or a
    Balinese name's opening and two name words or more: "Pati" of "Kompol I Putu Bayu Pati"
    (no role or body before it for the place to be of: not "Kapolres Pati", "Persib Bandung",
    "Aliansi Jurnalis Independen Jakarta")."""
    sp = vocabulary()
    if i != len(words) - 1 or i < 2 or not is_place([words[i]]):
        return False
    bare = words[i].rstrip(".")
    if bare in sp.role_words or bare in sp.institutions or bare in sp.organisations:
        return False
    before = [w for w in words[:i] if w.rstrip(".") not in sp.titles]
    ranked = words[0].rstrip(".") in sp.titles or opens_balinese_name(before)
    return ranked and len(before) >= 2 and all(is_name_word(w) for w in before)


def _surname_like_role(words: Sequence[str], i: int) -> bool:
    """True for a role's head that is a surname after a given name: "Hakim" of "Menteri
    Agama Lukman Hakim" (not of "Majelis Hakim")."""
    return (
        i > 0
        and words[i] in surnames_also_roles()
        and is_name_word(words[i - 1])
        and not is_role_word(words[i - 1])
    )


def speaker(words: Sequence[str]) -> Said:
    """A speaker phrase (its words in order, commas dropped) as name and role words."""
    return _speaker(tuple(words))


@lru_cache(maxsize=CACHED_WORDS)
def _speaker(phrase: tuple[str, ...]) -> Said:
    sp = vocabulary()
    words = list(phrase)
    # "Margarito Kamis" (not "Rini, Rabu", its comma dropped below)
    day_surname = surname_like_day(words, len(words) - 1)
    while words and words[0] == ",":
        words = words[1:]
    while words and words[-1] == ",":
        words = words[:-1]
    while len(words) > 1 and words[0].rstrip(".") in sp.titles and words[0].islower():
        words = words[1:]  # "dr Catharine M Sambo"
    if not words or words[-1].endswith(("'", "’")):
        return NOBODY  # "Penulis disertasi 'Konsep ... Hubungan Seksual Nonmarital' mengaku"
    if len(words) > 1 and words[0] in sp.first_person_words:
        words = words[1:]  # '"Saya Agus Rahardjo, atas nama pribadi ...": he names himself
    first = words[0].rstrip(".")
    if not first[:1].isalpha():
        return NOBODY  # "kata ...", "ujar -"
    if first in sp.pronouns or first == "ia":
        return PRONOUN if len(words) == 1 else NOBODY
    if first.lower() in sp.pair_words:
        return SOMEONE_ELSE  # "Pasangan Krisyanto-Hendra mengaku ...": two people as one
    if first in sp.unnamed or first.removesuffix("nya") in sp.relations:
        # "kata seorang warga", "ujar ayahnya": someone the article does not name
        return NOBODY if first in sp.voiceless else SOMEONE_ELSE
    if not first[0].isupper():
        return NOBODY
    cut = next((i for i, w in enumerate(words) if w in sp.as_words), None)
    if cut is not None:
        # "Stefanus Jemianus Lepa selaku Territory Head Giant Indonesia": name "as" role
        named = speaker(words[:cut])
        if not named.name or named.weak:
            return NOBODY
        return Said(named.name, (*named.role, *(w for w in words[cut + 1 :] if w != ",")))
    if "," in words:
        # "Kasubag Humas Polres Anambas, Ipda Zulmi": the role, a comma, the name (the last
        # part with a name); "Zulmi, Kasubag Humas": the name, then the role.
        cuts = [i for i, w in enumerate(words) if w == ","]
        for cut in reversed(cuts):
            rest = words[cut + 1 :]
            if rest and rest[0] in AND_WORDS:
                rest = rest[1:]  # "Kepala Pusat Data, Informasi, dan Humas BNPB Agus Wibowo"
            if rest and continues_agency([w for w in words[:cut] if w != ","] + rest[:1]):
                continue  # "Badan Meteorologi, Klimatologi, dan Geofisika": one body's name
            named = speaker(rest)
            if named.name and not named.weak:
                role = [
                    w for w in words[:cut] if w not in (",",) and w.rstrip(".") not in sp.titles
                ]
                return Said(named.name, (*role, *named.role))
        first = speaker(words[: cuts[0]])
        if first.name and not first.weak:
            after = speaker([w for w in words[cuts[0] + 1 :] if w != ","])
            if after.role and not after.name:  # "Budi, Humas Basarnas Tanjungpinang"
                return Said(first.name, (*first.role, *after.role))
            return first
        words = [w for w in words if w != ","]
        if not words:
            return NOBODY
    if any(_pair(w) for w in words):
        # "kata Rinov Rivaldy/Pitha Haningtyas Mentari": two people as one (but "CEO
        # Melon/Langit Musik, Dedi Suherman", read above: the brands, a comma, the name)
        return SOMEONE_ELSE
    words = [w.rstrip(".") if len(w.rstrip(".")) > 1 else w for w in words]
    if len(words) == 1 and words[0] in sp.honorifics:
        # '" kata Buya': the person the article writes with that title ("Buya Syafii")
        return Said((words[0],), weak=True)
    if len(words) == 1 and words[0] in sp.name_head_words:
        # '" kata Agung': a person where the article names one so ("Agung Wicaksono").
        return Said((words[0],), weak=True)
    name: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if (
            not is_name_word(word)
            and not (
                name
                and (
                    _initials_after_rank(words, i)
                    or _initial_inside(words, i)
                    or _opens_name_despite_role(words, i)
                    or opener_after_title(words, i, sp.name_titles)
                    or _particle_inside(words, i)
                    or _before_particle(words, i, name)
                )
            )
            and not (i == len(words) - 1 and day_surname)
            and not _surname_like_role(words, i)
            and not _place_surname(words, i)
        ):
            break
        name.insert(0, word)
    role = []
    for i, word in enumerate(words[: len(words) - len(name)]):
        ranked = i and words[i - 1].rstrip(".") in sp.titles
        bare = word.rstrip(".")
        if (
            bare not in sp.titles
            and bare.title() not in sp.titles
            and not (ranked and word in ("Polisi", "TNI"))
        ):
            role.append(word)  # "Brigjen Polisi Dedi Prasetyo": a rank and its force
    if (
        len(name) == 1
        and len(role) == 1
        and not any(w in sp.role_words or w in sp.institutions for w in role)
        and not is_derived_word(role[0])
        and "/" not in role[0]  # "SMA/SMK Kariyanto": the schools, then the name
    ):
        if _names_a_body(role[0]):
            # "Menurut YLBHI Jokowi telah melakukan ...": a body speaks, the name after it
            # is the subject of what it says (no role word makes it the body's officer)
            return Said(role=tuple(role), none=True, other=True)
        # "Bima Sakti": a place's name is a person's when no role comes before it (but
        # "Sumsel Lesty Nurainy" is a province before a name).
        name, role = role + name, []
    if len(name) == 1 and role and is_agency_word(name[0]) and not is_person_acronym(name[0]):
        # "Kepala Divisi Corporate Secretary dan Humas Transjakarta": the body, no name
        role, name = [*role, *name], []
    while name and role and continues_agency([*role, name[0]]):
        # "Kepala Badan Koordinasi Penanaman Modal Thomas Lembong": the agency's last word
        role, name = [*role, name[0]], name[1:]
    placed = False  # a place's or a body's name read after the role's head
    if len(name) >= 3 and role and role[-1] in sp.body_name_heads:
        # "Pakar Hukum Universitas Trisakti Abdul Fickar Hadjar": the body's name first
        taken = min(body_name_words(role[-1], name), len(name) - 2)
        role, name = [*role, *name[:taken]], name[taken:]
        placed = True
    elif len(name) >= 4 and name[0] in sp.body_name_heads:
        # "Unviersitas Trisakti Abdul Fickar Hadjar": a head misspelt, read as a name word
        role, name = [*role, *name[:2]], name[2:]
    if len(name) >= 3 and " ".join(role).endswith(sp.place_heads):
        # "Lurah Sukajadi Indra Permana": a village's or a district's place, then the name
        role, name = [*role, name[0]], name[1:]
        placed = True
    while placed and len(name) >= 3 and is_place_word(name[0]) and not known_name(name):
        # and a known place's name goes on them ("Kepala Bandara Pangsuma Putussibau Hery
        # Azari Batubara": the airport's town)
        role, name = [*role, name[0]], name[1:]
    if (
        len(name) >= 3
        and role
        and role[-1].isupper()
        and name[0] not in sp.given_first_names
        and len(name[1].rstrip(".")) > 1
        and not opens_balinese_name(name)  # "Kepala Satpol PP I Wayan Sutapa"
        and not _name_after_known_body(role[-1], name[0])
    ):
        # "Ketua Umum PP Muhammadiyah Haedar Nashir": the organisation's name goes on past
        # its acronym (but "Ketua APJATEL Muhammad Arif Angga": a given name opens a name;
        # "Wakil Ketua DPR Desmond J. Mahesa": a middle initial follows a name's first word).
        role, name = [*role, name[0]], name[1:]
    if name and all(len(w.rstrip(".")) == 1 or w[:1].islower() for w in name):
        name = []  # initials or a particle's family name alone: "Kitab al-Hikam"
    before = words[-len(name) - 1].rstrip(".") if len(words) > len(name) else ""
    if len(name) == 1 and before in sp.place_units:
        role, name = [*role, *name], []  # "Kanit Reskrim Polsek Labuhan": the unit's place
    ranked = before in sp.name_titles or before in whole_offices()
    if len(name) == 1 and role and is_common_word(name[0]) and not ranked:
        # "Koordinator Advokasi": still the role (not after a rank or a whole office:
        # "Kompol Wiraga", "Menaker Hanif")
        role, name = [*role, *name], []
    if not any(is_role_word(w) for w in role) and (
        not name or (role and role[0] in sp.institutions)
    ):
        if not name and role and not any(_is_institution(w) for w in role):
            if all(w in sp.named_bodies for w in role):
                # "Imparsial menilai ...": a body by its name (roles.toml private_bodies), no
                # person, whoever the article names after it ("Direktur Imparsial Al Araf")
                return SOMEONE_ELSE
            # "kata Bima": a place's name; a person only if the article names one so.
            return Said(tuple(role), weak=True)
        if not name and len(role) == 1 and _ACRONYM.fullmatch(role[0]):
            # "ujar SBY": a person's initials, if the article names one so (else an agency)
            return Said(tuple(role), weak=True)
        if is_body(role):
            # "kata Polda Metro Jaya", "ujar Partai Gerindra": an institution (its words kept)
            return Said(role=tuple(role), none=True, other=True)
        return NOBODY
    return Said(tuple(name), tuple(role))


def role_shown(role: Sequence[str]) -> tuple[str, ...]:
    """A speaker's role words without the words before it that open the sentence and are no
    role: an opener ("Sedangkan Kiai Ronosentiko", "Awalnya Bianca"), "Menurutnya", or a
    noun of pe- and -an of what is done, not who does it ("menurut Penuturan Natasha",
    "Pengakuan Gibran"; "Pimpinan", "Perwakilan" are roles). Read as a role, such a word
    still marks its sentence's subject; it is only not shown as the person's role."""
    sp = vocabulary()
    words = list(role)
    while words and (
        words[0] in sp.openers
        or words[0] in sp.opening_adverbs
        or (words[0].endswith("nya") and words[0][:-3] in sp.according)
        or (_done_not_doer(words[0]) and (len(words) == 1 or is_role_word(words[1].title())))
    ):
        words = words[1:]
    return tuple(words)


def _done_not_doer(word: str) -> bool:
    """A noun of pe- and -an that no list gives as a role: what is done ("Penuturan",
    "Pemaparan"), not who does it ("Pimpinan", "Perwakilan"). Before a word that is no
    role it may open the role's own name ("Pencegahan dan Pengendalian Penyakit ...")."""
    return (
        word.startswith("Pe")
        and word.endswith("an")
        and word not in vocabulary().role_words
        and is_derived_word(word)
    )


@lru_cache(maxsize=CACHED_WORDS)
def is_place_word(word: str) -> bool:
    """A place of the lists (a region or town, a country, a region abroad): "Jeddah" of "KJRI
    Jeddah", a role's last word before a name."""
    bare = word.rstrip(".")
    return is_place([bare]) or bool(place_name_kind([bare])) or bare.lower() in foreign_regions()


def _name_after_known_body(acronym: str, word: str) -> bool:
    """True when `word`, after `acronym`, opens a person's name rather than going on with the
    body's: the acronym is a known body's (in the glossary: "KPK", "HMI", "MU"; not one that
    a body's name follows, speech.toml `acronyms_before_body_names`: "PT", "DPP") and the word
    is no place's, dictionary word or organisation's ("KJRI Jeddah", "LBH Pers")."""
    sp = vocabulary()
    return (
        acronym in acronyms_in_capitals()
        and acronym not in sp.acronyms_before_body_names
        and not is_place_word(word)
        and not is_common_word(word)
        and word not in sp.organisations
        and word not in sp.organisation_words
    )


def _names_a_body(word: str) -> bool:
    """True for an acronym of the glossary that is a body's: no person's initials ("YLBHI",
    not "SBY" nor "GKR"), no post's ("JPU", Jaksa Penuntut Umum: its long form opens with a
    role word that is no institution's), and no kind of body a name follows ("SMK Kariyanto"
    of "urusan SMA/SMK Kariyanto": speech.toml `acronyms_before_body_names`)."""
    sp = vocabulary()
    return (
        word in acronyms_in_capitals()
        and word not in sp.acronyms_before_body_names
        and _BODY_ACRONYM.fullmatch(word) is not None
        and word.lower() not in gazetteer().by_alias
        and not _names_a_post(word)
    )


def _names_a_post(word: str) -> bool:
    """True for an acronym of a post whose long form opens with a role word that is no
    institution's ("JPU", Jaksa Penuntut Umum; not "KPK", Komisi ...)."""
    sp = vocabulary()
    return any(
        form[0].capitalize() in sp.role_words and form[0].capitalize() not in sp.institutions
        for form in long_forms(word.lower(), written_in_capitals=True)
    )


def body_name_words(head: str, words: Sequence[str]) -> int:
    """How many of `words`, after a body's head (speech.toml `body_name_heads`), are the
    body's own name: as many as a long form of the glossary spells with the head ("Universitas
    Gadjah Mada" of "Universitas Gadjah Mada Zaenal Arifin Mochtar"), else one ("Universitas
    Trisakti")."""
    spelt = find_long_forms([head.lower(), *(w.lower() for w in words)])
    return next((stop - 1 for start, stop, _ in spelt if start == 0), 1)


def is_body(words: Sequence[str]) -> bool:
    """True for words naming an institution or a company: the first is one's word ("Polda
    Jatim", "Partai Gerindra", "Big Hit Entertainment") or an acronym ("KPAI", "FORSI")."""
    sp = vocabulary()
    first = words[0].rstrip(".") if words else ""
    return (
        first in sp.institutions
        or first in sp.organisations
        or _BODY_ACRONYM.fullmatch(first) is not None
    )


def _opens_name_despite_role(words: list[str], i: int) -> bool:
    """True when `words[i]` is a given name that is also a role's word ("Agung") and opens
    the name here: it ends no role with the words before it ("Jaksa Agung", "Ketua
    Mahkamah Agung"), and the word before is no role's or body's ("Direktur Utama PT
    Transjakarta Agung Wicaksono", "Kepala Balai ... Mekanisasi Pertanian Agung Prabowo":
    a body's field or place ends the role; not "Kejaksaan Agung Mukri")."""
    sp = vocabulary()
    if words[i] not in sp.name_head_words:
        return False
    if any(" ".join(words[j : i + 1]) in sp.long_heads for j in range(max(0, i - 3), i)):
        return False
    if i == 0:
        return True
    before = words[i - 1].rstrip(".")
    if before in sp.titles:
        return True
    return not (before in sp.role_words or before in sp.institutions or not before[:1].isupper())


def surname_like_day(words: Sequence[str], i: int) -> bool:
    """True for a weekday written right after a name word: the name's last word where it
    ends the phrase before a verb ("Pakar Hukum, Margarito Kamis mengatakan"; a day said
    before the verb has a comma or a date: "Margarito, Kamis (19/9), mengatakan")."""
    return i > 0 and words[i].lower() in WEEKDAYS and is_name_word(words[i - 1])


def _initials_after_rank(words: list[str], i: int) -> bool:
    """True when `words[i]` is a name's initials in capitals after a rank ("Iptu MK Daulay"),
    not an acronym."""
    word = words[i].rstrip(".")
    titles = vocabulary().titles
    return (
        2 <= len(word) <= 3
        and word.isupper()
        and word.title() not in titles  # "Letkol CPL Eko": the corps
        and i > 0
        and words[i - 1] in titles
    )


def _initial_inside(words: list[str], i: int) -> bool:
    """True when `words[i]` is one letter between two words of a name ("Agus H Purnomo",
    "Mardani H Maming"): a middle initial, not the title it may also be ("H" for Haji)."""
    return len(words[i].rstrip(".")) == 1 and i > 0 and is_name_word(words[i - 1])


def _particle_inside(words: list[str], i: int) -> bool:
    """True when `words[i]` joins two words of a name ("Abdulaziz bin Salman")."""
    return is_name_particle(words[i]) and i > 0 and is_name_word(words[i - 1])


def _before_particle(words: list[str], i: int, name: list[str]) -> bool:
    """True when `words[i]` opens a name a particle goes on with, though a country's name
    elsewhere: "Turki" of "Turki Al Maliki" (not an acronym, a role, a title or a body's
    name: "Ketua Fraksi PKS Al Muzzammil Yusuf", "Direktur Imparsial Al Araf")."""
    word = words[i].rstrip(".")
    return (
        is_name_particle(name[0])
        and word[:1].isupper()
        and not word.isupper()
        and not is_role_word(word)
        and word not in vocabulary().titles
        # a body's, not a place's: "Direktur Imparsial Al Araf"
        and (word not in vocabulary().qualifiers or is_place_word(word))
    )


def _is_institution(word: str) -> bool:
    sp = vocabulary()
    return (
        word in sp.institutions
        or word in sp.organisations
        or word.isupper()
        or not word[:1].isupper()
    )
