"""A photo's caption among a page's lines: the line under a caption label ("Lihat Foto") and the
short credit under that, a short line over a credit line that names who gave the photo
("Tribunnews/Jeprima", "Instagram/lucintaluna_") or under it when the byline or the story's
dateline follows, a short line ending in a bracketed credit that names a photo source ("...
(Instagram/agnezmo)") wherever it stands, and a short sentence that ends in its credit before
the story ("... di jalanan Tavullia, Italia. (MotoGP.com)")."""

from __future__ import annotations

import re

from search.ingest.extract.boilerplate.lines import (
    CAPTION_CHARS,
    OPENING_QUOTES,
    SENTENCE_END,
    is_chrome,
    is_footer_start,
    looks_like_paragraph,
    opens_story,
    opens_with_dateline,
    opens_with_named_dateline,
)
from search.ingest.extract.boilerplate.patterns import chrome_patterns
from search.ingest.extract.dates import full_date_in
from search.ingest.extract.person_names import is_common_word
from search.ingest.extract.sources import brand_in

_DIGIT = re.compile(r"\d")
# A caption of one sentence over a story with no dateline: at most this many words.
_STORY_CAPTION_WORDS = 25
# A sentence's end inside a line, before the next sentence's capital.
_INNER_SENTENCE_END = re.compile(r"[.!?][\"”]?\s+[A-Z]")
# A credit's label: such a credit stands under its photo's caption.
_CREDIT_LABEL = re.compile(r"(?i:foto|photo|credit|kredit)\s*:")
# A photo's credit alone on its line: who gave it, a slash, who took it ("ANTARA FOTO/Sigid
# Kurniawan", "KOMPAS.com/GARRY LOTULUNG"). A breadcrumb spaces its slashes: "Home / Nasional".
# A copyright sign or a label may open it: "© KOMPAS.com/IHSANUDDIN", "Foto: Instagram/radit".
_CREDIT = re.compile(
    rf"^(?:©\s*|{_CREDIT_LABEL.pattern}\s*)?"
    r"(?P<source>[A-Za-z][\w.-]*(?: [A-Za-z][\w.-]*)?)/[\w@][\w.@ -]{0,40}$"
)
# A credit under a labelled caption, without a slash ("FIA Formula E", "SHUTTERSTOCK"): at most
# this many words, and no sentence.
_CREDIT_WORDS = 5
# A caption is one or two sentences: at most this many words.
_CAPTION_WORDS = 35
# A finished sentence and the photo's credit in brackets, a few words without a date, or after
# a copyright sign (an aggregator's copy): "... Italia. (MotoGP.com)", "... bersama. (Dok.
# Pribadi)", "... Nasaruddin Umar. © Disediakan oleh Merdeka.com", "... © Provided by Kompas".
_ENDS_WITH_CREDIT = re.compile(
    r"[.!?][\"”]?\s*"
    r"(?:\([^()\d\s]+(?: [^()\d\s]+){0,3}\)|©\s*[^()\d\s©]+(?: [^()\d\s©]+){0,3})$"
)
# A photo's credit closing a caption after its full stop, as tempo.co writes it: an agency in
# capitals or a site's address ("... David Agung Susanto. ANTARA", "... Defender. Lego.com").
_CREDIT_AFTER_STOP = re.compile(
    r"\.\s+(?:[A-Z]{3,}|[A-Z][\w-]*\.(?:com|co\.id|id|net))(?:/[^/]+)?$"
)
# A credit in brackets closing a line ("(Instagram/agnezmo)", "(ANTARA FOTO/Sigid Kurniawan)"):
# between these many characters.
_CREDIT_CHARS = (3, 60)


def is_photo_credit(line: str) -> bool:
    """A line that is a photo's credit and nothing else, naming a photo source or a publisher
    before its slash ("© KOMPAS.com/IHSANUDDIN")."""
    source = _credit_source(line)
    return source is not None and (
        source.lower() in chrome_patterns().photo_sources or brand_in(source) is not None
    )


def _credit_source(line: str) -> str | None:
    """Who a credit line names before its slash ("Instagram" of "Instagram/agnezmo")."""
    m = _CREDIT.match(line) if "/" in line else None
    return None if m is None else m.group("source")


def ends_in_photo_source(line: str) -> bool:
    """A short line that ends in a bracketed credit naming a photo source, wherever it stands:
    "Agnez Mo saat tampil di Jakarta. (Instagram/agnezmo)" (a story's own credit names its
    publisher: "(Tribunnews.com/Reza Deni)")."""
    opens = line.rfind("(") if line.endswith(")") else -1
    credit = line[opens + 1 : -1]
    source = _credit_source(credit) if opens >= 0 and _CREDIT_CHARS[0] <= len(credit) else None
    return (
        source is not None
        and len(credit) <= _CREDIT_CHARS[1]
        and source.lower() in chrome_patterns().photo_sources
        and _may_be_caption(line)
    )


