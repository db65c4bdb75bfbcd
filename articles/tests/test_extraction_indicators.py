"""Reported figures: money, percentages, x/y ratios and counts, read Vietnamese style; no dates or names."""

import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.extraction.indicators import find_indicators
from articles.extraction.numbers import parse_number


def figures(body: str) -> list[tuple]:
    return [(i.unit_class, i.normalised_value, i.denominator) for i in find_indicators(body)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2.900", 2900),
        ("94,36", Decimal("94.36")),
        ("1.097,8", Decimal("1097.8")),
        ("02", 2),
        ("715,556", Decimal("715.556")),
        ("5.870.000", 5870000),
        ("12.4", None),
        ("1,448,808", 1448808),
        ("1,448", Decimal("1.448")),
    ],
)
def test_numbers_are_read_vietnamese_style_and_many_comma_groups_as_english_thousands(text, value):
    assert parse_number(text) == value


def test_money_in_any_scale_with_per_person_unit_kept():
    found = find_indicators(
        "Tổng thu ngân sách đạt 1.215,5 tỷ đồng; thu nhập bình quân đạt 58,2 triệu đồng/người/năm; "
        "kim ngạch xuất khẩu đạt 2,1 nghìn tỷ đồng và 131,5 triệu USD; doanh thu 1.500 tỉ đồng."
    )
    assert [(i.value, i.unit) for i in found] == [
        (Decimal("1215.5"), "tỷ đồng"),
        (Decimal("58.2"), "triệu đồng/người/năm"),
        (Decimal("2.1"), "nghìn tỷ đồng"),
        (Decimal("131.5"), "triệu USD"),
        (1500, "tỷ đồng"),
    ]
    assert found[0].normalised_value == Decimal("1215500000000")


def test_every_percentage_counts_even_comparisons():
    assert figures(
        "Giá trị sản xuất tăng 7,25% so với cùng kỳ, bằng 48,2% kế hoạch năm; 100% chi bộ sinh hoạt "
        "chuyên đề; tăng trưởng bình quân 8,1%/năm; giải ngân đạt 53,2 % kế hoạch."
    ) == [
        ("percent", Decimal("7.25"), None),
        ("percent", Decimal("48.2"), None),
        ("percent", 100, None),
        ("percent", Decimal("8.1"), None),
        ("percent", Decimal("53.2"), None),
    ]


def test_ratio_gives_value_denominator_and_counted_noun():
    found = find_indicators(
        "Huyện đạt và vượt 21/22 chỉ tiêu Nghị quyết; kết nạp 186/160 đảng viên (đạt 116%)."
    )
    assert [(i.value, i.denominator, i.unit) for i in found[:2]] == [
        (21, 22, "chỉ tiêu"),
        (186, 160, "đảng viên"),
    ]
    assert found[2].unit == "%"


def test_counts_of_a_noun_including_glued_measures():
    found = find_indicators(
        "Thành lập 17 doanh nghiệp; kiểm tra 02 tổ chức đảng và 03 đảng viên; gieo trồng 1.500ha cây màu; "
        "tuyến đường dài 14km; đón khoảng 235.000 lượt khách; năng suất 62,5 tạ/ha; thu hút 1,2 triệu lượt khách."
    )
    assert [(i.value, i.unit) for i in found] == [
        (17, "doanh nghiệp"),
        (2, "tổ chức đảng"),
        (3, "đảng viên"),
        (1500, "ha"),
        (14, "km"),
        (235000, "lượt khách"),
        (Decimal("62.5"), "tạ/ha"),
        (Decimal("1.2"), "triệu lượt khách"),
    ]
    assert found[-1].normalised_value == Decimal("1.2")  # the scorer scales "triệu" itself


def test_dates_are_not_indicators():
    assert (
        find_indicators(
            "Sáng 1/12, Chiều nay 12.4, Ngày 10-12, ngày 24/11/2023, Ngày 17 – 9, tháng 12/2023, "
            "quý I/2024, quý 2.2022, đợt 3/2 cho các đảng viên, (6/8), trước ngày 30 – 9;"
        )
        == []
    )


def test_years_terms_and_periods_are_not_indicators():
    assert (
        find_indicators(
            "Năm 2023, nhiệm kỳ 2020 - 2025, giai đoạn 2021–2030, 6 tháng đầu năm, lũy kế 10 tháng, "
            "3 tháng cuối năm 2024, vụ Đông Xuân 2023-2024."
        )
        == []
    )


def test_ordinals_and_numbered_names_are_not_indicators():
    assert (
        find_indicators(
            "Hội nghị lần thứ 16, Kỳ họp thứ 18 khóa XX, Hội nghị Trung ương 4, Chi bộ Khóm 3, Quốc lộ 54, "
            "Nghị quyết số 12-NQ/TU, Chỉ thị 35 của Bộ Chính trị, chi bộ khu 5, (đối tượng 5), ĐH.11, Covid-19."
        )
        == []
    )


