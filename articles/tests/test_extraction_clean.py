"""Stage 2 of the extractor: keep the article, drop the page around it."""

from articles.extraction.clean import clean
from articles.extraction.normalise import normalise

LEAD = (
    "Sáng 3/4, Ban Thường vụ Huyện ủy Cầu Kè tổ chức hội nghị sơ kết công tác quý I, triển khai nhiệm vụ "
    "quý II năm 2024. Đồng chí Lâm Văn Tư, Bí thư Huyện ủy chủ trì hội nghị."
)
PARAGRAPH = (
    "Trong quý, toàn huyện thu ngân sách đạt 35 tỷ đồng, bằng 28% dự toán; kết nạp 42 đảng viên mới, "
    "đạt 30% chỉ tiêu năm. Các cấp ủy tập trung lãnh đạo sản xuất lúa vụ Đông Xuân."
)


def cleaned(*lines: str):
    return clean(normalise("\n".join(lines)))


def test_view_counters_share_bars_and_font_buttons_are_dropped():
    c = cleaned(
        "Huyện ủy Cầu Kè sơ kết quý I",
        "Lượt xem: 1615",
        "A A",
        "In bài viết",
        LEAD,
        "Chia sẻ: Facebook | Zalo | Email",
        PARAGRAPH,
        "intNumViewTotal=447",
    )
    assert c.lines == ["Huyện ủy Cầu Kè sơ kết quý I", LEAD, PARAGRAPH]


def test_everything_after_a_related_links_marker_is_cut():
    c = cleaned("Tiêu đề bài viết ở đây", LEAD, PARAGRAPH, "Lan Anh", "", "Tin khác", "Huyện Trà Cú trao nhà")
    assert c.lines[-1] == "Lan Anh"
    assert "Huyện Trà Cú trao nhà" in c.site_lines


def test_related_articles_in_capitals_and_visitor_statistics_are_cut():
    c = cleaned(
        LEAD, PARAGRAPH, "CÁC BÀI VIẾT KHÁC:", "1 2 3 4 5 ...", "Thống kê truy cập", "• Hôm nay: 2579"
    )
    assert c.lines == [LEAD, PARAGRAPH]


def test_a_site_footer_is_cut_but_kept_as_place_evidence():
    c = cleaned(
        LEAD,
        PARAGRAPH,
        "Tin, ảnh: MINH ĐỨC",
        "TRANG THÔNG TIN ĐIỆN TỬ HUYỆN CẦU KÈ",
        "Cơ quan chủ quản: UBND huyện Cầu Kè, tỉnh Trà Vinh",
    )
    assert c.lines[-1] == "Tin, ảnh: MINH ĐỨC"
    assert "Cơ quan chủ quản: UBND huyện Cầu Kè, tỉnh Trà Vinh" in c.site_lines


def test_a_portal_header_above_the_headline_is_dropped_and_kept_as_evidence():
    c = cleaned(
        "CỔNG THÔNG TIN ĐIỆN TỬ ĐẢNG BỘ TỈNH BẾN TRE",
        "Trang chủ | Giới thiệu | Tin tức - Sự kiện | Liên hệ",
        "Ban Thường vụ Tỉnh ủy họp thường lệ tháng 3",
        LEAD,
    )
    assert c.lines[0] == "Ban Thường vụ Tỉnh ủy họp thường lệ tháng 3"
    assert c.site_lines == ["CỔNG THÔNG TIN ĐIỆN TỬ ĐẢNG BỘ TỈNH BẾN TRE"]


def test_leaked_file_names_links_slugs_and_breadcrumbs_are_dropped():
    c = cleaned(
        "huyen-uy-cau-ke-so-ket-quy-i",
        "Tin tức › Xây dựng Đảng",
        "Huyện ủy Cầu Kè sơ kết quý I",
        "http://baotravinh.vn/media/audio/20240403.mp3",
        LEAD,
        "anh-hoi-nghi_0.jpg",
        "Anh-tin-bai",
        PARAGRAPH,
    )
    assert c.lines == ["Huyện ủy Cầu Kè sơ kết quý I", LEAD, PARAGRAPH]


def test_photo_captions_are_kept_and_marked():
    c = cleaned(
        "Huyện ủy Cầu Kè sơ kết quý I",
        LEAD,
        "Quang cảnh hội nghị",
        PARAGRAPH,
        "Đồng chí Lâm Văn Tư, Bí thư Huyện ủy phát biểu kết luận hội nghị.",
        "Hội nghị kết thúc lúc 11 giờ.",
        PARAGRAPH,
        "Lan Anh",
    )
    captions = {c.lines[i] for i in c.captions}
    assert captions == {
        "Quang cảnh hội nghị",
        "Đồng chí Lâm Văn Tư, Bí thư Huyện ủy phát biểu kết luận hội nghị.",
    }


def test_a_publishers_tag_before_the_lead_is_removed_and_returned():
    for tag, line in (
        ("ĐTO", "ĐTO - " + LEAD),
        ("QBĐT", "(QBĐT) - " + LEAD),
        ("TTV", "(TTV) " + LEAD),
        ("LĐ online", "(LĐ online) - " + LEAD),
        ("Baonghean.vn", "(Baonghean.vn) - " + LEAD),
    ):
        c = cleaned("Huyện ủy Cầu Kè sơ kết quý I", line)
        assert (c.source_hint, c.lines[1]) == (tag, LEAD)


def test_an_organ_abbreviation_opening_the_lead_is_not_a_publisher():
    c = cleaned(
        "Tiêu đề bài viết ở đây",
        "UBND - HĐND huyện Cầu Kè tổ chức hội nghị tổng kết năm 2023 tại hội trường.",
    )
    assert c.source_hint is None


def test_a_listing_page_keeps_its_first_item():
    c = cleaned(
        "Huyện ủy Hoằng Hóa sơ kết công tác quý I năm 2021",
        "09/04/2021 15:20",
        "Ngày 9/4, Ban Thường vụ Huyện ủy Hoằng Hóa tổ chức hội nghị...Thị ủy Nghi Sơn triển khai nhiệm vụ",
        "08/04/2021 16:45",
        "Chiều 8/4, Ban Thường vụ Thị ủy Nghi Sơn họp...",
    )
    assert c.lines[-1] == "Ngày 9/4, Ban Thường vụ Huyện ủy Hoằng Hóa tổ chức hội nghị..."


def test_blank_lines_collapse_to_one():
    c = cleaned("Tiêu đề bài viết ở đây", "", "", LEAD, "", "", "", PARAGRAPH, "", "")
    assert c.lines == ["Tiêu đề bài viết ở đây", "", LEAD, "", PARAGRAPH]


def test_section_names_are_dropped_but_a_byline_of_two_names_is_kept():
    c = cleaned("Tin tức - Sự kiện", "Huyện ủy Cầu Kè sơ kết quý I", LEAD, "HẢI YẾN - NGỌC ANH")
    assert c.lines == ["Huyện ủy Cầu Kè sơ kết quý I", LEAD, "HẢI YẾN - NGỌC ANH"]
