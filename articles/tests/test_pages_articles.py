"""The article list: filters in the query string, facet counts, pagination, bad parameters."""

import datetime as dt

import pytest
from django.urls import reverse

from articles.extraction.types import Period
from articles.models import Source

from .factories import make_article, make_meeting

pytestmark = pytest.mark.django_db

LIST = reverse("articles:list")


def titles(response):
    return [article.title for article in response.context["object_list"]]


def test_list_shows_articles_newest_first(client):
    make_article("Bài cũ", date=dt.date(2023, 1, 5))
    make_article("Bài mới", date=dt.date(2024, 3, 5))
    response = client.get(LIST)
    assert response.status_code == 200
    assert titles(response) == ["Bài mới", "Bài cũ"]


def test_filters_by_province_slug_and_level(client, tra_vinh, dong_thap):
    make_article("Trà Vinh tỉnh", province=tra_vinh, level="province")
    make_article("Trà Vinh huyện", province=tra_vinh, level="district")
    make_article("Đồng Tháp", province=dong_thap, level="province")
    assert set(titles(client.get(LIST, {"province": "tra-vinh"}))) == {"Trà Vinh tỉnh", "Trà Vinh huyện"}
    assert titles(client.get(LIST, {"province": "tra-vinh", "level": "district"})) == ["Trà Vinh huyện"]


def test_filters_by_article_date_year_month_and_quarter(client):
    make_article("Tháng 11", date=dt.date(2023, 11, 20))
    make_article("Tháng 12", date=dt.date(2023, 12, 1))
    make_article("Năm sau", date=dt.date(2024, 11, 2))
    assert titles(client.get(LIST, {"year": 2023, "month": 12})) == ["Tháng 12"]
    assert titles(client.get(LIST, {"year": 2023, "quarter": 4})) == ["Tháng 12", "Tháng 11"]
    assert titles(client.get(LIST, {"month": 11})) == ["Năm sau", "Tháng 11"]


def test_reported_period_finds_a_november_report_held_in_december(client):
    make_article(
        "Giao ban tháng 11",
        date=dt.date(2023, 12, 1),
        period=Period("month", 2023, month=11),
    )
    make_article(
        "Tổng kết năm",
        date=dt.date(2023, 12, 20),
        period_kind="year",
        period_year=2023,
        period_start=dt.date(2023, 1, 1),
        period_end=dt.date(2023, 12, 31),
    )
    assert titles(client.get(LIST, {"period": "2023-11"})) == ["Giao ban tháng 11"]
    assert titles(client.get(LIST, {"month": 11, "year": 2023})) == []
    assert titles(client.get(LIST, {"period": "2023"})) == ["Tổng kết năm", "Giao ban tháng 11"]
    assert titles(client.get(LIST, {"period": "2023-Q4", "period_kind": "month"})) == ["Giao ban tháng 11"]


def test_filters_by_meeting_kind_lists_each_article_once(client):
    both = make_article("Hai hội nghị sơ kết")
    make_meeting(both, kind="sơ kết")
    make_meeting(both, kind="sơ kết", position=1)
    make_meeting(make_article("Giao ban"), kind="giao ban")
    response = client.get(LIST, {"kind": "sơ kết"})
    assert titles(response) == ["Hai hội nghị sơ kết"]
    assert {o["value"]: o["count"] for o in response.context["facets"]["kind"]} == {
        "sơ kết": 1,
        "giao ban": 1,
    }


def test_filters_by_source(client):
    paper = Source.objects.create(name="Báo Trà Vinh")
    make_article("Của báo", source=paper)
    make_article("Không nguồn")
    assert titles(client.get(LIST, {"source": paper.pk})) == ["Của báo"]


def test_each_facet_counts_the_result_of_the_other_filters(client, tra_vinh, dong_thap):
    make_article(province=tra_vinh, level="province", date=dt.date(2023, 11, 3))
    make_article(province=tra_vinh, level="district", date=dt.date(2023, 11, 4))
    make_article(province=dong_thap, level="province", date=dt.date(2024, 1, 4))
    facets = client.get(LIST, {"province": "tra-vinh"}).context["facets"]
    # The province facet ignores the chosen province, so the other one stays on offer.
    assert {(o["value"], o["count"], o["selected"]) for o in facets["province"]} == {
        ("tra-vinh", 2, True),
        ("dong-thap", 1, False),
    }
    assert {o["value"]: o["count"] for o in facets["level"]} == {"province": 1, "district": 1}
    assert {o["value"]: o["count"] for o in facets["year"]} == {2023: 2}
    assert {o["value"]: o["count"] for o in facets["month"]} == {11: 2}


def test_facet_counts_are_shown_beside_each_option(client, tra_vinh):
    make_article(province=tra_vinh)
    make_article(province=tra_vinh)
    content = client.get(LIST).content.decode()
    assert '<option value="tra-vinh">Trà Vinh (2)</option>' in content
    assert '<label for="id_province">' in content


def test_pagination_keeps_the_filters_in_the_links(client, tra_vinh):
    for day in range(1, 26):
        make_article(province=tra_vinh, date=dt.date(2023, 11, day))
    response = client.get(LIST, {"province": "tra-vinh", "page": 2})
    assert len(response.context["object_list"]) == 5
    content = response.content.decode()
    assert 'href="?province=tra-vinh&amp;page=1"' in content
    assert 'aria-current="page">2</a>' in content


@pytest.mark.parametrize(
    "params",
    [
        {"province": "atlantis"},
        {"month": "13"},
        {"year": "abc"},
        {"quarter": "5"},
        {"period": "2023-13"},
        {"period": "tháng mười"},
        {"level": "galaxy"},
        {"source": "999999"},
        {"kind": "<script>"},
        {"q": "x" * 5000},
        {"sort": "random"},
        {"locality": "../../etc"},
        {"province": "tra\x00vinh"},
        {"q": "bí\x00thư"},
        {"period": "2023\x00"},
        {"source": "1\x00"},
    ],
)
def test_bad_parameters_give_a_page_with_the_error(client, params):
    make_article()
    response = client.get(LIST, params)
    assert response.status_code == 200
    assert response.context["filter"].errors
    assert 'role="alert"' in response.content.decode()


@pytest.mark.parametrize("page", ["99999", "abc", "0", "-1"])
def test_page_out_of_range_is_not_found(client, page):
    make_article()
    response = client.get(LIST, {"page": page})
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_unknown_format_shows_the_page(client):
    make_article("Một bài")
    response = client.get(LIST, {"format": "xlsx"})
    assert response.status_code == 200
    assert titles(response) == ["Một bài"]


def test_article_title_with_script_is_shown_as_text(client):
    make_article("<script>alert(1)</script> Hội nghị")
    content = client.get(LIST).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Hội nghị" in content


def test_undated_articles_come_last(client):
    make_article("Không ngày", date=None)
    make_article("Có ngày", date=dt.date(2020, 1, 1))
    assert titles(client.get(LIST)) == ["Có ngày", "Không ngày"]
