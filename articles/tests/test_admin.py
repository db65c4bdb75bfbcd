"""The article and person pages of the admin: evidence shown, corrections locked and kept, review lists."""

import html
import re

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import ingest
from articles.models import Appearance, Indicator, Meeting, Person, PersonMerge

from .adminforms import change_form_data, inline_index, inline_prefix
from .factories import make_appearance, make_article, make_indicator, make_meeting, make_person

pytestmark = pytest.mark.django_db

TEXT = """Ban Thường vụ Tỉnh ủy Trà Vinh sơ kết công tác tháng 11 năm 2023
Sáng ngày 1/12/2023, Ban Thường vụ Tỉnh ủy Trà Vinh tổ chức hội nghị sơ kết công tác tháng 11 năm 2023.
Đồng chí Ngô Chí Cường, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy chủ trì hội nghị.
Trong tháng, tổng thu ngân sách nhà nước trên địa bàn đạt 420 tỷ đồng.
"""


def change_url(obj):
    return reverse(f"admin:articles_{obj._meta.model_name}_change", args=[obj.pk])


def post_change(client, obj, edit):
    """Open `obj`'s change page, apply `edit(data, response)` to the form data and submit it."""
    response = client.get(change_url(obj))
    data = change_form_data(response)
    edit(data, response)
    return client.post(change_url(obj), data)


# --- the article list ---------------------------------------------------------------------------------


def test_article_list_counts_people_and_figures_without_a_query_per_row(admin_client, tra_vinh):
    def list_queries():
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.get(reverse("admin:articles_article_changelist"))
        assert response.status_code == 200
        return len(queries), response

    article = make_article(province=tra_vinh, status="partial")
    make_appearance(article)
    make_appearance(article, name="Lê Văn Hẳn")
    make_indicator(article)
    few, response = list_queries()
    row = next(r for r in response.context["cl"].result_list if r.pk == article.pk)
    assert (row.people_count, row.indicator_count) == (2, 1)
    assert "Thiếu một phần" in response.text and "Trà Vinh" in response.text
    for _ in range(5):
        make_indicator(make_appearance(make_article(province=tra_vinh)).article)
    many, _ = list_queries()
    assert many == few


def test_article_list_offers_the_ingest_page(admin_client):
    response = admin_client.get(reverse("admin:articles_article_changelist"))
    assert reverse("admin:articles_article_ingest") in response.text


def test_adding_an_article_goes_through_the_ingest_page(admin_client):
    response = admin_client.get(reverse("admin:articles_article_add"))
    assert response.status_code == 302
    assert response.url == reverse("admin:articles_article_ingest")


# --- the article page ---------------------------------------------------------------------------------


def test_article_page_shows_the_raw_text_as_stored_and_escaped(admin_client):
    raw = "Tiêu đề <script>alert(1)</script>\n\n   thụt   lề\r\nhết"
    article = make_article(raw_text=raw)
    response = admin_client.get(change_url(article))
    assert (
        '<pre class="article-raw">Tiêu đề &lt;script&gt;alert(1)&lt;/script&gt;\n\n   thụt   lề\r\nhết</pre>'
        in (response.text)
    )
    assert "<script>alert(1)" not in response.text


def test_article_page_marks_each_person_and_figure_at_its_evidence(admin_client):
    body = "Đồng chí Ngô Chí Cường chủ trì. Thu ngân sách đạt 420 tỷ đồng."
    article = make_article(body=body)
    make_appearance(article, name="Ngô Chí Cường", start=9, end=22, titles=["Bí thư <Tỉnh ủy>"])
    make_indicator(article, value=420, start=50, end=61)
    response = admin_client.get(change_url(article))
    assert '<mark class="person" title="Ngô Chí Cường; Bí thư &lt;Tỉnh ủy&gt;">Ngô Chí Cường</mark>' in (
        response.text
    )
    assert '<mark class="figure" title="Tổng thu ngân sách nhà nước: 420 tỷ đồng">420 tỷ đồng</mark>' in (
        response.text
    )


