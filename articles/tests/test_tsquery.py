"""articles.tsquery: a tsquery's text form read into a tree and rewritten for the index of words by week."""

import datetime as dt

import pytest
from django.db import connection

from articles import tsquery
from articles.models import SEARCH_CONFIG


def written(query):
    """The text form PostgreSQL writes for a websearch query."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT websearch_to_tsquery(%s::regconfig, %s)::text", [SEARCH_CONFIG, query])
        return cursor.fetchone()[0]


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("tỉnh ủy", "('1303_tinh' & '1303_uy')"),
        ("tỉnh", "'1303_tinh'"),
        ('"ban thường vụ" tỉnh', "((('1303_ban' & '1303_thuong') & '1303_vu') & '1303_tinh')"),
        ("côn or đảo", "('1303_con' | '1303_dao')"),
        ('tỉnh -"côn đảo"', "'1303_tinh'"),
        ("tỉnh -côn or đảo", "(('1303_tinh' & !'1303_con') | '1303_dao')"),
        ("tỉnh ủy -côn", "(('1303_tinh' & '1303_uy') & !'1303_con')"),
        ('"tỉnh ủy" -côn', "(('1303_tinh' & '1303_uy') & !'1303_con')"),
    ],
)
def test_a_query_is_looked_up_by_the_words_every_match_holds(db, query, words):
    tree = tsquery.parse(written(query))

    assert tsquery.weekly(tsquery.words(tree), [1303]) == [words]


def test_the_index_answers_words_and_their_exclusions_exactly_and_phrases_only_in_part(db):
    cases = [
        ("tỉnh ủy", True),
        ("côn or đảo", True),
        ("tỉnh -côn", True),
        ('"côn đảo"', False),
        ('tỉnh -"côn đảo"', False),
    ]
    for query, exact in cases:
        tree = tsquery.parse(written(query))
        assert (tsquery.words(tree) == tree) is exact, query


def test_a_query_that_needs_no_word_has_nothing_to_look_up(db):
    assert tsquery.words(tsquery.parse(written("-tỉnh"))) is None
    assert tsquery.words(tsquery.parse(written("tỉnh or -côn"))) is None
    assert tsquery.parse(written("... ,")) is None


def test_each_week_is_looked_up_on_its_own():
    tree = tsquery.parse("'a' & 'b'")

    assert tsquery.weekly(tree, [7, 6, "u"]) == ["('7_a' & '7_b')", "('6_a' & '6_b')", "('u_a' & 'u_b')"]


def test_weights_are_dropped_and_prefixes_and_quotes_kept():
    tree = tsquery.parse("'it''s':*AB & 'x':A")

    assert tsquery.weekly(tsquery.words(tree), [1]) == ["('1_it''s':* & '1_x')"]


def test_a_malformed_query_is_refused():
    with pytest.raises(ValueError):
        tsquery.parse("'a' &")
    with pytest.raises(ValueError):
        tsquery.parse("( 'a'")


def test_weeks_are_counted_as_the_index_counts_them(db):
    days = [dt.date(1900, 1, 1), dt.date(1900, 1, 7), dt.date(1900, 1, 8), dt.date(2025, 12, 31)]
    with connection.cursor() as cursor:
        cursor.execute("SELECT (day - DATE '1900-01-01') / 7 FROM unnest(%s::date[]) AS day", [days])
        assert [week for (week,) in cursor.fetchall()] == [tsquery.week_of(day) for day in days]
    assert [tsquery.week_of(day) for day in days[:3]] == [0, 0, 1]
    assert tsquery.first_day(tsquery.week_of(dt.date(2025, 12, 31))) == dt.date(2025, 12, 29)


def test_the_index_function_prefixes_every_lexeme_and_pair_of_words_with_its_week(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT article_weekly_words(to_tsvector('simple', 'b a b'), DATE '1900-01-08', '', NULL, '', NULL, '{}')::text, "
            "article_weekly_words(to_tsvector('simple', 'a'), NULL, '', NULL, '', NULL, '{}')::text"
        )
        assert cursor.fetchone() == (
            "'0~a_b' '0~b_a' '1_a' '1_b' '1_~level:' '1_~period_kind:'",
            "'u_a' 'u_~level:' 'u_~period_kind:'",
        )


@pytest.mark.parametrize(
    ("query", "pairs"),
    [
        ('"côn đảo"', ["con_dao"]),
        ('"ban thường vụ" tỉnh', ["ban_thuong", "thuong_vu"]),
        ('"huyện côn-đảo"', ["huyen_con-dao", "con-dao_con", "con_dao"]),  # the compound and its parts
        ("côn đảo", []),
        ('"côn đảo" or "phú quốc"', []),  # a match need hold neither
        ('tỉnh -"côn đảo"', []),
    ],
)
def test_a_phrase_is_looked_up_by_the_pairs_of_adjacent_words_every_match_holds(db, query, pairs):
    assert tsquery.pairs(tsquery.parse(written(query))) == pairs


def test_the_pairs_of_a_query_are_those_the_index_function_writes(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT article_word_pairs(to_tsvector(%s::regconfig, 'Huyện Côn-Đảo, xưa'))::text",
            [SEARCH_CONFIG],
        )
        assert cursor.fetchone()[0] == "'con-dao_con' 'con_dao' 'dao_xua' 'huyen_con-dao'"


def test_filters_are_one_more_term_of_each_week(db):
    tree = tsquery.parse("'a' | 'b'")
    terms = [tsquery.filter_term("level", "town"), tsquery.filter_term("province", 12)]

    assert tsquery.weekly(tree, [7], terms) == ["('7_a' | '7_b') & '7_~level:town' & '7_~province:12'"]


def test_the_index_function_holds_the_filters_of_the_row_in_its_week(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT article_weekly_words(to_tsvector('simple', 'a'), DATE '1900-01-08', 'town', 12, '', NULL, '{}')::text"
        )
        assert cursor.fetchone()[0] == "'1_a' '1_~level:town' '1_~period_kind:' '1_~province:12'"


def test_pairs_are_looked_up_in_their_span_of_weeks_beside_the_weeks_words(db):
    tree = tsquery.parse(written('"côn đảo" tỉnh'))
    pairs = tsquery.pairs(tree)

    assert tsquery.weekly(tsquery.words(tree), [7, 6], ["~level:town"], pairs) == [
        "(('7_con' & '7_dao') & '7_tinh') & '7_~level:town' & '0~con_dao'",
        "(('6_con' & '6_dao') & '6_tinh') & '6_~level:town' & '0~con_dao'",
    ]


def test_the_weeks_queries_reach_the_database_as_written(db):
    from articles.models import text_array

    texts = ["'1_a' & '1_b'", "'1_it''s'", 'quote " inside', "back\\slash", "comma, {brace}"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s::text[]", [text_array(texts)])
        assert cursor.fetchone()[0] == texts


def test_a_weeks_span_of_pairs_is_the_one_the_index_computes(db):
    days = [dt.date(1900, 1, 1), dt.date(1900, 3, 31), dt.date(1900, 4, 2), dt.date(2025, 12, 31)]
    with connection.cursor() as cursor:
        cursor.execute("SELECT (day - DATE '1900-01-01') / 7 / 13 FROM unnest(%s::date[]) AS day", [days])
        assert [span for (span,) in cursor.fetchall()] == [
            tsquery.pair_span(tsquery.week_of(d)) for d in days
        ]
    assert tsquery.pair_span(tsquery.UNDATED_WEEK) == "u"
