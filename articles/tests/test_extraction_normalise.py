"""Stage 1 of the extractor: one spelling for the same text."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.extraction.normalise import normalise


def test_text_is_composed_nfc():
    decomposed = unicodedata.normalize("NFD", "Huyện ủy Trà Cú")
    assert normalise(decomposed) == "Huyện ủy Trà Cú"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Tỉnh uỷ", "Tỉnh ủy"),
        ("Uỷ viên", "Ủy viên"),
        ("UỶ BAN", "ỦY BAN"),
        ("Đào Thị Thuỷ", "Đào Thị Thủy"),
        ("Khánh Hoà", "Khánh Hòa"),
        ("hoà bình, khoẻ mạnh", "hòa bình, khỏe mạnh"),
        ("Thuý.", "Thúy."),
    ],
)
def test_old_tone_marks_take_the_modern_place(old, new):
    assert normalise(old) == new


@pytest.mark.parametrize("word", ["quý", "Quý IV", "Hoàng", "Quỳnh", "khuỷu tay", "hoạch định", "thuyền"])
def test_tone_marks_inside_words_are_left_alone(word):
    assert normalise(word) == word


def test_non_breaking_and_repeated_spaces_become_one_space():
    assert normalise("Ngày\u00a0\u00a005/01,  Ban\tThường vụ\u2009họp") == "Ngày 05/01, Ban Thường vụ họp"


def test_line_ends_are_unified_and_lines_stripped():
    assert normalise("Tiêu đề  \r\n  Dòng hai\rDòng ba\u2028") == "Tiêu đề\nDòng hai\nDòng ba\n"


def test_invisible_characters_are_removed():
    assert normalise("Tỉnh\u200b ủy\ufeff") == "Tỉnh ủy"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("phát triển của tỉnh.Các đại biểu", "phát triển của tỉnh. Các đại biểu"),
        ("nhiệm vụ (mở rộng).Tiếp theo", "nhiệm vụ (mở rộng). Tiếp theo"),
        ("TP.HCM", "TP.HCM"),
        ("đạt 1.500 tỷ đồng", "đạt 1.500 tỷ đồng"),
        ("Chiều 7.10, Đảng ủy", "Chiều 7.10, Đảng ủy"),
        ("(Baonghean.vn) - Sáng nay", "(Baonghean.vn) - Sáng nay"),
        ("Đ.c Vũ Thị Minh Thủy", "Đ.c Vũ Thị Minh Thủy"),
    ],
)
def test_a_missing_space_after_a_full_stop_is_restored_only_between_sentences(text, expected):
    assert normalise(text) == expected


@given(st.text())
def test_normalising_twice_changes_nothing(text):
    once = normalise(text)
    assert normalise(once) == once


def test_html_entities_are_decoded():
    assert (
        normalise("Tỉnh&nbsp;ủy Trà Vinh &amp; Sóc Trăng, Tr&#224; Vinh")
        == "Tỉnh ủy Trà Vinh & Sóc Trăng, Trà Vinh"
    )


def test_an_escaped_entity_stays_escaped_so_normalising_twice_changes_nothing():
    assert normalise("&amp;nbsp; và &amp;") == "&amp;nbsp; và &"
