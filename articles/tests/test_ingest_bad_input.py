"""Input ingestion refuses says why and stores nothing; input it can read is stored whole."""

import codecs
import unicodedata

import pytest

from articles import ingest_input
from articles.ingest import IngestError, ingest_text
from articles.models import Article

from .texts import HTML_PAGE, TRA_VINH

pytestmark = pytest.mark.django_db


def refused(raw) -> str:
    with pytest.raises(IngestError) as caught:
        ingest_text(raw)
    assert not Article.objects.exists()
    return str(caught.value)


_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text: str) -> bytes:
    """The legacy Vietnamese code page: base letters precomposed, tone marks as combining bytes."""
    out = b""
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            tone = "".join(c for c in decomposed if c in _TONE_MARKS)
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
            out += (base + tone).encode("cp1258")
    return out


@pytest.mark.parametrize("raw", ["", "   \n\t\r\n  ", "\ufeff\u200b \n", b"", b"\xef\xbb\xbf \n"])
def test_empty_or_whitespace_only_text_is_refused(raw):
    assert refused(raw) == "empty text"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    ],
)
def test_binary_files_are_not_text_files(data, kind):
    message = refused(data)
    assert message.startswith("not a text file")
    assert kind in message


def test_bytes_full_of_control_characters_are_not_a_text_file():
    assert refused(bytes(range(32)) * 40).startswith("not a text file")


def test_a_text_larger_than_the_limit_is_refused_naming_the_limit(settings):
    settings.INGEST_MAX_BYTES = 1000

    message = refused(TRA_VINH * 3)

    assert "too large" in message
    assert "1,000 bytes" in message
    assert "INGEST_MAX_BYTES" in message


def test_the_default_limit_is_two_megabytes(settings):
    assert settings.INGEST_MAX_BYTES == 2 * 1024 * 1024
    assert "2 MB" in refused(b"a" * (2 * 1024 * 1024 + 1))


def test_utf8_with_broken_bytes_is_refused_naming_the_encoding_problem():
    data = TRA_VINH.encode() + b" \xff\xfe ch\xe1\xbb"

    message = refused(data)

    assert "cannot decode" in message
    assert "UTF-8" in message
    assert "0xff" in message


def test_bytes_no_encoding_reads_are_refused_naming_the_encodings():
    # 0x81 and 0x8d have no character in Windows-1258 and start no UTF-8 sequence.
    message = refused(b"Bao cao \x81\x8d so ket")

    assert "UTF-8" in message and "Windows-1258" in message


def test_a_lone_surrogate_is_refused():
    assert "surrogate" in refused(TRA_VINH + "\ud800")


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        windows_1258,
    ],
    ids=["utf-8-bom", "utf-16-le", "utf-16-be", "windows-1258"],
)
def test_every_accepted_encoding_reads_as_the_same_article(encode, tra_vinh):
    original = ingest_text(TRA_VINH.encode("utf-8")).article

    result = ingest_text(encode(TRA_VINH))

    assert result.status == "duplicate"
    assert result.article == original


def test_windows_1258_text_is_read_correctly(tra_vinh):
    article = ingest_text(windows_1258(TRA_VINH)).article

    assert unicodedata.normalize("NFC", article.raw_text) == TRA_VINH
    assert article.province == tra_vinh
    assert article.title.startswith("Ban Thường vụ Tỉnh ủy Trà Vinh")


def test_nul_bytes_are_removed_with_a_warning_and_the_rest_is_kept():
    result = ingest_text(TRA_VINH.replace("Ngày", "\x00Ngày", 1).encode() + b"\x00")

    assert result.status == "created"
    assert any("removed 2 NUL characters" in w for w in result.warnings)
    assert result.article.raw_text == TRA_VINH


def test_html_is_read_as_its_text_and_stored_as_given(tra_vinh):
    result = ingest_text(HTML_PAGE)

    article = result.article
    assert any("HTML" in w for w in result.warnings)
    assert article.raw_text == HTML_PAGE
    assert article.title == "Ban Thường vụ Tỉnh ủy Trà Vinh giao ban quý III năm 2024"
    assert "var views" not in article.body and "color: red" not in article.body
    assert "<p>" not in article.body
    assert "1.240 tỷ đồng & giải ngân" in article.body
    assert article.province == tra_vinh
    assert [m.kind for m in article.meetings.all()] == ["giao ban"]


def test_html_without_any_text_is_empty():
    assert refused("<html><body><p> </p><script>x()</script></body></html>").startswith("empty text")


def test_an_html_page_the_extractor_fails_on_keeps_its_text_line_as_title(monkeypatch):
    def crash(text, hints):
        raise RuntimeError("stage exploded")

    monkeypatch.setattr(ingest_input, "extract", crash)

    article = ingest_text(HTML_PAGE).article

    assert article.status == "failed"
    assert article.title == "Ban Thường vụ Tỉnh ủy Trà Vinh giao ban quý III năm 2024"
    assert article.raw_text == HTML_PAGE


def test_a_source_name_too_long_is_refused():
    with pytest.raises(IngestError, match="source name is too long"):
        ingest_text(TRA_VINH, source="Báo " * 60)
    assert not Article.objects.exists()