def drop_captions(lines: list[str]) -> list[str]:
    """The lines without photo captions: a caption label, the caption under it and its credit;
    a short line over a photo's credit line (or under it), and that credit."""
    label = chrome_patterns().caption_label
    kept: list[str] = []
    at = 0
    story = False  # a dateline or a paragraph read: the story has started
    while at < len(lines):
        line = lines[at]
        if label.search(line):
            at += 1 + _labelled_caption(lines[at + 1 : at + 3])
            continue
        if ends_in_photo_source(line):
            at += 1
            continue
        if (
            at + 1 < len(lines)
            and _credit_under(lines[at + 1 : at + 3], story=story)  # the cheaper test first
            and _may_be_caption(line)
        ):
            at += 2
            continue
        if (
            not story
            and at + 1 < len(lines)
            and (
                _caption_over_dateline(line, lines[at + 1])
                or _scene_over_story(line, lines[at + 1])
            )
        ):
            at += 1
            continue
        credit = (
            is_photo_credit(line)
            or _names_photo_source(line)
            or _labelled_credit(line)
            or chrome_patterns().credit_line.search(line)
        )
        if (
            credit
            and not _CREDIT_LABEL.match(line)  # "Foto: ..." credits the photo over it
            and _caption_under_credit(lines[at + 1 : at + 4])
        ):
            at += 2  # a credit over its caption, then the byline or the story's dateline
            continue
        if (
            credit
            and at
            and is_chrome(lines[at - 1])
            and _caption_over_story(lines[at + 1 : at + 3])
        ):
            at += 2  # under the date line or byline: a credit, its caption, then the story
            continue
        story = story or opens_story(line)
        kept.append(line)
        at += 1
    return kept


def _credit_under(under: list[str], *, story: bool) -> bool:
    """Whether the first of `under` is the credit of a photo whose caption stands over it: a
    credit line, or, before the story has started (`story`), a photo source's name alone over
    its dateline ("Oppo A9 2020 ... resmi meluncur di Indonesia." / "Istimewa" /
    "TRIBUNNEWS.COM - ..."; under a story's last paragraph, "Antara" is the story's credit,
    whatever dateline a related story under it opens with)."""
    return is_photo_credit(under[0]) or (
        not story
        and _names_photo_source(under[0])
        and len(under) > 1
        and opens_with_dateline(under[1])
    )


def _labelled_credit(line: str) -> bool:
    """A photo's credit after its label, a few words with no slash: "Foto: Twitter", "Foto:
    KBS2", "Foto: Dok. Pribadi"."""
    m = _CREDIT_LABEL.match(line)
    rest = line[m.end() :].split() if m else []
    return (
        0 < len(rest) <= _CREDIT_WORDS
        and not SENTENCE_END.search(line)
        and not _DIGIT.search(line)  # "Kredit: Rp 500 Juta" is a loan's
    )


def _caption_over_story(under: list[str]) -> bool:
    """Whether the first of two lines `under` a credit is a photo's caption of one sentence
    over the story's first paragraph (a page with no dateline: "Instagram/ruben_onsu" /
    "Ruben Onsu kebanjiran cibiran dari netter usai ..." / the story). A sentence telling
    its day ("..., Minggu (15/9/2019).") is a story's lede under a photo with no caption."""
    if len(under) < 2:
        return False
    caption, story = under[0], under[1]
    return (
        _one_short_sentence(caption)
        and (looks_like_paragraph(story) or story[:1].islower())
        and len(story) > len(caption)
    )


def _caption_over_dateline(line: str, under: str) -> bool:
    """Whether `line`, before the story has started, is a photo's caption with no credit: one
    short sentence standing right over the story's first paragraph, which opens with a
    dateline naming the publisher ("Wakil Menteri Keuangan Mardiasmo dalam Forum Merdeka
    Barat 9." / "POSMETRO MEDAN, Jakarta - ..."): the dateline opens the story."""
    return (  # the cheap tests first: most lines are no caption, most paragraphs no dateline
        line[:1].isupper()  # not a story's first sentence cut short ("ini sudah ...")
        and line.endswith(".")
        and len(under) > len(line)
        and opens_with_named_dateline(under)
        and _one_short_sentence(line)
    )


# A caption naming who or what the photo shows before its scene's word: at most this many words.
_SCENE_SUBJECT_WORDS = 5
# A verb's prefixed form ("membuka", "ditemui", "berbincang", "terlihat"): a scene holds one at
# most, a story's first sentence goes on with its own ("saat membuka Rakernas ... meminta").
_VERB_FORM = re.compile(r"(?:me[mnr]?|meng|meny|di|ber|ter)[a-z]{3,}$")


