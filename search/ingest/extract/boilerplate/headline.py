"""Where a page's headline is, among menus, breadcrumbs, bylines and date lines (an HTML title
naming the publisher, a line shaped like a headline beside the date line, maybe wrapped onto a
second line), and where the story starts after it."""

from __future__ import annotations

from search.ingest.extract.boilerplate.body import is_teaser
from search.ingest.extract.boilerplate.captions import (
    ends_in_photo_source,
    ends_with_credit,
    holds_photo_credit,
)
from search.ingest.extract.boilerplate.line_model import reads_as_chrome
from search.ingest.extract.boilerplate.lines import (
    LIST_LABEL_WORDS,
    SENTENCE_END,
    WORD,
    headline_cased,
    is_capture_line,
    is_chrome,
    is_date_line,
    is_dropped,
    is_footer_start,
    is_tagline,
    looks_like_paragraph,
    looks_like_title,
    opens_story,
    opens_with_dateline,
    opens_with_named_dateline,
)
from search.ingest.extract.boilerplate.patterns import chrome_patterns
from search.ingest.extract.sources import (
    TITLE_BRAND_PREFIX,
    TITLE_BRAND_SUFFIX,
    brand_line_source,
    named_publisher,
    title_brand_suffix,
)

# A headline wrapped over two lines: the second part is at most this many words.
_WRAPPED_PART_WORDS = 10
# How far below the headline a story's dateline is looked for, past a teaser and a byline.
_TEASER_LINES = 12
# How far below an HTML title its headline may be written again, over the story (past a
# site's menus).
_H1_LINES = 40
# Lines shaped like a headline looked at before choosing the one beside the date line.
_TITLE_CANDIDATES = 4
# A notice as long as a sentence that is page chrome ("Situs ini menggunakan cookie dari
# Google ...") has at least this many words.
_NOTICE_WORDS = 8
# A site's motto under its name is at most this many words.
_MOTTO_WORDS = 9
# A navigation bar holds at least this many short links before its last.
_MENU_LINKS = 3


def headline_of(line: str) -> str:
    """A headline without the publisher an HTML title adds ("... - Kompas.com", "... | Okezone
    News", Blogger's "POSMETRO MEDAN: ..."); the line as it is when it names none."""
    named = False
    for _ in range(2):  # "... - Halaman all - Kompas.com"
        m = title_brand_suffix(line)
        if m:
            line, named = line[: m.start()].rstrip(), True
            continue
        m = TITLE_BRAND_PREFIX.match(line)
        if m and named_publisher(m.group("brand")):
            line, named = line[m.end() :].lstrip(), True
            continue
        break
    return chrome_patterns().title_suffix.sub(line).rstrip() if named else line


# A site's name after its headlines: at most this many words.
_SITE_NAME_WORDS = 5


def _without_site_name(line: str, under: list[str]) -> str:
    """An HTML title without the site's name it ends with (or, a blog's, opens with), when the
    lines `under` it write that name alone, right under it or with the headline written again
    without it ("Api di Gunung Merbabu ... - Kabar Jateng Terkini" over a blog's name "Kabar
    Jateng Terkini"; not "... Persib Bandung - Persija Jakarta" over a menu holding "Persija
    Jakarta"); the line as it is otherwise."""
    m = TITLE_BRAND_SUFFIX.search(line)
    if m is None or len(m.group("brand").split()) > _SITE_NAME_WORDS:
        # a blog's name before it ("Warta Tangerang Raya: Mayat Bayi di Suradita, ..." over
        # the name and the headline each alone)
        m = TITLE_BRAND_PREFIX.match(line)
        if m is None or len(m.group("brand").split()) > _SITE_NAME_WORDS:
            return line
        site, headline = m.group("brand").strip(), line[m.end() :].lstrip()
        return headline if site in under and headline in under else line
    site, headline = m.group("brand").strip(), line[: m.start()].rstrip()
    if site not in under or (under[0] != site and headline not in under):
        return line
    return headline


