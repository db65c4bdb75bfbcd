"""Stage 5 of the extractor: the committee at the centre, its level and place, and its meetings."""

import datetime as dt

import pytest

from articles.extraction import extract
from articles.extraction.committee import find_organs

BYLINE = "Lan Anh"
RESULTS = "Trong kỳ, thu ngân sách đạt 120 tỷ đồng, bằng 35% dự toán; kết nạp 40 đảng viên mới."


def article(title, lead, *more, stamp=None, hints=None):
    lines = [title, *([stamp] if stamp else []), lead, RESULTS, *more, BYLINE]
    return extract("\n".join(lines), hints)


@pytest.mark.parametrize(
    ("title", "lead", "level", "province", "locality"),
    [
        (
            "Ban Thường vụ Tỉnh ủy Long An sơ kết tháng 8",
            "Sáng 2/9, Ban Thường vụ Tỉnh ủy Long An tổ chức hội nghị sơ kết công tác tháng 8 năm 2024.",
            "province",
            "Long An",
            None,
        ),
        (
            "Thành ủy Cần Thơ tổng kết năm 2023",
            "Ngày 28/12, Ban Chấp hành Đảng bộ thành phố Cần Thơ tổ chức hội nghị tổng kết năm 2023.",
            "province",
            "Cần Thơ",
            None,
        ),
        (
            "Thành ủy Bến Tre sơ kết quý I",
            "Ngày 5/4, Ban Thường vụ Thành ủy Bến Tre tổ chức hội nghị sơ kết công tác quý I năm 2024.",
            "city",
            "Bến Tre",
            "Bến Tre",
        ),
        (
            "Huyện ủy Cầu Kè sơ kết quý I",
            "Ngày 5/4, Ban Thường vụ Huyện ủy Cầu Kè tổ chức hội nghị sơ kết công tác quý I năm 2024.",
            "district",
            "Trà Vinh",
            "Cầu Kè",
        ),
        (
            "Quận ủy Hoàn Kiếm giao ban tháng 3",
            "Ngày 2/4, Thường trực Quận ủy Hoàn Kiếm tổ chức hội nghị giao ban công tác tháng 3 năm 2024.",
            "district",
            "Hà Nội",
            "Hoàn Kiếm",
        ),
        (
            "Thị ủy Bình Minh tổng kết năm 2023",
            "Ngày 10/1, Ban Chấp hành Đảng bộ thị xã Bình Minh tổ chức hội nghị tổng kết năm 2023.",
            "town",
            "Vĩnh Long",
            "Bình Minh",
        ),
        (
            "Đảng ủy xã Tân Hòa sơ kết 6 tháng",
            "Ngày 8/7, Đảng ủy xã Tân Hòa (huyện Gò Công Đông) tổ chức hội nghị sơ kết 6 tháng đầu năm 2024.",
            "commune",
            "Tiền Giang",
            "Tân Hòa",
        ),
    ],
)
def test_level_province_and_locality_of_the_committee(title, lead, level, province, locality):
    result = article(title, lead)
    assert (result.level, result.province, result.locality) == (level, province, locality)
    assert result.province_code


def test_an_ambiguous_district_name_is_settled_by_the_rest_of_the_article():
    lead = "Ngày 5/4, Ban Thường vụ Huyện ủy Châu Thành tổ chức hội nghị sơ kết quý I năm 2024 tại thị trấn Châu Thành."
    result = article("Huyện ủy Châu Thành sơ kết quý I", lead, "Dự có lãnh đạo các xã Hòa Thuận, Song Lộc.",
                     hints={"url": "https://www.travinh.gov.vn/tin-tuc/123"})  # fmt: skip
    assert (result.province, result.locality) == ("Trà Vinh", "Châu Thành")


def test_a_district_named_in_the_body_tells_the_province():
    lead = "Sáng 1/12, Ban Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết tình hình công tác tháng 11."
    more = "Lãnh đạo các huyện Trà Cú, Cầu Kè, Tiểu Cần báo cáo kết quả xây dựng nông thôn mới."
    result = article("Ban Thường vụ Tỉnh ủy sơ kết tháng 11", lead, more)
    assert (result.level, result.province) == ("province", "Trà Vinh")


