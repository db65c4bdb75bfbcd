"""The article page: facts, meeting card, attendees, indicators, and the body marked at the evidence."""

import datetime as dt

import pytest

from articles.extraction.types import Period
from articles.models import Source

from .factories import make_appearance, make_article, make_indicator, make_meeting, make_person

pytestmark = pytest.mark.django_db

BODY = "Sáng 1/12, đồng chí Ngô Chí Cường, Bí thư Tỉnh ủy chủ trì. Thu ngân sách đạt 15.300 tỷ đồng."


@pytest.fixture
def full_article(tra_vinh):
    article = make_article(
        "Ban Thường vụ Tỉnh ủy giao ban tháng 11",
        body=BODY,
        province=tra_vinh,
        level="province",
        source=Source.objects.create(name="Báo Trà Vinh"),
        url="https://baotravinh.vn/bai-viet-1.html",
        date=dt.date(2023, 12, 1),
        period=Period("month", 2023, month=11),
    )
    meeting = make_meeting(article, kind="giao ban", organ="Ban Thường vụ Tỉnh ủy")
    start = BODY.index("Ngô")
    make_appearance(
        article,
        make_person(),
        meeting=meeting,
        start=start,
        end=start + len("Ngô Chí Cường"),
        roles=["chair"],
    )
    start = BODY.index("15.300")
    make_indicator(article, value="15300.5", start=start, end=start + len("15.300 tỷ đồng"))
    return article


def test_article_page_shows_facts_meeting_people_and_figures(client, full_article):
    response = client.get(full_article.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    for text in (
        "Ban Thường vụ Tỉnh ủy giao ban tháng 11",
        "01/12/2023",
        "Báo Trà Vinh",
        'href="https://baotravinh.vn/bai-viet-1.html"',
        "Trà Vinh",
        "tháng 11/2023",
        "Giao ban",
        "Bí thư Tỉnh ủy",
        "Chủ trì",
        "Tổng thu ngân sách nhà nước",
        "15.300,5",
        "tỷ đồng",
    ):
        assert text in content, text
    person = full_article.appearances.get().person
    assert f'href="{person.get_absolute_url()}"' in content


def test_body_marks_each_person_and_figure_at_its_evidence(client, full_article):
    content = client.get(full_article.get_absolute_url()).content.decode()
    appearance, indicator = full_article.appearances.get(), full_article.indicators.get()
    assert (
        f'<mark class="ev-person" title="Ngô Chí Cường" id="nguoi-{appearance.pk}">Ngô Chí Cường</mark>'
        in content
    )
    assert f'id="so-lieu-{indicator.pk}">15.300 tỷ đồng</mark>' in content


def test_wrong_slug_redirects_to_the_canonical_address(client, full_article):
    response = client.get(f"/bai-viet/{full_article.pk}-sai-ten/")
    assert response.status_code == 301
    assert response["Location"] == full_article.get_absolute_url()


def test_unknown_article_is_not_found(client):
    assert client.get("/bai-viet/999999-khong-co/").status_code == 404


def test_script_in_title_body_and_figures_is_shown_as_text(client):
    article = make_article(
        "<script>alert('t')</script>", body="Trước <script>alert('b')</script> sau <b>đậm</b>"
    )
    make_indicator(article, label="<img src=x onerror=alert(1)>", start=0, end=5)
    make_appearance(article, name="<i>Tên</i>", titles=["<u>Chức</u>"], start=500, end=600)
    content = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(" not in content
    assert "<img src=x" not in content and "<b>đậm</b>" not in content and "<i>Tên</i>" not in content
    assert "&lt;script&gt;alert(&#x27;b&#x27;)&lt;/script&gt;" in content


def test_overlapping_and_out_of_range_spans_do_not_break_the_page(client):
    article = make_article(body="Đồng chí Ngô Chí Cường phát biểu.")
    make_appearance(article, start=9, end=22)
    make_appearance(article, start=13, end=30)  # overlaps the first
    make_indicator(article, start=40, end=400)  # past the end of the body
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    body = response.content.decode().split('class="article-body">')[1].split("</div>")[0]
    assert body.count("<mark") == body.count("</mark>") == 1


def test_a_stored_javascript_address_is_not_a_link(client):
    article = make_article(url="javascript:alert(1)")
    content = client.get(article.get_absolute_url()).content.decode()
    assert 'href="javascript:' not in content