def _is_title_candidate(line: str, *, twice: bool = False) -> bool:
    """A line shaped like a headline; one that ends with a date is a date line, unless the
    page writes it again below (`twice`: its HTML title and h1, "RUU Pertanahan Disahkan 24
    September 2019")."""
    return (
        looks_like_title(line)
        and (twice or not is_date_line(line))
        and not brand_line_source(line)
        and not ends_with_credit(line)  # a photo's caption: "... Jakarta. (Humas KKP)"
        and not ends_in_photo_source(line)  # "Maia Estianty dan suami (Instagram/maia)"
        and not holds_photo_credit(line)  # "Petenis Indonesia David. ANTARA"
    )


def _wraps_onto(title: str, part: str, following: list[str]) -> bool:
    """Whether `part` is the rest of a headline wrapped over two lines: a short line written
    as a headline, after a headline left open ("... di", "...,") or followed by page chrome
    (a byline, a date line; maybe after a teaser) rather than by the story."""
    words = part.split()
    if (
        len(words) > _WRAPPED_PART_WORDS
        or SENTENCE_END.search(title)
        or part.endswith((",", "."))
        or not headline_cased(words)
        or not all(WORD.search(word) for word in words)
        or is_chrome(part)
        or opens_story(part)
        or (following[:1] and following[0][:1].islower())  # the story goes on: `part` began it
    ):
        return False
    if following and following[0].startswith(",") and is_chrome(part + following[0]):
        return False  # a byline broken before its comma: "Rahman Asmardika" / ", Jurnalis"
    if chrome_patterns().open_ending.search(title):
        return True
    small = chrome_patterns().headline_small_words
    if following and is_date_line(following[0]) and not any(w.lower() in small for w in words):
        return False  # a byline above the date line: "Achmad Nasrudin Yahya"
    for line in following[:2]:
        if is_chrome(line):
            return True
        if opens_story(line):
            return False
        if looks_like_paragraph(line):  # a teaser
            continue
        if _is_title_candidate(line) and len(line.split()) >= 4:  # another headline
            return False
    return False


