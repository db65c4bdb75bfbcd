"""A search reads only the newest matches (SEARCH_LIMIT): the cap that keeps common words fast."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.filters import ArticleFilter
from articles.models import Article

from .factories import make_article


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
    """EXPLAIN of each query the search runs to find its matches (sequential scans discouraged, as the
    test tables are tiny)."""
    with CaptureQueriesContext(connection) as context:
        Article.objects.newest_matches(query, limit)
    plans = []
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        for captured in context.captured_queries:
            if captured["sql"].startswith("EXPLAIN"):  # the search asking the planner for an estimate
                continue
            cursor.execute("EXPLAIN " + captured["sql"])
            plans.append("\n".join(row[0] for row in cursor.fetchall()))
    return plans


def test_common_words_are_read_newest_first_from_the_date_index(db):
    for day in (1, 2, 3):
        make_article(body="Bí thư Tỉnh ủy chủ trì.", date=dt.date(2024, 5, day))

    [plan] = search_plans("tỉnh ủy", limit=2)

    assert "article_date_idx" in plan


def test_a_rare_phrase_is_read_from_the_gin_index(db):
    make_article(body="Bí thư Tỉnh ủy chủ trì.", date=dt.date(2020, 1, 1))
    for day in range(1, 11):  # more than the first window (4 x limit) reads
        make_article(body="Chủ trì có Phó Bí thư.", date=dt.date(2024, 5, day))

    *_, plan = search_plans('"bí thư tỉnh ủy"', limit=2)
    assert "article_search_gin" in plan


def test_a_search_that_saw_every_article_stops(db):
    make_article(body="Bí thư Tỉnh ủy chủ trì.")

    assert len(search_plans('"bí thư tỉnh ủy"', limit=2)) == 2  # the window, and counting it


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
