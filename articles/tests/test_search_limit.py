"""A search reads only the newest matches (SEARCH_LIMIT): the cap that keeps common words fast."""

import datetime as dt
import re

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import models, tsquery
from articles.filters import ArticleFilter
from articles.models import SEARCH_CONFIG, Article

from .factories import make_article, make_meeting
from .plans import index_conditions


def test_search_keeps_only_the_newest_matches(db):
    for day in (1, 2, 3, 4):
        make_article(body="Hội nghị bàn về chuyển đổi số.", date=dt.date(2024, 5, day))
    make_article(body="Không liên quan.", date=dt.date(2024, 5, 9))

    found = Article.objects.search("chuyển đổi số", limit=3)

    assert found.count() == 3
    assert sorted(a.date.day for a in found) == [2, 3, 4]


def test_search_limit_applies_after_the_other_filters(db):
    make_article(body="Sơ kết chuyển đổi số.", date=dt.date(2024, 5, 1), level="district")
    make_article(body="Sơ kết chuyển đổi số.", date=dt.date(2024, 5, 2), level="province")

    found = Article.objects.filter(level="district").search("chuyển đổi số", limit=1)

    assert [a.level for a in found] == ["district"]


def test_search_ranks_within_the_newest_matches(db):
    make_article(title="Chuyển đổi số", body="Chuyển đổi số, chuyển đổi số.", date=dt.date(2020, 1, 1))
    newer = make_article(body="Có nói đến chuyển đổi số.", date=dt.date(2024, 1, 1))

    found = Article.objects.search("chuyển đổi số", limit=1).order_by("-rank")

    assert list(found) == [newer]


def search_plans(query, limit):
    """(EXPLAIN, SQL) of each query the search runs to find its matches (sequential scans discouraged,
    as the test tables are tiny)."""
    with CaptureQueriesContext(connection) as context:
        Article.objects.newest_matches(query, limit)
    plans = []
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        for captured in context.captured_queries:
            if " @@ " not in captured["sql"] and "article_matches(" not in captured["sql"]:
                continue  # the query parsed, the dates searched
            cursor.execute("EXPLAIN " + captured["sql"])
            plans.append(("\n".join(row[0] for row in cursor.fetchall()), captured["sql"]))
    return plans


def only_index(name):
    """Drop (in this test's transaction) every other index of articles on dates or words, and analyse.

    On tables this small the planner may take the dates from any index and test each row; with one
    index left, the question is whether that index answers both the window and the words.
    """
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
        cursor.execute(
            "SELECT string_agg(indexname, ', ') FROM pg_indexes WHERE tablename = 'articles_article' "
            "AND (indexdef LIKE '%%date%%' OR indexdef LIKE '%%search%%') AND indexname <> %s",
            [name],
        )
        cursor.execute(f"DROP INDEX {cursor.fetchone()[0]}")


def test_each_window_of_weeks_is_read_from_the_index_of_words_by_week(db):
    for day in range(1, 29):
        body = "Bí thư Tỉnh ủy chủ trì." if day % 7 == 0 else "Đảng ủy xã giao ban."
        make_article(body=body, date=dt.date(2024, 5, day))
    only_index("article_weekly_terms_gin")

    (first, sql), *_ = search_plans("tỉnh ủy", limit=2)

    [condition] = [line for line in index_conditions(first) if "Index Cond" in line]
    assert "article_weekly_terms_gin" in first and "@@ week.query" in condition, first
    week = tsquery.week_of(dt.date(2024, 5, 28))
    assert f"'{week}_tinh' & '{week}_uy'" in sql.replace("''", "'"), sql
    assert "article_matches" not in first  # the index answers words without their positions exactly


def test_a_common_phrase_is_found_by_its_words_then_tested_on_those_articles(db, monkeypatch):
    monkeypatch.setattr(models, "PAIR_WORTH", 0)  # as if each week held many articles
    make_article(body="Bí thư Tỉnh ủy chủ trì.", date=dt.date(2020, 1, 1))
    for day in range(1, 11):
        make_article(body="Chủ trì có Phó Bí thư Tỉnh ủy.", date=dt.date(2024, 5, day))
    only_index("article_weekly_terms_gin")

    (plan, sql), *_ = search_plans('"bí thư tỉnh ủy" -phó', limit=2)

    assert "article_weekly_terms_gin" in plan
    queries = sql.replace("''", "'")
    assert "_bi' &" in queries and "~bi_thu'" in queries, queries
    assert "!'" in queries and "_pho'" in queries, queries
    assert "article_matches(candidate.search" in plan


