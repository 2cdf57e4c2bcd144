"""An article's body among the page's lines: paragraphs until the footer starts, without the
related headlines set between them (under a "Baca juga:" label or none), dates of related
articles, tags, initials and links left under the story."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from search.ingest.extract.boilerplate.lines import (
    LIST_LABEL_WORDS,
    OPENING_QUOTES,
    SENTENCE_END,
    headline_cased,
    is_age_line,
    is_chrome,
    is_date_line,
    is_dropped,
    is_footer_start,
    is_tagline,
    looks_like_paragraph,
    opens_story,
    opens_with_dateline,
)
from search.ingest.extract.boilerplate.patterns import chrome_patterns
from search.ingest.extract.sources import brand_in

# Byline initials closing the last paragraph: "... profesional. (RUL)", "(mdk/ded)", "[vvn]".
_TRAILING_INITIALS = re.compile(
    r"\s*[(\[](?:[A-Z]{2,5}|[a-z]{2,5}|[A-Z][a-z]{1,4})(?:/[A-Za-z]{2,6}){0,3}[)\]]\s*$"
)
# A credit closing the last paragraph: "... kata dia. (Tribunnews.com/Reza Deni)".
_TRAILING_CREDIT = re.compile(
    r"\s*\((?:\S+\.(?:com|id|co)|[A-Z][\w.]*(?: [A-Z][\w.]*){0,3})/[^()]{2,40}\)$"
)
_DIGIT = re.compile(r"\d")
# A name on a byline's line of its own has at most this many words.
_BYLINE_NAME_WORDS = 4
# A headline's summary is one sentence of at most this many words.
_TEASER_WORDS = 30
_SENTENCE_STOPS = re.compile(r"[.!?][\"”]?(?:\s|$)")
# A headline listed under "Baca juga:" is at most this many words (a quote, at most the second).
_HEADLINE_WORDS = 20
_QUOTED_HEADLINE_WORDS = 12
# A related headline between two paragraphs, without a label: between these many words.
_LINKED_HEADLINE_WORDS = (5, 20)
# A list inside a story under a label ("Berita Terkait"): at most this many lines (headlines,
# dates).
_LISTED_LINES = 8
# A tag under a story: a few words, no punctuation.
_TAG_LINE = re.compile(r"^#?\w[\w #&'-]*$")
_TAG_WORDS = 6
# Tags listed with commas under a story: "Jokowi, Kabinet, Pelantikan" (three or more short
# items, no sentence).
_TAG_LIST = re.compile(r"^#?\w[\w&'-]*(?: [\w&'-]+){0,2}(?:, #?\w[\w&'-]*(?: [\w&'-]+){0,2}){2,}$")
# A link to another page of the site, left under a story: a few words, written as a title.
_LINK_WORDS = 3
# An embedded post's text is at most this many characters (a tweet's 280).
_POST_CHARS = 280
_STATEMENT_ENDS = (".", ".”", '."', ".'", ".’", "!”", '!"', "?”", '?"', ",”", ',"')
# Commas left after a finished sentence where links were taken out of a story ("... dari tiga
# laga. ,"): the sentence is finished all the same.
_LEFTOVER_COMMAS = re.compile(r"(?<=[.!?\"”’')])[\s,]+$")
# What a publisher's own slot shows, before its brand: "Video Fimela", "Galeri Kapanlagi".
_SLOT_KINDS = frozenset({"video", "foto", "galeri"})
# Page chrome left under a story, whatever its words: a run of at least this many short lines
# that end no sentence (tags, buttons, counters, a list's label and its headlines) after the
# story's last sentence. One such line alone may be the story's own (an unfinished last line).
_TAIL_RUN = 2
_TAIL_WORDS = 12
# Lines of more words than this in such a run are headlines (written as one).
_TAIL_LABEL_WORDS = 5


@dataclass
class Layout:
    """A seed page cut into its parts. `body` paragraphs are the only text that gets indexed."""

    title: str
    header: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)
    # the body's lines the chrome-line model left out: read after the footer for a source, and
    # for a date only when no other part of the page gives one
    left_out: list[str] = field(default_factory=list)
    # how many of the header's lines stand above the headline (the others are under it)
    above_title: int = 0


def fill_body(layout: Layout, lines: list[str]) -> Layout:
    patterns = chrome_patterns()
    in_footer = False
    related = -1  # headlines seen under a "Baca juga:" label; -1 when there is none
    skip_to = 0  # past a block of short lines set between two paragraphs
    for at, line in enumerate(lines):
        if at < skip_to:
            continue
        if not in_footer and _is_slot_label(line):
            # "Infografis", "Video Pilihan" between paragraphs, maybe over a few items
            if _lists_inside_story(line, lines[at + 1 :], slot=True):
                related = 0
                continue
            if not is_footer_start(line):
                continue
        if not in_footer and is_footer_start(line):
            if not layout.body:
                continue  # a footer starts after the story has: this line alone is chrome
            if _lists_inside_story(line, lines[at + 1 :]):
                related = 0  # "Berita Terkait" and its headlines, then the story goes on
                continue
            if patterns.call_line.search(line) and _prose_follows(
                lines[at + 1 : at + 1 + _LISTED_LINES]
            ):
                continue  # a call set between two paragraphs ("Ikuti kami di Google News")
            in_footer = True
        if in_footer:
            layout.footer.append(line)
            continue
        if (
            line.count(" ") < _TAIL_WORDS  # a paragraph's line (most lines) opens no block
            and layout.body
            and SENTENCE_END.search(_finished(layout.body[-1]))
        ):
            skip_to = at + _inner_run(layout.body[-1], lines[at : at + _LISTED_LINES + 1])
            if skip_to > at:
                labels = [n for n in range(at, skip_to) if _labels_list(lines[n])]
                after = lines[skip_to].split() if skip_to < len(lines) else []
                if labels and after and headline_cased(after, slack=1):
                    # the run ends in a list's label ("Baca Juga", "Berita Terkait") and maybe
                    # its first headlines: a headline under them is the list's too (not
                    # "Berikut ini jadwal ...:")
                    related = skip_to - labels[-1] - 1
                continue
        if patterns.related_label.search(line):
            related = 0  # "Baca juga:" and the headlines under it
            continue
        if related >= 0:
            # the next line of text, past chrome dropped anyway ("loading...", a button)
            nxt = next((n for n in lines[at + 1 : at + 4] if not is_dropped(n)), "")
            if _is_related_headline(line, related) and (
                not _goes_on(nxt) or _is_headline_under_label(line, related)
            ):
                related += 1
                continue
            related = -1
        if (
            len(layout.body) >= 2
            and (is_date_line(line) or is_age_line(line))
            and not _teaser_over(layout.body, lines[at + 1 : at + 1 + _LISTED_LINES])
        ):
            # a date or an age beside a headline: a related article's, with its headline
            if _is_headline_shaped(layout.body[-1]):
                layout.footer.append(layout.body.pop())
            if is_age_line(line) or _story_goes_on(lines[at + 1 : at + 1 + _LISTED_LINES]):
                continue  # the story goes on under it
            in_footer = True  # a list of related articles with their dates
            layout.footer.append(line)
            continue
        if line == layout.title or is_dropped(line) or is_tagline(line):
            continue
        if _is_post_text(line, lines[at + 1 : at + 2]):
            continue
        if _DIGIT.search(line) and is_date_line(line):
            if _teaser_over(layout.body, lines[at + 1 : at + 1 + _LISTED_LINES]):
                # the summary under the headline, and the names its byline lists under it
                layout.header += layout.body
                layout.body = []
            layout.header.append(line)  # the page's own date line, after a teaser
            continue
        if layout.body and _is_linked_headline(layout.body[-1], line, lines[at + 1 : at + 2]):
            continue
        layout.body.append(line)
    layout.footer[:0] = _trim_tail(layout.body)
    return layout


def _labels_list(line: str) -> bool:
    """A label over a list of related articles: "Baca juga:" or a list's label that starts a
    footer ("Berita Terkait")."""
    return bool(chrome_patterns().related_label.search(line)) or (
        len(line.split()) <= LIST_LABEL_WORDS and is_footer_start(line)
    )


def _teaser_over(body: list[str], following: list[str]) -> bool:
    """Whether the lines taken so far, over the page's date line, are the headline's summary
    and the names its byline lists under it, with the story's dateline paragraph next."""
    return (
        bool(body)
        and is_teaser(body[0])
        and all(_is_byline_name(name) for name in body[1:])
        and _dateline_follows(following)
    )


