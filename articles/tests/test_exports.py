"""CSV and JSON exports of the article list, a person's appearances and the indicators."""

import csv
import datetime as dt
import io
import json

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse

from .factories import make_appearance, make_article, make_indicator, make_person

pytestmark = pytest.mark.django_db


def content(response):
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content).decode("utf-8")


@pytest.fixture
def articles(tra_vinh, dong_thap):
    make_article("Trà Vinh, tháng 11", province=tra_vinh, date=dt.date(2023, 11, 2))
    make_article('Đồng Tháp "giao ban"', province=dong_thap, date=dt.date(2023, 11, 3))


def test_article_list_exports_csv_with_the_same_filters(client, articles):
    response = client.get(reverse("articles:list"), {"province": "tra-vinh", "format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="bai-viet.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(content(response).lstrip("\ufeff"))))
    assert [(row["title"], row["province"], row["date"]) for row in rows] == [
        ("Trà Vinh, tháng 11", "Trà Vinh", "2023-11-02")
    ]


def test_article_list_exports_json(client, articles):
    response = client.get(reverse("articles:list"), {"format": "json"})
    assert response["Content-Type"] == "application/json"
    data = json.loads(content(response))
    assert [item["title"] for item in data] == ['Đồng Tháp "giao ban"', "Trà Vinh, tháng 11"]
    assert data[0]["province_slug"] == "dong-thap"


def test_empty_export_is_valid_json(client, articles):
    response = client.get(reverse("articles:list"), {"q": "khongcotu", "format": "json"})
    assert json.loads(content(response)) == []


def test_export_with_bad_filters_shows_the_page_with_the_error(client, articles):
    response = client.get(reverse("articles:list"), {"month": "13", "format": "csv"})
    assert response.status_code == 200
    assert response.context["filter"].errors


def test_search_export_keeps_the_ranking_order(client):
    make_article("Ít liên quan", body="bí thư", date=dt.date(2024, 1, 1))
    make_article("Bí thư tỉnh ủy", body="Bí thư Tỉnh ủy, bí thư tỉnh ủy", date=dt.date(2023, 1, 1))
    response = client.get(
        reverse("articles:list"), {"q": "bí thư tỉnh ủy", "sort": "relevance", "format": "json"}
    )
    assert [item["title"] for item in json.loads(content(response))] == ["Bí thư tỉnh ủy"]


def test_person_appearances_export(client, tra_vinh):
    person = make_person()
    make_appearance(
        make_article("Bài", province=tra_vinh),
        person,
        titles=["Bí thư Tỉnh ủy", "Trưởng đoàn"],
        roles=["chair"],
    )
    response = client.get(person.get_absolute_url(), {"format": "csv"})
    (row,) = csv.DictReader(io.StringIO(content(response).lstrip("\ufeff")))
    assert row["titles"] == "Bí thư Tỉnh ủy;Trưởng đoàn"
    assert row["roles"] == "chair"
    assert row["article_title"] == "Bài"


def test_indicators_export_with_filters(client, tra_vinh):
    make_indicator(make_article(province=tra_vinh), label="Thu ngân sách", value="1200.5")
    make_indicator(make_article(), label="Tỷ lệ hộ nghèo", value=2, unit="%", unit_class="percent")
    response = client.get(reverse("articles:indicators"), {"q": "ngan sach", "format": "json"})
    (item,) = json.loads(content(response))
    assert (item["label"], item["value"], item["province"]) == ("Thu ngân sách", "1200.500000", "Trà Vinh")
