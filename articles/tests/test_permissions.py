"""Who may do what in the admin: editors ingest and correct but never delete; strangers see nothing."""

import pytest
from django.contrib import admin
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.auth.models import Group, User
from django.urls import reverse

from articles.models import AdministrativeUnit, Article, PersonMerge, Source

from .adminforms import change_form_data
from .factories import make_appearance, make_article, make_indicator, make_meeting, make_person
from .texts import report

pytestmark = pytest.mark.django_db

EDITORS = "Biên tập viên"


@pytest.fixture
def editor(db):
    user = User.objects.create_user("bientap", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def every_kind_of_row(tra_vinh):
    """One row of each registered model, so every admin URL has an object to point at."""
    article = make_article(province=tra_vinh)
    person = make_person(province=tra_vinh)
    rows = {
        "article": article,
        "meeting": make_meeting(article),
        "appearance": make_appearance(article, person),
        "indicator": make_indicator(article),
        "person": person,
        "source": Source.objects.create(name="Báo Trà Vinh"),
        "administrativeunit": tra_vinh,
        "personmerge": PersonMerge.objects.create(person=person, merged_id=999, merged_name=person.name),
    }
    assert set(rows) == {
        model._meta.model_name for model in admin.site._registry if model._meta.app_label == "articles"
    }
    return rows


def test_editors_group_may_add_change_and_view_but_not_delete():
    codenames = set(Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True))
    edited = ["article", "meeting", "appearance", "indicator", "person", "source"]
    assert codenames == {f"{action}_{model}" for model in edited for action in ("add", "change", "view")} | {
        "view_administrativeunit",
        "view_personmerge",
    }


def test_an_editor_can_ingest_and_correct(editor_client, editor):
    assert editor_client.get(reverse("admin:articles_article_ingest")).status_code == 200
    response = editor_client.post(reverse("admin:articles_article_ingest"), {"text": report()})
    (row,) = response.context["rows"]
    assert row.status == "created"
    article = row.article
    assert article.ingested_by == editor

    url = reverse("admin:articles_article_change", args=[article.pk])
    data = change_form_data(editor_client.get(url))
    data["title"] = "Ban Thường vụ Tỉnh ủy Trà Vinh sơ kết 6 tháng đầu năm 2024"
    assert editor_client.post(url, data).status_code == 302
    assert Article.objects.get().title == data["title"]
    assert [(e.action_flag, e.user) for e in LogEntry.objects.order_by("pk")] == [
        (ADDITION, editor),
        (CHANGE, editor),
    ]
    history = editor_client.get(reverse("admin:articles_article_history", args=[article.pk])).text
    assert "bientap" in history and "tiêu đề" in history.lower()


@pytest.mark.parametrize("model", ["article", "person", "appearance", "indicator", "meeting", "source"])
def test_an_editor_cannot_delete(editor_client, every_kind_of_row, model):
    row = every_kind_of_row[model]
    url = reverse(f"admin:articles_{model}_delete", args=[row.pk])
    assert editor_client.get(url).status_code == 403
    assert editor_client.post(url, {"post": "yes"}).status_code == 403
    assert type(row).objects.filter(pk=row.pk).exists()
    changelist = editor_client.get(reverse(f"admin:articles_{model}_changelist"))
    assert "delete_selected" not in changelist.text


def test_staff_without_permissions_cannot_ingest_or_correct(client, every_kind_of_row):
    client.force_login(User.objects.create_user("khach", password="x", is_staff=True))
    article, person = every_kind_of_row["article"], every_kind_of_row["person"]
    assert client.get(reverse("admin:articles_article_ingest")).status_code == 403
    assert client.post(reverse("admin:articles_article_reextract", args=[article.pk])).status_code == 403
    assert client.get(reverse("admin:articles_person_split", args=[person.pk])).status_code == 403


def test_anonymous_users_are_sent_to_the_login_page_from_every_admin_url(client, every_kind_of_row):
    urls = [reverse("admin:index"), reverse("admin:app_list", args=["articles"])]
    urls += [reverse("admin:articles_article_ingest"), reverse("admin:autocomplete")]
    urls += [reverse("admin:articles_article_reextract", args=[every_kind_of_row["article"].pk])]
    urls += [reverse("admin:articles_person_split", args=[every_kind_of_row["person"].pk])]
    for model, row in every_kind_of_row.items():
        urls += [reverse(f"admin:articles_{model}_{view}") for view in ("changelist", "add")]
        urls += [
            reverse(f"admin:articles_{model}_{view}", args=[row.pk])
            for view in ("change", "delete", "history")
        ]
    login = reverse("admin:login")
    for url in urls:
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, (method.__name__, url)
            assert response.url.startswith(f"{login}?next="), url
    assert not LogEntry.objects.exists()
    assert (
        Article.objects.count() == 1
        and AdministrativeUnit.objects.filter(pk=every_kind_of_row["administrativeunit"].pk).exists()
    )
