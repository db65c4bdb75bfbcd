"""Stage 4 of the extractor: dates, the years they leave out, and the reported period."""

import datetime as dt

import pytest

from articles.extraction.dates import find_dates, find_periods, read_dates
from articles.extraction.types import Period


def first_date(text):
    found = find_dates(text)
    return (found[0].day, found[0].month, found[0].year) if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sáng ngày 1/12, Ban Thường vụ", (1, 12, None)),
        ("Ngày 10-12, Thường trực Huyện ủy", (10, 12, None)),
        ("Chiều nay 12.4, Ban Thường vụ", (12, 4, None)),
        ("Ngày 17 – 9, Hội nghị lần thứ 19", (17, 9, None)),
        ("Ngày 26 tháng 6 năm 2020, Ban Chấp hành", (26, 6, 2020)),
        ("Sáng ngày 15/10/2024, Ban Chấp hành", (15, 10, 2024)),
        ("đến ngày 24/11/2023 đạt trên 15.300 tỷ đồng", (24, 11, 2023)),
        ("Hôm nay (6/8), Đảng bộ xã", (6, 8, None)),
        ("Trong 2 ngày 5 và 6/12/2023, Ban Chấp hành", (5, 12, 2023)),
        ("Ngày 05/01, Ban Thường vụ", (5, 1, None)),
    ],
)
def test_dates_in_every_hand(text, expected):
    assert first_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "huyện đạt 9/9 tiêu chí huyện nông thôn mới",
        "kết quả công tác quý 2.2022",
        "đạt 1.500 tỷ đồng, tăng 7.10%",
        "nhiệm kỳ 2020 - 2025",
        "thực hiện đạt 21/22 chỉ tiêu",
    ],
)
def test_ratios_amounts_and_terms_are_not_dates(text):
    assert find_dates(text) == []


def period(title, *paragraphs, published=None, meeting=None):
    meetings = [meeting] if meeting else []
    return read_dates(title, list(paragraphs), meetings, published, "\n".join(paragraphs)).period


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Quận ủy Ninh Kiều giao ban công tác quý I/2024", Period("quarter", 2024, quarter=1)),
        ("Thường trực Tỉnh ủy giao ban quý 2.2022", Period("quarter", 2022, quarter=2)),
        ("Huyện ủy Hoằng Hóa sơ kết công tác quý I năm 2021", Period("quarter", 2021, quarter=1)),
        ("Thành ủy Vinh sơ kết công tác 6 tháng đầu năm 2023", Period("half", 2023, half=1)),
        ("Thị ủy Ninh Hòa sơ kết công tác 9 tháng năm 2024", Period("months", 2024, months=9)),
        ("Ban Thường vụ Tỉnh ủy họp thường lệ tháng 01/2025", Period("month", 2025, month=1)),
        ("Thành ủy Sa Đéc sơ kết tình hình tháng 2 năm 2024", Period("month", 2024, month=2)),
        ("Huyện ủy Chợ Lách tổng kết công tác năm 2022", Period("year", 2022)),
        ("Tổng kết năm 2019, triển khai nhiệm vụ năm 2020", Period("year", 2019)),
    ],
)
def test_the_reported_period_is_read_from_the_headline(title, expected):
    assert period(title) == expected


def test_the_next_periods_plans_are_not_the_report():
    assert period("Sơ kết tình hình tháng 5 và đề ra phương hướng nhiệm vụ tháng 6 năm 2022") == Period(
        "month", 2022, month=5
    )
    assert period("Sơ kết quý III, triển khai nhiệm vụ quý IV/2025") == Period("quarter", 2025, quarter=3)


def test_a_year_left_out_is_taken_from_the_next_period():
    lead = "Thường trực Huyện ủy tổ chức hội nghị giao ban tháng 11, triển khai nhiệm vụ tháng 12 năm 2024."
    assert period("Vũ Thư: Giao ban công tác tháng 11", lead) == Period("month", 2024, month=11)


