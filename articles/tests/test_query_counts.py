"""Every page runs the same number of queries for 5 rows as for 30: nothing is fetched per row, and
templates never query (all they show is selected or prefetched by the view)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Source

from .factories import make_appearance, make_article, make_indicator, make_meeting, make_person

pytestmark = pytest.mark.django_db


def count_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params or {})
    assert response.status_code == 200, url
    return len(context)


def add_articles(count, province, person):
    source, _ = Source.objects.get_or_create(name="Báo Trà Vinh")
    for n in range(count):
        article = make_article(
            f"Bí thư Tỉnh ủy chủ trì hội nghị số {n}",
            body="Đồng chí Ngô Chí Cường, Bí thư Tỉnh ủy chủ trì. Thu ngân sách đạt 1.200 tỷ đồng.",
            province=province,
            source=source,
            level="province",
            date=dt.date(2023, 11, 1) + dt.timedelta(days=n % 25),
        )
        meeting = make_meeting(article)
        make_appearance(article, person, meeting=meeting, start=9, end=22)
        make_indicator(article, label="Thu ngân sách", start=53, end=67)


PAGES = [
    ("articles:home", [], {}),
    ("articles:list", [], {}),
    ("articles:list", [], {"province": "tra-vinh", "year": "2023", "kind": "sơ kết", "source": "SOURCE"}),
    ("articles:list", [], {"q": "bí thư tỉnh ủy", "sort": "relevance"}),
    ("articles:province", ["tra-vinh"], {}),
    ("articles:province-month", ["tra-vinh", 2023, 11], {"level": "province"}),
    ("articles:people", [], {}),
    ("articles:people", [], {"q": "ngo chi cuong"}),
    ("articles:indicators", [], {"q": "ngan sach", "province": "tra-vinh"}),
    ("articles:feed", [], {"province": "tra-vinh"}),
    ("articles:sitemap", [], {}),
    ("articles:sitemap-section", ["articles"], {}),
    ("articles:sitemap-section", ["people"], {}),
]


@pytest.mark.parametrize("name, args, params", PAGES)
def test_list_pages_run_the_same_queries_for_5_and_30_rows(client, tra_vinh, name, args, params):
    person = make_person("Ngô Chí Cường", province=tra_vinh)
    for other in range(5):
        make_person(f"Ngô Chí Cường {other}")
    add_articles(5, tra_vinh, person)
    source = Source.objects.get()
    params = {key: source.pk if value == "SOURCE" else value for key, value in params.items()}
    url = reverse(name, args=args)
    few = count_queries(client, url, params)
    add_articles(25, tra_vinh, person)
    assert count_queries(client, url, params) == few


def test_article_page_runs_the_same_queries_for_5_and_30_people_and_figures(client, tra_vinh):
    article = make_article(body="x" * 400, province=tra_vinh, source=Source.objects.create(name="Báo"))

    def add(count):
        for n in range(count):
            make_meeting(article, position=n)
            make_appearance(article, make_person(f"Người {n}"), start=n * 10, end=n * 10 + 5)
            make_indicator(article, start=n * 10 + 6, end=n * 10 + 9)

    add(5)
    few = count_queries(client, article.get_absolute_url())
    add(25)
    assert count_queries(client, article.get_absolute_url()) == few


def test_person_page_runs_the_same_queries_for_5_and_30_appearances(client, tra_vinh):
    person = make_person("Ngô Chí Cường")
    add_articles(5, tra_vinh, person)
    few = count_queries(client, person.get_absolute_url())
    add_articles(25, tra_vinh, person)
    assert count_queries(client, person.get_absolute_url()) == few


def test_article_list_stays_within_a_fixed_budget(client, tra_vinh, django_assert_max_num_queries):
    add_articles(30, tra_vinh, make_person())
    # Validating province and source, the count, the page, and one GROUP BY per facet.
    with django_assert_max_num_queries(15):
        client.get(reverse("articles:list"), {"province": "tra-vinh", "q": "ngân sách"})
