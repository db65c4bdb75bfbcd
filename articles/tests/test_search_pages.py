"""Full-text search on the article list: diacritics, phrases, ranking, highlighted snippets."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .factories import make_article

pytestmark = pytest.mark.django_db

LIST = reverse("articles:list")


def titles(response):
    return [article.title for article in response.context["object_list"]]


@pytest.mark.parametrize("query", ["ngo chi cuong", "Ngô Chí Cường", "NGO CHI CUONG"])
def test_search_ignores_diacritics_and_marks_the_match(client, query):
    make_article("Hội nghị", body="Đồng chí Ngô Chí Cường, Bí thư Tỉnh ủy chủ trì.")
    make_article("Khác", body="Đồng chí Nguyễn Văn Hiếu phát biểu.")
    response = client.get(LIST, {"q": query})
    assert titles(response) == ["Hội nghị"]
    assert "<mark>Ngô</mark> <mark>Chí</mark> <mark>Cường</mark>" in response.content.decode()


def test_quoted_phrase_needs_the_words_together(client):
    make_article("Liền nhau", body="Bí thư Tỉnh ủy phát biểu.")
    make_article("Rời nhau", body="Bí thư Huyện ủy và Thường trực Tỉnh ủy dự.")
    assert titles(client.get(LIST, {"q": '"bí thư tỉnh ủy"'})) == ["Liền nhau"]


def test_sort_by_relevance_or_by_date(client):
    make_article("Nhắc một lần", body="ngân sách", date=dt.date(2024, 1, 1))
    make_article(
        "Ngân sách ngân sách", body="Thu ngân sách, chi ngân sách, ngân sách.", date=dt.date(2023, 1, 1)
    )
    assert titles(client.get(LIST, {"q": "ngân sách"})) == ["Nhắc một lần", "Ngân sách ngân sách"]
    assert titles(client.get(LIST, {"q": "ngân sách", "sort": "relevance"})) == [
        "Ngân sách ngân sách",
        "Nhắc một lần",
    ]
    # Without a query there is nothing to rank by: the date order stays.
    assert titles(client.get(LIST, {"sort": "relevance"})) == ["Nhắc một lần", "Ngân sách ngân sách"]


def test_snippet_escapes_the_article_text(client):
    make_article("Bài", body='<script>alert("x")</script> Ngô Chí Cường & "Trần <Văn> B" <mark>giả</mark>')
    response = client.get(LIST, {"q": "ngo chi cuong"})
    snippet = response.content.decode().split('class="snippet">')[1].split("</p>")[0]
    # ts_headline drops what looks like tags; whatever it keeps is escaped, and only its matches are marked.
    assert "<script>" not in snippet and "<mark>giả" not in snippet
    assert "&amp;" in snippet and "&quot;" in snippet
    assert snippet.count("<mark>") == 3


@pytest.mark.parametrize("query", ["'", '"', "!!", "a & | b", "((", "-", "x" * 200, "<script>"])
def test_odd_queries_give_a_normal_page(client, query):
    make_article()
    assert client.get(LIST, {"q": query}).status_code == 200


def test_search_combines_with_the_other_filters(client, tra_vinh, dong_thap):
    make_article("Trà Vinh", body="giao ban", province=tra_vinh)
    make_article("Đồng Tháp", body="giao ban", province=dong_thap)
    response = client.get(LIST, {"q": "giao ban", "province": "dong-thap"})
    assert titles(response) == ["Đồng Tháp"]
    assert {o["value"]: o["count"] for o in response.context["facets"]["province"]} == {
        "tra-vinh": 1,
        "dong-thap": 1,
    }


def test_a_search_that_fills_its_limit_says_there_are_more(client, monkeypatch):
    for n in range(3):
        make_article(title=f"Giao ban tháng {n + 1}", body="Thường trực Tỉnh ủy giao ban.")
    url = reverse("articles:list")
    assert "Hơn" not in client.get(url, {"q": "giao ban"}).content.decode()
    monkeypatch.setattr("articles.views.SEARCH_LIMIT", 3)  # the search kept as many as it may
    assert "Hơn 3 bài viết" in client.get(url, {"q": "giao ban"}).content.decode()
    assert "Hơn" not in client.get(url).content.decode()  # a plain list counts exactly


def test_search_pages_follow_the_newest_first_order_and_read_only_their_own_rows(client):
    for day in range(1, 26):
        make_article(f"Ngày {day:02}", body="Giao ban tỉnh ủy.", date=dt.date(2024, 3, day))

    first = client.get(LIST, {"q": "giao ban"})
    with CaptureQueriesContext(connection) as queries:
        second = client.get(LIST, {"q": "giao ban", "page": 2})

    assert titles(first) == [f"Ngày {day:02}" for day in range(25, 5, -1)]
    assert titles(second) == [f"Ngày {day:02}" for day in range(5, 0, -1)]
    assert second.context["paginator"].count == 25
    [page] = [q["sql"] for q in queries.captured_queries if "ts_headline" in q["sql"]]
    lists = re.findall(r"ANY\('\{([\d,]*)\}'", page)
    assert min(len(ids.split(",")) for ids in lists) == 5  # the page's own rows, not 25 sorted for 5
