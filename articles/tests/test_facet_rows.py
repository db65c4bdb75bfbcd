"""FacetRow, each article's facet values in a narrow table kept by triggers (migration 0014): it follows
inserts, bulk inserts, edits, meeting changes, deletions and truncation, and the article list's counts
under several filters read from it equal counting the articles."""

import datetime as dt
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.extraction.types import Period
from articles.filters import ArticleFilter
from articles.models import Article, FacetRow, Meeting

from .factories import make_article, make_meeting
from .test_facet_counts import archive  # noqa: F401  (fixture)

COLUMNS = [
    "province_id",
    "locality_id",
    "source_id",
    "level",
    "period_kind",
    "date",
    "period_start",
    "period_end",
]


def kept():
    return {row["article_id"]: row for row in FacetRow.objects.values("article_id", *COLUMNS, "kinds")}


def expected():
    rows = {}
    for article in Article.objects.all():
        row = {column: getattr(article, column) for column in COLUMNS}
        kinds = sorted(set(article.meetings.values_list("kind", flat=True)))
        rows[article.pk] = {"article_id": article.pk, **row, "kinds": kinds}
    return rows


def test_each_article_has_its_row_with_the_kinds_of_its_meetings(archive):  # noqa: F811
    assert kept() == expected()
    assert kept()[archive[0].pk]["kinds"] == ["giao ban", "tổng kết"]


def test_rows_follow_edits_meetings_deletions_and_bulk_inserts(archive, dong_thap):  # noqa: F811
    archive[1].province, archive[1].level, archive[1].date = dong_thap, "commune", dt.date(2020, 1, 1)
    archive[1].save()
    make_meeting(archive[1], kind="giao ban")
    Meeting.objects.filter(article=archive[0], kind="giao ban").delete()
    Meeting.objects.filter(article=archive[2]).update(kind="tổng kết")
    archive[3].delete()
    Article.objects.bulk_create(
        Article(title=f"Bài {n}", raw_text=f"Bài {n}", content_hash=f"bulk {n}", level="town")
        for n in range(5)
    )

    assert kept() == expected()
    assert len(kept()) == 3 + 5


def test_truncating_the_articles_empties_the_rows(archive):  # noqa: F811
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # Django's foreign keys are checked at commit
        cursor.execute("TRUNCATE articles_article CASCADE")

    assert not FacetRow.objects.exists()


@pytest.fixture
def many(db, tra_vinh, dong_thap):
    """Articles over every combination of a few facet values, some with meetings."""
    values = itertools.product(
        [tra_vinh, dong_thap], ["province", "district", "commune"], ["month", "half", ""], [2022, 2023]
    )
    for n, (province, level, period_kind, year) in enumerate(values):
        for copy in range(n % 3 + 1):
            period = {"month": Period("month", year, month=6), "half": Period("half", year, half=1)}
            article = make_article(
                province=province,
                level=level,
                period=period.get(period_kind),
                date=dt.date(year, 1 + (n + copy) % 12, 1 + copy),
                body="Tỉnh ủy giao ban." if copy else "Huyện ủy sơ kết.",
            )
            for kind in ["sơ kết", "giao ban"] if copy == 1 else ["tổng kết"] if copy == 2 else []:
                make_meeting(article, kind=kind)


FILTER_SETS = [
    {"level": "district", "period_kind": "half", "kind": "sơ kết"},
    {"province": "tra-vinh", "level": "commune", "year": "2023"},
    {"kind": "tổng kết", "year": "2022", "period_kind": "month", "province": "tra-vinh"},
    {"kind": "tổng kết", "level": "commune", "year": "2023"},
    {"level": "province", "period_kind": "month", "q": "tỉnh ủy"},
    {"province": "dong-thap", "kind": "giao ban", "q": "giao ban", "year": "2023"},
]


def counted_facets(data):
    """The facets as counting the articles themselves gives them (the path the facet rows replace)."""
    filterset = ArticleFilter(data, queryset=Article.objects.public())
    filterset._facet_rows = filterset._filtered  # count the articles, as before migration 0014
    return filterset.facets()


@pytest.mark.parametrize("data", FILTER_SETS)
def test_counts_under_several_filters_equal_counting_the_articles(many, data):
    filterset = ArticleFilter(data, queryset=Article.objects.public())
    facets = filterset.facets()

    assert facets == counted_facets(data)
    assert any(option["count"] for options in facets.values() for option in options)


@pytest.mark.parametrize("data", [FILTER_SETS[0], FILTER_SETS[1], FILTER_SETS[3]])
def test_the_count_of_three_filters_is_read_from_the_facet_rows(many, data):
    filterset = ArticleFilter(data, queryset=Article.objects.public())

    with CaptureQueriesContext(connection) as context:
        count = filterset.precomputed_count()

    assert count == filterset.qs.count() > 0
    assert "articles_facetrow" in context.captured_queries[-1]["sql"]


@pytest.mark.parametrize("data", [{"level": "district", "kind": "sơ kết"}, {"province": "tra-vinh"}])
def test_a_filtered_list_pages_by_the_facet_rows_in_the_lists_order(many, client, data):
    filterset = ArticleFilter(data, queryset=Article.objects.public())
    assert filterset.is_valid()
    expected = list(filterset.qs.values_list("pk", flat=True))  # the articles, in the list's order
    filterset._few = None  # as for a combination that leaves many

    rows = list(filterset.page_rows())

    assert rows == expected and len(rows) > 1
    response = client.get("/bai-viet/", {**data, "page": 1})
    assert [article.pk for article in response.context["page_obj"]] == expected[:20]