def test_numbered_party_committees_and_units_are_not_counts():
    assert (
        find_indicators(
            "Đồng chí Lê Minh, Bí thư Quận ủy 12 phát biểu; Đảng ủy 5 báo cáo; Bí thư Đảng bộ 3 và Chi bộ 7 "
            "dự; Sư đoàn 330 cùng Quân khu 9 tham gia."
        )
        == []
    )


def test_time_of_day_and_page_counters_are_not_indicators():
    assert (
        find_indicators("7h30: khai mạc. Lúc 14 giờ 30, cập nhật 18:19:34. Lượt xem: 1615\n1 2 3 4 5") == []
    )


def test_qualifier_is_the_word_before_the_number():
    found = find_indicators(
        "Thu ngân sách đạt trên 15.300 tỷ đồng, ước đạt 10,34%, khoảng 3,1 tỷ USD, hơn 56.000 lao động, "
        "gần 2.900 tỷ đồng, đạt 41.250 tỷ đồng."
    )
    assert [i.qualifier for i in found] == ["trên", "ước", "khoảng", "hơn", "gần", None]


def test_label_is_the_subject_and_text_the_evidence():
    body = "Tổng thu ngân sách nhà nước đạt trên 15.300 tỷ đồng, tăng 22,98% so cùng kỳ."
    first, second = find_indicators(body)
    assert first.label == "Tổng thu ngân sách nhà nước"
    assert first.text == "đạt trên 15.300 tỷ đồng"
    assert body[first.start : first.end] == first.text
    assert second.text == "tăng 22,98% so cùng kỳ"


def test_rate_denominator_is_not_a_count():
    found = find_indicators("Giá trị sản xuất bình quân 01 ha đất nông nghiệp đạt 287 triệu đồng/năm.")
    assert [(i.value, i.unit) for i in found] == [(287, "triệu đồng/năm")]


def test_people_counted_as_dong_chi_are_not_money():
    found = find_indicators("Có 1.817 đồng chí dự; Ban Thường vụ gồm 15 đồng chí; thưởng 500.000 đồng.")
    assert [(i.value, i.unit) for i in found] == [(1817, "đồng chí"), (15, "đồng chí"), (500000, "đồng")]


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_never_raises_on_any_text(text):
    for figure in find_indicators(text):
        assert 0 <= figure.start <= figure.end <= len(text)


@given(
    st.lists(
        st.sampled_from(
            [
                "1",
                ".",
                ",",
                "/",
                "%",
                " ",
                "tỷ",
                "đồng",
                "ha",
                "-",
                "0",
                "2023",
                "ngày",
                "đảng viên",
                "Khóm",
                "năm",
                ":",
                "h",
            ]
        ),
        max_size=80,
    )
)
@settings(max_examples=300, deadline=None)
def test_never_raises_on_number_soup(parts):
    find_indicators("".join(parts))