@pytest.fixture
def phrase(db):
    """The one article holding "bí thư tỉnh ủy", among ten newer ones holding its words apart, searched
    with the index of words by week alone."""
    phrase = make_article(body="Bí thư Tỉnh ủy chủ trì.", date=dt.date(2024, 5, 1))
    for day in range(2, 12):
        make_article(body="Tỉnh ủy có Bí thư.", date=dt.date(2024, 5, day))
    only_index("article_weekly_terms_gin")
    return phrase


def test_a_phrase_is_looked_up_by_its_words_and_pairs_in_each_week_then_tested(phrase, monkeypatch):
    monkeypatch.setattr(models, "PAIR_WORTH", 0)  # as if each week held many articles

    with CaptureQueriesContext(connection) as context:
        found = Article.objects.newest_matches('"bí thư tỉnh ủy"', limit=5)
    (plan, sql), *_ = search_plans('"bí thư tỉnh ủy"', limit=5)

    assert found == [phrase.pk]
    assert re.search(r"'\d+~bi_thu' & '\d+~thu_tinh'", sql.replace("''", "'")), sql
    assert "article_weekly_terms_gin" in plan
    assert "article_matches(candidate.search" in plan  # the few holding the pairs, tested
    assert not any("LIMIT 3001" in q["sql"] for q in context.captured_queries)  # no count over the archive


def test_a_phrase_among_few_articles_a_week_is_looked_up_by_its_words_alone(phrase):
    found = Article.objects.newest_matches('"bí thư tỉnh ủy"', limit=5)
    (plan, sql), *_ = search_plans('"bí thư tỉnh ủy"', limit=5)

    assert found == [phrase.pk]
    # Eleven articles a week: each pair would be looked up for fewer than PAIR_WORTH of them.
    queries = sql.replace("''", "'")
    assert "_bi' &" in queries and "~bi_thu" not in queries, queries
    assert "article_matches(candidate.search" in plan


def test_a_word_the_newest_articles_lack_is_found_further_back(db):
    older = [make_article(body="Huyện ủy sơ kết.", date=dt.date(2020, 1, day)) for day in (1, 2)]
    for day in range(1, 21):
        make_article(body="Đảng ủy xã sơ kết.", date=dt.date(2025, 8, day))

    assert Article.objects.newest_matches("huyện ủy", limit=5) == [older[1].pk, older[0].pk]


def test_undated_matches_come_after_the_dated_ones(db):
    undated = make_article(body="Tỉnh ủy giao ban.", date=None)
    dated = make_article(body="Tỉnh ủy giao ban.", date=dt.date(2019, 3, 1))

    assert Article.objects.newest_matches("tỉnh ủy", limit=5) == [dated.pk, undated.pk]


def test_a_search_that_saw_every_article_stops(db):
    make_article(body="Bí thư Tỉnh ủy chủ trì.")

    assert len(search_plans("bí thư tỉnh ủy", limit=2)) == 1  # one window: the whole archive


def test_a_query_of_only_excluded_words_lists_the_newest_articles_without_them(db):
    without = [
        make_article(title="Tin", body="Đảng ủy xã giao ban.", date=dt.date(2024, 5, day)) for day in (1, 2)
    ]
    make_article(body="Tỉnh ủy giao ban.", date=dt.date(2024, 5, 3))

    assert Article.objects.newest_matches("-tỉnh", limit=5) == [without[1].pk, without[0].pk]


def test_a_query_of_only_excluded_words_keeps_the_filters_the_index_answers(db):
    town = make_article(
        title="Tin", body="Đảng ủy thị trấn giao ban.", level="town", date=dt.date(2024, 5, 1)
    )
    make_meeting(town, kind="sơ kết")
    for level in ("district", "town"):  # another level; another kind of meeting
        other = make_article(title="Tin", body="Đảng ủy giao ban.", level=level, date=dt.date(2024, 5, 2))
        make_meeting(other, kind="giao ban" if level == "town" else "sơ kết")
    filterset = ArticleFilter(
        {"q": "-tỉnh", "level": "town", "kind": "sơ kết"}, queryset=Article.objects.public()
    )

    assert [article.pk for article in filterset.qs] == [town.pk]


