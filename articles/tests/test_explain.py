"""The main filters and both searches are served by an index (read from EXPLAIN)."""

import datetime as dt

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from articles.extraction.types import Period
from articles.filters import ArticleFilter, IndicatorFilter
from articles.models import AdministrativeUnit, Article, Indicator, Meeting, Person, Source

from .factories import make_article
from .plans import explain, index_conditions

pytestmark = pytest.mark.django_db


def filter_plan(filterset_class, params, queryset):
    """The plan of what a filter selects, without the page's ordering (which alone may pick an index)."""
    filterset = filterset_class(params, queryset=queryset)
    assert filterset.is_valid(), filterset.errors
    # The filters' own conditions, not the ids of the few articles they leave (ArticleFilter.qs).
    filterset._few = None
    return explain(filterset.qs.order_by().values("pk"))


@pytest.mark.parametrize(
    "params, condition",
    [
        ({"province": "tra-vinh"}, "province_id = "),
        ({"province": "tra-vinh", "year": "2023"}, "date >= '2023-01-01'"),
        ({"year": "2023", "month": "11"}, "date >= '2023-01-01'"),
        ({"level": "district"}, "level)::text = 'district'"),
        ({"locality": "tra-vinh-tra-cu"}, "locality_id = "),
        ({"period": "2023-11"}, "period_start >= '2023-11-01'"),
        ({"source": "SOURCE"}, "source_id = "),
        # q: test_search_limit.py reads the plans of the search's own queries.
    ],
)
def test_article_filter_is_an_index_condition(tra_vinh, params, condition):
    source = Source.objects.create(name="Báo Trà Vinh")
    # An article every filter selects: an empty result is answered without a query to explain.
    make_article(
        province=tra_vinh,
        source=source,
        locality=AdministrativeUnit.objects.get(slug="tra-vinh-tra-cu"),
        level="district",
        date=dt.date(2023, 11, 20),
        period=Period("month", 2023, month=11),
    )
    params = {name: str(source.pk) if value == "SOURCE" else value for name, value in params.items()}
    plan = filter_plan(ArticleFilter, params, Article.objects.public())
    assert "Seq Scan on articles_article" not in plan
    assert any(condition in line for line in index_conditions(plan)), plan


def test_meeting_kind_filter_finds_the_meetings_by_the_kind_index():
    # kind=… is EXISTS (a meeting of that kind): the meetings are found by kind, then joined.
    plan = explain(Meeting.objects.filter(kind="sơ kết").order_by().values("article_id"))
    assert "meeting_kind_idx" in plan and "kind = 'sơ kết'" in " ".join(index_conditions(plan)), plan


def test_officials_search_uses_the_trigram_index():
    plan = explain(Person.objects.search("ngo chi cuon")[:20])
    assert "person_key_trgm" in plan
    assert "Seq Scan on articles_person" not in plan


def test_indicator_label_words_use_the_label_trigram_index():
    filterset = IndicatorFilter({"q": "thu ngân sách"}, queryset=Indicator.objects.public())
    assert filterset.is_valid()
    # Bitmap scans only: the one index that can take the label condition must be the one used.
    plan = explain(filterset.qs.order_by().values("pk"), also_off=("indexscan", "indexonlyscan"))
    assert "Bitmap Index Scan on indicator_label_trgm" in plan, plan


def test_facet_counts_with_two_filters_read_the_facet_rows_by_index(tra_vinh):
    # With no filter or one the counts are read from articles_facetcount (test_facet_counts.py).
    make_article(province=tra_vinh, level="province")
    with CaptureQueriesContext(connection) as context:
        ArticleFilter(
            {"province": "tra-vinh", "level": "province"}, queryset=Article.objects.public()
        ).facets()
    grouped = [query["sql"] for query in context.captured_queries if "GROUPING SETS" in query["sql"]]
    assert grouped
    for sql in grouped:
        assert "articles_facetrow" in sql and "articles_article" not in sql, sql
        with transaction.atomic():
            plan = explain(sql)
        assert "facetrow_province_date_idx" in plan or "facetrow_level_date_idx" in plan, plan
