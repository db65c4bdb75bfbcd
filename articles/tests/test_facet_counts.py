"""Pre-aggregated facet counts (articles/facets.py): kept exact by the database's triggers through
inserts, bulk inserts, edits, meeting changes and deletions, and equal to counting the articles."""

import datetime as dt
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.facets import precomputed_facets
from articles.models import Article, Meeting, Source

from .factories import make_article, make_meeting

NAMES = ["province", "source", "level", "period_kind", "year", "quarter", "month", "kind"]


def counted(articles):
    """The facets as counting the articles gives them."""
    counts = {name: Counter() for name in NAMES}
    for a in articles:
        if a.province_id:
            counts["province"][a.province_id] += 1
        if a.source_id:
            counts["source"][a.source_id] += 1
        if a.level:
            counts["level"][a.level] += 1
        if a.period_kind:
            counts["period_kind"][a.period_kind] += 1
        if a.date:
            counts["year"][a.date.year] += 1
            counts["month"][a.date.month] += 1
            counts["quarter"][(a.date.month - 1) // 3 + 1] += 1
        for kind in set(a.meetings.values_list("kind", flat=True)):
            counts["kind"][kind] += 1
    return {name: dict(c) for name, c in counts.items()}


@pytest.fixture
def archive(db, tra_vinh, dong_thap):
    source = Source.objects.create(name="Báo Trà Vinh")
    rows = [
        make_article(
            province=tra_vinh,
            source=source,
            level="province",
            period_kind="year",
            period_year=2023,
            date=dt.date(2024, 1, 5),
        ),
        make_article(province=tra_vinh, level="district", date=dt.date(2023, 7, 20)),
        make_article(
            province=dong_thap,
            source=source,
            level="district",
            period_kind="month",
            period_year=2023,
            period_month=11,
            date=dt.date(2023, 11, 30),
        ),
        make_article(date=None),
    ]
    make_meeting(rows[0], kind="tổng kết")
    make_meeting(rows[0], kind="tổng kết")  # two meetings of one kind: the article counts once
    make_meeting(rows[0], kind="giao ban")
    make_meeting(rows[2], kind="sơ kết")
    return rows


def test_counts_without_a_filter_equal_counting_the_articles(archive):
    assert precomputed_facets(NAMES, {}) == counted(Article.objects.all())


def test_counts_with_one_filter_equal_counting_the_filtered_articles(archive, tra_vinh):
    facets = precomputed_facets(NAMES, {"province": tra_vinh})

    expected = counted(Article.objects.filter(province=tra_vinh))
    expected["province"] = counted(Article.objects.all())["province"]  # its own choice left out
    assert facets == expected


def test_counts_with_a_meeting_kind_chosen(archive):
    facets = precomputed_facets(NAMES, {"kind": "tổng kết"})

    assert facets["year"] == {2024: 1}
    assert facets["kind"] == {"tổng kết": 1, "giao ban": 1, "sơ kết": 1}


def test_bulk_inserts_are_counted(db, tra_vinh):
    Article.objects.bulk_create(
        Article(
            title=f"Bài {n}",
            raw_text=f"Bài {n}",
            content_hash=str(n),
            province=tra_vinh,
            date=dt.date(2022, 3, 1),
        )
        for n in range(30)
    )

    assert precomputed_facets(["province", "quarter"], {}) == {
        "province": {tra_vinh.pk: 30},
        "quarter": {1: 30},
    }


def test_an_edited_article_moves_to_its_new_values(archive, dong_thap):
    article = archive[1]
    article.province = dong_thap
    article.date = dt.date(2021, 2, 1)
    article.save()

    assert precomputed_facets(NAMES, {}) == counted(Article.objects.all())


def test_meetings_changed_or_removed_move_the_kind_counts(archive):
    Meeting.objects.filter(article=archive[2]).update(kind="giao ban")
    Meeting.objects.filter(article=archive[0], kind="giao ban").delete()

    assert precomputed_facets(["kind"], {}) == {"kind": {"tổng kết": 1, "giao ban": 1}}
    assert precomputed_facets(NAMES, {}) == counted(Article.objects.all())


def test_deleted_articles_are_taken_off(archive):
    archive[0].delete()
    archive[2].delete()

    assert precomputed_facets(NAMES, {}) == counted(Article.objects.all())
    assert precomputed_facets(["kind"], {}) == {"kind": {}}


def test_with_two_filters_only_their_own_facets_are_answered(archive, tra_vinh):
    facets = precomputed_facets(NAMES, {"province": tra_vinh, "level": "district"})

    assert facets == {
        "province": counted(Article.objects.filter(level="district"))["province"],
        "level": counted(Article.objects.filter(province=tra_vinh))["level"],
    }


def test_a_search_or_a_locality_is_left_to_the_caller(archive, tra_vinh):
    assert precomputed_facets(NAMES, {"q": "tỉnh ủy"}) is None
    assert precomputed_facets(["locality"], {}) is None


def test_a_chosen_month_gives_its_quarter(archive):
    facets = precomputed_facets(["quarter", "month"], {"month": 11})

    assert facets["quarter"] == {4: 1}
    assert facets["month"] == {1: 1, 7: 1, 11: 1}


def test_articles_without_a_place_or_date_are_counted_only_in_the_total(db):
    make_article(date=None)

    assert precomputed_facets(["province", "year"], {}) == {"province": {}, "year": {}}


def test_the_triggers_plan_their_statements_once_per_connection(db):
    # Planned afresh for each article stored on its own, they cost three times their upserts (0011).
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT proname, proconfig FROM pg_proc "
            "WHERE proname IN ('articles_article_facets', 'articles_meeting_facets') ORDER BY proname"
        )
        settings = cursor.fetchall()

    assert settings == [
        ("articles_article_facets", ["plan_cache_mode=force_generic_plan"]),
        ("articles_meeting_facets", ["plan_cache_mode=force_generic_plan"]),
    ]


def test_the_list_counts_its_articles_from_the_kept_counts(archive, client):
    with CaptureQueriesContext(connection) as context:
        response = client.get("/bai-viet/", {"level": "district"})

    assert response.context["paginator"].count == 2
    assert not [q for q in context.captured_queries if 'COUNT(*) AS "__count"' in q["sql"]]


def test_with_two_filters_the_list_counts_its_rows(archive, client):
    response = client.get("/bai-viet/", {"level": "district", "year": "2023"})

    assert response.context["paginator"].count == 2


def test_few_articles_under_two_filters_are_listed_newest_first_and_counted(db, tra_vinh, client):
    dates = [dt.date(2024, 3, 1), None, dt.date(2024, 5, 1), dt.date(2023, 1, 1)]
    for day in dates:
        make_meeting(
            make_article(province=tra_vinh, period_kind="half", period_year=2024, period_half=1, date=day),
            kind="giao ban",
        )
    make_article(province=tra_vinh, period_kind="year", period_year=2024, date=dt.date(2025, 1, 1))

    with CaptureQueriesContext(connection) as context:
        response = client.get("/bai-viet/", {"kind": "giao ban", "period_kind": "half"})

    assert [a.date for a in response.context["object_list"]] == [dates[2], dates[0], dates[3], None]
    assert response.context["paginator"].count == 4
    assert not [q for q in context.captured_queries if 'COUNT(*) AS "__count"' in q["sql"]]


def test_three_filters_leaving_few_articles_list_them_newest_first(archive, client, tra_vinh):
    response = client.get("/bai-viet/", {"province": "tra-vinh", "level": "district", "year": "2023"})

    assert [a.pk for a in response.context["object_list"]] == [archive[1].pk]
    assert response.context["paginator"].count == 1