def test_an_excluded_word_beside_words_is_answered_by_the_index_alone(db):
    kept = [
        make_article(title="Tin", body="Thành ủy giao ban.", date=dt.date(2024, 5, day)) for day in (1, 3)
    ]
    make_article(title="Tin", body="Thành ủy và Tỉnh ủy giao ban.", date=dt.date(2024, 5, 2))

    with CaptureQueriesContext(connection) as context:
        found = Article.objects.newest_matches("thành ủy -tỉnh", limit=5)

    assert found == [kept[1].pk, kept[0].pk]
    assert not any("article_matches(" in q["sql"] for q in context.captured_queries)
    assert any("!''" in q["sql"] and "_tinh''" in q["sql"] for q in context.captured_queries)


def test_a_query_without_a_word_matches_nothing(db):
    make_article(body="Tỉnh ủy giao ban.")

    assert Article.objects.newest_matches("... ,", limit=5) == []


def test_search_by_weekly_words_finds_what_the_query_alone_finds(db):
    texts = [
        "Đoàn công tác đến Côn Đảo.",
        "Đến Côn, Đảo Phú Quý thì sau.",  # punctuation does not break adjacency for a phrase either
        "Huyện Côn-Đảo và Côn Sơn.",
        "Đảo Côn Sơn thuộc Côn Đảo xưa.",
        "Côn Sơn, đảo lớn.",
        "Còn đảo nhỏ chưa có điện.",  # without diacritics, the same words
        "Bà Rịa - Vũng Tàu.",
    ]
    for i, text in enumerate(texts):
        make_article(
            title="Tin", body=text, date=dt.date(2024, 1, 1) - dt.timedelta(weeks=i) if i % 3 else None
        )
    for query in (
        '"côn đảo"',
        '"đảo côn sơn"',
        '"rịa vũng"',
        '"tin đoàn"',
        '"côn đảo" sơn',
        '"huyện côn-đảo"',  # a hyphenated word is itself and its parts
        "côn or vũng",
        "đảo -sơn",
        '"côn đảo" or "phú quý"',
    ):
        phrase = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
        expected = set(Article.objects.filter(search=phrase).values_list("pk", flat=True))

        assert set(Article.objects.newest_matches(query, limit=50)) == expected, query
        assert expected, query  # each query finds something: the comparison is not empty against empty


def test_the_page_and_its_facet_counts_search_once(db):
    make_article(body="Bí thư Tỉnh ủy chủ trì.")
    filterset = ArticleFilter({"q": "tỉnh ủy"}, queryset=Article.objects.public())

    with CaptureQueriesContext(connection) as context:
        list(filterset.qs)
        filterset.facets()

    searches = [
        q
        for q in context.captured_queries
        if "websearch_to_tsquery" in q["sql"] and "ts_rank" not in q["sql"]
    ]
    assert len(searches) == len({q["sql"] for q in searches}), searches


def test_the_weeks_read_are_those_of_the_days_given(db):
    for year in (2019, 2020, 2024):
        make_article(body="Tỉnh ủy giao ban.", date=dt.date(year, 6, 1))
    in_2020 = Article.objects.filter(date__year=2020)

    with CaptureQueriesContext(connection) as context:
        found = in_2020.newest_matches(
            "tỉnh ủy", limit=5, within=(dt.date(2020, 1, 1), dt.date(2020, 12, 31))
        )

    assert found == list(in_2020.values_list("pk", flat=True))
    weeks = {
        int(week)
        for captured in context.captured_queries
        for week in re.findall(r"'(\d+)_tinh", captured["sql"].replace("''", "'"))
    }
    assert weeks and weeks <= set(
        range(tsquery.week_of(dt.date(2020, 1, 1)), tsquery.week_of(dt.date(2020, 12, 31)) + 1)
    )