@pytest.mark.parametrize(
    ("hints", "prefix", "province"),
    [
        ({"url": "https://baodongthap.vn/chinh-tri/so-ket-123.aspx"}, "", "Đồng Tháp"),
        ({"source": "Báo Quảng Bình"}, "", "Quảng Bình"),
        ({"province": "Sóc Trăng"}, "", "Sóc Trăng"),
        (None, "ĐTO - ", "Đồng Tháp"),
        (None, "(QBĐT) - ", "Quảng Bình"),
        (None, "(Baonghean.vn) - ", "Nghệ An"),
    ],
)
def test_a_provincial_committee_not_named_in_the_text_gets_the_sources_province(hints, prefix, province):
    lead = prefix + "Chiều 23/1, Ban Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết công tác tháng 12 năm 2023."
    result = article("Ban Thường vụ Tỉnh ủy sơ kết tháng 12", lead, hints=hints)
    assert (result.level, result.province) == ("province", province)


def test_a_portal_header_tells_the_province():
    text = "\n".join(
        [
            "CỔNG THÔNG TIN ĐIỆN TỬ ĐẢNG BỘ TỈNH BẾN TRE",
            "Ban Thường vụ Tỉnh ủy họp thường lệ tháng 01/2025",
            "Ngày đăng: 24/01/2025",
            "Chiều ngày 23/1, Ban Thường vụ Tỉnh ủy họp thường lệ tháng 01/2025.",
            BYLINE,
        ]
    )
    assert extract(text).province == "Bến Tre"


def test_after_the_2025_merger_the_province_is_one_of_the_34():
    lead = "Ngày 8-10, Ban Chấp hành Đảng bộ phường Quy Nhơn Nam tổ chức hội nghị sơ kết quý III năm 2025."
    more = "Phường hợp nhất các phường cũ thuộc TP Quy Nhơn (tỉnh Bình Định trước đây)."
    result = article("Đảng ủy phường Quy Nhơn Nam sơ kết quý III", lead, more, stamp="09/10/2025 07:40")
    assert (result.province, result.province_code, result.level) == ("Gia Lai", "52-2025", "commune")


def test_a_committee_named_in_someones_title_is_not_the_subject():
    lead = (
        "Ngày 27/11, Ban Thường vụ Huyện ủy Tháp Mười xây dựng kế hoạch thực hiện Chương trình hành động "
        "của Tỉnh ủy; đồng chí Nguyễn Văn Hai, Ủy viên Ban Thường vụ Tỉnh ủy Đồng Tháp dự."
    )
    result = article("Tập trung lãnh đạo, chỉ đạo thực hiện đạt nhiều chỉ tiêu", lead)
    assert (result.level, result.locality, result.province) == ("district", "Tháp Mười", "Đồng Tháp")


@pytest.mark.parametrize(
    ("title", "lead", "kind", "date"),
    [
        (
            "Ban Thường vụ Tỉnh ủy sơ kết tháng 11",
            "Sáng ngày 1/12/2023, Ban Thường vụ Tỉnh ủy Trà Vinh tổ chức hội nghị (mở rộng) sơ kết tháng 11.",
            "sơ kết",
            dt.date(2023, 12, 1),
        ),
        (
            "Huyện ủy Trà Cú tổng kết năm 2023",
            "Ngày 05/01/2024, Ban Thường vụ Huyện ủy Trà Cú tổ chức Hội nghị Huyện ủy lần thứ 16 tổng kết năm 2023.",
            "tổng kết",
            dt.date(2024, 1, 5),
        ),
        (
            "Giao ban Thường trực Tỉnh ủy quý II/2024",
            "Sáng 8/7/2024, các đồng chí lãnh đạo tỉnh chủ trì hội nghị giao ban giữa Thường trực Tỉnh ủy Lâm Đồng "
            "với các huyện ủy.",
            "giao ban",
            dt.date(2024, 7, 8),
        ),
        (
            "Ban Thường vụ Tỉnh ủy họp thường kỳ",
            "Sáng 4/5/2023, Ban Thường vụ Tỉnh ủy Tuyên Quang họp phiên thường kỳ đánh giá kết quả tháng 4.",
            "hội nghị",
            dt.date(2023, 5, 4),
        ),
        (
            "Đại hội Đảng bộ xã Định Quán lần thứ I",
            "Hôm nay (6/8/2025), Đảng bộ xã Định Quán tổ chức Đại hội đại biểu lần thứ I, nhiệm kỳ 2025 - 2030.",
            "đại hội",
            dt.date(2025, 8, 6),
        ),
    ],
)
def test_the_meeting_kind_is_the_texts_own_word(title, lead, kind, date):
    [meeting] = article(title, lead).meetings
    assert (meeting.kind, meeting.date) == (kind, date)