def test_a_year_left_out_is_taken_from_the_publication_date():
    assert period("UBND tỉnh họp phiên thường kỳ tháng 4", published=dt.date(2024, 4, 26)) == Period(
        "month", 2024, month=4
    )
    assert period("Sơ kết công tác tháng 12", published=dt.date(2024, 1, 5)) == Period(
        "month", 2023, month=12
    )


def test_the_period_may_come_from_the_lead():
    lead = "Chiều 23/1, các đồng chí chủ trì Hội nghị giao ban giữa Thường trực Tỉnh ủy quý 4 năm 2023."
    assert period("Tập trung lãnh đạo tổ chức Đại hội các cấp", lead) == Period("quarter", 2023, quarter=4)


def test_six_months_ahead_is_the_next_half():
    lead = "Kỳ họp đánh giá tình hình 6 tháng đầu năm và quyết định nhiều nội dung cho 6 tháng cuối năm 2024."
    assert period("Khai mạc Kỳ họp thứ 18 HĐND huyện", lead) == Period("half", 2024, half=1)


def test_a_year_in_the_body_is_no_period():
    body = [
        "Vừa qua, Ban Chấp hành tổ chức hội nghị sơ kết giữa nhiệm kỳ 2020 - 2025.",
        "Thu nhập năm 2022 tăng.",
    ]
    assert period("Thị ủy Sơn Tây sơ kết giữa nhiệm kỳ", *body) is None


def test_terms_and_horizons_are_not_periods():
    assert [m.kind for m in find_periods("nhiệm kỳ 2020 - 2025, tầm nhìn đến năm 2050")] == []


def meeting_date(title, lead, published=None):
    return read_dates(title, [lead], [lead], published, lead).dates[0]


def test_a_meeting_reviewing_a_year_early_next_year_falls_in_the_next_year():
    lead = "Ngày 05/01, Ban Thường vụ Huyện ủy tổ chức Hội nghị tổng kết Nghị quyết năm 2023."
    assert meeting_date("Huyện ủy Trà Cú: Tổng kết Nghị quyết năm 2023", lead) == dt.date(2024, 1, 5)


def test_a_meeting_in_december_reviewing_the_year_stays_in_it():
    lead = "Ngày 20/12, Ban Chấp hành Đảng bộ huyện tổ chức hội nghị tổng kết công tác năm 2022."
    assert meeting_date("Huyện ủy Chợ Lách tổng kết công tác năm 2022", lead) == dt.date(2022, 12, 20)


def test_a_monthly_review_follows_its_month():
    lead = (
        "Sáng ngày 1/12, Ban Thường vụ Tỉnh ủy sơ kết tháng 11, xây dựng chương trình công tác tháng 12/2023."
    )
    dating = read_dates(
        "Ban Thường vụ Tỉnh ủy sơ kết tình hình công tác tháng 11", [lead], [lead], None, lead
    )
    assert dating.period == Period("month", 2023, month=11)
    assert dating.dates == [dt.date(2023, 12, 1)]


def test_a_meeting_date_takes_the_publication_year():
    assert meeting_date("Hội nghị", "Chiều ngày 5/3, Ban Thường vụ họp.", dt.date(2024, 3, 6)) == dt.date(
        2024, 3, 5
    )
    assert meeting_date("Hội nghị", "Ngày 30/12, Ban Thường vụ họp.", dt.date(2025, 1, 2)) == dt.date(
        2024, 12, 30
    )


def test_today_means_the_publication_day():
    lead = "Sáng nay, Ban Chấp hành Đảng bộ thành phố tổ chức hội nghị."
    assert meeting_date("Thành ủy sơ kết", lead, dt.date(2023, 7, 14)) == dt.date(2023, 7, 14)


def test_recently_gives_no_date():
    assert (
        meeting_date("Sơ kết quý III", "Vừa qua, Đảng ủy phường tổ chức hội nghị.", dt.date(2023, 10, 9))
        is None
    )


def test_a_year_named_in_the_body_dates_an_article_without_a_stamp():
    lead = "Ngày 2/11, Ban Thường vụ Quận ủy tổ chức hội nghị sơ kết công tác tháng 10."
    body = lead + "\nPhấn đấu hoàn thành các chỉ tiêu Nghị quyết năm 2022."
    dating = read_dates("Ban Thường vụ Quận ủy sơ kết công tác tháng 10", [lead], [lead], None, body)
    assert dating.dates == [dt.date(2022, 11, 2)]
    assert dating.period == Period("month", 2022, month=10)