def test_a_search_with_a_year_chosen_reads_only_that_years_weeks(db):
    for year in (2019, 2020, 2024):
        make_article(body="Tỉnh ủy giao ban.", date=dt.date(year, 6, 1))
    filterset = ArticleFilter(
        {"q": "tỉnh ủy", "year": "2020", "month": "6"}, queryset=Article.objects.public()
    )

    with CaptureQueriesContext(connection) as context:
        listed = list(filterset.qs)
        filterset.facets()

    assert [article.date.year for article in listed] == [2020]
    read = [q["sql"] for q in context.captured_queries if "article_weekly_words" in q["sql"]]
    june = range(tsquery.week_of(dt.date(2020, 6, 1)), tsquery.week_of(dt.date(2020, 6, 30)) + 1)
    weeks_2020 = {str(week) for week in june}
    # The page and its month facet read June 2020's weeks; the year facet (the year left out) all.
    assert any(set(re.findall(r"'(\d+)_tinh", sql)) <= weeks_2020 for sql in read), read


def test_a_chosen_year_or_month_keeps_out_the_other_days_of_its_first_and_last_weeks(db):
    # 30 December 2019 and 28 December 2020 are Mondays: each turn of the year is inside a week.
    days = [dt.date(2019, 12, 31), dt.date(2020, 1, 2), dt.date(2020, 12, 31), dt.date(2021, 1, 1)]
    for day in days:
        make_article(body="Tỉnh ủy giao ban.", date=day)
    assert tsquery.week_of(days[0]) == tsquery.week_of(days[1])

    def listed(**chosen):
        filterset = ArticleFilter({"q": "tỉnh ủy", **chosen}, queryset=Article.objects.public())
        return sorted(article.date for article in filterset.qs)

    assert listed(year="2020") == days[1:3]
    assert listed(month="1") == [days[1], days[3]]
    assert listed(year="2020", month="12") == [days[2]]


def test_a_row_filter_is_a_term_the_index_of_words_by_week_answers(db, tra_vinh):
    for level in ("district", "town"):
        make_article(body="Tỉnh ủy giao ban.", level=level, province=tra_vinh, date=dt.date(2024, 5, 2))
    filterset = ArticleFilter({"q": "tỉnh ủy", "level": "town"}, queryset=Article.objects.public())

    with CaptureQueriesContext(connection) as context:
        listed = list(filterset.qs)

    assert [article.level for article in listed] == ["town"]
    week = tsquery.week_of(dt.date(2024, 5, 2))
    assert any(f"''{week}_~level:town''" in q["sql"] for q in context.captured_queries)


def test_a_phrase_with_filters_finds_what_the_filtered_phrase_finds(db):
    for day in range(1, 9):
        article = make_article(
            title="Tin",
            body="Bí thư Tỉnh ủy chủ trì." if day % 2 else "Tỉnh ủy có Bí thư.",
            level="town" if day % 3 else "district",
            date=dt.date(2024, 5, day),
        )
        make_meeting(article, kind="đại hội" if day < 6 else "giao ban")
    filtered = Article.objects.filter(level="town").with_meeting_kind("đại hội")
    phrase = SearchQuery('"bí thư tỉnh ủy"', search_type="websearch", config=SEARCH_CONFIG)
    expected = list(filtered.filter(search=phrase).values_list("pk", flat=True))

    assert filtered.newest_matches('"bí thư tỉnh ủy"', limit=50) == expected
    assert expected


def test_a_month_chosen_without_its_year_reads_only_the_weeks_of_that_month(db):
    for year in (2019, 2020):
        for month in (1, 6):
            make_article(body="Tỉnh ủy giao ban.", date=dt.date(year, month, 10))
    filterset = ArticleFilter({"q": "tỉnh ủy", "month": "6"}, queryset=Article.objects.public())

    with CaptureQueriesContext(connection) as context:
        listed = list(filterset.qs)

    assert sorted((a.date.year, a.date.month) for a in listed) == [(2019, 6), (2020, 6)]
    read = {int(w) for q in context.captured_queries for w in re.findall(r"'(\d+)_tinh", q["sql"])}
    assert read and all(6 in tsquery.months_of(week) for week in read)