@pytest.mark.parametrize(
    ("title", "lead", "level"),
    [
        (
            "Khai mạc Kỳ họp thứ 18 HĐND huyện Lục Ngạn",
            "Sáng 18/7, HĐND huyện Lục Ngạn khóa XX khai mạc Kỳ họp thứ 18. Bí thư Huyện ủy dự.",
            "district",
        ),
        (
            "UBND tỉnh họp phiên thường kỳ tháng 4",
            "Ngày 25/4, UBND tỉnh Quảng Trị tổ chức phiên họp thường kỳ tháng 4 năm 2024.",
            "province",
        ),
        (
            "Triệu Phong kỷ niệm 94 năm Ngày thành lập Đảng",
            "Sáng 2/2, Huyện ủy Triệu Phong tổ chức Lễ kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam.",
            "district",
        ),
        (
            "Sinh hoạt chi bộ ở Nghĩa Trụ: Bàn việc thật",
            "Những năm gần đây, Đảng ủy xã Nghĩa Trụ (huyện Văn Giang) chỉ đạo các chi bộ đổi mới sinh hoạt.",
            "commune",
        ),
    ],
)
def test_council_sessions_ceremonies_and_chi_bo_stories_report_no_meeting(title, lead, level):
    result = article(title, lead)
    assert result.meetings == []
    assert result.level == level


def test_an_article_reporting_two_meetings_gives_both():
    lead = "Chiều 15/10, Đại hội đại biểu Đảng bộ tỉnh Hải Dương lần thứ XVII bế mạc."
    more = (
        "Cũng trong chiều 15/10, Ban Chấp hành Đảng bộ tỉnh khóa XVII đã tiến hành Hội nghị lần thứ nhất, "
        "bầu Ban Thường vụ Tỉnh ủy."
    )
    result = article(
        "Đồng chí Nguyễn Khắc Duy được bầu giữ chức Bí thư Tỉnh ủy", lead, more, stamp="15/10/2020"
    )
    assert [(m.kind, m.date) for m in result.meetings] == [
        ("đại hội", dt.date(2020, 10, 15)),
        ("hội nghị", dt.date(2020, 10, 15)),
    ]


def test_organs_are_read_with_their_body_and_unit_name():
    organs = find_organs(
        "Ban Thường vụ (BTV) Huyện ủy Tháp Mười xây dựng kế hoạch; Bí thư Tỉnh ủy Ngô Chí Cường."
    )
    assert [(o.text, o.level, o.name) for o in organs] == [
        ("Ban Thường vụ (BTV) Huyện ủy Tháp Mười", "district", "Tháp Mười"),
        ("Tỉnh ủy", "province", None),
    ]


def test_a_general_feature_on_a_province_is_province_level_without_meetings():
    lead = "Những năm gần đây, nuôi tôm công nghệ cao đã trở thành hướng đi chủ lực của tỉnh Cà Mau."
    result = article("Cà Mau: Nuôi tôm công nghệ cao mở hướng làm giàu", lead)
    assert (result.level, result.province, result.meetings, result.period) == ("province", "Cà Mau", [], None)


def test_numbered_districts_and_wards():
    lead = "Ngày 3/4, Ban Thường vụ Quận ủy Quận 3 tổ chức hội nghị sơ kết công tác quý I năm 2024."
    result = article("Quận ủy Quận 3 sơ kết quý I", lead)
    assert (result.level, result.province, result.locality) == ("district", "Hồ Chí Minh", "Quận 3")
    lead = "Ngày 3/4, Đảng ủy phường 5 (quận 3) tổ chức hội nghị sơ kết công tác quý I năm 2024."
    result = article("Đảng ủy phường 5 sơ kết quý I", lead)
    assert (result.level, result.province, result.locality) == ("commune", "Hồ Chí Minh", "Phường 5")


def test_the_city_written_with_tp():
    lead = "Ngày 5/12, Ban Chấp hành Đảng bộ TP.HCM tổ chức Hội nghị lần thứ 14 xem xét kết quả năm 2023."
    result = article("Hội nghị Thành ủy TP.HCM lần thứ 14", lead)
    assert (result.level, result.province) == ("province", "Hồ Chí Minh")


def test_a_functional_party_committee_sits_at_its_units_level():
    lead = "Sáng 10/1, Đảng ủy Khối các cơ quan tỉnh Long An tổ chức hội nghị tổng kết công tác năm 2023."
    result = article("Đảng ủy Khối các cơ quan tỉnh tổng kết năm 2023", lead)
    assert (result.level, result.province, [m.kind for m in result.meetings]) == (
        "province",
        "Long An",
        ["tổng kết"],
    )


