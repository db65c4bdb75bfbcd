"""The indicators page: filters, the table, the per-province chart data."""

import datetime as dt
import json

import pytest
from django.urls import reverse

from articles.extraction.types import Period

from .factories import make_article, make_indicator

pytestmark = pytest.mark.django_db

INDICATORS = reverse("articles:indicators")


@pytest.fixture
def figures(tra_vinh, dong_thap):
    november = make_article(
        province=tra_vinh,
        date=dt.date(2023, 12, 1),
        period=Period("month", 2023, month=11),
    )
    make_indicator(november, label="Tổng thu ngân sách nhà nước", value=1200, unit="tỷ đồng")
    make_indicator(november, label="Tỷ lệ hộ nghèo", value="2.5", unit="%", unit_class="percent")
    later = make_article(province=tra_vinh, date=dt.date(2024, 1, 5))
    make_indicator(later, label="Thu ngân sách", value=1500, unit="tỷ đồng")
    make_indicator(
        make_article(province=dong_thap, date=dt.date(2023, 12, 3)), label="Thu ngân sách", value=900
    )


def labels(response):
    return [indicator.label for indicator in response.context["object_list"]]


def test_label_words_match_without_diacritics_in_any_order(client, figures):
    assert sorted(labels(client.get(INDICATORS, {"q": "ngan sach thu"}))) == [
        "Thu ngân sách",
        "Thu ngân sách",
        "Tổng thu ngân sách nhà nước",
    ]
    assert labels(client.get(INDICATORS, {"q": "hộ nghèo"})) == ["Tỷ lệ hộ nghèo"]


def test_filters_by_province_period_and_unit_class(client, figures):
    assert len(labels(client.get(INDICATORS, {"province": "tra-vinh"}))) == 3
    assert sorted(labels(client.get(INDICATORS, {"period": "2023-11"}))) == [
        "Tổng thu ngân sách nhà nước",
        "Tỷ lệ hộ nghèo",
    ]
    assert labels(client.get(INDICATORS, {"unit_class": "percent"})) == ["Tỷ lệ hộ nghèo"]


def test_values_are_written_the_vietnamese_way(client, figures):
    content = client.get(INDICATORS, {"province": "tra-vinh"}).content.decode()
    assert ">1.200</td>" in content and ">2,5</td>" in content


def test_chart_gets_one_series_per_province_and_unit_in_date_order(client, figures):
    response = client.get(INDICATORS, {"q": "thu ngan sach"})
    content = response.content.decode()
    assert 'src="/static/vendor/chart.js/chart.umd.min.js"' in content
    data = json.loads(
        content.split('<script id="chart-data" type="application/json">')[1].split("</script>")[0]
    )
    by_province = {item["province"]: item["series"] for item in data}
    assert [p["y"] for p in by_province["Trà Vinh"][0]["points"]] == [1200.0, 1500.0]
    assert by_province["Đồng Tháp"][0]["points"][0]["x"] == "2023-12-03"


def test_chart_data_cannot_close_the_script_element(client, tra_vinh):
    make_indicator(make_article(province=tra_vinh), label="</script><script>alert(1)</script>")
    content = client.get(INDICATORS, {"q": "script alert"}).content.decode()
    assert 'id="chart-data"' in content
    assert "<script>alert(1)" not in content


def test_chart_waits_for_label_words_or_a_province(client, figures):
    assert client.get(INDICATORS).context["chart"] == []
    assert client.get(INDICATORS, {"unit_class": "money"}).context["chart"] == []
    assert client.get(INDICATORS, {"province": "dong-thap"}).context["chart"][0]["province"] == "Đồng Tháp"


@pytest.mark.parametrize(
    "params", [{"province": "atlantis"}, {"unit_class": "gold"}, {"period": "2023-99"}, {"q": "x" * 5000}]
)
def test_bad_parameters_give_a_page_with_the_error(client, figures, params):
    response = client.get(INDICATORS, params)
    assert response.status_code == 200
    assert response.context["filter"].errors
