"""Reported speech: the sentences of a paragraph outside its quotation marks that report what
someone said ('X mengatakan bahwa ...', '..., ujar X', 'Menurut X, ...', 'Dijelaskan X, ...'),
each with its speaker phrase and the clause that is the statement."""

from __future__ import annotations

import re

from search.ingest.extract.officials import is_common_word, is_derived_word
from search.ingest.extract.quotes.direct import MIN_REPORTED_WORDS, Found
from search.ingest.extract.quotes.people import is_person_name
from search.ingest.extract.quotes.phrases import (
    describes,
    speaker_after,
    words_after,
    words_before,
)
from search.ingest.extract.quotes.sentences import (
    SENTENCE_END,
    is_role_phrase,
    leads_sentence,
    sentence_start,
    verb_shaped,
)
from search.ingest.extract.quotes.speakers import (
    AHEAD,
    PRONOUN,
    Said,
    is_body,
    is_role_word,
    speaker,
)
from search.ingest.extract.quotes.vocabulary import vocabulary

# After "kata X", words that make "kata" the noun: "kata Anies yang paling disorot".
_NOUN_KATA_NEXT = frozenset({"yang", "adalah", "ialah", "merupakan"})
_THAT = re.compile(r"(?:\s+(?:bahwa|kalau|jika))?\s*[,:]?\s*")
_PHRASE_END = re.compile(r"\s*(?:[,.;:!?]|$)")
_THAT_WORD = re.compile(r"\s*,?\s+(?:bahwa|kalau|jika)\b")
_ATTRIBUTION_TAIL = re.compile(r"(?:\s+[a-z][\w/-]*|\s*\([^()]*\)|\s+[A-Z]\w*|\s*,)*\s*[.!?]*\s*")


def reported_speech(
    text: str, offset: int, index: int, marks: list[tuple[int, int]]
) -> list[Found]:
    """Reported speech in the sentences of a paragraph that hold no quotation marks."""
    found: list[Found] = []
    start = 0
    for m in [*SENTENCE_END.finditer(text), None]:
        end = m.end() if m else len(text)
        # A sentence going on into a quotation: what it reports before the first mark
        # ("Mantan Wali Kota Solo itu mengatakan saat ini ..., “...”").
        clip = min((o for o, _ in marks if start <= o < end), default=end)
        speech = vocabulary().speech_words.search(text, start, clip) is not None
        if speech and clip > start and not any(o < clip and start < c for o, c in marks):
            said = _said_so(text, start, clip)
            if said is not None:
                # Not a statement: its speaker said what came before (`earlier_statements`),
                # and is the one a following "ujarnya" means.
                found.append(Found(offset + start, offset + clip, said, index, False, shown=False))
                found[-1].earlier = True
                start = end
                continue
            item = _reported_sentence(text, start, clip)
            if item is not None:
                s, e, said, shown = item
                found.append(Found(offset + s, offset + e, said, index, False, shown=shown))
            else:
                said = _passive_agent(text, start, clip)
                if said is not None:
                    # "Mitos ular ... ini juga diakui oleh Wawan.": no statement of its own,
                    # but the one a following "Dia mengatakan" or "ujarnya" means.
                    found.append(
                        Found(offset + start, offset + clip, said, index, False, shown=False)
                    )
        start = end
    return found


def _kata_is_a_noun(sentence: str, at: int) -> bool:
    """Whether "kata" opening a sentence after an opener is the noun ("word"): the name after
    it goes on with "yang" or a copula ("Namun kata Anies yang paling disorot adalah ..."),
    not with a comma or an occasion ("Tapi kata dia, ...", "Namun kata Andi kepada wartawan,
    ...")."""
    _, named_to = speaker_after(sentence, at)
    following = sentence[named_to:].split()
    return bool(following) and following[0].lower() in _NOUN_KATA_NEXT


def _said_so(text: str, start: int, end: int) -> Said | None:
    """The speaker of a sentence that attributes what came before it: "Hal itu disampaikan
    oleh Filsuf, Slavoj Zizek, menanggapi ...", "Demikian dikatakan Kapolres X"."""
    m = vocabulary().said_so.match(text, start, end)
    if m is None:
        return None
    said = speaker_after(text[:end], m.end())[0]
    return None if said.none or said.pronoun else said