def _dateline_follows(following: list[str]) -> bool:
    """Whether the story's first paragraph, opening with its dateline, comes next past page
    chrome (a byline, a caption): the line over the date was the headline's summary."""
    return any(opens_with_dateline(line) for line in following if not is_chrome(line))


def _is_byline_name(line: str) -> bool:
    """A name a byline lists on a line of its own, under its label ("Reporter" / "Tempo",
    "Editor" / "Aisha Shaidra"): a few capitalised words that end no sentence."""
    words = line.split()
    return (
        0 < len(words) <= _BYLINE_NAME_WORDS
        and headline_cased(words)
        and not _SENTENCE_STOPS.search(line)
        and line[-1:] not in ",:"
    )


def is_teaser(line: str) -> bool:
    """A headline's summary: one sentence of a few words that opens with no dateline
    ("Parameter Politik Indonesia menilai publik puas dengan ..."), over the page's date."""
    return (
        len(line.split()) <= _TEASER_WORDS
        and not opens_with_dateline(line)
        and len(_SENTENCE_STOPS.findall(line)) <= 1
    )


def _finished(line: str) -> str:
    """A paragraph without the commas left after its last sentence."""
    return _LEFTOVER_COMMAS.sub("", line) if line.endswith(",") else line


def _is_headline_shaped(line: str) -> bool:
    """A headline over a date or an age: a few words, each capitalised (but the small words),
    ending no statement."""
    words = line.split()
    return (
        _LINKED_HEADLINE_WORDS[0] - 1 <= len(words) <= _LINKED_HEADLINE_WORDS[1]
        and not line.endswith(_STATEMENT_ENDS)
        and line[:1] not in OPENING_QUOTES
        and headline_cased(words)
    )


