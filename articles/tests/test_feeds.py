"""The Atom feed of a filtered list, the sitemap and robots.txt."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from .factories import make_appearance, make_article, make_person

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    feed = ET.fromstring(response.content)
    return feed, feed.findall(f"{ATOM}entry")


def test_feed_takes_the_list_filters(client, tra_vinh, dong_thap):
    make_article("Trà Vinh giao ban", province=tra_vinh, date=dt.date(2023, 11, 2))
    make_article("Đồng Tháp sơ kết", province=dong_thap)
    response = client.get(reverse("articles:feed"), {"province": "tra-vinh"})
    assert response["Content-Type"].startswith("application/atom+xml")
    feed, items = entries(response)
    assert [item.find(f"{ATOM}title").text for item in items] == ["Trà Vinh giao ban"]
    assert feed.find(f"{ATOM}link").get("href").endswith("/bai-viet/?province=tra-vinh")


def test_feed_of_a_search_carries_the_highlighted_snippet(client):
    make_article("Hội nghị", body="Đồng chí Ngô Chí Cường chủ trì.")
    _, (item,) = entries(client.get(reverse("articles:feed"), {"q": "ngo chi cuong"}))
    assert "<mark>Ngô</mark>" in item.find(f"{ATOM}summary").text


def test_feed_with_bad_filters_is_empty_not_an_error(client):
    make_article()
    response = client.get(reverse("articles:feed"), {"month": "13"})
    assert response.status_code == 200
    assert entries(response)[1] == []


def test_feed_escapes_markup_in_titles_and_summaries(client):
    make_article("<script>alert(1)</script>", body="<script>alert(2)</script> bí thư")
    for params in ({}, {"q": "bí thư"}):
        response = client.get(reverse("articles:feed"), params)
        raw = response.content.decode()
        assert "<script>" not in raw
        _, (item,) = entries(response)
        # The summary is HTML: once parsed as XML it must still be escaped text, not a tag.
        assert "<script>" not in item.find(f"{ATOM}summary").text
        assert item.find(f"{ATOM}title").text == "<script>alert(1)</script>"


def test_sitemap_lists_provinces_articles_and_people(client, tra_vinh):
    article = make_article(province=tra_vinh)
    person = make_person()
    make_appearance(article, person)
    make_person("Không xuất hiện")
    index = client.get("/sitemap.xml").content.decode()
    sections = ["provinces", "articles", "people"]
    assert all(f"http://testserver/sitemap-{section}.xml" in index for section in sections)
    content = "".join(client.get(f"/sitemap-{section}.xml").content.decode() for section in sections)
    assert article.get_absolute_url() in content
    assert person.get_absolute_url() in content
    assert "/tinh/tra-vinh/" in content and "/tinh/dong-thap/" not in content
    assert content.count("/can-bo/") == 1


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