_RELATIVE_OR_AS = re.compile(
    r"\b(?:yang|seperti|sebagaimana)(?:\s+(?:kerap|sering|pernah|telah|sudah|juga|biasa))?\s*$"
)


def _passive_agent(text: str, start: int, end: int) -> Said | None:
    """The person a sentence ends with after a passive verb of speech ("Ketidaknyamanan
    Pelabuhan juga diungkapkan oleh Direktur X Budi Santoso."), if it names one."""
    m = vocabulary().passive_agent.search(text, start, end)
    if m is None or _RELATIVE_OR_AS.search(text, max(start, m.start() - 40), m.start()):
        return None  # "pesan yang disampaikan oleh X", "seperti kerap disampaikan X"
    said, after = speaker_after(text[:end], m.end())
    if not said.name or said.weak or not _attribution_ends(text[after:end]):
        return None
    return said


def earlier_statements(found: list[Found], paragraphs: list[tuple[str, int]]) -> list[Found]:
    """What each sentence such as "Hal itu disampaikan oleh X" gives X: the sentence before
    it in its paragraph, when no quotation or attribution comes before it there; opening a
    paragraph, the last sentence of the paragraph before, when nothing was found in it."""
    added: list[Found] = []
    for f in found:
        if not f.earlier:
            continue
        text, offset = paragraphs[f.paragraph]
        before = [g for g in found if g.paragraph == f.paragraph and g.start < f.start]
        if before:
            continue
        index, end = f.paragraph, f.start - offset
        if not text[:end].strip():
            if f.paragraph == 0 or any(g.paragraph == f.paragraph - 1 for g in found):
                continue
            index = f.paragraph - 1
            text, offset = paragraphs[index]
            end = len(text)
        begin = sentence_start(text, len(text[:end].rstrip(" ,")) - 1)
        if vocabulary().asking.search(text, begin, end):
            continue  # "Direktorat ... mendorong pemerintah daerah agar ...": asked, not said
        clause = _clause(text, begin, end, f.said)
        if clause is not None:
            added.append(Found(offset + clause[0], offset + clause[1], f.said, index, False))
    return added


def _reported_sentence(text: str, start: int, end: int) -> tuple[int, int, Said, bool] | None:
    """(start, end, speaker, shown) of what a sentence reports, if it reports speech; not
    shown when the speaker speaks but what follows is no statement ("Budi menyampaikan
    apresiasinya ...")."""
    found = _reported_clause(text, start, end)
    if found is None:
        return None
    return found if len(found) == 4 else (*found, True)


