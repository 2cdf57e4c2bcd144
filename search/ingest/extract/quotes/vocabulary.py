"""The words that attribute speech in Indonesian news (`search/data/speech.toml`), with the
roles, titles and places that surround a speaker's name, read once and compiled into patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from search import regex_cache
from search.ingest.extract.officials import alternation, is_common_word, royal_title_words
from search.ingest.extract.person_names import is_place, names_also_roles, not_names
from search.lexicon import load_toml, places

# A capitalised word of a name: "M." an initial, not "Custom." ending a sentence.
NAME_WORD = r"[A-Z](?:[A-Za-z]?\.|[\w'’-]*)"


@dataclass(frozen=True)
class Vocabulary:
    after: frozenset[str]
    after_pattern: re.Pattern[str]  # '," kata', '," ujarnya' after a closing quote
    before_pattern: re.Pattern[str]  # 'mengatakan, ', 'mengatakan bahwa ' before the speech
    before_any: re.Pattern[str]  # a verb written before the speech, anywhere
    postposed: re.Pattern[str]  # ', ujar' / ', ujarnya' in a sentence
    pronoun_before: re.Pattern[str]  # 'ujarnya, ' right before a quotation
    speech_words: re.Pattern[str]  # anything that may attribute speech in a paragraph
    described_before: re.Pattern[str]  # "Pemain naturalisasi itu" opening a sentence
    according_start: re.Pattern[str]  # "Menurut X, ...", "Dijelaskan X, ..." opening one
    name_verb: re.Pattern[str]  # '" Yati kembali mempertegas.' after a closing mark
    passive_as: re.Pattern[str]  # "seperti dikatakan X", "sebagaimana disampaikan oleh X"
    said_so: re.Pattern[str]  # "Hal itu disampaikan oleh X": X said what came before
    asking: re.Pattern[str]  # "meminta", "mendorong ... agar": what X asked, no statement
    passive_agent: re.Pattern[str]  # "... juga diakui oleh X.": X is who speaks from here
    comma_opening: re.Pattern[str]  # "Sementara itu, " before a sentence's subject
    along: re.Pattern[str]  # ", didampingi ..., " between a speaker and the verb
    occasion: re.Pattern[str]  # ", saat diwawancarai Kamis (19/9), " between them too
    occasion_bare: re.Pattern[str]  # " dalam wawancara dengan rt.com " (no commas) too
    where_when: re.Pattern[str]  # " di Jakarta, Senin, " between them too
    takes_object: frozenset[str]  # verbs before the speech that may take a noun instead
    courtesy: re.Pattern[str]  # "terima kasih", "belasungkawa": such a noun, no statement
    predicate_words: frozenset[str]  # words that make a clause of what follows such a verb
    not_predicates: frozenset[str]  # affixed words that are no verb ("tersebut", "terkait")
    prepositions: frozenset[str]  # "ke", "kepada": no statement follows them
    before_another_role: frozenset[str]  # "dengan" of "Senada dengan Menhub, ...": another's
    warning_verbs: frozenset[str]  # "mengingatkan": whom, then "agar ...": a request
    request_words: frozenset[str]  # "agar", "supaya", "untuk"
    addressed: frozenset[str]  # "kepada", "pada": to whom, then "agar ...": a request
    denying: frozenset[str]  # "membantah": what follows is what the speaker denies
    negations: frozenset[str]  # "tidak" of "tidak menampik": no denial, an admission
    denial_goes_on: re.Pattern[str]  # ", dan mengatakan" after a denial: their statement
    between: frozenset[str]
    openers: frozenset[str]  # words opening a sentence before its subject: "Lebih jauh"
    opening_adverbs: frozenset[str]  # "Awalnya Bianca mengaku ...": no role of Bianca's
    time_opening: re.Pattern[str]  # "Namun belum lama ini", "Tiga bulan lalu": then a subject
    described: frozenset[str]  # words opening a description of someone: "pria yang ... itu"
    apposed: frozenset[str]  # a description after a name and its comma: "Masirin, warga ..."
    as_words: frozenset[str]  # "selaku": the name before it speaks in the role after it
    not_names_before_comma: frozenset[str]  # "Kemarin", "Soal": no name before ", Kepala ..."
    addressee_openers: frozenset[str]  # "Kepada Agus, ia mengatakan": Agus is no subject
    comparison_openers: frozenset[str]  # "Seperti X, sejarawan Y, menuturkan": Y speaks
    relations: frozenset[str]  # "istri", "suami": "sang istri" is someone else
    posts_for_someone: frozenset[str]  # "penasihat hukum Novanto": Novanto's lawyer
    group_trades: frozenset[str]  # "kata gitaris Slank Abdee": a band's name, then his
    body_words: frozenset[str]  # "kata polisi Essex": a place's police, no one
    organisation_words: frozenset[str]  # "kata pelatih Madura United": a club, no one
    tail_words: frozenset[str]  # "pada", "saat", "kepada": an attribution goes on
    related_headline: re.Pattern[str]  # "Baca juga: ..." inside a story: no one speaks
    # its label in lower case, looked for in the lower-cased text first: `re` finds an
    # alternation written in one case several times faster than one matched in any case
    related_label: re.Pattern[str]
    place_heads: tuple[str, ...]  # "Lurah", "Kepala Desa": the unit's place follows them
    body_name_heads: frozenset[str]  # "Universitas": the body's own name follows it
    introduces: frozenset[str]  # lower-case words a name follows as a speaker's: "kata"
    according: frozenset[str]
    pronouns: frozenset[str]
    role_words: frozenset[str]  # words of a person's role: heads, ranks of office
    role_parts: frozenset[str]  # role words only as a word of a longer head: "Negara"
    # Words of a role only after its first word that the corpus writes as names ("Agung" of
    # "Jaksa Agung"), and the heads of more than one word they may end
    name_head_words: frozenset[str]
    long_heads: frozenset[str]
    # Dictionary words of a role only inside a head of more words ("Perdana" of "Perdana
    # Menteri"): a name's last word where no capitalised word follows ("Wahyu Perdana
    # mengatakan")
    head_parts: frozenset[str]
    qualifiers: frozenset[str]  # what a role is of: portfolios, agencies, places
    named_bodies: frozenset[str]  # bodies by their names: "Imparsial", "Golkar", "Walhi"
    name_enders: frozenset[str]
    said_on_days: frozenset[str]  # "Senin": a day, no name
    institutions: frozenset[str]
    organisations: frozenset[str]  # "Entertainment", "Group": a company's name, not a person's
    place_units: frozenset[str]  # "Polsek": its place's name follows ("Polsek Labuhan")
    unnamed: frozenset[str]
    voiceless: frozenset[str]  # of those, writings: "data", "laporan"
    passive_forms: frozenset[str]  # "Dijelaskan", "dikatakan": who said it follows, if anyone
    publishers: frozenset[str]  # "OKEZONE", "KOMPAS": a publisher says nothing itself
    role_aliases: dict[str, str]  # "Kepala Negara" -> "Presiden"
    titles: frozenset[str]
    # the ranks, titles and honorifics a name follows (not a rank's grade: "Besar" of "Duta
    # Besar" as of "Komisaris Besar")
    name_titles: frozenset[str]
    name_goes_on: frozenset[str]  # "yang", "selaku", "dalam" after a speaker's name
    not_names: frozenset[str]
    given_first_names: frozenset[str]  # "Muhammad": opens a name after an acronym
    acronyms_before_body_names: frozenset[str]  # "PT": a body's name follows ("PT Jasa Marga")
    names_also_words: frozenset[str]  # "cinta": a given name opening a sentence, lower case
    names_said_twice: frozenset[str]  # "perangin-angin": a family name, lower case
    initials_words: str  # "berinisial": the initials after it are a person's
    # A call-name and what says it is one: "Emil, sapaan akrab Ridwan Kamil" (the name after
    # it, in group "full", if written), "Abbas, demikian biasa ia dipanggil"; and "yang akrab
    # disapa Bamsoet" (the name before it is the person's).
    call_name_first: re.Pattern[str]
    first_person: str  # "saya": a name after it in a quotation may be the speaker's own
    first_person_words: frozenset[str]  # the same words, one by one
    # "Pak" and the spaces after it: "Pak Laode" in a quotation is someone else speaking of him
    address_titled: re.Pattern[str]
    noun_markers: frozenset[str]  # "dari": "dari kata Jepang" is the word "kata"
    relative_words: frozenset[str]  # "yang": "yang menurutnya ..." is a clause of another's
    honorifics: frozenset[str]  # "Buya": "kata Buya" is the one the article calls so
    call_name_last: re.Pattern[str]
    # any word either pattern needs: a body without one has no call names (a cheap test first)
    call_name_any: re.Pattern[str]
    relation_qualifiers: frozenset[str]  # "bungsu" of "Putra bungsu Habibie"
    comments: re.Pattern[str]  # "angkat bicara", "memberi komentar": its subject speaks next
    reply: re.Pattern[str]  # '?” jawabnya' after a quotation: a reply to the one before
    pair_words: frozenset[str]  # "pasangan": two people named as one, no one speaker


@cache
def vocabulary() -> Vocabulary:
    data = load_toml("speech.toml")
    roles = load_toml("roles.toml")
    after = sorted(data["after"], key=len, reverse=True)
    before = sorted(data["before"], key=len, reverse=True)
    passive = sorted(data["passive"], key=len, reverse=True)
    according = [*data["according"], *(p.capitalize() for p in passive)]
    verbs = alternation(after)
    # '"...," menurut Jay Milliken' too: after a closing mark it names who said it.
    quote_verbs = alternation([*after, *data["after_quote_only"], "menurut"])
    role_words = set(data["role_words"])
    alone = role_words | {h for h in roles["heads"] if " " not in h}
    royal = royal_title_words()  # "Putra" of "Putra Mahkota" goes on names too
    for head in roles["heads"]:
        role_words.update(w for w in head.split() if w not in royal)
    qualifiers = (
        set(roles["qualifiers"])
        | set(roles.get("parties", []))
        | set(roles.get("private_bodies", []))
    )
    for place in places():
        qualifiers.update(place.split())
    before_verbs = alternation(before)
    # "pedangdut" and, opening a sentence, "Pedangdut"
    described = {w for word in data["described"] for w in (word, word[:1].upper() + word[1:])}
    openers = alternation(data["comma_openers"])
    said_so_between = alternation(data["said_so_between"])
    related = alternation(data["related_labels"])
    return Vocabulary(
        after=frozenset(after),
        after_pattern=regex_cache.compile(
            rf"\s*[,.]?\s*(?:{alternation(data['after_adverbs'])}\s+)?"
            rf"(?P<verb>{quote_verbs})(?P<nya>nya)?\b"
        ),
        before_pattern=regex_cache.compile(
            rf"\b(?P<verb>{before_verbs})(?:\s+(?:bahwa|kalau|jika))?\s*[,:]?\s*$"
        ),
        before_any=regex_cache.compile(rf"\b(?:{before_verbs})\b"),
        # "..., ujar X." and "Sementara itu, menurut Dipo, mobil listrik ..."; without the
        # comma before it only before a name and a comma: "Saat ini kata Isran, Universitas
        # ..." (not "berasal dari kata Jepang, yang ...": see `reported`).
        postposed=regex_cache.compile(
            rf"(?:,\s*|(?<=[a-z])[ \t]+(?=(?:{alternation(data['infix_verbs'])})[ \t]+"
            rf"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){{0,2}},|menurutnya[ \t]+[a-z]"
            rf"|menurut[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){{0,2}}[ \t]+"
            rf"(?!(?:{alternation(data['name_goes_on'])})\b)[a-z]))"
            rf"(?P<verb>{verbs}|menurut)(?P<nya>nya)?\b"
        ),
        pronoun_before=regex_cache.compile(rf"\b(?:{verbs})nya\s*,\s*$"),
        speech_words=regex_cache.compile(
            rf"[\"“”]|\b{alternation([*after, *before, 'menurut', *according, *passive])}"
        ),
        according_start=regex_cache.compile(
            rf"\s*(?:(?:{openers}|{alternation(data['according_openers'])})(?:,\s*|\s+))?"
            rf"(?P<prep>{alternation(according)})(?P<nya>nya)?\b"
            r"(?:\s+oleh\b)?"
        ),
        # "Pemain naturalisasi itu", "Pimpinan DPR RI Koordinator ... (Korpolkam) ini", "Mantan
        # Direktur Pelaksana Bank Dunia itu juga (menuturkan)".
        described_before=regex_cache.compile(
            rf"(?:^\s*|[.!?]\s+|,\s*){alternation({*described, *role_words})}\b"
            r"[^,.;:!?\"“”]{0,100}\b(?:itu|ini|tersebut)(?:\s+sendiri)?"
            rf"(?:\s+(?:{alternation(data['between'])}))*\s*$"
        ),
        name_verb=regex_cache.compile(
            r"\s*[,.]?\s*(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,5}|dia|ia|beliau)\s+"
            rf"(?:(?:{'|'.join(data['between'])})\s+)*(?:{before_verbs}|mempertegas)\s*[.,]"
        ),
        passive_as=regex_cache.compile(
            rf"\b(?:[Ss]eperti|[Ss]ebagaimana)\s+(?:yang\s+)?{alternation(passive)}(?:\s+oleh)?\b"
        ),
        said_so=regex_cache.compile(
            rf"\s*(?:(?:{openers}),\s*)?(?:(?:{alternation(data['said_so_nouns'])})\s+"
            rf"(?:itu|ini|tersebut)|{alternation(data['said_so_alone'])})\s+"
            rf"(?:(?:{said_so_between})\s+)?{alternation(passive)}"
            rf"(?:\s+(?:{said_so_between}))?(?:\s+oleh)?\b"
        ),
        asking=regex_cache.compile(
            rf"\b(?:{alternation(data['asking_verbs'])})\b"
            rf"|\b(?:{alternation(data['urging_verbs'])})\b[^.;:!?]{{1,80}}?\b(?:agar|supaya)\b"
        ),
        passive_agent=regex_cache.compile(
            rf"\s(?:(?:{said_so_between})\s+)?{alternation(passive)}"
            rf"(?:\s+(?:{said_so_between}))?(?:\s+oleh)?\s+(?=[A-Z])"
        ),
        comma_opening=regex_cache.compile(rf"(?:{openers}),\s*"),
        along=regex_cache.compile(
            rf",\s*(?:{alternation(data['along'])})\s[^.;:!?\"“”]{{3,120}}?,\s*$"
        ),
        occasion=regex_cache.compile(
            rf",\s+(?:{alternation(data['tail_words'])})\s[^.;:!?\"“”]{{3,90}}?,?\s*$"
        ),
        occasion_bare=regex_cache.compile(
            rf"\s+(?:{alternation(set(data['tail_words']) - {'dari'})})\s"
            r"[^,.;:!?\"“”()]{3,60}?\s*$"
        ),
        where_when=regex_cache.compile(
            r"\s+di\s+[A-Z][^.;:!?\"“”()]{1,60}?,\s*"
            rf"(?:{alternation(data['said_on_days'])})\b(?:\s*\([\d/]+\))?"
            r"(?:\s+(?:pagi|siang|sore|malam))?\s*,?\s*$"
        ),
        takes_object=frozenset(data["takes_object"]),
        courtesy=regex_cache.compile(rf"(?i:{alternation(data['courtesies'])})\b"),
        predicate_words=frozenset(data["predicate_words"]),
        not_predicates=frozenset(data["not_predicates"]),
        prepositions=frozenset(data["prepositions"]),
        before_another_role=frozenset(data["before_another_role"]),
        warning_verbs=frozenset(data["warning_verbs"]),
        request_words=frozenset(data["request_words"]),
        addressed=frozenset(data["addressed"]),
        denying=frozenset(data["denying_verbs"]),
        negations=frozenset(data["negations"]),
        denial_goes_on=regex_cache.compile(
            rf"\s*,?\s*(?:{alternation(data['denial_goes_on'])})\s+(?:{before_verbs})\b"
        ),
        between=frozenset(data["between"]),
        openers=frozenset(data["openers"]),
        opening_adverbs=frozenset(data["opening_adverbs"]),
        time_opening=regex_cache.compile(
            rf"(?:(?:{alternation(data['openers'])})[ \t]+)?(?i:{alternation(data['time_openers'])}"
            rf"|(?:\w+[ \t]+)?(?:{alternation(data['time_units'])})[ \t]+"
            rf"(?:{alternation(data['time_ago'])}))"
        ),
        described=frozenset(described),
        apposed=frozenset(data["apposed_descriptions"]),
        as_words=frozenset(data["as_words"]),
        not_names_before_comma=frozenset(data["not_names_before_comma"]),
        addressee_openers=frozenset(data["addressee_openers"]),
        comparison_openers=frozenset(data["comparison_openers"]),
        relations=frozenset(data["relations"]),
        posts_for_someone=frozenset(data["posts_for_someone"]),
        group_trades=frozenset(data["group_trades"]),
        body_words=frozenset(data["body_words"]),
        organisation_words=frozenset(data["organisation_words"]),
        tail_words=frozenset(data["tail_words"]),
        related_headline=regex_cache.compile(
            rf"(?<![\w'’-])(?:\([ \t]*)?(?i:{related})[ \t]*"
            r"(?::[ \t]*(?:[\"“][^\"“”\n]{1,200}[\"”]|[^\"“”\n]{0,200}?"
            r"(?=[.!?](?:\s|$)|\n|[\"“”)]|,(?=[A-Z])|(?<=[A-Za-z])(?=[A-Z][a-z]+(?:,|[ \t]+[a-z]))"
            rf"|[ \t]+(?i:{related})\b|$)\)?)"
            r"|[\"“][^\"“”\n]{1,200}[\"”])"
        ),
        related_label=regex_cache.compile(related.lower()),
        place_heads=tuple(roles.get("place_heads", [])),
        body_name_heads=frozenset(data["body_name_heads"]),
        introduces=frozenset(
            [*after, *data["after_quote_only"], *passive, "menurut", "oleh", "kepada"]
        ),
        according=frozenset(according),
        pronouns=frozenset(data["pronouns"]),
        role_words=frozenset(role_words),
        role_parts=frozenset(role_words - alone),
        name_head_words=names_also_roles(),
        long_heads=frozenset(h for h in roles["heads"] if " " in h),
        head_parts=frozenset(
            w
            for w in role_words - alone - qualifiers - set(data["institutions"])
            if is_common_word(w) and not is_place([w])
        ),
        qualifiers=frozenset(qualifiers - role_words),
        named_bodies=frozenset(
            {*roles.get("private_bodies", []), *roles.get("parties", [])} - role_words
        ),
        name_enders=frozenset(data["name_enders"]),
        said_on_days=frozenset(data["said_on_days"]),
        institutions=frozenset(data["institutions"]),
        organisations=frozenset(data["organisations"]),
        place_units=frozenset(data["place_units"]),
        unnamed=frozenset(data["unnamed"]),
        voiceless=frozenset(data["voiceless"]),
        passive_forms=frozenset({*passive, *(p.capitalize() for p in passive)}),
        publishers=frozenset(load_toml("sources.toml").get("publishers", {})),
        role_aliases=dict(data.get("role_aliases", {})),
        titles=frozenset(
            t.rstrip(".")
            for t in [*roles["titles"], *data["honorifics"], *roles.get("after_rank", [])]
        ),
        name_titles=frozenset(t.rstrip(".") for t in [*roles["titles"], *data["honorifics"]]),
        name_goes_on=frozenset(data["name_goes_on"]),
        not_names=not_names(),
        given_first_names=frozenset(data["given_first_names"]),
        acronyms_before_body_names=frozenset(data["acronyms_before_body_names"]),
        names_also_words=frozenset(w.lower() for w in data["names_also_words"]),
        names_said_twice=frozenset(w.lower() for w in data["names_said_twice"]),
        initials_words=alternation(data["initials_words"]),
        first_person=alternation(data["first_person"]),
        first_person_words=frozenset(data["first_person"]),
        address_titled=regex_cache.compile(rf"\b(?:{alternation(data['address_titles'])})\.?\s+"),
        noun_markers=frozenset(data["noun_markers"]),
        relative_words=frozenset(data["relative_words"]),
        honorifics=frozenset(data["honorifics"]),
        call_name_first=regex_cache.compile(
            r"\b(?P<call>[A-Z][\w'’-]+),\s+(?:"
            rf"(?:{alternation(data['call_name_nouns'])})"
            rf"(?:\s+(?:{alternation(data['call_name_adverbs'])}))?(?:nya)?\b"
            rf"(?:[ \t]+(?P<full>{NAME_WORD}(?:[ \t]+{NAME_WORD})*))?"
            rf"|(?:{alternation(data['call_name_then'])})\s+(?:[\w-]+\s+){{0,3}}?"
            rf"(?:{alternation(data['call_name_verbs'])})\b)"
        ),
        call_name_any=regex_cache.compile(
            rf"(?:{alternation([*data['call_name_nouns'], *data['call_name_verbs']])})"
        ),
        call_name_last=regex_cache.compile(
            rf"(?:,\s*)?(?:\b(?:{alternation(data['call_name_joins'])})\s+)*"
            rf"\b(?:{alternation(data['call_name_adverbs'])})"
            rf"\s+(?:{alternation(data['call_name_verbs'])})\s+(?P<call>[A-Z][\w'’-]+)"
        ),
        relation_qualifiers=frozenset(data["relation_qualifiers"]),
        comments=regex_cache.compile(rf"\b(?:{alternation(data['comment_phrases'])})\b"),
        pair_words=frozenset(data["pair_words"]),
        reply=regex_cache.compile(rf"[\s\"”'’,.?!]*(?:{alternation(data['reply_verbs'])})nya\b"),
    )
