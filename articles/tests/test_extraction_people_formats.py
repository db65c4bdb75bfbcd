"""People in the formats provincial news uses and the labelled corpus lacks: honorifics and titles in
every order, academic and military prefixes, minority names, lists described, bracketed or one a line."""

import pytest

from articles.extraction.people import find_people


def people(body: str) -> dict:
    return {p.name: p for p in find_people(body)}


# Formats of provincial news the labelled corpus lacks: (sentence, name, titles, roles).
PROVINCIAL_FORMATS = [
    ("Chủ trì hội nghị: đồng chí Hồ Văn An, Bí thư Huyện ủy.", "Hồ Văn An", ["Bí thư Huyện ủy"], ["chair"]),
    ("Chủ trì: Đồng chí: Lý Văn Bình - Bí thư Huyện ủy.", "Lý Văn Bình", ["Bí thư Huyện ủy"], ["chair"]),
    (
        "Dự hội nghị có đồng chí Đoàn Minh Khôi, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy.",
        "Đoàn Minh Khôi",
        ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Tổ chức Tỉnh ủy"],
        ["attend"],
    ),
    (
        "Chủ trì hội nghị là đồng chí Trịnh Quang Vũ, Bí thư Huyện ủy.",
        "Trịnh Quang Vũ",
        ["Bí thư Huyện ủy"],
        ["chair"],
    ),
    (
        "Hội nghị do đồng chí Quách Văn Lộc, Bí thư Huyện ủy chủ trì.",
        "Quách Văn Lộc",
        ["Bí thư Huyện ủy"],
        ["chair"],
    ),
    (
        "Hội nghị dưới sự chủ trì của đồng chí Tạ Đức Hòa, Bí thư Tỉnh ủy.",
        "Tạ Đức Hòa",
        ["Bí thư Tỉnh ủy"],
        ["chair"],
    ),
    (
        "Đến dự và chỉ đạo hội nghị có đồng chí Mai Hồng Quân - Phó Bí thư Tỉnh ủy.",
        "Mai Hồng Quân",
        ["Phó Bí thư Tỉnh ủy"],
        ["attend", "speak"],
    ),
    (
        "Về phía tỉnh có đồng chí Lưu Văn Bảo, Phó Chủ tịch UBND tỉnh.",
        "Lưu Văn Bảo",
        ["Phó Chủ tịch UBND tỉnh"],
        ["attend"],
    ),
    (
        "Dự hội nghị có Thượng tướng Cao Minh Trí, Thứ trưởng Bộ Quốc phòng.",
        "Cao Minh Trí",
        ["Thượng tướng", "Thứ trưởng Bộ Quốc phòng"],
        ["attend"],
    ),
    (
        "Đồng chí Đại tá Vương Hải Nam - Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh báo cáo.",
        "Vương Hải Nam",
        ["Đại tá", "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"],
        ["report"],
    ),
    (
        "TS. Khúc Văn Tiến, Thứ trưởng Bộ Ngoại giao phát biểu.",
        "Khúc Văn Tiến",
        ["Thứ trưởng Bộ Ngoại giao"],
        ["speak"],
    ),
    (
        "ThS. Kiều Thị Ngân, Phó Giám đốc Sở Y tế phát biểu tham luận.",
        "Kiều Thị Ngân",
        ["Phó Giám đốc Sở Y tế"],
        ["speak"],
    ),
    ("PGS.TS Lại Quốc Khánh trình bày báo cáo đề dẫn.", "Lại Quốc Khánh", [], ["report"]),
    ("Bí thư Tỉnh ủy Y Ngông Niê phát biểu kết luận hội nghị.", "Y Ngông Niê", ["Bí thư Tỉnh ủy"], ["speak"]),
    (
        "Đồng chí H'Lim Byă, Bí thư Huyện ủy Krông Búk dự.",
        "H'Lim Byă",
        ["Bí thư Huyện ủy Krông Búk"],
        ["attend"],
    ),
    ("Đồng chí K'Bróh, Phó Bí thư Huyện ủy chủ trì hội nghị.", "K'Bróh", ["Phó Bí thư Huyện ủy"], ["chair"]),
    (
        "Đồng chí Rơ Châm Hùng, Bí thư Huyện ủy Ia Grai phát biểu chỉ đạo.",
        "Rơ Châm Hùng",
        ["Bí thư Huyện ủy Ia Grai"],
        ["speak"],
    ),
    ("Đồng chí Ksor Phun, Phó Chủ tịch HĐND tỉnh dự.", "Ksor Phun", ["Phó Chủ tịch HĐND tỉnh"], ["attend"]),
    (
        "Đồng chí Siu Hoa, Phó Bí thư Tỉnh ủy đề nghị các cấp ủy tập trung.",
        "Siu Hoa",
        ["Phó Bí thư Tỉnh ủy"],
        ["speak"],
    ),
    (
        "Bà Giang Thị Lụa, Chủ tịch Hội Liên hiệp Phụ nữ tỉnh phát biểu.",
        "Giang Thị Lụa",
        ["Chủ tịch Hội Liên hiệp Phụ nữ tỉnh"],
        ["speak"],
    ),
    (
        "Đồng chí Văn Thị Hoài, Trưởng Ban Dân vận Tỉnh ủy phát biểu.",
        "Văn Thị Hoài",
        ["Trưởng Ban Dân vận Tỉnh ủy"],
        ["speak"],
    ),
    (
        "Đồng chí Ông Văn Lực, Phó Chủ tịch HĐND tỉnh dự.",
        "Ông Văn Lực",
        ["Phó Chủ tịch HĐND tỉnh"],
        ["attend"],
    ),
    (
        "Ông Lại Đức Toàn, Giám đốc Sở Tài chính báo cáo.",
        "Lại Đức Toàn",
        ["Giám đốc Sở Tài chính"],
        ["report"],
    ),
    (
        "Đồng chí Lục Văn Sình, Bí thư Huyện ủy Mèo Vạc phát biểu.",
        "Lục Văn Sình",
        ["Bí thư Huyện ủy Mèo Vạc"],
        ["speak"],
    ),
    ("Bí thư Huyện ủy Đinh Công Lâm chủ trì hội nghị.", "Đinh Công Lâm", ["Bí thư Huyện ủy"], ["chair"]),
    (
        "Tại hội nghị, đồng chí Đàm Quang Thịnh - Tỉnh ủy viên, Bí thư Huyện ủy Hạ Lang: Cần đẩy mạnh cải cách hành chính.",
        "Đàm Quang Thịnh",
        ["Tỉnh ủy viên", "Bí thư Huyện ủy Hạ Lang"],
        ["speak"],
    ),
]