def _reported_clause(
    text: str, start: int, end: int
) -> tuple[int, int, Said] | tuple[int, int, Said, bool] | None:
    sp = vocabulary()
    sentence = text[start:end]
    lead = len(sentence) - len(sentence.lstrip())
    # "..., ujar X." / "..., ujarnya." / "Pada tingkat daerah, kata Wiyagus, penerapan ...":
    # the sentence without the attribution is what was said (infixed, the whole sentence).
    for m in sp.postposed.finditer(sentence):
        if not sentence.startswith(",", m.start()):  # no comma before the verb
            before = _word_before(sentence, m.start())
            noun = m.group("verb") != "menurut"  # "kata", "pesan": nouns too
            if before in sp.prepositions or (noun and before in sp.noun_markers):
                continue  # "berasal dari kata Jepang, yang artinya ...": the word, no verb
            if not noun and before in sp.relative_words:
                continue  # "lokasi yang menurut Presiden berada di ...": a noun's clause
            if m.group("nya"):
                # "Persentase kehadiran siswa menurutnya di bawah 15 persen ...": the sentence
                # is what they said (not "lift yang menurutnya sudah tua", another's clause)
                if before in sp.relative_words:
                    continue
                return _clause(text, start + lead, end, PRONOUN)
        if m.group("nya"):
            said, after = PRONOUN, m.end()
        else:
            said, after = speaker_after(sentence, m.end())
        rest = sentence[after:]
        if said.none:
            continue
        # "Tak hanya itu, menurut Rohyat keuntungan jalan ini ...": what follows the name.
        infixed = rest.lstrip().startswith(",")
        statement = rest.split()
        if (
            m.group("verb") == "menurut"
            and not infixed
            and len(statement) >= MIN_REPORTED_WORDS
            and statement[0] not in sp.tail_words
        ):
            if not sentence.startswith(",", m.start()):  # inside a clause, no comma before
                if statement[0] in sp.relative_words:
                    continue  # "menurut Oricon Chart yang ...": a source's clause
                opening = sentence[lead : m.start()].strip()
                if (
                    opening
                    and opening not in sp.openers
                    and "," not in opening
                    and not sp.speech_words.search(opening)
                ):
                    # "Harga tersebut menurut Herjanto mengalami penurunan": the sentence (not
                    # "Ia menuturkan, bila ..., maka menurut Antasari ...": what follows)
                    return _clause(text, start + lead, end, said)
            return _clause(text, start + after, end, said)
        if not _attribution_ends(rest):
            continue
        if rest.lstrip().startswith(",") and len(rest.strip()) > 20:
            return _clause(text, start + lead, end, said)
        return _clause(text, start + lead, start + m.start(), said)
    # "Menurut X, ..." / "Menurutnya, ...".
    m = sp.according_start.match(sentence)
    if m and m.group("prep") == "kata" and _kata_is_a_noun(sentence, m.end()):
        m = None  # "Namun kata Anies yang paling disorot ...": the noun "kata", a word
    if m:
        if m.group("nya"):
            said, rest_at = PRONOUN, m.end()
        else:
            if m.group("prep") in sp.passive_forms and sentence.startswith(",", m.end()):
                return None  # "Dijelaskan, ...": explained by no one named
            # "Menurut Rohyat, ...", "Menurut sang Habib, ...", "Menurut pria itu, ..."
            said, named_to = speaker_after(sentence, m.end())
            that = _THAT_WORD.match(sentence, named_to)
            if that:  # "Diakui oleh Crutchlow kalau ...": what follows "kalau"
                return _clause(text, start + that.end(), end, said)
            comma = sentence.find(",", m.end())
            if 0 <= comma < named_to and not _PHRASE_END.match(sentence, named_to):
                # "Menurut jaksa, Rommy menerima suap ...": the name after the comma is the
                # subject of what was said; the speaker is who comes before it.
                said = speaker_after(sentence[:comma], m.end())[0]
            rest_at = comma if comma >= 0 else -1
        if said.pronoun:  # "Menurutnya, ..." or "Menurutnya usulan itu ..."
            return _clause(text, start + rest_at, end, said)
        comma = sentence.find(",", rest_at) if rest_at >= 0 else -1
        if comma > named_to and _states(sentence[named_to:comma]):
            comma = -1  # "Menurut Amir tidak ada korban jiwa, kedua kendaraan ...": all said
        if comma >= 0:
            return _clause(text, start + comma + 1, end, said)
        # "Menurut Rohyat keuntungan jalan ini ...", "Diakui oleh Crutchlow kalau ...": the
        # statement starts where the name ends.
        that = _THAT.match(sentence, named_to)
        return _clause(text, start + (that.end() if that else named_to), end, said)
    # "Hal ini seperti dikatakan Dandim X jika ...": the statement after the name, or, when
    # the sentence ends with the attribution, before it.
    m = sp.passive_as.search(sentence)
    words, after = words_after(sentence, m.end()) if m else ([], 0)
    told = sentence[after:].lstrip()
    if (
        m
        and not sentence[lead : m.start()].strip()
        and (words.count(",") > 1 or not told.startswith(",") or _describes(told[1:]))
    ):
        # "Seperti yang disampaikan X, ..." opening the sentence: what follows the comma
        # (not a role's list of portfolios, "Direktur Jenderal Industri Logam, Mesin, Alat
        # ...", nor "Seperti yang diungkap Liam baru-baru ini dalam interview ...", nor who
        # X is: "Seperti yang diutarakan oleh Albert Matatula, salah satu kontributor ...")
        m = None
    if m:
        said = speaker(words)
        that = _THAT.match(sentence, after)
        rest_at = that.end() if that else after
        rest = sentence[rest_at:].split()
        if len(rest) >= MIN_REPORTED_WORDS and rest[0] not in sp.tail_words:
            return _clause(text, start + rest_at, end, said)
        # "Hal itu disampaikan oleh Johnny Plate pada Senin": said before.
        return _clause(text, start + lead, start + m.start(), said)
    # "X mengatakan bahwa ...", "Ia menambahkan, ...".
    for m in sp.before_any.finditer(sentence):
        words, at = words_before(sentence, m.start())
        if (
            not words
            or not leads_sentence(sentence, at)
            or sp.where_when.search(sentence, 0, m.start())  # not "Jakarta" of "di Jakarta, Senin,"
        ):
            aside = _subject_before_aside(sentence, m.start())
            words, at = aside if aside[0] else _after_opening_phrase(sentence, words, at, m.start())
        if len(words) == 1 and words[0].lower() in sp.unnamed:
            # "Pelaku juga mengakui ...": a sentence opening with who they are, no name (not
            # "Menurut Pria, ...", a name the article writes as "AKBP Pria Budi")
            words = [words[0].lower()]
        if words:
            cut = _gapped_role(sentence, at, m.start(), words)  # "Ketua , DPR , mengatakan"
        else:
            cut = _cut_name(sentence[: m.start()])
        if not words and sp.described_before.search(sentence, 0, m.start()):
            words = ["ia"]  # "Pemain naturalisasi itu menambahkan, ..." names the last one
        elif (not words and not cut) or (words and not leads_sentence(sentence, at)):
            continue
        that = _THAT.match(sentence, m.end())
        clause_start = that.end() if that else m.end()
        marked = sentence[m.end() : clause_start].strip()
        if _denies(sentence, m.start(), m.group(0)):
            goes_on = sp.denial_goes_on.search(sentence, m.end())
            if goes_on is None:
                # "Yasonna juga membantah bahwa KPK tak pernah dilibatkan ...": what they say
                # is not so; their statement is the denial, so the quotation opens with the
                # verb ("membantah bahwa KPK tak pernah dilibatkan ...")
                denial = _clause(text, start + m.start(), end, speaker(words))
                return denial or (start + clause_start, end, speaker(words), False)
            # "Kivlan membantah, dan mengatakan senjata ...", "Fahri membantah jumlah peserta
            # itu dan menyatakan ada 289 orang ...": what follows the second verb.
            that = _THAT.match(sentence, goes_on.end())
            said = AHEAD if cut else speaker(words)
            return _clause(text, start + that.end(), end, said)
        if not marked and _asks(m.group(0), sentence[clause_start:]):
            # "mengingatkan warga agar tidak ...", "berpesan kepada masyarakat agar ...": a
            # request or a warning, no statement; but the one speaking.
            return start + clause_start, end, speaker(words), False
        noun = not marked and m.group(0) in sp.takes_object
        if noun and sp.courtesy.match(sentence, clause_start):
            # "mengucapkan terima kasih kepada ...", "menyampaikan belasungkawa atas ...": a
            # courtesy, no statement; but the one speaking, as after any noun.
            return start + clause_start, end, speaker(words), False
        if noun and not _reads_as_clause(sentence[clause_start:]):
            # "mengungkapkan alasannya, yaitu karena ...": the statement after "yaitu".
            namely = _NAMELY.search(sentence, clause_start)
            if namely and _reads_as_clause(sentence[namely.end() :]):
                return _clause(text, start + namely.end(), end, speaker(words))
            # "mengakui keunggulan tuan rumah": a noun, not what was said; but the one
            # speaking is the one a following "ujarnya" means.
            return start + clause_start, end, speaker(words), False
        said = AHEAD if cut else speaker(words)
        return _clause(text, start + clause_start, end, said, direct_object=not marked)
    return None


