"""Stage 3 of the extractor: headline, publication stamp and byline."""

import datetime as dt

import pytest

from articles.extraction.clean import clean
from articles.extraction.header import parse_byline, parse_stamp, read_header
from articles.extraction.normalise import normalise

LEAD = (
    "Chiều 23/1, Thường trực Tỉnh ủy tổ chức hội nghị giao ban quý IV năm 2023. Đồng chí Lê Văn Hai, "
    "Bí thư Tỉnh ủy chủ trì hội nghị."
)


def header(*lines: str, **kwargs):
    return read_header(clean(normalise("\n".join(lines))), **kwargs)


@pytest.mark.parametrize(
    "line",
    [
        "Cập nhật ngày: 23/01/2024 18:19:34",
        "18:19 23/01/2024",
        "Thứ Ba, 23/01/2024 - 18:19",
        "Cập nhật lúc 18:19, Thứ Ba, 23/01/2024",
        "18:19, 23/01/2024",
        "Ngày đăng 23/01/2024 | 18:19 | View count: 138",
        "Ngày đăng: 23/01/2024",
        "23/01/2024 - 18:19",
        "Cập nhật: 23/01/2024 18:19",
        "Thứ ba, 23-01-2024, 18:19 (GMT+7)",
        "Cập nhật lúc 18:19 ngày 23/01/2024",
        "2024-01-23 18:19:34",
        "Thứ Ba, ngày 23 tháng 01 năm 2024",
    ],
)
def test_publication_stamps_in_every_hand(line):
    assert parse_stamp(line) == dt.date(2024, 1, 23)


@pytest.mark.parametrize(
    "line",
    [
        LEAD,
        "Ngày 23/01/2024, Ban Thường vụ Tỉnh ủy họp",
        "Kỳ họp diễn ra đến hết ngày 19/7.",
        "Quang cảnh hội nghị",
    ],
)
def test_running_text_with_a_date_is_not_a_stamp(line):
    assert parse_stamp(line) is None


def test_a_stamp_glued_to_the_lead_is_split_off():
    h = header(
        "Quảng Bình hoàn thành nhiều chỉ tiêu năm 2021", "Chính trị | Xây dựng Đảng", "14/12/2021" + LEAD
    )
    assert h.published == dt.date(2021, 12, 14)
    assert h.body == LEAD


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Tin, ảnh: MINH ĐỨC", "MINH ĐỨC"),
        ("Thực hiện: Gia Huy - Bảo trâm", "Gia Huy - Bảo trâm"),
        ("Bài và ảnh: Minh Đức", "Minh Đức"),
        ("Vy Trần", "Vy Trần"),
        ("QUỐC BẢO", "QUỐC BẢO"),
        ("K'THÁI", "K'THÁI"),
        ("Ngọc Diệp (Văn phòng Tỉnh ủy)", "Ngọc Diệp (Văn phòng Tỉnh ủy)"),
        ("HẢI YẾN - NGỌC ANH", "HẢI YẾN - NGỌC ANH"),
        ("Nhóm phóng viên", "Nhóm phóng viên"),
    ],
)
def test_bylines(line, author):
    assert parse_byline(line) == author


@pytest.mark.parametrize(
    "line",
    [
        "Quang cảnh hội nghị",
        "Theo TTXVN",
        "Báo Sài Gòn Giải Phóng",
        "Kỳ họp diễn ra đến hết ngày 19/7.",
        LEAD,
    ],
)
def test_lines_that_are_not_bylines(line):
    assert parse_byline(line) is None


def test_headline_stamp_and_byline_leave_the_body():
    h = header(
        "Giao ban Thường trực Tỉnh ủy quý IV năm 2023",
        "Cập nhật ngày: 23/01/2024 18:19:34",
        LEAD,
        "Quang cảnh hội nghị",
        "Hội nghị thảo luận nhiều nội dung quan trọng về phát triển kinh tế - xã hội của tỉnh.",
        "Vy Trần",
    )
    assert h.title == "Giao ban Thường trực Tỉnh ủy quý IV năm 2023"
    assert h.published == dt.date(2024, 1, 23)
    assert h.author == "Vy Trần"
    assert h.body.startswith(LEAD)
    assert "Vy Trần" not in h.body and "Cập nhật" not in h.body
    [(start, end)] = h.captions
    assert h.body[start:end] == "Quang cảnh hội nghị"


def test_no_stamp_leaves_the_published_date_to_the_hint():
    h = header("Ban Thường vụ Tỉnh ủy sơ kết tháng 11", LEAD, published_hint=dt.date(2023, 12, 2))
    assert h.published == dt.date(2023, 12, 2)
    assert header("Ban Thường vụ Tỉnh ủy sơ kết tháng 11", LEAD).published is None


def test_an_article_without_a_byline_has_no_author():
    h = header("Ban Thường vụ Tỉnh ủy sơ kết tháng 11", LEAD)
    assert h.author is None
    assert h.body == LEAD


def test_empty_text_gives_an_empty_header():
    h = header("")
    assert (h.title, h.body, h.published, h.author) == ("", "", None, None)


def test_a_name_beside_the_stamp_is_the_author():
    h = header("Huyện ủy Cầu Kè sơ kết quý I năm 2024", "Thứ Hai, 08/04/2024 15:30", "PHƯƠNG NAM", LEAD, LEAD)
    assert (h.author, h.body) == ("PHƯƠNG NAM", LEAD + "\n" + LEAD)


def test_a_publisher_credited_under_the_article_is_its_source_not_its_author():
    h = header("Huyện ủy Cầu Kè sơ kết quý I năm 2024", LEAD, "Minh Anh", "Theo Báo Trà Vinh")
    assert (h.author, h.source, h.body) == ("Minh Anh", "Theo Báo Trà Vinh", LEAD)


def test_the_stamp_under_the_headline_wins_over_a_portals_date_above_it():
    h = header(
        "Thứ Tư, 22/11/2023", "Huyện ủy Cầu Kè sơ kết quý I năm 2024", "Cập nhật: 05/04/2024 10:20", LEAD
    )
    assert h.published == dt.date(2024, 4, 5)


def test_a_headline_printed_twice_is_not_part_of_the_body():
    h = header("Huyện ủy Cầu Kè sơ kết quý I năm 2024", "Huyện ủy Cầu Kè sơ kết quý I năm 2024", LEAD)
    assert h.body == LEAD


def test_a_section_name_above_the_headline_is_not_the_headline():
    assert header("Xây dựng Đảng", "Huyện ủy Cầu Kè sơ kết quý I năm 2024", LEAD).title == (
        "Huyện ủy Cầu Kè sơ kết quý I năm 2024"
    )


def test_a_photo_credit_under_the_byline_is_skipped():
    h = header("Huyện ủy Cầu Kè sơ kết quý I năm 2024", LEAD, "Minh Anh", "Ảnh: Thu Hà")
    assert (h.author, h.body) == ("Minh Anh", LEAD)