@pytest.mark.parametrize(("sentence", "name", "titles", "roles"), PROVINCIAL_FORMATS)
def test_provincial_formats_give_name_titles_and_role(sentence, name, titles, roles):
    found = people(sentence)
    assert list(found) == [name]
    assert (found[name].titles, found[name].roles) == (titles, roles)


def test_plural_honorific_with_a_description_before_the_colon():
    found = people(
        "Tham dự hội nghị có các đồng chí trong Ban Thường vụ Tỉnh ủy: Tạ Văn Hạnh, Cao Thị Hòa và Tô Minh Đức. "
        "Các đồng chí Ủy viên Ban Thường vụ Huyện ủy: Nghiêm Xuân Trường, Hứa Văn Đạt, Từ Minh Châu cùng dự."
    )
    assert list(found) == [
        "Tạ Văn Hạnh",
        "Cao Thị Hòa",
        "Tô Minh Đức",
        "Nghiêm Xuân Trường",
        "Hứa Văn Đạt",
        "Từ Minh Châu",
    ]
    assert all(p.roles == ["attend"] for p in found.values())
    assert found["Tạ Văn Hạnh"].titles == []
    assert found["Hứa Văn Đạt"].titles == ["Ủy viên Ban Thường vụ Huyện ủy"]


def test_two_people_each_after_dong_chi_joined_by_va():
    found = people(
        "Đồng chí Lê Văn Hiếu, Phó Bí thư Tỉnh ủy, Trưởng đoàn ĐBQH tỉnh và đồng chí Âu Thị Mai, "
        "Phó Chủ tịch UBND tỉnh dự hội nghị. Đồng chí Đàm Văn Hưng và đồng chí Phùng Thị Lan cùng chủ trì."
    )
    assert found["Lê Văn Hiếu"].titles == ["Phó Bí thư Tỉnh ủy", "Trưởng đoàn ĐBQH tỉnh"]
    assert found["Âu Thị Mai"].titles == ["Phó Chủ tịch UBND tỉnh"]
    assert found["Âu Thị Mai"].roles == ["attend"]
    assert found["Đàm Văn Hưng"].roles == found["Phùng Thị Lan"].roles == ["chair"]