# "Fitri, orangtua salah satu korban, mengatakan": a name, then who they are in lower case
# or their age ("Messi, 32 tahun, mengakui").
# Capitalised words ending a description after a name and its comma: its own person.
_NAME_ENDING = re.compile(r",\s+[a-z][^,]*?\s((?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+),?\s*$")
_APPOSITION = re.compile(
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}),\s+(?P<who>[a-z][\w-]*|\d{1,3}\s+tahun\b)"
    r"[^,.;:!?\"“”()]{0,80}?,?\s*$"
)


# A relative clause (maybe closed by a comma) or a dashed aside between a subject and its verb
# (no punctuation inside).
_RELATIVE = re.compile(r"\s+yang\s+[^,.;:!?\"“”()–—]{3,90}?,?\s*$")
_DASHED = re.compile(r"\s*[–—]\s*[^,.;:!?\"“”()–—]{3,90}?\s*[–—]\s*$")


def _after_opening_phrase(
    sentence: str, words: list[str], at: int, verb: int
) -> tuple[list[str], int]:
    """The speaker phrase read back past a comma, and where it starts, when the sentence's
    opening phrase ends at that comma and a name alone follows it up to the verb ("Ditemui di
    Pengadilan Negeri Jakarta Selatan, Jefri mengaku ...": Jefri); else the phrase as read.
    The words before the comma stay when they are the name's role."""
    if "," not in words:
        return words, at
    rest = words[len(words) - words[::-1].index(",") :]
    after = sentence.rfind(",", at, verb) + 1
    written = _NAME_TOKEN.findall(sentence, after, verb)
    if (
        not rest
        or written[: len(rest)] != rest
        or any(w not in vocabulary().between for w in written[len(rest) :])
    ):
        return words, at  # "Sayap elite militer Iran, Garda Revolusi, kemudian menyatakan"
    said = speaker(rest)
    if not said.name or said.weak or said.none:
        return words, at
    # the role before the comma stays the speaker's ("Menanggapi hal tersebut Kepala Suku
    # Dinas Perhubungan Jakarta Utara, Benhard Hutajulu mengaku ...")
    role = words[: len(words) - len(rest) - 1]
    # (not "Senada dengan Menhub, Direktur ...": after a preposition the role is another's)
    held = (
        role
        and role[0] not in vocabulary().institutions
        and _word_before(sentence, at) not in vocabulary().before_another_role
        and is_role_phrase(" ".join(role))
    )
    return (words if held else rest), after