def find_title(lines: list[str]) -> tuple[int, int, str] | None:
    """Where the headline is (first line, how many lines) and its text. It comes before the
    story opens: an HTML title naming the publisher, or a line shaped like a headline (of four
    words or more; of three when there is none), maybe wrapped onto a second line; of those,
    the first one beside the page's date line (a blog's name and tagline come before its date
    header and post title), else the first. Breadcrumbs, section labels, brand lines, bylines,
    date lines and the headlines listed under a label ("Terpopuler", "Baca juga") are not the
    page's headline."""
    short: int | None = None
    listing = False
    listed: list[int] = []  # lines shaped like a headline under a label
    found: list[tuple[int, int, str]] = []
    for i, line in enumerate(lines):
        if is_capture_line(line):
            continue  # a web archive's toolbar, a cache's banner ("Versi lengkap")
        if len(line.split()) >= _NOTICE_WORDS and is_dropped(line):
            continue  # a cookie notice over a blog's header: no story yet
        if (opens_story(line) and not title_brand_suffix(line)) or len(found) >= _TITLE_CANDIDATES:
            # (an HTML title whose headline reads like a dateline, "Mulai Go Public, Jennifer
            # Dunn - Faisal Haris: ... - KapanLagi.com", opens no story)
            break
        if len(line.split()) <= LIST_LABEL_WORDS and (
            (is_footer_start(line) and not _last_of_menu(lines, i))
            or chrome_patterns().related_label.search(line)
        ):
            listing = True  # "Terpopuler", "Berita Terkait": headlines follow
            continue
        if not _is_title_candidate(line, twice=line in lines[i + 1 : i + _H1_LINES]):
            listing = False
            continue
        if listing:
            listed.append(i)
            continue
        headline = headline_of(line)
        if headline is line:
            headline = _without_site_name(line, lines[i + 1 : i + _H1_LINES])
        if headline is not line and len(headline.split()) >= 4 and not is_dropped(headline):
            if any(lines.count(f[2]) > 1 for f in found):
                continue  # a photo's alt text with the site's name, under the headline twice
            return i, 1, headline
        words = [word for word in line.split() if WORD.search(word)]
        if len(words) < 4:  # "Mercy Raya - Sport" is a byline
            short = i if short is None else short
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if found and (line.endswith(".") or not headline_cased(words, slack=1)):
            continue  # a teaser or a caption after the headline
        goes_on = nxt[:1].islower() and not is_chrome(nxt)  # not "oleh Admin Warta", a byline
        if not found and short is not None and (goes_on or not headline_cased(words, slack=1)):
            if _is_motto(line, nxt):
                continue  # a blog's motto under its name: "Kabar artis tanah air, terbaru ..."
            break  # story text after a short headline, not a headline after a label
        # a headline the page also writes whole on a line of its own (its HTML title, or the h1
        # below) is whole: the line under it is a byline ("Aji YK Putra"), not its end
        if (
            nxt
            and nxt != line  # the headline written twice is whole
            and line not in lines[:i]
            and line not in lines[i + 2 :]  # an aggregator's section under it: "Yahoo Gaya Hidup"
            and _wraps_onto(line, nxt, lines[i + 2 : i + 4])
        ):
            found.append((i, 2, f"{line} {nxt}"))
        else:
            found.append((i, 1, line))
    if found:
        beside = [f for f in found if _beside_date_line(lines, *f[:2])]
        beside = beside or [f for f in found if _over_byline_and_date(lines, *f[:2])]
        return (beside or found)[0]
    if short is not None:
        return short, 1, lines[short]
    beside = [i for i in listed if _beside_date_line(lines, i, 1)]
    if beside:  # a label's list ("Trending") over the headline: the one nearest the story
        return beside[-1], 1, headline_of(lines[beside[-1]])
    first = next((i for i, line in enumerate(lines) if looks_like_title(line)), None)
    return None if first is None else (first, 1, lines[first])


def _last_of_menu(lines: list[str], at: int) -> bool:
    """Whether the footer's link at `at` ("Tentang Kami") ends a menu of short links over the
    headline (a blog's navigation bar), not a label over a list of headlines."""
    before = lines[max(0, at - _MENU_LINKS) : at]
    return len(before) == _MENU_LINKS and all(
        len(line.split()) <= LIST_LABEL_WORDS and not looks_like_title(line) for line in before
    )


def _is_motto(line: str, nxt: str) -> bool:
    """A site's motto under its name: a few words that end no sentence, before a menu item or
    a date line rather than before the story going on."""
    return (
        len(line.split()) <= _MOTTO_WORDS
        and not SENTENCE_END.search(line)
        and not nxt[:1].islower()
        and not looks_like_paragraph(nxt)
    )


def _beside_date_line(lines: list[str], at: int, span: int) -> bool:
    before = lines[at - 1] if at > 0 else ""
    after = lines[at + span] if at + span < len(lines) else ""
    return is_date_line(before) or is_date_line(after)


# A byline between a headline and its date line: at most this many short lines.
_SHORT_BYLINE_LINES = 2


def _over_byline_and_date(lines: list[str], at: int, span: int) -> bool:
    """Whether the headline at `at` stands over a byline of a line or two of a few words, no
    page chrome, and then the date line ("Redaksi KVH" over a blog post's date)."""
    under = lines[at + span : at + span + _SHORT_BYLINE_LINES + 1]
    for n, line in enumerate(under):
        if is_date_line(line):
            return n > 0
        if is_chrome(line) or len(line.split()) > _BYLINE_WORDS or not WORD.search(line):
            return False
    return False


# A byline's lines between a headline's summary and the page's date line: at most this many.
_BYLINE_LINES = 5
# ... each of at most this many words ("Reporter" / "Irsyan Hasyim" / "Editor" / ...).
_BYLINE_WORDS = 3


