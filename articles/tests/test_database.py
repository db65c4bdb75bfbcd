"""The schema on PostgreSQL: extensions, the gazetteer, the search vector, the rules the database keeps."""

import pytest
from django.db import IntegrityError, connection, transaction

from articles.models import AdministrativeUnit, Article, Person

from .factories import make_appearance, make_article, make_indicator, make_person
from .plans import explain

pytestmark = pytest.mark.django_db


def test_search_extensions_and_configuration_exist():
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension")
        extensions = {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgname = 'vi_unaccent'")
        assert cursor.fetchone() == ("vi_unaccent",)
        cursor.execute("SELECT f_unaccent(lower('Ngô Chí Cường, Đồng Tháp'))")
        assert cursor.fetchone() == ("ngo chi cuong, dong thap",)
    assert {"unaccent", "pg_trgm"} <= extensions


def test_pages_are_planned_without_parallel_workers():
    """A search window priced as its function costs went parallel: ~5 ms to start workers for a few
    index lookups (archive/settings.py)."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone() == ("0",)


@pytest.mark.parametrize("statistics", [-1, None], ids=["as before 0027", "as migrated"])
def test_analyze_leaves_out_the_index_of_words_by_week(statistics):
    """Its expression costs half a millisecond a row of ANALYZE's sample, and no query's plan would
    read its statistics (migration 0027)."""
    make_article(title="Hội nghị sơ kết", body="Ban Thường vụ Tỉnh ủy họp sơ kết công tác.")
    with connection.cursor() as cursor:
        if statistics is not None:
            cursor.execute(f"ALTER INDEX article_weekly_terms_gin ALTER COLUMN 1 SET STATISTICS {statistics}")
        cursor.execute("ANALYZE articles_article")
        cursor.execute(
            "SELECT tablename FROM pg_stats WHERE tablename = 'article_weekly_terms_gin' "
            "OR (tablename = 'articles_article' AND attname = 'search')"
        )
        analyzed = sorted(row[0] for row in cursor.fetchall())
    assert analyzed == (["article_weekly_terms_gin"] if statistics else []) + ["articles_article"]


def test_gazetteer_has_63_provinces_and_their_districts():
    provinces = AdministrativeUnit.objects.provinces()
    assert provinces.count() == 63
    assert AdministrativeUnit.objects.districts().count() >= 700
    assert not AdministrativeUnit.objects.districts().filter(parent__isnull=True).exists()
    tra_cu = AdministrativeUnit.objects.get(slug="tra-vinh-tra-cu")
    assert tra_cu.parent.name == "Trà Vinh"


def test_each_of_the_63_provinces_maps_to_one_of_the_34():
    new = set(AdministrativeUnit.objects.provinces("2025").values_list("pk", flat=True))
    assert len(new) == 34
    for province in AdministrativeUnit.objects.provinces():
        assert province.successor_id in new, province
    assert AdministrativeUnit.objects.get(slug="tra-vinh").successor.slug == "vinh-long-2025"
    assert AdministrativeUnit.objects.get(slug="ha-noi").successor.slug == "ha-noi"


@pytest.mark.parametrize("query", ["ngo chi cuong", "Ngô Chí Cường", '"ngô chí cường"', "NGO CHI CUONG"])
def test_search_ignores_diacritics_and_case(query):
    wanted = make_article(body="Đồng chí Ngô Chí Cường, Bí thư Tỉnh ủy chủ trì hội nghị.")
    make_article(body="Đồng chí Nguyễn Văn Hiếu phát biểu.")
    assert list(Article.objects.search(query)) == [wanted]


def test_search_reads_old_tone_marks_as_new():
    wanted = make_article(body="Hội nghị Ban Thường vụ Tỉnh uỷ tháng 11.")
    assert list(Article.objects.search("tỉnh ủy")) == [wanted]
    assert list(Article.objects.search('"tinh uy"')) == [wanted]


def test_phrase_search_needs_the_words_together():
    together = make_article(body="Bí thư Tỉnh ủy phát biểu.")
    make_article(body="Bí thư Huyện ủy và Phó Chủ tịch UBND tỉnh dự, Thường trực Tỉnh ủy chủ trì.")
    assert list(Article.objects.search('"bí thư tỉnh ủy"')) == [together]


def test_search_highlights_the_match():
    make_article(body="Hội nghị do đồng chí Ngô Chí Cường chủ trì.")
    (hit,) = Article.objects.search("ngo chi cuong")
    assert "<mark>Ngô</mark> <mark>Chí</mark> <mark>Cường</mark>" in hit.snippet


def test_person_key_is_lower_case_without_diacritics():
    person = make_person("Đặng Thị Hồng Thủy")
    person.refresh_from_db()
    assert person.key == "dang thi hong thuy"


def test_person_search_is_accent_insensitive_and_typo_tolerant():
    cuong = make_person("Ngô Chí Cường")
    make_person("Nguyễn Văn Hiếu")
    for query in ("ngo chi cuong", "Ngô Chí Cường", "ngo chi cuon"):
        assert list(Person.objects.search(query))[:1] == [cuong], query


def test_person_search_uses_the_trigram_index():
    plan = explain(Person.objects.search("ngo chi cuong").values("pk"))
    assert "person_key_trgm" in plan


def test_same_content_hash_is_refused_by_the_database(article):
    with pytest.raises(IntegrityError, match="article_unique_content_hash"), transaction.atomic():
        make_article(content_hash=article.content_hash)


@pytest.mark.parametrize(
    "period",
    [
        {"period_kind": "month", "period_year": 2023},  # a month report needs its month
        {"period_kind": "month", "period_year": 2023, "period_month": 13},
        {"period_kind": "quarter", "period_year": 2023, "period_quarter": 5},
        {"period_kind": "", "period_year": 2023},
        {"period_kind": "year", "period_year": 12},
    ],
)
def test_invalid_period_is_refused(period):
    with (
        pytest.raises(IntegrityError, match="article_(valid_period|period_field_ranges)"),
        transaction.atomic(),
    ):
        make_article(**period)


def test_period_range_must_be_ordered():
    import datetime as dt

    with pytest.raises(IntegrityError, match="article_period_range_ordered"), transaction.atomic():
        make_article(period_start=dt.date(2023, 12, 1), period_end=dt.date(2023, 11, 1))


def test_evidence_spans_must_be_valid(article):
    with pytest.raises(IntegrityError, match="appearance_valid_span"), transaction.atomic():
        make_appearance(article, start=10, end=5)
    with pytest.raises(IntegrityError, match="indicator_valid_span"), transaction.atomic():
        make_indicator(article, start=10, end=5)


def test_roles_are_limited_to_the_known_ones(article):
    with pytest.raises(IntegrityError, match="appearance_valid_roles"), transaction.atomic():
        make_appearance(article, roles=["chair", "boss"])


def test_a_ratio_needs_its_denominator(article):
    with pytest.raises(IntegrityError, match="indicator_ratio_has_denominator"), transaction.atomic():
        make_indicator(article, unit_class="ratio", value=21, unit="chỉ tiêu")