def _story_goes_on(following: list[str]) -> bool:
    """Whether the story's prose comes next, past page chrome and the other dated headlines
    of a list."""
    for line in following:
        if is_chrome(line) or is_age_line(line) or _is_headline_shaped(line):
            continue
        return looks_like_paragraph(line) and not _goes_on(line) and not is_footer_start(line)
    return False


def _prose_follows(following: list[str]) -> bool:
    """Whether the story's prose comes next, past page chrome: a dateline, a long or a finished
    sentence (not a poll's question), not going on from the line before."""
    for line in following:
        if is_chrome(line):
            continue
        return opens_story(line) and not _goes_on(line) and not is_footer_start(line)
    return False


def _is_post_text(line: str, after: list[str]) -> bool:
    """An embedded post's text over its signature ("TWICE "Feel Special" Concept Teaser 3
    #TWICE" over "— TWICE (@JYPETWICE) September 19, 2019"): a post's length, with a hashtag,
    a handle or a link in it."""
    return (
        len(line) <= _POST_CHARS
        and ("#" in line or "@" in line or "http" in line or "pic.twitter.com" in line)
        and bool(after)
        and chrome_patterns().embed_signature.search(after[0])
    )


def _goes_on(line: str) -> bool:
    """A line that carries on the sentence before it: "sambung Luki, ...", "” tulis Yong Dae"
    (a closing mark set before a capital opens a quote: "”Dalam penyelidikan kami, ...")."""
    if not line or (line[:1] in "”’" and line[1:2].isupper()):
        return False  # no line carries nothing on ("" is in every string)
    return line[:1].islower() or line[:1] in ",.;:”’)"


def _is_linked_headline(before: str, line: str, after: list[str]) -> bool:
    """A related article's headline set between two paragraphs without a label: written as a
    headline, not ending a statement (a headline may ask or exclaim: "Benarkah ...?") nor in a
    word that goes on ("... Romi Hidayat kepada", a sentence whose link was lost), after a
    finished paragraph (`before`, maybe with commas after its last sentence) and before a new
    one."""
    if not (line[-1:].isalnum() or line.endswith(("?", "!", "...", "…", "'", "’", '"', "”"))):
        return False  # tested before the words are split: most lines end a sentence
    words = line.split()
    return (
        _LINKED_HEADLINE_WORDS[0] <= len(words) <= _LINKED_HEADLINE_WORDS[1]
        and line[:1] not in OPENING_QUOTES
        and headline_cased(words)
        and not chrome_patterns().open_ending.search(line)  # "... Romi Hidayat kepada"
        and _finished(before).endswith((*_STATEMENT_ENDS, "?", "!"))
        and bool(after)
        and (after[0][:1].isupper() or after[0][:1] in '"“')
    )


