"""Officials: the search page and a person's page."""

import datetime as dt

import pytest
from django.urls import reverse

from .factories import make_appearance, make_article, make_person

pytestmark = pytest.mark.django_db

PEOPLE = reverse("articles:people")


def names(response):
    return [person.name for person in response.context["object_list"]]


def test_officials_search_is_paged_in_rank_order_with_its_full_count(client):
    for i in range(23):
        person = make_person(f"Trần Văn Lâm {chr(ord('A') + i)}")
        for _ in range(i):
            make_appearance(make_article(), person)

    first = client.get(PEOPLE, {"q": "tran van lam"})
    second = client.get(PEOPLE, {"q": "tran van lam", "page": 2})

    assert first.context["paginator"].count == 23
    assert names(first)[:2] == ["Trần Văn Lâm W", "Trần Văn Lâm V"]  # the most named first
    assert names(second) == ["Trần Văn Lâm C", "Trần Văn Lâm B", "Trần Văn Lâm A"]


def test_officials_page_without_a_query_lists_the_most_named_first(client):
    rare, often = make_person("Đinh Thị Lan"), make_person("Bùi Văn Sơn")
    make_appearance(make_article(), rare)
    for _ in range(2):
        make_appearance(make_article(), often)

    assert names(client.get(PEOPLE)) == ["Bùi Văn Sơn", "Đinh Thị Lan"]


@pytest.mark.parametrize("query", ["ngo chi cuong", "Ngô Chí Cường", "ngo chi cuon"])
def test_officials_search_finds_a_name_with_or_without_diacritics_or_with_a_typo(client, query):
    make_person("Ngô Chí Cường")
    make_person("Nguyễn Văn Hiếu")
    response = client.get(PEOPLE, {"q": query})
    assert response.status_code == 200
    assert names(response)[:1] == ["Ngô Chí Cường"]


def test_a_query_with_diacritics_puts_the_exact_ones_first(client):
    often = make_person("Nguyễn Văn Hiểu")
    for _ in range(3):
        make_appearance(make_article(), often)
    make_person("Nguyễn Văn Hiếu")
    assert names(client.get(PEOPLE, {"q": "Nguyễn Văn Hiếu"}))[:2] == ["Nguyễn Văn Hiếu", "Nguyễn Văn Hiểu"]
    assert names(client.get(PEOPLE, {"q": "Nguyễn Văn Hiểu"}))[:2] == ["Nguyễn Văn Hiểu", "Nguyễn Văn Hiếu"]


def test_equally_similar_names_are_ranked_by_appearances(client):
    make_person("Trần Văn Hùng", province=None)
    often = make_person("Trần Văn Hùng")
    for _ in range(2):
        make_appearance(make_article(), often)
    response = client.get(PEOPLE, {"q": "tran van hung"})
    assert [p.pk for p in response.context["object_list"]][0] == often.pk
    assert "2 lần được nêu tên" in response.content.decode()


@pytest.mark.parametrize("query", ["a" * 5000, "ng\x00o"])
def test_unusable_query_shows_an_error(client, query):
    response = client.get(PEOPLE, {"q": query})
    assert response.status_code == 200
    assert response.context["filter"].errors


def test_person_page_lists_appearances_in_date_order_with_titles_held_and_provinces(client, tra_vinh):
    person = make_person("Ngô Chí Cường")
    late = make_article("Bài sau", province=tra_vinh, date=dt.date(2024, 5, 1))
    early = make_article("Bài trước", province=tra_vinh, date=dt.date(2023, 2, 1))
    middle = make_article("Bài giữa", province=tra_vinh, date=dt.date(2023, 9, 1))
    make_appearance(late, person, titles=["Bí thư Tỉnh ủy"], roles=["chair"])
    make_appearance(early, person, titles=["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"], roles=["speak"])
    make_appearance(middle, person, titles=["Bí thư Tỉnh ủy"], roles=["attend"])
    response = client.get(person.get_absolute_url())
    assert response.status_code == 200
    assert [a.article.title for a in response.context["object_list"]] == ["Bài trước", "Bài giữa", "Bài sau"]
    titles = {row["title"]: (row["first_seen"], row["last_seen"]) for row in response.context["titles"]}
    assert titles["Bí thư Tỉnh ủy"] == (dt.date(2023, 9, 1), dt.date(2024, 5, 1))
    assert titles["Phó Bí thư Tỉnh ủy"] == (dt.date(2023, 2, 1), dt.date(2023, 2, 1))
    content = response.content.decode()
    assert "từ 01/09/2023 đến 01/05/2024" in content
    assert "Phát biểu" in content and "Chủ trì" in content
    assert 'href="/tinh/tra-vinh/"' in content
    assert f'href="{early.get_absolute_url()}#nguoi-' in content


def test_person_wrong_slug_redirects(client):
    person = make_person("Ngô Chí Cường")
    response = client.get(f"/can-bo/{person.pk}-ai-do/")
    assert response.status_code == 301
    assert response["Location"] == f"/can-bo/{person.pk}-ngo-chi-cuong/"


def test_person_name_with_markup_is_escaped(client):
    person = make_person("<script>x</script>")
    make_appearance(make_article(), person)
    content = client.get(person.get_absolute_url()).content.decode()
    assert "<script>x" not in content and "&lt;script&gt;x" in content
