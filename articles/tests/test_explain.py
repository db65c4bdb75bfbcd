"""The main filters and both searches are served by an index (read from EXPLAIN)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.filters import ArticleFilter, IndicatorFilter
from articles.models import Article, Indicator, Person, Source

from .factories import make_article
from .plans import explain

pytestmark = pytest.mark.django_db


def page_plan(filterset_class, params, queryset):
    filterset = filterset_class(params, queryset=queryset)
    assert filterset.is_valid(), filterset.errors
    return explain(filterset.qs[:20])


@pytest.mark.parametrize(
    "params, indexes",
    [
        ({"province": "tra-vinh"}, {"article_province_date_idx", "article_level_idx"}),
        ({"province": "tra-vinh", "year": "2023"}, {"article_province_date_idx", "article_date_idx"}),
        ({"year": "2023", "month": "11"}, {"article_date_idx"}),
        ({"level": "district"}, {"article_level_idx"}),
        ({"locality": "tra-vinh-tra-cu"}, {"article_locality_date_idx"}),
        ({"period": "2023-11"}, {"article_period_idx"}),
        ({"kind": "sơ kết"}, {"meeting_kind_idx"}),
        ({"source": "SOURCE"}, {"article_source_date_idx"}),
        # q: test_search_limit.py reads the plans of the search's own queries.
    ],
)
def test_article_filter_uses_an_index(tra_vinh, params, indexes):
    source = Source.objects.create(name="Báo Trà Vinh")
    make_article(province=tra_vinh, source=source)
    params = {name: str(source.pk) if value == "SOURCE" else value for name, value in params.items()}
    plan = page_plan(ArticleFilter, params, Article.objects.public())
    assert "Seq Scan on articles_article" not in plan
    assert any(index in plan for index in indexes), plan


def test_officials_search_uses_the_trigram_index():
    plan = explain(Person.objects.search("ngo chi cuon")[:20])
    assert "person_key_trgm" in plan
    assert "Seq Scan on articles_person" not in plan


def test_indicator_label_words_use_the_label_trigram_index():
    plan = page_plan(IndicatorFilter, {"q": "thu ngân sách"}, Indicator.objects.public())
    assert "indicator_label_trgm" in plan


def test_facet_counts_with_two_filters_are_index_only_scans(tra_vinh):
    # With no filter or one the counts are read from articles_facetcount (test_facet_counts.py).
    make_article(province=tra_vinh, level="province")
    with CaptureQueriesContext(connection) as context:
        ArticleFilter(
            {"province": "tra-vinh", "level": "province"}, queryset=Article.objects.public()
        ).facets()
    grouped = [query["sql"] for query in context.captured_queries if "GROUPING SETS" in query["sql"]]
    assert grouped
    for sql in grouped:
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            # An index-only scan is only possible if the index holds every column the query reads,
            # which is what this pins; on tiny test tables the planner would rather use a bitmap.
            cursor.execute("SET LOCAL enable_bitmapscan = off")
            cursor.execute(f"EXPLAIN {sql}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
        assert "Index Only Scan using article_" in plan, plan  # the facets index, or level's for province
