"""The admin's "Nhập bài viết" page: paste or upload, and every file is reported, none lost."""

import codecs
import unicodedata

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article, Source

from .texts import HTML_PAGE, WEATHER, report

pytestmark = pytest.mark.django_db

INGEST = reverse("admin:articles_article_ingest")
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text):
    """Encode as Windows-1258, which has few precomposed letters: tone marks follow as combining marks."""
    out = []
    for char in text:
        try:
            out.append(char.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
            out.append((base + "".join(c for c in parts if c in TONE_MARKS)).encode("cp1258"))
    return b"".join(out)


def upload(name, data):
    return SimpleUploadedFile(name, data if isinstance(data, bytes) else data.encode())


def rows(response):
    assert response.status_code == 200, response.content[:500]
    assert "rows" in response.context, response.context["form"].errors
    return {row.name: row for row in response.context["rows"]}


def test_pasted_text_is_stored_with_who_ingested_it_and_a_history_entry(admin_client, admin_user):
    text = report()
    response = admin_client.post(INGEST, {"text": text, "url": "https://thanhtra.travinh.gov.vn/tin/1"})
    (row,) = rows(response).values()
    article = Article.objects.get()
    assert (row.status, row.article) == ("created", article)
    assert article.raw_text == text
    assert article.url == "https://thanhtra.travinh.gov.vn/tin/1"
    assert article.ingested_by == admin_user and article.ingested_at is not None
    entry = LogEntry.objects.get(object_id=str(article.pk))
    assert (entry.action_flag, entry.user) == (ADDITION, admin_user)
    assert reverse("admin:articles_article_change", args=[article.pk]) in response.text
    history = admin_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert "(văn bản dán)" in history.text


def test_pasting_a_text_again_reports_the_existing_article(admin_client):
    admin_client.post(INGEST, {"text": report()})
    response = admin_client.post(INGEST, {"text": report()})
    (row,) = rows(response).values()
    article = Article.objects.get()
    assert (row.status, row.article) == ("duplicate", article)
    assert LogEntry.objects.filter(action_flag=ADDITION).count() == 1
    assert reverse("admin:articles_article_change", args=[article.pk]) in response.text


def test_uploads_in_every_supported_encoding_are_read_alike(admin_client):
    texts = {
        name: report(day=f"{n}/7/2024")
        for n, name in enumerate(["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"], 1)
    }
    files = [
        upload("a.txt", texts["a.txt"].encode()),
        upload("b.txt", codecs.BOM_UTF8 + texts["b.txt"].encode()),
        upload("c.txt", texts["c.txt"].encode("utf-16")),  # with its byte-order mark
        upload("d.txt", windows_1258(texts["d.txt"])),
        upload("e.txt", codecs.BOM_UTF16_LE + texts["e.txt"].replace("\n", "\r\n").encode("utf-16-le")),
        upload("trang.html", HTML_PAGE),
    ]
    result = rows(admin_client.post(INGEST, {"files": files}))
    assert {name: row.status for name, row in result.items()} == dict.fromkeys(
        [*texts, "trang.html"], "created"
    )
    for name, text in texts.items():
        stored = unicodedata.normalize("NFC", result[name].article.raw_text.replace("\r\n", "\n"))
        assert stored == text, name
    assert "Lâm Thị Hoa" in result["trang.html"].article.body
    assert "<p>" not in result["trang.html"].article.body
    assert LogEntry.objects.filter(action_flag=ADDITION).count() == 6


def test_refused_files_are_listed_with_the_reason_and_the_rest_is_stored(admin_client, settings):
    settings.INGEST_MAX_BYTES = 5000
    files = [
        upload("bao-cao.txt", report()),
        upload("anh.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
        upload("rong.txt", b""),
        upload("dai.txt", "Hội nghị. ".encode() * 1000),
        upload("bao-cao-2.txt", report(day="9/7/2024")),
    ]
    result = rows(admin_client.post(INGEST, {"files": files}))
    assert [row.status for row in result.values()] == ["created", "failed", "failed", "failed", "created"]
    assert "not a text file" in result["anh.png"].message and "PNG" in result["anh.png"].message
    assert "empty" in result["rong.txt"].message
    assert "5,000" in result["dai.txt"].message and "INGEST_MAX_BYTES" in result["dai.txt"].message
    assert Article.objects.count() == 2
    page = admin_client.post(INGEST, {"files": [upload("anh.png", b"\x89PNG\r\n\x1a\n" + bytes(256))]})
    assert "anh.png" in page.text and "not a text file" in page.text


def test_a_text_with_nothing_to_extract_is_kept_with_the_reason(admin_client):
    response = admin_client.post(INGEST, {"text": WEATHER})
    (row,) = rows(response).values()
    assert row.article.raw_text == WEATHER
    assert row.article.status in ("partial", "failed")
    assert row.article.status_message and row.article.status_message in row.message
    assert reverse("admin:articles_article_change", args=[row.article.pk]) in response.text


def test_a_new_source_name_creates_the_source(admin_client):
    admin_client.post(INGEST, {"text": report(), "new_source": "Báo Trà Vinh"})
    assert Article.objects.get().source == Source.objects.get(name="Báo Trà Vinh")


def test_an_existing_source_can_be_chosen(admin_client):
    source = Source.objects.create(name="Cổng thông tin Tỉnh ủy Trà Vinh", domain="travinh.dcs.vn")
    admin_client.post(INGEST, {"files": [upload("a.txt", report())], "source": source.pk})
    assert Article.objects.get().source == source


@pytest.mark.parametrize(
    "data, problem",
    [
        ({"text": "   \n "}, "Hãy dán một văn bản hoặc chọn ít nhất một tệp."),
        ({"text": report(), "source": "new", "new_source": "Báo mới"}, "không cả hai"),
    ],
)
def test_the_form_explains_what_is_missing(admin_client, data, problem):
    if data.get("source") == "new":
        data["source"] = Source.objects.create(name="Báo Đồng Tháp").pk
    response = admin_client.post(INGEST, data)
    assert response.status_code == 200
    assert problem in response.text
    assert not Article.objects.exists()


def test_the_ingest_page_has_a_multiple_file_input(admin_client):
    response = admin_client.get(INGEST)
    assert response.status_code == 200
    assert 'type="file" name="files"' in response.text and "multiple" in response.text
    assert 'enctype="multipart/form-data"' in response.text