def test_a_month_outside_the_chosen_quarter_finds_nothing_without_reading(db):
    make_article(body="Tỉnh ủy giao ban.", date=dt.date(2020, 6, 10))
    filterset = ArticleFilter(
        {"q": "tỉnh ủy", "month": "6", "quarter": "1"}, queryset=Article.objects.public()
    )

    with CaptureQueriesContext(connection) as context:
        listed = list(filterset.qs)

    assert listed == []
    assert not any("article_weekly_words" in q["sql"] for q in context.captured_queries)


def test_a_window_holding_more_matches_than_wanted_sends_only_the_newest(db):
    for day in range(1, 7):
        make_article(body="Tỉnh ủy giao ban.", date=dt.date(2024, 5, day))  # one week

    with CaptureQueriesContext(connection) as context:
        found = Article.objects.newest_matches("tỉnh ủy", limit=2)

    assert [Article.objects.get(pk=pk).date.day for pk in found] == [6, 5]
    [window] = [q["sql"] for q in context.captured_queries if "article_weekly_words" in q["sql"]]
    assert window.endswith("LIMIT 2")


def test_a_window_with_a_limit_is_not_in_the_order_of_the_index_of_dates(db):
    """Ordered as the index of dates is, with a LIMIT, a window may be planned as a walk of that index
    computing the words of each row: at 1M, 20 s for a word no article of 2024 held. The tables here
    are too small for the planner to choose it, so the test asks for an order no index holds."""
    for day in range(1, 8):
        make_article(body="Tỉnh ủy giao ban.", date=dt.date(2024, 2, day))

    with CaptureQueriesContext(connection) as context:
        found = Article.objects.newest_matches("tỉnh ủy", limit=5)

    assert len(found) == 5
    windows = [q["sql"] for q in context.captured_queries if "article_weekly_words" in q["sql"]]
    order = re.compile(r'ORDER BY COALESCE\("articles_article"."date", [^)]*\) DESC, [^ ]+ DESC OFFSET 0')
    assert windows and all(order.search(sql) for sql in windows), windows


def test_weeks_are_read_one_after_the_other_until_enough_are_found(db):
    """A window of weeks is one query, but a week is read only while the newer ones have not held
    enough: the plan joins each week's query to its articles in the order given, under the LIMIT."""
    for day in range(1, 29):
        make_article(body="Tỉnh ủy giao ban.", date=dt.date(2024, 2, day))
    only_index("article_weekly_terms_gin")

    (plan, _sql), *_ = search_plans("tỉnh ủy", limit=5)

    lines = [line.strip() for line in plan.splitlines()]
    assert lines[0].startswith("Limit") and lines[1].startswith("->  Nested Loop"), plan
    assert "Function Scan on unnest week" in plan, plan


def test_a_rare_word_is_found_far_back_each_week_read_once(db):
    old = make_article(body="Giải pickleball của tỉnh.", date=dt.date(2016, 3, 1))
    for day in range(1, 21):
        make_article(body="Tỉnh ủy giao ban.", date=dt.date(2025, 8, day))

    with CaptureQueriesContext(connection) as context:
        found = Article.objects.newest_matches("pickleball", limit=5)

    assert found == [old.pk]
    windows = [
        len(set(re.findall(r"'(\w+)_pickleball", q["sql"])))
        for q in context.captured_queries
        if "article_weekly_words" in q["sql"]
    ]
    assert sum(windows) == tsquery.week_of(dt.date(2025, 8, 20)) - tsquery.week_of(dt.date(2016, 3, 1)) + 2


def test_a_phrase_is_tested_newest_first_only_until_enough_pass(db):
    for day in range(1, 11):
        make_article(body="Bí thư Tỉnh ủy chủ trì.", date=dt.date(2024, 5, day))

    with CaptureQueriesContext(connection) as context:
        found = Article.objects.newest_matches('"bí thư tỉnh ủy"', limit=3)

    assert [Article.objects.get(pk=pk).date.day for pk in found] == [10, 9, 8]
    [window] = [q["sql"] for q in context.captured_queries if "article_matches(" in q["sql"]]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + window)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    # Ten articles hold the words and pairs, sorted; the sort hands on three, each tested and passing.
    assert re.search(r"Sort \(actual rows=3(\.00)? ", plan), plan
    assert "Subquery Scan on candidate" in plan and "Filter: article_matches(candidate.search" in plan, plan
