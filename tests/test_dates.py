"""The dates people type into `from`/`to` (search/dates.py parse_date_input), and the presets."""

from __future__ import annotations

import datetime as dt

import pytest

from search.dates import DateInputError, parse_date_input, presets


@pytest.mark.parametrize(
    ("typed", "start", "end"),
    [
        ("2019-09-01", "2019-09-01", "2019-09-01"),
        ("2019-09", "2019-09-01", "2019-09-30"),
        ("2019", "2019-01-01", "2019-12-31"),
        ("1/9/2019", "2019-09-01", "2019-09-01"),
        ("30/09/2019", "2019-09-30", "2019-09-30"),
        ("1-9-2019", "2019-09-01", "2019-09-01"),
        ("17.8.2019", "2019-08-17", "2019-08-17"),
        ("9/2019", "2019-09-01", "2019-09-30"),
        ("02/2020", "2020-02-01", "2020-02-29"),
        ("1 Januari 2019", "2019-01-01", "2019-01-01"),
        ("Sept 2019", "2019-09-01", "2019-09-30"),
        ("17 Agustus 2019", "2019-08-17", "2019-08-17"),
        ("17 agu 2019", "2019-08-17", "2019-08-17"),
        ("Desember 2019", "2019-12-01", "2019-12-31"),
        ("1 Okt. 2019", "2019-10-01", "2019-10-01"),
        ("March 2019", "2019-03-01", "2019-03-31"),
        ("  1   Mei  2019 ", "2019-05-01", "2019-05-01"),
    ],
)
def test_dates_as_people_type_them(typed, start, end):
    assert parse_date_input(typed).isoformat() == start
    assert parse_date_input(typed, end=True).isoformat() == end


@pytest.mark.parametrize(
    "typed",
    ["32/13/2019", "31/2/2019", "13/2019", "2019-13", "kemarin", "1 Juni", "Ju 2019", "9/19"],
)
def test_what_is_no_date_is_said_so(typed):
    with pytest.raises(DateInputError) as error:
        parse_date_input(typed)
    assert repr(typed.strip()) in str(error.value)


def test_presets_end_at_the_newest_article():
    newest = dt.date(2019, 10, 5)
    ranges = [(start.isoformat(), end.isoformat()) for _, start, end in presets(newest)]
    assert ranges == [
        ("2019-09-29", "2019-10-05"),
        ("2019-09-06", "2019-10-05"),
        ("2019-10-01", "2019-10-05"),
        ("2019-01-01", "2019-10-05"),
    ]


@pytest.mark.parametrize(
    ("day", "label", "tick"),
    [
        ("2019-09-04", "2–8 September 2019", "Sep"),
        ("2019-10-06", "30 September – 6 Oktober 2019", "Sep"),
        ("2020-01-01", "30 Desember 2019 – 5 Januari 2020", "Des"),
    ],
)
def test_a_week_is_monday_to_sunday_labelled_as_a_newsroom_writes_it(day, label, tick):
    from search import i18n
    from search.dates import period, period_label

    monday, sunday = period(dt.date.fromisoformat(day), "week")
    assert (monday.weekday(), (sunday - monday).days) == (0, 6)
    with i18n.using("id"):
        assert period_label(monday, "week") == (label, tick)