def _subject_before_aside(sentence: str, verb: int) -> tuple[list[str], int]:
    """The speaker before a verb when an aside stands between them: who came along
    ("Iptu Ketut Oka Bawa, didampingi KBO ..., mengatakan") or who the person is in lower
    case ("Fitri, orangtua salah satu korban, mengatakan"; "Wardi, pengendara sepeda motor
    yang melintas mengatakan"), or a clause on them ("Haris yang juga alumni Usakti
    mengaku"), or when and where they said it ("Suprayitno, saat diwawancarai Kamis
    (19/9/2019) mengatakan"; "Dunford, seperti dilansir Tass pada Kamis (19/9), menuturkan";
    "Zizek dalam wawancara dengan rt.com mengatakan"; "Suhariyanto di Jakarta, Senin,
    mengatakan")."""
    along = vocabulary().along.search(sentence, 0, verb)
    if along:
        words, at = words_before(sentence, along.start())
        if words:
            return words, at
    for aside in (_RELATIVE, _DASHED, vocabulary().occasion, vocabulary().where_when):
        # "Haris yang juga merupakan alumni Usakti mengaku", "Emil –demikian Ridwan Kamil
        # disapa— menyatakan", "Dunford, seperti dilansir Tass, menuturkan": the subject,
        # then a clause on them.
        m = aside.search(sentence, 0, verb)
        if m:
            words, at = words_before(sentence, m.start())
            if len(words) == 1 and words[0].lower() in vocabulary().described:
                continue  # "Pria yang biasa disapa Bamsoet itu mengatakan": one described
            if words and leads_sentence(sentence, at) and speaker(words).name:
                return words, at
    begin = sentence_start(sentence, verb)
    opening = vocabulary().comma_opening.match(sentence, begin, verb)
    begin = opening.end() if opening else begin
    apposition = _APPOSITION.fullmatch(sentence, begin, verb)
    if apposition and _describes_a_person(apposition.group("who")):
        words = apposition.group("name").split()
        named = _NAME_ENDING.search(apposition.group(0))
        if words[0] in vocabulary().comparison_openers and named:
            who = speaker(named.group(1).split()).name
            if who and is_person_name(list(who)):
                # "Seperti Uni Reno, sejarawan kuliner Fadly Rahman, menuturkan": like Reno,
                # the one the description names speaks; whose words they are is left open
                # (but "Seperti Rosyid Buidoro, pengendara motor asal Bekasi Timur menilai":
                # Rosyid's)
                return [], verb
        if speaker(words).name and words[0] not in vocabulary().addressee_openers:
            return words, apposition.start()
    bare = vocabulary().occasion_bare.search(sentence, 0, verb)
    if bare:
        # "Zizek dalam wawancara dengan rt.com mengatakan": a name or a role opening the
        # sentence (not "Maka dari itu dirinya", "Pernyataan Febri di atas").
        words, at = words_before(sentence, bare.start())
        first = words[0] if words else ""
        abstract = first.endswith("an") and first not in vocabulary().role_words  # "Pernyataan"
        opens = not abstract and (
            is_role_word(first) or not (is_common_word(first) or is_derived_word(first))
        )
        if words and opens and leads_sentence(sentence, at) and speaker(words).name:
            return words, at
    return [], verb


