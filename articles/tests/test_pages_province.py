"""Browsing a province by year and month: the readers' main path."""

import datetime as dt

import pytest
from django.urls import reverse

from .factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def months(tra_vinh, dong_thap):
    make_article("Tháng 9", province=tra_vinh, date=dt.date(2023, 9, 12))
    make_article("Tháng 11 a", province=tra_vinh, date=dt.date(2023, 11, 2))
    make_article("Tháng 11 b", province=tra_vinh, date=dt.date(2023, 11, 28), level="district")
    make_article("Tháng 2 năm sau", province=tra_vinh, date=dt.date(2024, 2, 1))
    make_article("Tỉnh khác", province=dong_thap, date=dt.date(2023, 11, 5))


def titles(response):
    return [article.title for article in response.context["object_list"]]


def test_province_page_lists_only_that_province(client, months):
    response = client.get(reverse("articles:province", args=["tra-vinh"]))
    assert response.status_code == 200
    assert titles(response) == ["Tháng 2 năm sau", "Tháng 11 b", "Tháng 11 a", "Tháng 9"]


def test_month_page_lists_that_month_and_steps_to_the_months_with_articles(client, months):
    response = client.get(reverse("articles:province-month", args=["tra-vinh", 2023, 11]))
    assert titles(response) == ["Tháng 11 b", "Tháng 11 a"]
    calendar = response.context["calendar"]
    assert (calendar["previous"]["year"], calendar["previous"]["month"]) == (2023, 9)
    assert (calendar["next"]["year"], calendar["next"]["month"]) == (2024, 2)
    content = response.content.decode()
    assert 'href="/tinh/tra-vinh/2023/9/" rel="prev"' in content
    assert 'href="/tinh/tra-vinh/2024/2/" rel="next"' in content
    assert 'href="/tinh/tra-vinh/2023/11/" aria-current="page"' in content


def test_year_grid_counts_each_month(client, months):
    response = client.get(reverse("articles:province-year", args=["tra-vinh", 2023]))
    assert titles(response) == ["Tháng 11 b", "Tháng 11 a", "Tháng 9"]
    (y2024, y2023) = response.context["calendar"]["years"]
    assert y2023["year"] == 2023 and y2023["total"] == 3
    assert [cell["count"] for cell in y2023["months"]] == [0] * 8 + [1, 0, 2, 0]


def test_province_month_page_still_takes_the_other_filters(client, months):
    response = client.get(
        reverse("articles:province-month", args=["tra-vinh", 2023, 11]), {"level": "district"}
    )
    assert titles(response) == ["Tháng 11 b"]
    assert "province" not in response.context["facets"]
    assert "year" not in response.context["facets"]


@pytest.mark.parametrize(
    "args",
    [["atlantis"], ["tra-vinh-tra-cu"], ["tra-vinh", 2023, 13], ["tra-vinh", 2023, 0], ["tra-vinh", 99999]],
)
def test_unknown_province_or_month_is_not_found(client, months, args):
    name = {1: "articles:province", 2: "articles:province-year", 3: "articles:province-month"}[len(args)]
    assert client.get(reverse(name, args=args)).status_code == 404


def test_empty_month_of_a_province_is_a_normal_page(client, months):
    response = client.get(reverse("articles:province-month", args=["tra-vinh", 2023, 10]))
    assert response.status_code == 200
    assert titles(response) == []
    assert response.context["calendar"]["previous"]["month"] == 9