def test_a_person_named_like_a_province_when_a_title_follows():
    found = people(
        "Dự kỳ họp có đồng chí Thái Bình, Bí thư Thành ủy. "
        "Phát biểu tại kỳ họp, Bí thư Thành ủy Thái Bình đề nghị làm tốt công tác tư tưởng."
    )
    assert list(found) == ["Thái Bình"]
    assert found["Thái Bình"].roles == ["attend", "speak"]
    assert find_people("Đồng chí Lê Văn Tâm, Bí thư Tỉnh ủy Thái Bình dự.")[0].titles == [
        "Bí thư Tỉnh ủy Thái Bình"
    ]


def test_a_name_that_is_also_a_district_after_a_province_in_the_title():
    found = people("Chỉ đạo hội nghị, Trưởng Ban Tổ chức Tỉnh ủy Bạc Liêu Mai Sơn ghi nhận kết quả.")
    assert found["Mai Sơn"].titles == ["Trưởng Ban Tổ chức Tỉnh ủy Bạc Liêu"]


def test_titles_in_brackets_after_the_name():
    found = people(
        "Đồng chí Lê Văn Bảo (Bí thư Huyện ủy) phát biểu kết luận. "
        "Đồng chí Hồ Thị Na (Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Huyện ủy Cần Giuộc) chủ trì. "
        "Đồng chí Mạc Văn Tùng (thứ hai từ trái) trao quà."
    )
    assert (found["Lê Văn Bảo"].titles, found["Lê Văn Bảo"].roles) == (["Bí thư Huyện ủy"], ["speak"])
    assert found["Hồ Thị Na"].titles == ["Ủy viên Ban Thường vụ Tỉnh ủy", "Bí thư Huyện ủy Cần Giuộc"]
    assert found["Hồ Thị Na"].roles == ["chair"]
    assert found["Mạc Văn Tùng"].titles == []


def test_list_members_one_a_line_take_the_cue_before_the_list():
    found = people(
        "Dự hội nghị có các đồng chí:\n- Lâm Văn Thành, Bí thư Tỉnh ủy;\n- Trần Thị Hoa, Phó Bí thư Tỉnh ủy.\n"
        "Chủ trì hội nghị có các đồng chí\nLê Văn Tư - Bí thư Huyện ủy\nPhạm Thị Năm - Phó Bí thư Huyện ủy\n"
        "Hội nghị đánh giá kết quả. Theo đồng chí Đinh Văn Sáu, năm nay khó khăn."
    )
    assert [(name, p.roles) for name, p in found.items()] == [
        ("Lâm Văn Thành", ["attend"]),
        ("Trần Thị Hoa", ["attend"]),
        ("Lê Văn Tư", ["chair"]),
        ("Phạm Thị Năm", ["chair"]),
        ("Đinh Văn Sáu", ["mentioned"]),
    ]
    assert found["Trần Thị Hoa"].titles == ["Phó Bí thư Tỉnh ủy"]


def test_ede_and_kho_given_names_open_a_name_without_an_honorific():
    found = people(
        "Bí thư Huyện ủy H'Yim Kđoh phát biểu. Phó Bí thư Huyện ủy Lạc Dương K'Mák chủ trì. "
        "Các đồng chí: H'Hen Niê, Trưởng Ban Dân vận Huyện ủy; K'Bróh, Chủ tịch UBND huyện dự hội nghị.\n"
        "Dự hội nghị có các đồng chí:\n- Y Giang Gry Niê Knơng, Tỉnh ủy viên;\n- H'Lim Byă, Phó Trưởng đoàn ĐBQH tỉnh."
    )
    assert [(name, p.titles, p.roles) for name, p in found.items()] == [
        ("H'Yim Kđoh", ["Bí thư Huyện ủy"], ["speak"]),
        ("K'Mák", ["Phó Bí thư Huyện ủy Lạc Dương"], ["chair"]),
        ("H'Hen Niê", ["Trưởng Ban Dân vận Huyện ủy"], ["attend"]),
        ("K'Bróh", ["Chủ tịch UBND huyện"], ["attend"]),
        ("Y Giang Gry Niê Knơng", ["Tỉnh ủy viên"], ["attend"]),
        ("H'Lim Byă", ["Phó Trưởng đoàn ĐBQH tỉnh"], ["attend"]),
    ]