def test_december_is_in_the_year_before_the_next_januarys():
    assert period("Sơ kết công tác tháng 12, triển khai nhiệm vụ tháng 1/2025") == Period(
        "month", 2024, month=12
    )
    assert period("Sơ kết quý IV, triển khai nhiệm vụ quý I/2025") == Period("quarter", 2024, quarter=4)


def test_a_bare_count_of_months_after_a_review_word_is_a_period():
    assert period("Sơ kết công tác 9 tháng, triển khai nhiệm vụ 3 tháng cuối năm 2024") == Period(
        "months", 2024, months=9
    )
    assert period("Sau 3 tháng triển khai mô hình mới") is None


def test_yesterday_means_the_day_before_publication():
    lead = "Chiều qua, Ban Thường vụ Tỉnh ủy tổ chức hội nghị."
    assert meeting_date("Hội nghị", lead, dt.date(2024, 1, 5)) == dt.date(2024, 1, 4)
    assert (
        meeting_date("Hội nghị", "Vừa qua, Ban Thường vụ thông qua nghị quyết.", dt.date(2024, 1, 5)) is None
    )


def test_periods_reported_together_share_a_year():
    assert period("Sơ kết công tác quý III và 9 tháng năm 2024") == Period("quarter", 2024, quarter=3)


def test_cue_words_are_whole_words():
    lead = "Hội nghị đánh giá thu ngân sách trên địa bàn năm 2023 đạt kết quả tốt."
    assert period("Hội nghị Ban Chấp hành Đảng bộ tỉnh", lead) == Period("year", 2023)


def test_a_congress_is_dated_in_the_first_year_of_its_term():
    lead = "Ngày 21-6, Đại hội đại biểu Đảng bộ quận Cẩm Lệ lần thứ X, nhiệm kỳ 2020 - 2025 khai mạc."
    assert meeting_date("Đại hội đại biểu Đảng bộ quận Cẩm Lệ lần thứ X", lead) == dt.date(2020, 6, 21)
    lead = "Ngày 5/3, Ban Chấp hành sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ, nhiệm kỳ 2020 - 2025."
    assert meeting_date("Sơ kết giữa nhiệm kỳ", lead) is None


def test_the_next_periods_year_may_come_from_the_lead():
    lead = "Chiều nay 2.4, Ban Thường vụ Huyện ủy sơ kết công tác quý I, đề ra nhiệm vụ quý II/2024."
    dating = read_dates("Mỹ Xuyên: Sơ kết công tác quý I", [lead], [lead], None, lead)
    assert dating.period == Period("quarter", 2024, quarter=1)
    assert dating.dates == [dt.date(2024, 4, 2)]


def test_a_year_elsewhere_in_the_lead_does_not_date_the_headlines_period():
    lead = "Sáng 5/4, Ban Thường vụ họp. Thu nhập bình quân năm 2022 đạt 50 triệu đồng."
    assert period("Sơ kết công tác quý I", lead, published=dt.date(2024, 4, 6)) == Period(
        "quarter", 2024, quarter=1
    )


def test_a_quarter_may_be_reviewed_in_its_last_month():
    assert period("Sơ kết công tác quý IV", published=dt.date(2016, 12, 10)) == Period(
        "quarter", 2016, quarter=4
    )
    assert period("Sơ kết công tác tháng 12", published=dt.date(2016, 12, 5)) == Period(
        "month", 2015, month=12
    )


def test_the_headlines_period_restated_with_its_year_in_the_lead():
    lead = "Chiều 20 tháng 3, UBND huyện tổ chức phiên họp thường kỳ tháng 3 năm 2024."
    assert period("UBND huyện họp phiên thường kỳ tháng 3", lead) == Period("month", 2024, month=3)
    assert period("Sơ kết công tác tháng 3", published=dt.date(2024, 3, 20)) == Period("month", 2024, month=3)