def test_article_page_shows_untrusted_body_and_odd_spans_safely(admin_client):
    body = 'a <b onclick="x"> & c'
    article = make_article(body=body)
    make_appearance(article, name='x" onmouseover="y', start=0, end=3)
    make_appearance(article, start=2, end=5)  # overlaps the first
    make_indicator(article, start=19, end=500)  # runs past the body
    make_indicator(article, start=400, end=500)
    response = admin_client.get(change_url(article))
    evidence = response.text.split('<div class="article-evidence">')[1].split("</div>")[0]
    assert (
        '<mark class="person" title="x&quot; onmouseover=&quot;y; Bí thư Tỉnh ủy">a &lt;</mark>b' in evidence
    )
    assert "<b onclick" not in response.text
    assert 'b onclick=&quot;x&quot;&gt; &amp;<mark class="figure"' in evidence
    assert html.unescape(re.sub(r"</?mark[^>]*>", "", evidence)) == body
    assert evidence.count("<mark") == evidence.count("</mark>")


# --- corrections are locked and survive re-extraction -------------------------------------------------


def test_editing_a_row_locks_it_and_leaves_the_others_unlocked(admin_client, article):
    edited = make_appearance(article, titles=["Phó Bí thư Tỉnh ủy"])
    untouched = make_appearance(article, name="Lê Văn Hẳn")
    indicator = make_indicator(article)

    def edit(data, response):
        prefix = inline_prefix(response, Appearance)
        data[f"{prefix}-{inline_index(response, edited)}-titles"] = "Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh\nTUV"

    response = post_change(admin_client, article, edit)
    assert response.status_code == 302, response.context and response.context["errors"]
    edited.refresh_from_db()
    assert edited.titles == ["Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh", "TUV"]
    assert edited.locked
    assert not Appearance.objects.get(pk=untouched.pk).locked
    assert not Indicator.objects.get(pk=indicator.pk).locked


def test_a_row_added_by_staff_is_locked(admin_client, article):
    def edit(data, response):
        prefix = inline_prefix(response, Meeting)
        data[f"{prefix}-TOTAL_FORMS"] = "1"
        data.update({f"{prefix}-0-organ": "Thường trực Tỉnh ủy", f"{prefix}-0-kind": "giao ban"})
        data[f"{prefix}-0-position"] = "0"

    response = post_change(admin_client, article, edit)
    assert response.status_code == 302
    assert article.meetings.get().locked


def test_unticking_locked_unlocks_a_row(admin_client, article):
    row = make_indicator(article, locked=True)

    def edit(data, response):
        del data[f"{inline_prefix(response, Indicator)}-{inline_index(response, row)}-locked"]

    assert post_change(admin_client, article, edit).status_code == 302
    assert not Indicator.objects.get(pk=row.pk).locked


def test_a_row_edited_on_its_own_page_is_locked(admin_client, article):
    row = make_indicator(article)
    response = admin_client.get(change_url(row))
    data = change_form_data(response)
    data["value"] = "421.5"
    assert admin_client.post(change_url(row), data).status_code == 302
    row.refresh_from_db()
    assert (row.value, row.locked) == (421.5, True)


def test_staff_corrections_survive_reextraction(admin_client):
    article = ingest.ingest_text(TEXT).article
    body = article.body
    name_at = body.index("Ngô Chí Cường")
    figure_at = body.index("420 tỷ đồng")
    # What a careless extractor might have stored: a wrong title and a wrong value, and a row nobody fixes.
    person = make_appearance(article, start=name_at, end=name_at + 13, titles=["Phó Bí thư"])
    figure = make_indicator(article, value=42, start=figure_at, end=figure_at + 11)
    stray = make_appearance(article, name="Trong Tháng", titles=[], start=0, end=0)

    def edit(data, response):
        data[f"{inline_prefix(response, Appearance)}-{inline_index(response, person)}-titles"] = (
            "Bí thư Tỉnh ủy"
        )
        data[f"{inline_prefix(response, Indicator)}-{inline_index(response, figure)}-value"] = "420"

    assert post_change(admin_client, article, edit).status_code == 302
    response = admin_client.post(reverse("admin:articles_article_reextract", args=[article.pk]))
    assert response.status_code == 302

    person.refresh_from_db()
    figure.refresh_from_db()
    assert (person.titles, person.locked) == (["Bí thư Tỉnh ủy"], True)
    assert (figure.value, figure.locked) == (420, True)
    assert not Appearance.objects.filter(pk=stray.pk).exists()
    assert LogEntry.objects.filter(object_id=str(article.pk), action_flag=CHANGE).count() == 2