def test_a_documents_date_is_not_the_meetings():
    lead = (
        "Thực hiện Kế hoạch số 12-KH/TU ngày 5/1/2024 của Tỉnh ủy, sáng 10/1/2024, Ban Thường vụ Huyện ủy "
        "Cầu Kè tổ chức hội nghị tổng kết năm 2023."
    )
    [meeting] = article("Huyện ủy Cầu Kè tổng kết năm 2023", lead).meetings
    assert meeting.date == dt.date(2024, 1, 10)


def test_a_publisher_credited_under_the_article_tells_the_province():
    lead = "Sáng thứ Hai (8/1/2024), Ban Thường vụ Tỉnh ủy tổ chức hội nghị tổng kết công tác năm 2023."
    result = article("Ban Thường vụ Tỉnh ủy tổng kết năm 2023", lead, "Theo Báo Cà Mau")
    assert (result.province, result.meetings[0].date) == ("Cà Mau", dt.date(2024, 1, 8))


def test_a_standing_committee_chairing_a_briefing_holds_it():
    lead = "Sáng 2/4, Thường trực Huyện ủy Cầu Ngang chủ trì hội nghị giao ban với các xã đánh giá tháng 3 năm 2024."
    [meeting] = article("Giao ban Thường trực Huyện ủy tháng 3", lead).meetings
    assert (meeting.organ, meeting.kind, meeting.date) == (
        "Thường trực Huyện ủy Cầu Ngang",
        "giao ban",
        dt.date(2024, 4, 2),
    )


def test_an_abbreviation_does_not_end_the_sentence():
    lead = (
        "ĐTO - Chiều 12/1, tại TP. Cao Lãnh, Tỉnh ủy Đồng Tháp tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh "
        "lần thứ 15 (mở rộng) để đánh giá kết quả thực hiện nhiệm vụ năm 2023."
    )
    result = article("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15", lead, stamp="12/01/2024 - 10:30 AM")
    assert [(m.organ, m.kind, m.date) for m in result.meetings] == [
        ("Ban Chấp hành Đảng bộ tỉnh", "hội nghị", dt.date(2024, 1, 12))
    ]
    assert (result.province, result.level, result.period.year) == ("Đồng Tháp", "province", 2023)


def test_a_meeting_of_a_committee_named_after_it():
    lead = (
        "Sáng 5/4, đồng chí Lâm Văn Tư, Bí thư Huyện ủy chủ trì hội nghị sơ kết công tác quý I năm 2024 của "
        "Ban Thường vụ Huyện ủy Cầu Kè."
    )
    [meeting] = article("Sơ kết công tác quý I năm 2024", lead).meetings
    assert (meeting.organ, meeting.kind, meeting.date) == (
        "Ban Thường vụ Huyện ủy Cầu Kè",
        "sơ kết",
        dt.date(2024, 4, 5),
    )


def test_a_name_whose_second_word_starts_a_phrase_elsewhere():
    lead = "Sáng 4/1, Ban Thường vụ Thành ủy Cao Lãnh tổ chức hội nghị sơ kết tình hình tháng 12/2023."
    result = article("Ban Thường vụ Thành ủy sơ kết tình hình tháng 12/2023", lead)
    assert (result.level, result.province, result.locality) == ("city", "Đồng Tháp", "Cao Lãnh")
    assert result.meetings[0].date == dt.date(2024, 1, 4)


def test_the_district_beside_a_commune_settles_which_commune_it_is():
    lead = "Ngày 15/5/2020, Đảng bộ xã Hòa Lợi (huyện Châu Thành) tổ chức Đại hội đại biểu lần thứ XV."
    result = article("Đảng bộ xã Hòa Lợi tổ chức Đại hội lần thứ XV", lead)
    assert (result.level, result.province, result.locality) == ("commune", "Trà Vinh", "Hòa Lợi")