def _is_related_headline(line: str, seen: int) -> bool:
    """A headline listed under a "Baca juga:" label: a line written as a headline, or, for the
    first, any line that does not end a sentence (a headline may end in a quoted name: "... di
    'Vagabond'"); those after it are short and do not end a question either."""
    ends = line.endswith(_STATEMENT_ENDS)
    words = line.split()
    if line.startswith(('"', "“")) and len(words) > _QUOTED_HEADLINE_WORDS:
        return False  # a quote the story goes on with
    if len(words) > _HEADLINE_WORDS:
        return False
    cased = len(words) >= _LINKED_HEADLINE_WORDS[0] - 1 and headline_cased(words, slack=1)
    if cased and line[:1] not in OPENING_QUOTES:
        return True  # written as a headline, however it ends ("... Naik Lagi?", "... Hari Ini.")
    if seen == 0:
        return not ends
    return not ends and not line.endswith(("?", "!")) and len(words) <= 15


def _is_headline_under_label(line: str, seen: int) -> bool:
    """The first line under a "Baca juga" label written wholly as a headline, of more words than
    a name and a role ("Sudah Siapkan Kain Kafan, Dorce Gamalama Ngaku Tak Mau Pikirkan
    Duniawi"): the list's, even where the story's next line opens in small letters (a name
    lost with its link)."""
    words = line.split()
    return seen == 0 and len(words) > _LINKED_HEADLINE_WORDS[0] and headline_cased(words)


def _lists_inside_story(label: str, following: list[str], *, slot: bool = False) -> bool:
    """True when a label over a list of headlines ("Berita Terkait", "Terpopuler") stands
    inside the story: after its headlines (and their dates) the story's prose goes on. A
    `slot`'s label ("Video Pilihan") may have nothing under it."""
    if len(label.split()) > LIST_LABEL_WORDS or label.endswith("."):
        return False
    for seen, line in enumerate(following[:_LISTED_LINES]):
        if is_footer_start(line) or chrome_patterns().related_label.search(line):
            return False
        if is_chrome(line) or (seen < _LISTED_LINES - 1 and _is_related_headline(line, seen)):
            continue
        return (seen > 0 or slot) and looks_like_paragraph(line) and not _goes_on(line)
    return False


def _inner_run(before: str, following: list[str]) -> int:
    """How many of the `following` lines are a block set between two paragraphs: short lines
    ending no sentence (a label of any words, "Kamu Sudah Baca Ini?", "Konten Premium",
    headlines, counters), two or more of them, maybe with page chrome among them, before the
    story's prose goes on, and with a sign of chrome among them (`_signals_chrome`): by its
    shape alone such a block may be the story's list ("Juara 1 Budi Santoso", "Langkah
    Pertama Siapkan Dokumen"), and it is when the paragraph `before` introduces it. One
    headline alone over two lines of chrome (a video's title over its duration and "Watch on
    YouTube") is such a block too. 0 when they are not."""
    if following and len(following[0].split()) > _TAIL_WORDS:
        return 0  # a paragraph (most lines): a long line of chrome is dropped on its own
    if chrome_patterns().list_intro.search(before):
        return 0
    short = chrome = 0
    headline = False
    for seen, line in enumerate(following):
        if is_chrome(line):
            chrome += 1
            continue
        if _is_short_unfinished(line) or (seen == 0 and _is_label(line)):
            short += 1
            headline = headline or _signals_chrome(line)
            continue
        # two short lines, or one headline over a player's or gallery's own lines ("4:12",
        # "Watch on YouTube"), with a sign of chrome among them
        block = (short >= _TAIL_RUN and (chrome or headline)) or (headline and chrome >= 2)
        if block and looks_like_paragraph(line) and not _goes_on(line) and not _cut_off(line):
            return seen
        return 0
    return 0


def _cut_off(line: str) -> bool:
    """A headline a list cut short: "... Paling Banyak Kasusnya di..." (no paragraph)."""
    return line.endswith(("...", "…")) and not line.endswith(("....", "……"))


def _signals_chrome(line: str) -> bool:
    """A short line that only page chrome writes: a list's label of boilerplate.toml
    ("Berita Terkait", "Baca juga:", "Video Pilihan") or a related article's headline (five
    words or more, written as a headline)."""
    patterns = chrome_patterns()
    return (
        patterns.related_label.search(line)
        or _is_slot_label(line)
        or is_footer_start(line)
        or (len(line.split()) >= _LINKED_HEADLINE_WORDS[0] and _is_headline_shaped(line))
    )


def _is_slot_label(line: str) -> bool:
    """A slot's label (boilerplate.toml's `slot_label`: "Video Pilihan", "Infografis"), or a
    publisher's own player or gallery named by its brand ("Video Fimela", "Foto detikcom")."""
    if chrome_patterns().slot_label.search(line):
        return True
    kind, _, brand = line.partition(" ")
    return kind.lower() in _SLOT_KINDS and 0 < len(brand.split()) <= 2 and bool(brand_in(brand))