def _describes(words: str) -> bool:
    """True when `words` open with who someone is, no statement: "salah satu kontributor
    ...", "seorang warga ...", "pengamat politik dari ...", "istri ..."."""
    first = words.split()[:1]
    return bool(first) and (
        first[0] in ("salah", "seorang")
        or first[0] in vocabulary().relations
        or describes(first[0])
    )


def _describes_a_person(word: str) -> bool:
    sp = vocabulary()
    return (
        word[0].isdigit()  # an age
        or word in sp.unnamed
        or word in sp.described
        or word in sp.relations
        or is_role_word(word.capitalize())
    )


def _cut_name(before: str) -> bool:
    """True when the words before a verb are a role whose name the page lost with its link:
    "Wakil Ketua DPR , , mengatakan", "Kendati demikian, Karo Penmas Brigjen (Pol) ,
    menuturkan" (the speaker is the one the article names next)."""
    role = before.rstrip()
    if not role.endswith(","):
        return False
    role = role.rstrip(" ,")
    return is_role_phrase(role[role.rfind(",") + 1 :].strip())


# Where a page lost a linked word: a comma after a space ("Ketua , DPR"), not in brackets
# ("Otoritas Jasa Keuangan ( ,) Papua").
_GAP = re.compile(r"\s,(?!\))")


def _gapped_role(sentence: str, at: int, verb: int, words: list[str]) -> bool:
    """True when the words before a verb are a role with no name that lost a linked word
    inside it: "Ketua , DPR , mengatakan" (Ketua Komisi II DPR, whose name went too) is no
    holder the role may be looked up for, but the one the article names next ("Gubernur
    Jawa Barat , mengatakan" lost only the name: the role's holder; "Kepolisian Resor , Kota
    mengungkap" is a body speaking)."""
    end = sentence.rfind(words[-1], at, verb) + len(words[-1])
    if _GAP.search(sentence, at, end) is None:
        return False  # the cheap test first: most phrases lost no word
    said = speaker(words)
    return bool(said.role) and not said.name and not is_body(words)


_WORD = re.compile(r"[\w-]+")
_NAME_TOKEN = re.compile(r"[\w'’.-]+")
_NAMELY = re.compile(r",?\s+(?:yaitu|yakni|bahwa)\s+")
# A request or a warning: "kasus rabies jangan sampai mengganggu ..."
_PROHIBITION = frozenset({"jangan", "janganlah"})
_PROHIBITION_SPAN = 4
# An abstract noun with "-nya" ("alasannya", "harapannya", "kekecewaannya"): the object.
_ABSTRACT_POSSESSED = re.compile(r"\w+annya")
# How many words after "yang" belong to a relative clause ("program yang akan dijalankan"),
# or after "demi", "saat" to a clause of purpose or time ("... demi membela diri"): a
# predicate there is not the statement's.
_SUBORDINATORS = frozenset(
    {"yang", "demi", "untuk", "guna", "agar", "supaya", "sambil", "seraya", "saat", "ketika"}
    | {"usai", "setelah", "sebelum", "sejak", "tanpa", "dengan", "sebagai"}
)
_RELATIVE_SPAN = 2


def _reads_as_clause(text: str) -> bool:
    """True when the words after a verb that may take a noun make a statement: a predicate
    word or an affixed verb among them, not right after "yang" ("ada sejumlah cedera",
    "Habibie sedang menjalani"), and not an abstract noun's ("mengungkapkan alasannya ...")
    or what follows a preposition ("melaporkan ke petugas keamanan ...") but for a clause
    after a comma."""
    sp = vocabulary()
    words = _WORD.findall(text.lower(), 0, 200)
    if words and words[0] in sp.prepositions:
        comma = text.find(",", 0, 200)
        return comma >= 0 and _reads_as_clause(text[comma + 1 :])
    if not words or _ABSTRACT_POSSESSED.fullmatch(words[0]):
        return False
    since_yang = _RELATIVE_SPAN + 1
    for word in words[:25]:
        if word in _SUBORDINATORS:
            since_yang = 0
            continue
        since_yang += 1
        if since_yang <= _RELATIVE_SPAN:
            continue
        if word in sp.predicate_words or verb_shaped(word):
            return True
    return False


