"""How much a page's line reads like chrome by its words and shape, whatever its exact wording.

The patterns of `boilerplate.toml` know the chrome lines a publisher writes word for word; a
view of a page nobody listed (an archive's toolbar, a consent box, an app's menu, a newsletter
prompt) words them its own way. Its words still tell: menus, buttons, prompts and notices are
short, end no sentence and use the words of the web ("berlangganan", "cookie", "unduh",
"Selebriti"), a story's paragraphs those of news. `chrome_lines.tsv` holds the weight of each
word, word pair and shape of a line in a logistic model, learned from the lines of the raw pages
written for tuning (the dev halves of `bench/quality/data/gold16*`: a line of the corpus
record's text is the story's, any other line chrome) by `python -m bench.quality.chrome_lines
--write`. A body line whose odds of being chrome pass `CHROME_LOG_ODDS` is left out; a story's
dateline paragraph never is, and a long paragraph only at much higher odds.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from search.ingest.extract.dates import MONTHS
from search.lexicon import load_lines

# Log-odds above which a body line is read as chrome: e**3, twenty to one; a paragraph of at
# least `_PARAGRAPH_WORDS` words needs e**6, four hundred to one (a story's sentence about social
# media or an app uses the web's words too).
CHROME_LOG_ODDS = 3.0
_PARAGRAPH_LOG_ODDS = 6.0
_PARAGRAPH_WORDS = 20
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*$")
_QUOTE_END = re.compile(r"[\"”]$")
_DIGIT = re.compile(r"\d")
_DOMAIN = re.compile(r"\b\w+\.(?:com|id|co|net)\b")
_SYMBOL_START = re.compile(r"^[^\w\"“']")
_QUOTE_MARKS = frozenset('"“”')
# Word counts are read in these bands (a button, a label, a headline, a sentence).
_LENGTH_BANDS = (1, 2, 4, 7, 13, 26)
# A line of at least this many words, most of them capitalised, is written as a title.
_TITLE_CASE_WORDS = 3
_TITLE_CASE_SHARE = 0.7
# A line of fewer words may be a date line: only there is a month's name read.
_DATE_LINE_WORDS = 8


def line_features(line: str) -> set[str]:
    """The words (`w:`), word pairs (`b:`) and shape of one line, as the model reads them."""
    count = len(line.split())
    words = _WORD.findall(line.lower())
    # A month's name tells of a date line in a short line, and nothing in a story's sentence
    # ("... selama September-Oktober"): read in short lines only.
    if count >= _DATE_LINE_WORDS:
        words = [word for word in words if word not in MONTHS]
    features = {"w:" + word for word in words}
    features.update(f"b:{a}_{b}" for a, b in pairwise(words))
    band = max((b for b in _LENGTH_BANDS if count >= b), default=0)
    features.add(f"len:{band}")
    if _SENTENCE_END.search(line):
        ending = "sent"
    elif _QUOTE_END.search(line):
        ending = "quote"
    elif line.endswith(":"):
        ending = "colon"
    else:
        ending = "none"
    features.add("end:" + ending)
    if _DIGIT.search(line):
        features.add("digit")
    if _DOMAIN.search(line.lower()):
        features.add("domain")
    if "|" in line:
        features.add("pipe")
    if _SYMBOL_START.match(line):
        features.add("symstart")
    if not _QUOTE_MARKS.isdisjoint(line):
        features.add("quotechar")
    capitalised = sum(1 for word in line.split() if word[:1].isupper())
    if count >= _TITLE_CASE_WORDS and capitalised / count > _TITLE_CASE_SHARE:
        features.add("titlecase")
    return features


@cache
def _weights() -> tuple[dict[str, float], float]:
    weights: dict[str, float] = {}
    for row in load_lines("chrome_lines.tsv"):
        feature, _, weight = row.partition("\t")
        weights[feature] = float(weight)
    return weights, weights.pop("bias", 0.0)


def log_odds(line: str, weights: dict[str, float], bias: float) -> float:
    """The log-odds that `line` is page chrome under a model's `weights` and `bias`."""
    return bias + sum(weights.get(feature, 0.0) for feature in sorted(line_features(line)))


def chrome_log_odds(line: str) -> float:
    """The log-odds of `chrome_lines.tsv` that `line` is page chrome rather than story text."""
    return log_odds(line, *_weights())


def reads_as_chrome(line: str) -> bool:
    """True when the model reads `line` as chrome at the odds its length asks for."""
    return odds_read_as_chrome(line, chrome_log_odds(line))


def odds_read_as_chrome(line: str, odds: float, *, between_paragraphs: bool = False) -> bool:
    """True when log-odds `odds` are enough for `line`: twenty to one, four hundred to one for a
    line of `_PARAGRAPH_WORDS` words or a short line between two of the story's paragraphs (a
    subheading: "Kronologi Kejadian")."""
    strict = between_paragraphs or len(line.split()) >= _PARAGRAPH_WORDS
    return odds > (_PARAGRAPH_LOG_ODDS if strict else CHROME_LOG_ODDS)