def test_corrected_article_fields_survive_reextraction(admin_client, dong_thap):
    article = ingest.ingest_text(TEXT).article
    extracted = (article.province_id, article.level, article.period_kind, article.date)

    def edit(data, response):
        data["province"] = str(dong_thap.pk)
        data["level"] = "district"

    assert post_change(admin_client, article, edit).status_code == 302
    article.refresh_from_db()
    assert article.corrected == ["level", "province"]

    response = admin_client.post(reverse("admin:articles_article_reextract", args=[article.pk]))
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.province, article.level) == (dong_thap, "district")
    assert (article.period_kind, article.date) == extracted[2:]  # the rest read again

    # Emptying the list hands the fields back to the extractor.
    def release(data, response):
        data["corrected"] = ""

    assert post_change(admin_client, article, release).status_code == 302
    admin_client.post(reverse("admin:articles_article_reextract", args=[article.pk]))
    article.refresh_from_db()
    assert (article.province_id, article.level, article.corrected) == (*extracted[:2], [])


def test_reextract_action_reads_selected_articles_again(admin_client):
    article = ingest.ingest_text(TEXT).article
    stray = make_indicator(article, value=1)
    response = admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "reextract_selected", "_selected_action": [article.pk]},
    )
    assert response.status_code == 302
    assert not Indicator.objects.filter(pk=stray.pk).exists()
    assert article.meetings.exists()


def test_reextract_button_needs_a_post(admin_client, article):
    response = admin_client.get(reverse("admin:articles_article_reextract", args=[article.pk]))
    assert response.status_code == 405
    assert (
        reverse("admin:articles_article_reextract", args=[article.pk])
        in admin_client.get(change_url(article)).text
    )


# --- review lists -------------------------------------------------------------------------------------


def test_review_filter_lists_partial_and_failed_articles(admin_client):
    partial = make_article(status="partial")
    failed = make_article(status="failed")
    make_article(status="ok")
    response = admin_client.get(reverse("admin:articles_article_changelist"), {"review": "yes"})
    assert set(response.context["cl"].result_list) == {partial, failed}


def test_admin_index_links_to_the_review_lists(admin_client):
    response = admin_client.get(reverse("admin:index"))
    assert f"{reverse('admin:articles_article_changelist')}?review=yes" in response.text
    assert f"{reverse('admin:articles_person_changelist')}?needs_review__exact=1" in response.text


def test_person_list_filters_people_flagged_for_review(admin_client):
    flagged = make_person(needs_review=True)
    make_person(name="Lê Văn Hẳn")
    response = admin_client.get(reverse("admin:articles_person_changelist"), {"needs_review__exact": "1"})
    assert list(response.context["cl"].result_list) == [flagged]


# --- merging and splitting persons --------------------------------------------------------------------


def test_merge_keeps_the_person_named_most_and_records_the_merge(admin_client, article, admin_user):
    rarely, often = make_person(needs_review=True), make_person()
    make_appearance(article, rarely)
    make_appearance(article, often)
    make_appearance(make_article(), often)
    response = admin_client.post(
        reverse("admin:articles_person_changelist"),
        {"action": "merge_selected", "_selected_action": [rarely.pk, often.pk]},
    )
    assert response.status_code == 302
    assert list(Person.objects.all()) == [often]
    assert often.appearances.count() == 3
    merge = PersonMerge.objects.get()
    assert (merge.person, merge.merged_id, merge.user) == (often, rarely.pk, admin_user)
    page = admin_client.get(change_url(often)).text
    assert f"{rarely.pk}" in page and "lần gộp cán bộ" in page.lower()


def test_merge_needs_two_people(admin_client):
    person = make_person()
    response = admin_client.post(
        reverse("admin:articles_person_changelist"),
        {"action": "merge_selected", "_selected_action": [person.pk]},
        follow=True,
    )
    assert "Chọn ít nhất hai cán bộ" in response.text
    assert Person.objects.get() == person


