"""What every page shares: home, error pages, language switch, accessible markup."""

import datetime as dt
from html.parser import HTMLParser

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

from .factories import make_appearance, make_article, make_indicator, make_person

pytestmark = pytest.mark.django_db


class Controls(HTMLParser):
    """Collects form controls, labels and landmarks of a page."""

    def __init__(self):
        super().__init__()
        self.controls, self.labels, self.tags, self.skip_links = [], set(), set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.add(tag)
        if tag == "label" and attrs.get("for"):
            self.labels.add(attrs["for"])
        if tag in ("input", "select", "textarea") and attrs.get("type") not in ("hidden", "submit"):
            self.controls.append(attrs)
        if tag == "a" and "skip-link" in (attrs.get("class") or ""):
            self.skip_links.append(attrs["href"])


@pytest.fixture
def content(tra_vinh):
    article = make_article("Giao ban tháng 11", province=tra_vinh, date=dt.date(2023, 11, 2))
    make_indicator(article, label="Thu ngân sách")
    person = make_person()
    make_appearance(article, person)
    return article, person


def page_urls(article, person):
    return [
        reverse("articles:home"),
        reverse("articles:list"),
        reverse("articles:list") + "?q=giao+ban",
        reverse("articles:province", args=["tra-vinh"]),
        reverse("articles:province-month", args=["tra-vinh", 2023, 11]),
        article.get_absolute_url(),
        reverse("articles:people") + "?q=ngo",
        person.get_absolute_url(),
        reverse("articles:indicators"),
        "/khong-co-trang-nay/",
    ]


def test_every_control_has_a_label_and_every_page_has_landmarks(client, content):
    for url in page_urls(*content):
        parser = Controls()
        parser.feed(client.get(url).content.decode())
        for control in parser.controls:
            assert control.get("id") in parser.labels or control.get("aria-label"), (url, control)
        assert {"header", "nav", "main", "footer"} <= parser.tags, url
        assert parser.skip_links == ["#main"], url


def test_home_shows_latest_articles_provinces_and_months(client, content, dong_thap):
    make_article("Đồng Tháp tháng 1", province=dong_thap, date=dt.date(2024, 1, 9))
    response = client.get(reverse("articles:home"))
    page = response.content.decode()
    assert [a.title for a in response.context["latest"]] == ["Đồng Tháp tháng 1", "Giao ban tháng 11"]
    assert [(p.name, p.article_count) for p in response.context["provinces"]] == [
        ("Đồng Tháp", 1),
        ("Trà Vinh", 1),
    ]
    assert [(row["month"], row["count"]) for row in response.context["months"]] == [
        (dt.date(2024, 1, 1), 1),
        (dt.date(2023, 11, 1), 1),
    ]
    assert 'href="/bai-viet/?year=2023&amp;month=11"' in page


def test_not_found_page_is_in_vietnamese(client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_server_error_page_is_in_vietnamese():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Lỗi máy chủ" in response.content.decode()


def test_language_switch_shows_the_english_interface(client, content):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/bai-viet/"})
    assert response.status_code == 302
    page = client.get("/bai-viet/").content.decode()
    assert '<html lang="en">' in page
    assert '<option value="en" lang="en" selected>' in page


def test_pagination_and_calendar_mark_the_current_item(client, tra_vinh):
    for day in range(1, 23):
        make_article(province=tra_vinh, date=dt.date(2023, 11, day))
    page = client.get(reverse("articles:province-month", args=["tra-vinh", 2023, 11])).content.decode()
    assert 'aria-current="page">1</a>' in page
    assert 'href="/tinh/tra-vinh/2023/11/" aria-current="page"' in page


def test_a_province_of_july_2025_is_told_apart_from_the_older_one_of_the_same_name(client):
    from articles.models import AdministrativeUnit

    old = AdministrativeUnit.objects.get(slug="ha-noi")
    new = AdministrativeUnit.objects.provinces("2025").exclude(pk=old.pk).filter(name="Hà Nội").first()
    if new is None:  # the gazetteer keeps Hà Nội as one unit: take any 2025 unit
        new = AdministrativeUnit.objects.provinces("2025").exclude(valid_from=None).first()
    make_article(province=old)
    make_article(province=new)
    page = client.get(reverse("articles:home")).content.decode()
    since = f"{new.name} (từ {new.valid_from.month}/{new.valid_from.year})"
    assert since in page
    facets = client.get(reverse("articles:list")).context["facets"]["province"]
    assert since in {option["label"] for option in facets}


def test_demo_articles_are_marked_as_demo_data(client):
    demo = make_article("Bài mẫu", is_demo=True)
    make_article("Bài thật")
    listing = client.get(reverse("articles:list")).content.decode()
    assert listing.count('class="badge-demo"') == 1
    assert "Bài viết này do máy tạo ra" in client.get(demo.get_absolute_url()).content.decode()
