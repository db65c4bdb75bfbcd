"""The FilterSets on their own: period parsing, fixed filters, facets."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from articles.filters import ArticleFilter, period_bounds
from articles.models import Article

from .factories import make_article


@pytest.mark.parametrize(
    "text, bounds",
    [
        ("2023", (dt.date(2023, 1, 1), dt.date(2023, 12, 31))),
        ("2023-11", (dt.date(2023, 11, 1), dt.date(2023, 11, 30))),
        ("2024-2", (dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
        ("2023-Q4", (dt.date(2023, 10, 1), dt.date(2023, 12, 31))),
        ("2023-q1", (dt.date(2023, 1, 1), dt.date(2023, 3, 31))),
        ("2023-H1", (dt.date(2023, 1, 1), dt.date(2023, 6, 30))),
        ("2023-H2", (dt.date(2023, 7, 1), dt.date(2023, 12, 31))),
    ],
)
def test_period_is_read_as_its_first_and_last_day(text, bounds):
    assert period_bounds(text) == bounds


@pytest.mark.parametrize("text", ["2023-13", "2023-0", "2023-Q5", "2023-H3", "11/2023", "23", "1800", "x"])
def test_unreadable_period_is_refused_with_a_message(text):
    with pytest.raises(ValidationError):
        period_bounds(text)


@pytest.mark.django_db
def test_fixed_filters_leave_the_form_and_the_facets():
    filterset = ArticleFilter(
        {"level": "province"}, queryset=Article.objects.all(), fixed=("province", "year")
    )
    assert "province" not in filterset.form.fields and "year" not in filterset.form.fields
    assert "province" not in filterset.facets() and "year" not in filterset.facets()


@pytest.mark.django_db
def test_locality_facet_is_offered_once_a_province_is_chosen(tra_vinh):
    from articles.models import AdministrativeUnit

    tra_cu = AdministrativeUnit.objects.get(slug="tra-vinh-tra-cu")
    make_article(province=tra_vinh, locality=tra_cu)
    assert "locality" not in ArticleFilter({}, queryset=Article.objects.all()).facets()
    facets = ArticleFilter({"province": "tra-vinh"}, queryset=Article.objects.all()).facets()
    assert [(o["value"], o["label"], o["count"]) for o in facets["locality"]] == [
        ("tra-vinh-tra-cu", "Trà Cú", 1)
    ]


@pytest.mark.django_db
def test_unbound_filterset_counts_everything():
    make_article(level="province", date=dt.date(2023, 5, 1))
    make_article(level="", date=None)
    facets = ArticleFilter(None, queryset=Article.objects.all()).facets()
    assert facets["level"] == [
        {"value": "province", "label": "Tỉnh / thành phố trực thuộc TW", "count": 1, "selected": False}
    ]
    assert [(o["value"], o["label"]) for o in facets["month"]] == [(5, "Tháng 5")]
    assert [(o["value"], o["label"]) for o in facets["quarter"]] == [(2, "Quý 2")]


@pytest.mark.django_db
def test_invalid_filterset_has_no_facets():
    assert ArticleFilter({"month": "13"}, queryset=Article.objects.all()).facets() == {}