def _date_line_under(under: list[str]) -> bool:
    """Whether a date line comes in `under` after nothing but chrome or a byline's short lines."""
    for line in under:
        if is_date_line(line):
            return True
        if not (is_chrome(line) or len(line.split()) <= _BYLINE_WORDS):
            return False
    return False


def body_start(rest: list[str], title: str) -> int:
    """Where the story starts after the headline: at its dateline when a teaser and the page's
    date line or byline come first; else at the first paragraph. The dateline and the first
    paragraph are looked for under the HTML title's headline written again over the story (the
    page's h1, under the menus and any consent box), when it comes before any paragraph."""
    h1 = -1
    for i, line in enumerate(rest[:_H1_LINES]):
        if line == title or headline_of(line) == title:
            h1 = i
            break
        if is_chrome(line) or reads_as_chrome(line):
            continue  # a consent or newsletter box over the menus, not the story
        if looks_like_paragraph(line) or opens_with_dateline(line):
            break  # the story before any headline written again
    window = range(h1 + 1, min(len(rest), h1 + 1 + _TEASER_LINES))
    datelines = [i for i in window if opens_with_dateline(rest[i])]
    # the dateline naming the publisher, under a caption opening with its keyword in capitals
    # and a dash ("PEMBINAAN - Satpol PP ...", over "TRIBUNNEWS.COM, AMLAPURA - ...")
    opener = next((i for i in datelines if opens_with_named_dateline(rest[i])), None)
    if opener is None and datelines:
        opener = datelines[0]
    if opener:
        before = rest[h1 + 1 : opener]
        teasers = [line for line in before if not is_chrome(line)]
        if len(teasers) <= 1 and len(teasers) < len(before):
            return opener
        if (
            opener == datelines[0]
            and opens_with_named_dateline(rest[opener])
            and any(map(is_date_line, before))
            and (
                sum(map(looks_like_paragraph, teasers)) <= 1
                or any(map(chrome_patterns().summary_label.search, before))
            )
        ):
            # the publisher's own dateline under the page's date line: what comes between
            # is a photo's caption or the headline's summary ("Ringkasan Berita:"), not the
            # story, which the dateline opens (a story of paragraphs may come before a
            # related one's dateline)
            return opener
        # one teaser over the page's date line, then one-word buttons (a font-size control's
        # "Kecil", "Normal", "Besar")
        worded = [i for i, line in enumerate(before) if not is_chrome(line) and " " in line]
        if (
            len(worded) == 1
            and is_teaser(before[worded[0]])
            and any(is_date_line(line) for line in before[worded[0] + 1 :])
        ):
            return opener
    for i, line in enumerate(rest[h1 + 1 :], start=h1 + 1):
        if line in title or headline_of(line) == title or is_chrome(line):
            continue
        nxt = rest[i + 1] if i + 1 < len(rest) else ""
        if ends_with_credit(line) and is_chrome(nxt):
            continue  # a photo's caption over the byline or the date line
        if (
            is_teaser(line)
            and _date_line_under(rest[i + 1 : i + 1 + _BYLINE_LINES])
            and not any(
                looks_like_paragraph(earlier) or is_date_line(earlier)
                for earlier in rest[h1 + 1 : i]
            )
        ):
            # the headline's summary over the page's date line (maybe a byline between: its
            # labels and names on lines of their own), the story under it
            continue
        if (
            looks_like_paragraph(line)
            or opens_with_dateline(line)
            # the publisher's dateline, however short its line ("TRIBUNNEWS.COM - memposting
            # video soal,yang dikirim ke", its links lost), not its motto
            or (opens_with_named_dateline(line) and not is_tagline(line))
            or (line[:1].islower() and len(line.split()) >= 5)  # prose going on
            or (
                len(line.split()) >= 3
                and (looks_like_paragraph(nxt) or nxt[:1].islower())
                and not opens_with_dateline(nxt)  # a caption above the story's dateline
            )
        ):
            return i
    return len(rest)