def _is_label(line: str) -> bool:
    """A label opening a list, whatever its words: "Jangan Lewatkan:", "Artikel Menarik:"."""
    words = line[:-1].split()
    return line.endswith(":") and 0 < len(words) <= LIST_LABEL_WORDS and headline_cased(words)


def _chrome_run(body: list[str]) -> int:
    """How many of the body's last lines are a run of short lines ending no sentence (a
    headline among them may ask: "Kenapa Bulan Tampak Lebih Besar?") after a line that ends
    one: what a page sets under a story, told by its shape and a sign of chrome among them
    (`_signals_chrome`). A list the story ends with, under a line that introduces it, is the
    story's."""
    run = 0
    while run < len(body) - 1 and _is_short_unfinished(body[-run - 1]):
        run += 1
    if not run or run == len(body):
        return 0
    before = _finished(body[-run - 1])
    if not SENTENCE_END.search(before) or chrome_patterns().list_intro.search(before):
        return 0
    return run if any(_signals_chrome(line) for line in body[-run:]) else 0


def _is_short_unfinished(line: str) -> bool:
    """A few words (a tag, a button, a counter, a label) or a headline, ending no sentence; not
    a sentence going on or broken off (a lower-case start or end: "AKP Nanung Nugroho,
    kepada") nor speech (a quotation mark)."""
    words = line.split()
    if (
        not words
        or len(words) > _TAIL_WORDS
        or line[:1].islower()
        or words[-1][:1].islower()
        or any(mark in line for mark in OPENING_QUOTES + "”’")
        or (len(words) > _TAIL_LABEL_WORDS and not headline_cased(words, slack=1))
    ):
        return False
    if SENTENCE_END.search(line) or line.endswith((",", ";", ":")):
        return line.endswith(("?", "!")) and headline_cased(words)
    return True


def _is_tail_headline(line: str) -> bool:
    """A related article's headline alone under the story's last sentence ("Smalling Ungkap
    Alasan Gabung AS Roma - 23 Oktober 2019", "VIDEO: Detik-detik Gol Dzeko ke Gawang
    Udinese"): shaped like a headline, of five words or more, and not an item of a list the
    story ends with (a number first, commas, a slash, "vs", all in capitals)."""
    return (
        len(line.split()) >= _LINKED_HEADLINE_WORDS[0]
        and _is_headline_shaped(line)
        and not line[:1].isdigit()
        and not line.isupper()
        and not any(mark in line for mark in (",", "/", " vs ", " Vs ", " VS "))
    )


def _is_tail_label(line: str) -> bool:
    """A label ending in a colon left as the story's last line, over what the page set under
    the story ("Simak! Video Pilihan Redaksi:", "Jangan Lewatkan Video Terbaru:"): two to a few
    words written as a headline, without a number ("Pasal 220 :" and "Artinya:" are the story's,
    over what it lost)."""
    words = line[:-1].split()
    return (
        line.endswith(":")
        and 2 <= len(words) <= _TAIL_LABEL_WORDS
        and not _DIGIT.search(line)
        and headline_cased(words)
    )


def _trim_tail(body: list[str]) -> list[str]:
    """Take initials, tag lines ("french open 2019", "#Jokowi"), the page's links ("Karir",
    "Indeks Berita") and a list's label off the end of the story (a story ends with a
    sentence); the lines taken off, which are the footer's."""
    taken: list[str] = []
    while (
        len(body) > 1
        and _TAG_LINE.match(body[-1])
        and (
            (len(body[-1].split()) <= _TAG_WORDS and (body[-1].islower() or "#" in body[-1]))
            or (len(body[-1].split()) <= _LINK_WORDS and headline_cased(body[-1].split()))
        )
    ) or (
        len(body) > 1
        and (
            _TAG_LIST.match(body[-1])
            or chrome_patterns().closing_byline.search(body[-1])
            or _is_tail_label(body[-1])
        )
    ):
        taken.insert(0, body.pop())
    run = _chrome_run(body)
    if run >= _TAIL_RUN or (run and _is_tail_headline(body[-1])):
        taken[:0] = body[-run:]
        del body[-run:]
    if body and body[-1].rstrip().endswith((")", "]")):  # initials and credits end so
        body[-1] = _TRAILING_CREDIT.sub("", _TRAILING_INITIALS.sub("", body[-1]))
        if not body[-1]:
            body.pop()
    return taken