# How many words before a verb of denying a negation may stand: "tak bisa memungkiri".
_NEGATION_SPAN = 2


def _denies(sentence: str, verb_at: int, verb: str) -> bool:
    """True when `verb` is one of denying a claim ("membantah", "menampik") with no
    negation among the words right before it ("tidak menampik", "tak bisa memungkiri": an
    admission)."""
    sp = vocabulary()
    if verb not in sp.denying:
        return False
    before = _WORD.findall(sentence[max(0, verb_at - 40) : verb_at].lower())
    return not any(w in sp.negations for w in before[-_NEGATION_SPAN:])


# How many words may name whom a request is made of before its "agar" or "untuk": after a
# verb of warning ("mengingatkan para muridnya untuk ..."), after a preposition ("berpesan
# kepada seluruh pasukan Brimob agar ...").
_WARNED_WORDS = 5
_ADDRESSED_WORDS = 8
# What a request's first part ends at: a clause of its own may follow ("mengaku kepada Triawan
# bahwa dirinya kesulitan untuk tidur").
_PART_END = re.compile(r"[,;:.!?]|\bbahwa\b")


def _asks(verb: str, text: str) -> bool:
    """True when what follows a verb before the speech is a request of someone: whom a verb
    of warning warns, then a request word ("mengingatkan warga agar tidak membuang ...";
    not "memastikan permintaan untuk membangun ... dapat dipenuhi", after another verb); or
    a preposition of whom it is told to, then one ("berpesan kepada masyarakat agar ...")."""
    sp = vocabulary()
    part = _PART_END.search(text, 0, 300)
    words = _WORD.findall(text.lower(), 0, part.start() if part else 300)
    at = next((k for k, w in enumerate(words) if w in sp.request_words), None)
    if not at:
        return False
    if words[0] in sp.addressed:
        return at <= _ADDRESSED_WORDS
    return (
        verb in sp.warning_verbs
        and at <= _WARNED_WORDS
        and not any(w in sp.predicate_words or verb_shaped(w) for w in words[:at])
    )


_WORD_BEFORE = re.compile(r"(\w+)\s*$")


def _word_before(sentence: str, at: int) -> str:
    """The word right before `at` ("dari" of "dari kata Jepang"), or "" for none."""
    m = _WORD_BEFORE.search(sentence, max(0, at - 30), at)
    return m.group(1) if m else ""


def _states(words_before_comma: str) -> bool:
    """True when the words between a speaker's name and the next comma are what was said
    ("Menurut Amir tidak ada korban jiwa, ..."), not the attribution going on ("Menurut
    Amir saat ditemui, ...", "Menurut Amir yang juga ..., ...")."""
    words = words_before_comma.split()
    return (
        len(words) >= MIN_REPORTED_WORDS
        and words[0].islower()
        and words[0] not in vocabulary().tail_words
        and words[0] not in vocabulary().name_goes_on
        and _reads_as_clause(words_before_comma)
    )


def _attribution_ends(rest: str) -> bool:
    """True when what follows a postposed speaker ends the attribution: the sentence's end
    (after words such as 'kepada wartawan' or a date), or a comma before the rest of an
    infixed one."""
    if rest.lstrip().startswith(","):
        return True
    return bool(_ATTRIBUTION_TAIL.fullmatch(rest))


def _clause(
    text: str, start: int, end: int, said: Said, direct_object: bool = False
) -> tuple[int, int, Said] | None:
    """The statement between `start` and `end`, if it is one: enough words, and no request
    ("mengingatkan agar ...", "meminta untuk ..." right after the verb: `direct_object`; a
    warning, "... jangan sampai ...")."""
    while start < end and text[start] in " ,:":
        start += 1
    while end > start and text[end - 1] in " ,":
        end -= 1
    words = text[start:end].split()
    if len(words) < MIN_REPORTED_WORDS:
        return None
    first = words[0].lower()
    if first in ("agar", "supaya") or (direct_object and first == "untuk"):
        return None
    if any(w.lower() in _PROHIBITION for w in words[:_PROHIBITION_SPAN]):
        return None
    return start, end, said