def _scene_over_story(line: str, under: str) -> bool:
    """Whether `line`, before the story has started, is a photo's caption with no credit: a
    name, a scene's word and the scene in lower case, one short sentence ("Jack Ma saat pesta
    perpisahannya di Hangzhou, Cina.") over the longer first paragraph. A headline writes its
    words in capitals and ends in no full stop; a story's first sentence opens with a
    dictionary word ("Sejak saat itu, ...") or goes on with a verb after the scene's ("Jokowi
    saat membuka Rakernas PDIP meminta ...")."""
    words = line[:-1].split()
    scene_words = chrome_patterns().caption_scene_words  # "saat", "ketika"
    at = next((i for i, w in enumerate(words) if w in scene_words), 0)
    scene = words[at + 1 :]
    return (
        0 < at <= _SCENE_SUBJECT_WORDS
        and line.endswith(".")
        and all((w[:1].isupper() or w[:1].isdigit()) and w.isalnum() for w in words[:at])
        and not is_common_word(words[0])  # "Sejak saat itu, ...", "Hingga saat ini ..."
        and scene[:1] != ["ini"]
        and scene[:1] != ["itu"]
        and sum(w[:1].islower() for w in scene) * 2 >= len(scene)
        and sum(_VERB_FORM.match(w) is not None for w in scene) <= 1
        and _may_be_caption(line)
        and not _INNER_SENTENCE_END.search(line[:-1])
        and len(words) <= _STORY_CAPTION_WORDS
        and full_date_in(line) is None
        and (looks_like_paragraph(under) or opens_with_dateline(under))
        and len(under) > len(line)
    )


def _names_photo_source(line: str) -> bool:
    """A line that is a photo source's name alone ("Istimewa", "Dok"): a credit over its
    caption only (under a story's last paragraph it is the story's credit: "Antara")."""
    return line.strip().rstrip(".").lower() in chrome_patterns().photo_sources


def _caption_under_credit(under: list[str]) -> bool:
    """Whether the first of `under` is the caption of a photo whose credit stands over it (a
    credit no caption stands over): a short line followed by page chrome ("Laporan Wartawan
    ...") or by the story's dateline, not by more of the story. A caption may open with its
    keyword in capitals and a dash, as a dateline does ("PEMBINAAN - Satpol PP ..."), when
    the dateline naming the publisher follows it."""
    if len(under) < 2:
        return False
    caption, after = under[0], under[1]
    named_after = opens_with_named_dateline(after) or (
        is_chrome(after) and len(under) > 2 and opens_with_named_dateline(under[2])
    )
    if opens_with_dateline(caption) and not opens_with_named_dateline(caption) and named_after:
        return _caption_shape(caption)
    # a dateline naming the publisher opens the story however short its line ("TRIBUNNEWS.COM
    # - memposting video soal,yang dikirim ke", its links lost)
    return _may_be_caption(caption) and (
        is_chrome(after) or opens_with_dateline(after) or opens_with_named_dateline(after)
    )


def holds_photo_credit(line: str) -> bool:
    """A line holding a photo's credit as a caption writes it, no headline: a copyright sign
    ("Barbie Kumalasari © YouTube/Boy William") or, after its full stop, an agency in
    capitals or a site's address ("Petenis Indonesia David Agung Susanto. ANTARA")."""
    return "©" in line or _CREDIT_AFTER_STOP.search(line) is not None


def ends_with_credit(line: str) -> bool:
    """A short sentence that ends in a photo's credit: a caption, when it stands before the
    story (a story's last paragraph may end in the story's credit: "... (Antara)")."""
    return _may_be_caption(line) and _ENDS_WITH_CREDIT.search(line) is not None


def _labelled_caption(under: list[str]) -> int:
    """How many of the lines under a caption label are its caption and the caption's credit.
    A gallery's pager may have the photo's credit under it and the caption under that ("Foto 4
    dari 4" / "(credit: instagram.com/riomotret)" / "Jedar dan Richard kompak tersenyum lebar
    di sesi pemotretan pre-wedding."): a caption of one short sentence; a gallery's text of
    more sentences under a photo is the story's."""
    if len(under) > 1 and is_chrome(under[0]) and _one_short_sentence(under[1]):
        return 2
    if not under or not _may_be_caption(under[0]):
        return 0  # no caption: the story, or chrome dropped anyway
    credit = under[1] if len(under) > 1 else ""
    words = credit.split()
    is_credit = (
        0 < len(words) <= _CREDIT_WORDS
        and not SENTENCE_END.search(credit)
        and not opens_with_dateline(credit)
        and not is_chrome(credit)
        and not is_footer_start(credit)
    )
    return 2 if is_credit else 1


def _one_short_sentence(line: str) -> bool:
    """A caption of one finished sentence of a few words, telling no day (a story's lede tells
    its day: "..., Minggu (15/9/2019).")."""
    return (
        line.endswith(".")
        and not _INNER_SENTENCE_END.search(line[:-1])
        and len(line.split()) <= _STORY_CAPTION_WORDS
        and _may_be_caption(line)
        and full_date_in(line) is None
    )


def _may_be_caption(line: str) -> bool:
    return _caption_shape(line) and not opens_with_dateline(line)


def _caption_shape(line: str) -> bool:
    """A short line, no quotation, no chrome: a caption's shape."""
    return (
        len(line) <= CAPTION_CHARS
        and len(line.split()) <= _CAPTION_WORDS
        and line[:1] not in OPENING_QUOTES
        and not is_chrome(line)
    )
