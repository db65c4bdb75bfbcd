"""`manage.py extract --json`: one JSON line per file, errors as lines, no database."""

import io
import json
import unicodedata

import pytest
from django.core.management import CommandError, call_command

from articles.ingest_input import read_input
from articles.management.commands.extract import read_hints, run


def decode_bytes(data):
    """The text the command extracts from a file's bytes, in NFC."""
    return unicodedata.normalize("NFC", read_input(data)[1])


ARTICLE = "\n".join(
    [
        "Huyện ủy Cầu Kè sơ kết công tác quý I năm 2024",
        "Cập nhật ngày: 05/04/2024 10:20:00",
        "Sáng 5/4, Ban Thường vụ Huyện ủy Cầu Kè tổ chức hội nghị sơ kết công tác quý I năm 2024.",
        "Trong quý, huyện thu ngân sách đạt 35 tỷ đồng, bằng 28% dự toán.",
        "Lan Anh",
    ]
)


@pytest.fixture
def files(tmp_path):
    good = tmp_path / "001.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    binary = tmp_path / "002.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return good, binary, tmp_path / "missing.txt"


def lines(text):
    return [json.loads(line) for line in text.splitlines()]


def test_one_json_object_per_file_in_order_with_errors_as_lines(files):
    good, binary, missing = files
    out = io.StringIO()
    failed = run([str(good), str(binary), str(missing)], None, out)
    first, second, third = lines(out.getvalue())
    assert failed == 2
    assert first["file"] == "001.txt"
    assert (first["title"], first["published"], first["author"]) == (
        "Huyện ủy Cầu Kè sơ kết công tác quý I năm 2024",
        "2024-04-05",
        "Lan Anh",
    )
    assert (first["province"], first["level"], first["locality"]) == ("Trà Vinh", "district", "Cầu Kè")
    assert first["period"] == {"kind": "quarter", "year": 2024, "quarter": 1}
    assert first["meetings"] == [
        {"date": "2024-04-05", "organ": "Ban Thường vụ Huyện ủy Cầu Kè", "kind": "sơ kết"}
    ]
    assert set(first) >= {"people", "indicators"}
    assert second == {"file": "002.txt", "error": "not a text file: it is a PNG image"}
    assert third["file"] == "missing.txt" and third["error"]


def test_output_keeps_vietnamese_letters_unescaped(files):
    out = io.StringIO()
    run([str(files[0])], None, out)
    assert "Cầu Kè" in out.getvalue()


def test_hints_are_matched_to_files_by_base_name(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "Ban Thường vụ Tỉnh ủy sơ kết tháng 3\nSáng 2/4, Ban Thường vụ Tỉnh ủy họp.\n", "utf-8"
    )
    hints = tmp_path / "hints.jsonl"
    hints.write_text(json.dumps({"file": "dir/a.txt", "url": "https://baodongthap.vn/x"}) + "\n", "utf-8")
    out = io.StringIO()
    run([str(article)], str(hints), out)
    assert lines(out.getvalue())[0]["province"] == "Đồng Tháp"
    assert read_hints(hints) == {"a.txt": {"url": "https://baodongthap.vn/x"}}


def test_a_malformed_hints_file_says_where(tmp_path):
    hints = tmp_path / "hints.jsonl"
    hints.write_text('{"file": "a.txt"}\nnot json\n', "utf-8")
    with pytest.raises(ValueError, match="hints.jsonl:2"):
        read_hints(hints)


def test_the_command_prints_json_lines_without_touching_the_database(files, capsys):
    # No `db` fixture: pytest-django fails any test that opens a database connection.
    call_command("extract", "--json", str(files[0]), str(files[1]))
    first, second = lines(capsys.readouterr().out)
    assert first["file"] == "001.txt" and second["error"] == "not a text file: it is a PNG image"


def test_the_command_fails_only_when_every_file_failed(files):
    with pytest.raises(CommandError, match="no file could be read"):
        call_command("extract", "--json", str(files[1]), str(files[2]), stdout=io.StringIO())


@pytest.mark.parametrize(
    "data",
    [
        "Tỉnh ủy Trà Vinh".encode(),
        "\ufeffTỉnh ủy Trà Vinh".encode(),
        "Tỉnh ủy Trà Vinh".encode("utf-16"),
        "Tỉnh ủy Trà Vinh".encode("utf-16-be").join([b"\xfe\xff", b""]),
    ],
)
def test_utf8_and_utf16_are_decoded(data):
    assert decode_bytes(data) == "Tỉnh ủy Trà Vinh"


def windows_1258(text):
    """Encode as Windows-1258 does: tone marks as combining characters after the letter."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", ch)
            out += unicodedata.normalize("NFC", decomposed[:-1]).encode("cp1258") + decomposed[-1].encode(
                "cp1258"
            )
    return out


def test_other_bytes_are_read_as_windows_1258():
    assert decode_bytes(windows_1258("Tỉnh ủy Trà Vinh họp")) == "Tỉnh ủy Trà Vinh họp"


def test_binary_data_is_refused_with_a_clear_reason():
    with pytest.raises(ValueError, match="not a text file"):
        decode_bytes(b"%PDF-1.4\x00\x01\x02")