def test_split_moves_the_chosen_appearances_to_a_new_person(admin_client, tra_vinh, dong_thap):
    person = make_person("Nguyễn Văn Hiếu", province=tra_vinh)
    stays = make_appearance(make_article(province=tra_vinh), person)
    moves = make_appearance(make_article(province=dong_thap), person, titles=["Bí thư Huyện ủy"])
    url = reverse("admin:articles_person_split", args=[person.pk])
    page = admin_client.get(url)
    assert "Bí thư Huyện ủy" in page.text and "Đồng Tháp" in page.text

    response = admin_client.post(url, {"appearances": [moves.pk]})
    new = Person.objects.exclude(pk=person.pk).get()
    assert response.status_code == 302 and response.url == change_url(new)
    assert list(new.appearances.all()) == [moves]
    assert list(person.appearances.all()) == [stays]
    assert new.province == dong_thap


def test_split_refuses_to_move_every_appearance(admin_client):
    person = make_person()
    only = make_appearance(make_article(), person)
    response = admin_client.post(
        reverse("admin:articles_person_split", args=[person.pk]), {"appearances": [only.pk]}
    )
    assert response.status_code == 200
    assert "Giữ lại ít nhất một" in response.text
    assert Person.objects.count() == 1


def test_split_action_opens_the_split_page(admin_client):
    person = make_person()
    response = admin_client.post(
        reverse("admin:articles_person_changelist"),
        {"action": "split_selected", "_selected_action": [person.pk]},
    )
    assert response.url == reverse("admin:articles_person_split", args=[person.pk])


def test_inline_meeting_choices_are_the_articles_own(admin_client, article):
    own = make_meeting(article)
    other = make_meeting(make_article())
    make_appearance(article)
    response = admin_client.get(change_url(article))
    prefix = inline_prefix(response, Appearance)
    choices = response.context["inline_admin_formsets"][1].formset.forms[0].fields["meeting"].queryset
    assert prefix == "appearances"
    assert list(choices) == [own]
    assert other not in choices


def test_article_search_ignores_diacritics_and_finds_words_in_the_body(admin_client):
    wanted = make_article(body="Đồng chí Ngô Chí Cường, Bí thư Tỉnh ủy chủ trì hội nghị.")
    make_article(body="Đồng chí Nguyễn Văn Hiếu phát biểu.")
    response = admin_client.get(reverse("admin:articles_article_changelist"), {"q": "ngo chi cuong"})
    assert list(response.context["cl"].result_list) == [wanted]
    by_url = make_article(url="https://baotravinh.vn/chinh-tri/so-ket-123.html")
    response = admin_client.get(reverse("admin:articles_article_changelist"), {"q": "so-ket-123"})
    assert list(response.context["cl"].result_list) == [by_url]


def test_article_page_reads_the_meeting_choices_once_for_all_rows(admin_client, article):
    def page_queries():
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(change_url(article)).status_code == 200
        return len(queries)

    meeting = make_meeting(article)
    make_indicator(article, meeting=meeting)
    few = page_queries()
    for _ in range(8):
        make_indicator(article, meeting=meeting)
    assert page_queries() == few


def test_a_reviewed_person_is_unflagged_from_the_list(admin_client):
    person = make_person(needs_review=True)
    data = {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-0-id": person.pk, "_save": "Lưu"}
    response = admin_client.post(reverse("admin:articles_person_changelist") + "?needs_review__exact=1", data)
    assert response.status_code == 302
    person.refresh_from_db()
    assert not person.needs_review


def test_a_corrected_figure_brings_its_normalised_value_and_unit_class_along(admin_client, article):
    money = make_indicator(article, value=42, unit="tỷ đồng", normalised_value=42 * 10**9)
    share = make_indicator(article, value=7, unit="tỷ đồng", normalised_value=7 * 10**9)

    def edit(data, response):
        prefix = inline_prefix(response, Indicator)
        data[f"{prefix}-{inline_index(response, money)}-value"] = "420"
        data[f"{prefix}-{inline_index(response, share)}-unit"] = "%"

    assert post_change(admin_client, article, edit).status_code == 302
    money.refresh_from_db()
    share.refresh_from_db()
    assert (money.value, money.normalised_value, money.unit_class) == (420, 420 * 10**9, "money")
    assert (share.value, share.normalised_value, share.unit_class) == (7, 7, "percent")
