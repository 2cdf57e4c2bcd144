"""The chrome-line model (search/ingest/extract/boilerplate/line_model.py): learned from the
dev halves of the raw-page gold sets, it reads page chrome nobody listed as chrome and leaves a
story's lines alone, also on sets it did not learn from."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from bench.quality import chrome_lines
from search.ingest.extract import extract_article
from search.ingest.extract.boilerplate.line_model import reads_as_chrome
from tests.corpus import records

GOLD = Path(__file__).resolve().parents[1] / "bench" / "quality" / "data"


def test_the_model_file_is_what_the_dev_halves_give():
    assert chrome_lines.main(["--check"]) == 0


def test_on_sets_it_did_not_learn_from():
    # a model learned without a fifth of the sets, on that fifth's lines
    tally = chrome_lines.held_out(chrome_lines.dev_lines(), 5, only=0)
    share = {where: c["read as chrome"] / c["lines"] for where, c in tally.items()}
    assert tally["story"]["lines"] > 300
    assert share["story"] <= 0.015, share
    assert share["chrome over the story"] >= 0.85, share
    assert share["chrome under the story"] >= 0.85, share
    assert share["chrome inside the story"] >= 0.45, share


@pytest.mark.parametrize(
    "line",
    [
        # menus, buttons and prompts no pattern lists
        "Aktifkan notifikasi untuk mendapatkan kabar terbaru dari kami",
        "Unduh aplikasinya sekarang",
        "Bagikan artikel ini",
        "Tampilkan komentar",
        "Gaya Hidup",
    ],
)
def test_chrome_in_words_nobody_listed(line):
    assert reads_as_chrome(line)


def test_the_corpus_stories_sentences_stay():
    # whole sentences of corpus stories (every 25th record), social media and apps included
    sentences = [
        " ".join(paragraph.split())
        for record in records(every=25)
        for paragraph in (record.get("body") or "").split("\n")
        if len(paragraph.split()) >= 8 and paragraph.rstrip().endswith((".", '."', ".”"))
    ]
    read = [line for line in sentences if reads_as_chrome(line)]
    assert len(sentences) > 5_000
    assert len(read) / len(sentences) < 0.002, read[:10]


def _dev_page(name: str, file: str) -> tuple[dict, str]:
    folder = GOLD / name / "dev"
    pages = tomllib.loads((folder / "pages.toml").read_text(encoding="utf-8"))["page"]
    truth = next(page for page in pages if page["file"] == file)
    return truth, (folder / file).read_text(encoding="utf-8")


def test_a_newsletter_box_over_the_menus_is_no_story():
    # gold16zq dev fimela-11: a cookie banner and a newsletter box open over the page; the
    # story starts under the headline written again, and the box's lines stay out of it
    truth, text = _dev_page("gold16zq", "pages/fimela-11.txt")
    article = extract_article(text, "fimela-11").article
    assert article.title == truth["title"]
    assert truth["body_first"] in article.body and truth["body_last"] in article.body
    assert not [line for line in truth["not_body"] if line in article.body]


def test_an_aggregators_caption_with_its_copyright_is_no_headline():
    # gold16zp dev merdeka-07: MSN's caption "... Nasaruddin Umar. © Disediakan oleh Merdeka.com"
    truth, text = _dev_page("gold16zp", "pages/merdeka-07.txt")
    assert extract_article(text, "merdeka-07").article.title == truth["title"]


def test_a_line_read_as_chrome_stays_for_the_date_and_never_empties_the_page():
    page = "\n".join(
        [
            "Warga Gotong Royong Bersihkan Sungai Cikapundung",
            "Bandung, 12 Agustus 2019",
            "BANDUNG - Ratusan warga bergotong royong membersihkan Sungai Cikapundung pada Senin.",
            "Tampilkan komentar",
            '"Kami ingin sungai ini bersih," kata Ketua RW, Asep.',
        ]
    )
    article = extract_article(page, "gotong-royong").article
    assert "Tampilkan komentar" not in article.body
    assert article.body.endswith("kata Ketua RW, Asep.")
    assert article.date_iso == "2019-08-12"