def test_long_repetitive_input_is_fast():
    for unit in ("1.1.1.1", "đồng chí, ", "12 ", "1.111.", "1/1/"):
        text = unit * (1_000_000 // len(unit))
        began = time.process_time()
        find_indicators(text)
        assert time.process_time() - began < 5


def test_a_long_table_of_figures_takes_time_in_proportion():
    text = "0 1% " * 40_000  # 40,000 real figures in 200 KB
    began = time.process_time()
    assert len(find_indicators(text)) == 40_000
    assert time.process_time() - began < 5


def test_bare_billions_are_money_and_dotted_percent_is_decimal():
    found = find_indicators("Thu ngân sách đạt 1.200 tỷ, tăng 3.5% so cùng kỳ; đón 1,2 tỷ lượt khách.")
    assert [(i.unit_class, i.value, i.unit) for i in found] == [
        ("money", 1200, "tỷ đồng"),
        ("percent", Decimal("3.5"), "%"),
        ("count", Decimal("1.2"), "tỷ lượt khách"),
    ]


def test_acronym_counted_but_document_codes_are_not():
    found = find_indicators("Thành lập mới 3 HTX và 12 DN; ban hành Nghị quyết 12 NQ.")
    assert [(i.value, i.unit) for i in found] == [(3, "HTX"), (12, "DN")]


def test_day_and_month_after_a_time_word_is_a_date_not_a_ratio():
    found = find_indicators(
        "Lễ hội diễn ra vào 15/8 hàng năm; từ 1/7 các xã sáp nhập; huyện có 12/15 xã đạt chuẩn."
    )
    assert [(i.value, i.denominator) for i in found] == [(12, 15)]


def test_rank_score_and_measures():
    found = find_indicators(
        "Chỉ số PCI đạt 68,5 điểm, tăng 3 bậc; tuyến đường dài 12,5 km, rộng 24 m; 45.000 con trâu, bò."
    )
    assert [(i.value, i.unit) for i in found] == [
        (Decimal("68.5"), "điểm"),
        (3, "bậc"),
        (Decimal("12.5"), "km"),
        (24, "m"),
        (45000, "con trâu"),
    ]


def test_labels_name_what_is_counted_or_compared():
    body = (
        "Tốc độ tăng trưởng kinh tế (GRDP) ước đạt 6,2%. Thu nội địa đạt 412 tỷ đồng, tăng 8,7% so với cùng kỳ. "
        "Thành phố có thêm 2.418 doanh nghiệp thành lập mới."
    )
    assert [i.label for i in find_indicators(body)] == [
        "Tốc độ tăng trưởng kinh tế (GRDP)",
        "Thu nội địa",
        "Thu nội địa tăng so với cùng kỳ",
        "doanh nghiệp thành lập mới",
    ]


def test_an_amount_in_two_magnitudes_is_one_figure():
    found = find_indicators(
        "Tổng thu ngân sách đạt 1 tỷ 200 triệu đồng; vận động được 2 tỷ 50 triệu đồng; "
        "hỗ trợ mỗi hộ 3 triệu 500 nghìn đồng/hộ."
    )
    assert [(i.value, i.unit, i.text) for i in found] == [
        (Decimal("1.2"), "tỷ đồng", "đạt 1 tỷ 200 triệu đồng"),
        (Decimal("2.05"), "tỷ đồng", "được 2 tỷ 50 triệu đồng"),
        (Decimal("3.5"), "triệu đồng/hộ", "3 triệu 500 nghìn đồng/hộ"),
    ]


def test_a_range_is_one_figure_read_by_its_lower_bound():
    found = find_indicators(
        "Phấn đấu tăng trưởng kinh tế đạt 5-7%; tốc độ tăng trưởng GRDP ước đạt 6,5 - 7 %; "
        "mỗi xã cần khoảng 3–4 tỷ đồng."
    )
    assert [(i.value, i.unit, i.qualifier, i.text) for i in found] == [
        (5, "%", None, "đạt 5-7%"),
        (Decimal("6.5"), "%", "ước", "ước đạt 6,5 - 7 %"),
        (3, "tỷ đồng", "khoảng", "khoảng 3–4 tỷ đồng"),
    ]


def test_a_falling_pair_or_a_term_is_no_range():
    assert figures("Nhiệm kỳ 2020-2025 đạt 15 chỉ tiêu; ngày 10-12 họp; giai đoạn 2021-2025 tăng 5%.") == [
        ("count", 15, None),
        ("percent", 5, None),
    ]


def test_a_multiple_is_a_figure_but_an_occurrence_or_ordinal_is_not():
    found = find_indicators(
        "Thu nhập bình quân tăng 1,5 lần so với năm 2020; doanh thu du lịch gấp 2 lần năm trước. "
        "Hội nghị lần thứ 5 đã họp 3 lần."
    )
    assert [(i.label, i.value, i.unit, i.text) for i in found] == [
        ("Thu nhập bình quân", Decimal("1.5"), "lần", "tăng 1,5 lần"),
        ("doanh thu du lịch", 2, "lần", "gấp 2 lần"),
    ]


def test_english_thousands_beside_vietnamese_decimals():
    found = find_indicators("Dân số toàn tỉnh là 1,448,808 người; thu ngân sách 1,448 tỷ đồng, tăng 1,5%.")
    assert [(i.value, i.unit) for i in found] == [
        (1448808, "người"),
        (Decimal("1.448"), "tỷ đồng"),
        (Decimal("1.5"), "%"),
    ]


def test_a_ratio_in_words_and_percentage_points():
    found = find_indicators(
        "Có 5 trên 10 chỉ tiêu đạt kế hoạch; toàn huyện có 25 trên 30 xã đạt chuẩn; trên 10 xã về đích; "
        "tỷ lệ hộ nghèo giảm 2,5 điểm phần trăm."
    )
    assert [(i.value, i.denominator, i.unit, i.qualifier) for i in found] == [
        (5, 10, "chỉ tiêu", None),
        (25, 30, "xã", None),
        (10, None, "xã", "trên"),
        (Decimal("2.5"), None, "điểm phần trăm", None),
    ]


def test_a_long_subject_keeps_its_first_syllables():
    (figure,) = find_indicators("Tỷ lệ bao phủ bảo hiểm y tế trong dân cư đạt 97,72%.")
    assert figure.label == "Tỷ lệ bao phủ bảo hiểm y tế trong dân cư"