@pytest.mark.parametrize(
    ("title", "lead", "locality", "province"),
    [
        (
            "Huyện ủy Ia H' Drai giao ban quý II/2019",
            "Sáng 10/7/2019, Thường trực Huyện ủy Ia H' Drai tổ chức hội nghị giao ban công tác quý II/2019.",
            "Ia H' Drai",
            "Kon Tum",
        ),
        (
            "Đảng ủy xã Tam Xuân II tổng kết năm 2015",
            "Ngày 5/1/2016, Ban Chấp hành Đảng bộ xã Tam Xuân II (huyện Núi Thành) tổ chức hội nghị tổng kết năm 2015.",
            "Tam Xuân II",
            "Quảng Nam",
        ),
        (
            "Thành ủy Bà Rịa sơ kết quý II/2020",
            "Chiều 15/7/2020, Ban Thường vụ Thành ủy Bà Rịa tổ chức hội nghị sơ kết quý II/2020.",
            "Bà Rịa",
            "Bà Rịa - Vũng Tàu",
        ),
    ],
)
def test_names_with_apostrophes_numerals_and_title_like_first_words(title, lead, locality, province):
    result = article(title, lead)
    assert (result.locality, result.province, len(result.meetings)) == (locality, province, 1)


def test_a_radio_and_television_tag_tells_the_province():
    lead = "(ĐTGO) - Ngày 24/1, Ban Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết tháng 1 năm 2025."
    assert article("Ban Thường vụ Tỉnh ủy: Sơ kết tháng 1 năm 2025", lead).province == "Tiền Giang"


@pytest.mark.parametrize("name", ["Giao Thủy", "Chương Mỹ", "Năm Căn", "Trực Ninh"])
def test_place_names_that_begin_like_a_common_word(name):
    lead = f"Sáng 4/1/2018, Thường trực Huyện ủy {name} tổ chức hội nghị giao ban quý IV năm 2017."
    result = article(f"Huyện ủy {name} giao ban quý IV năm 2017", lead)
    assert (result.locality, len(result.meetings)) == (name, 1)


def test_a_congress_reports_no_period():
    lead = (
        "Chiều ngày 6 tháng 10 năm 2025, Đại hội đại biểu Đảng bộ tỉnh Hà Tĩnh lần thứ XXI khai mạc. "
        "Báo cáo nêu kết quả 6 tháng đầu năm 2025."
    )
    result = article("Khai mạc Đại hội đại biểu Đảng bộ tỉnh Hà Tĩnh lần thứ XXI, nhiệm kỳ 2025 - 2030", lead)
    assert (result.meetings[0].kind, result.period) == ("đại hội", None)


def test_a_one_word_unit_named_like_a_common_word_and_a_numbered_ward_with_a_name():
    lead = "Chiều ngày 20/09/2024, Đảng ủy xã Trang (huyện Đăk Đoa) họp đánh giá kết quả 9 tháng năm 2024."
    result = article("Đảng ủy xã Trang họp đánh giá kết quả 9 tháng năm 2024", lead)
    assert (result.locality, result.province, len(result.meetings)) == ("Trang", "Gia Lai", 1)
    lead = "Ngày 10 tháng 10 năm 2025, Đảng ủy phường 3 Bảo Lộc tổ chức hội nghị sơ kết quý III năm 2025."
    result = article("Đảng ủy phường 3 Bảo Lộc sơ kết quý III", lead)
    assert (result.locality, result.province, len(result.meetings)) == ("3 Bảo Lộc", "Lâm Đồng", 1)


def test_the_reported_period_sets_the_era_when_nothing_else_dates_the_article():
    lead = "Vừa qua, Đảng ủy xã Vạn An (tỉnh Nghệ An) tổ chức hội nghị giao ban tháng 11/2025."
    result = article("Đảng ủy xã Vạn An: Giao ban tháng 11/2025", lead)
    assert (result.province, result.province_code) == ("Nghệ An", "40")


@pytest.mark.parametrize("name", ["Tổng Cọt", "Thành Tô"])
def test_commune_names_that_begin_like_a_common_word(name):
    lead = f"Chiều ngày 04/10/2025, Đảng ủy xã {name} họp phiên thường kỳ đánh giá kết quả 9 tháng năm 2025."
    result = article(f"Đảng ủy xã {name} họp đánh giá kết quả 9 tháng năm 2025", lead)
    assert (result.locality, result.level, len(result.meetings)) == (name, "commune", 1)


@pytest.mark.parametrize("name", ["Nghị Đức", "Quý Lộc", "Phường Đúc"])
def test_a_name_starting_like_a_phrase_is_read_when_the_gazetteer_knows_it(name):
    lead = f"Ngày 18/12/2024, Đảng ủy xã {name} tổ chức hội nghị tổng kết công tác năm 2024."
    assert article(f"Đảng ủy xã {name} tổng kết năm 2024", lead).locality == name


def test_a_phrase_after_an_organ_is_no_name():
    organs = find_organs("Tỉnh ủy Quý IV năm 2023 và Huyện ủy Đồng chí Lê Văn A.")
    assert [o.name for o in organs] == [None, None]
