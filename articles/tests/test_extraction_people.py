"""People named in an article: names, titles as written, roles at the meeting, one entry per person."""

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.extraction.people import find_people


def people(body: str) -> dict:
    return {p.name: p for p in find_people(body)}


def test_name_then_titles_gives_titles_in_order():
    found = people(
        "Đồng chí Trần Văn Minh, Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Huyện ủy Cầu Ngang chủ trì hội nghị."
    )
    assert list(found) == ["Trần Văn Minh"]
    assert found["Trần Văn Minh"].titles == ["Ủy viên Ban Thường vụ Tỉnh ủy", "Bí thư Huyện ủy Cầu Ngang"]
    assert found["Trần Văn Minh"].roles == ["chair"]


def test_title_before_name():
    found = people(
        "Kết luận hội nghị, Bí thư Huyện ủy Lê Hoàng Sơn yêu cầu các ngành tập trung thu ngân sách."
    )
    assert found["Lê Hoàng Sơn"].titles == ["Bí thư Huyện ủy"]
    assert found["Lê Hoàng Sơn"].roles == ["speak"]


def test_place_between_organ_and_name_stays_in_the_title():
    found = people(
        "Phát biểu tại hội nghị, Bí thư Huyện ủy Lâm Hà Phạm Quang Huy đề nghị tăng cường kiểm tra."
    )
    assert found["Phạm Quang Huy"].titles == ["Bí thư Huyện ủy Lâm Hà"]


def test_place_after_organ_is_not_a_name():
    assert find_people("Bí thư Huyện ủy Lâm Hà phát biểu tại hội nghị.") == []


def test_co_chair_list_gives_each_chair():
    found = people(
        "Chiều 5/3, các đồng chí: Hồ Văn Tâm - Bí thư Tỉnh ủy; Đặng Thị Lan - Phó Bí thư Thường trực Tỉnh ủy, "
        "Chủ tịch HĐND tỉnh; Mai Quốc Bảo - Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh cùng chủ trì hội nghị."
    )
    assert list(found) == ["Hồ Văn Tâm", "Đặng Thị Lan", "Mai Quốc Bảo"]
    assert all(p.roles == ["chair"] for p in found.values())
    assert found["Đặng Thị Lan"].titles == ["Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh"]


def test_chair_list_after_the_verb():
    found = people(
        "Chủ trì hội nghị có các đồng chí: Võ Thanh Hải, Bí thư Thị ủy; Ngô Thị Hạnh, Phó Bí thư Thị ủy, "
        "Chủ tịch UBND thị xã. Dự hội nghị có đồng chí Kiều Văn Đông, Phó Trưởng ban Tổ chức Tỉnh ủy."
    )
    assert found["Võ Thanh Hải"].roles == ["chair"]
    assert found["Ngô Thị Hạnh"].roles == ["chair"]
    assert found["Kiều Văn Đông"].roles == ["attend"]
    assert found["Kiều Văn Đông"].titles == ["Phó Trưởng ban Tổ chức Tỉnh ủy"]


def test_two_abbreviated_honorifics_joined_by_va():
    found = people(
        "Cùng chủ trì có Đ/c Lý Minh Tú, Phó Bí thư Thường trực Quận ủy và Đ/c Tạ Văn Lộc, Phó Bí thư Quận ủy."
    )
    assert found["Lý Minh Tú"].titles == ["Phó Bí thư Thường trực Quận ủy"]
    assert found["Tạ Văn Lộc"].roles == ["chair"]


def test_dash_and_glued_hyphen_before_titles():
    found = people(
        "Đồng chí Phan Văn Kha-Phó Bí thư Thường trực Thành ủy trình bày báo cáo. "
        "Đồng chí Trịnh Thị Nga – Tỉnh ủy viên, Bí thư Thành ủy phát biểu."
    )
    assert found["Phan Văn Kha"].titles == ["Phó Bí thư Thường trực Thành ủy"]
    assert found["Phan Văn Kha"].roles == ["report"]
    assert found["Trịnh Thị Nga"].titles == ["Tỉnh ủy viên", "Bí thư Thành ủy"]


def test_abbreviated_titles_are_kept_as_written():
    found = people(
        "Đ.c Bùi Văn Toàn, TUV, Bí thư Huyện ủy chủ trì. Ông Lạc Văn Sáu, UVBTV Tỉnh ủy, PBT Thường trực "
        "Thị ủy dự. đ/c Kim Thị Sa, UV BTV Thành ủy, Chủ tịch UBND quận phát biểu."
    )
    assert found["Bùi Văn Toàn"].titles == ["TUV", "Bí thư Huyện ủy"]
    assert found["Lạc Văn Sáu"].titles == ["UVBTV Tỉnh ủy", "PBT Thường trực Thị ủy"]
    assert found["Kim Thị Sa"].titles == ["UV BTV Thành ủy", "Chủ tịch UBND quận"]


def test_ong_and_ba_introduce_people():
    found = people("Bà Đoàn Thị Hoa, Chủ tịch HĐND xã chủ trì; ông Châu Văn Út, Bí thư Chi bộ ấp phát biểu.")
    assert found["Đoàn Thị Hoa"].roles == ["chair"]
    assert found["Châu Văn Út"].titles == ["Bí thư Chi bộ ấp"]


def test_military_rank_is_a_title():
    found = people(
        "Đại tá Nguyễn Hữu Lực - Ủy viên Ban Thường vụ Tỉnh ủy, Giám đốc Công an tỉnh thông tin tại hội nghị."
    )
    assert found["Nguyễn Hữu Lực"].titles == [
        "Đại tá",
        "Ủy viên Ban Thường vụ Tỉnh ủy",
        "Giám đốc Công an tỉnh",
    ]
    assert found["Nguyễn Hữu Lực"].roles == ["speak"]


def test_same_person_merged_with_roles_accumulated_and_fullest_titles():
    found = find_people(
        "Bí thư Tỉnh ủy Lưu Quang Đức chủ trì hội nghị.\n"
        "Đồng chí Lưu Quang Đức, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy phát biểu kết luận hội nghị.\n"
        "Lưu Quang Đức cho rằng cần đẩy nhanh giải ngân."
    )
    assert len(found) == 1
    assert found[0].titles == ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"]
    assert found[0].roles == ["chair", "speak"]


def test_last_syllable_after_honorific_refers_back():
    found = people(
        "Bà Lê Thị Ngọc Yến, Bí thư Đảng ủy xã chủ trì hội nghị. Kết luận hội nghị, bà Yến yêu cầu các chi bộ..."
    )
    assert list(found) == ["Lê Thị Ngọc Yến"]
    assert found["Lê Thị Ngọc Yến"].roles == ["chair", "speak"]


def test_unnamed_officials_are_skipped():
    body = (
        "Đồng chí Bí thư Huyện ủy chủ trì hội nghị. Dự hội nghị có các đồng chí Phó Bí thư Tỉnh ủy và "
        "lãnh đạo các sở, ngành."
    )
    assert find_people(body) == []


def test_all_caps_byline_is_not_a_person():
    assert find_people("Hội nghị đã thống nhất các nội dung trình Tỉnh ủy.\nTHANH PHONG") == []


def test_leader_quoted_from_a_book_is_mentioned():
    found = people(
        "Hội thảo nghiên cứu tác phẩm của đồng chí Tổng Bí thư Nguyễn Văn Khởi về xây dựng Đảng. "
        "Đồng chí Hà Văn Lâm, Bí thư Huyện ủy phát biểu khai mạc."
    )
    assert found["Nguyễn Văn Khởi"].roles == ["mentioned"]
    assert found["Nguyễn Văn Khởi"].titles == ["Tổng Bí thư"]
    assert found["Hà Văn Lâm"].roles == ["speak"]


def test_reporter_named_after_theo_bao_cao_do():
    found = people("Theo báo cáo do đồng chí Quách Thị Mai, Phó Bí thư Thường trực Huyện ủy trình bày, ...")
    assert found["Quách Thị Mai"].roles == ["report"]


def test_people_elected_at_the_meeting_attend_with_their_new_title():
    found = people("Các đồng chí Tăng Văn Bình và Thân Thị Hồng được bầu giữ chức Phó Bí thư Tỉnh ủy.")
    assert found["Tăng Văn Bình"].titles == ["Phó Bí thư Tỉnh ủy"]
    assert found["Thân Thị Hồng"].roles == ["attend"]


def test_short_aside_between_name_and_verb():
    found = people("Tại buổi sinh hoạt, cụ Hầu Văn Sinh, đảng viên 60 năm tuổi Đảng, phát biểu ý kiến.")
    assert found["Hầu Văn Sinh"].titles == []
    assert found["Hầu Văn Sinh"].roles == ["speak"]


def test_minority_name_after_dong_chi():
    found = people("Đồng chí K'Brăng, Bí thư Đảng ủy xã chủ trì hội nghị.")
    assert found["K'Brăng"].roles == ["chair"]


def test_span_is_the_first_mention_of_the_name():
    body = "Sáng nay, đồng chí Đinh Văn Tiến, Bí thư Huyện ủy chủ trì. Đồng chí Đinh Văn Tiến phát biểu."
    person = find_people(body)[0]
    assert body[person.start : person.end] == "Đinh Văn Tiến"
    assert person.start == body.index("Đinh Văn Tiến")


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_never_raises_on_any_text(text):
    for person in find_people(text):
        assert 0 <= person.start <= person.end <= len(text)


@given(
    st.lists(
        st.sampled_from(
            [
                "đồng chí",
                "Nguyễn",
                "Văn",
                "A",
                ",",
                ";",
                "-",
                "Bí thư",
                "Tỉnh ủy",
                "và",
                "các đồng chí:",
                "Đ/c",
                "chủ trì",
                "\n",
                ".",
                "Lâm Hà",
                "bà",
            ]
        ),
        max_size=60,
    )
)
@settings(max_examples=300, deadline=None)
def test_never_raises_on_name_like_soup(parts):
    find_people(" ".join(parts))


def test_long_repetitive_input_is_fast():
    for unit in ("đồng chí, ", "1.1.1.1", "Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy; ", "Bí thư Tỉnh ủy "):
        text = unit * (1_000_000 // len(unit))
        began = time.process_time()
        find_people(text)
        assert time.process_time() - began < 5


def test_kiem_and_dashes_join_titles():
    found = people(
        "Đồng chí Lò Văn Sơn, Phó Bí thư Tỉnh ủy kiêm Chủ tịch UBND tỉnh phát biểu. "
        "Đ/c Tống Văn Hải - Tỉnh ủy viên - Bí thư Huyện ủy dự."
    )
    assert found["Lò Văn Sơn"].titles == ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]
    assert found["Tống Văn Hải"].titles == ["Tỉnh ủy viên", "Bí thư Huyện ủy"]


def test_several_titles_before_a_name():
    found = people("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Âu Văn Hùng phát biểu tại hội nghị.")
    assert found["Âu Văn Hùng"].titles == ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]


def test_former_post_is_a_title():
    found = people("Đồng chí Cù Văn Khải, nguyên Bí thư Tỉnh ủy dự buổi lễ.")
    assert found["Cù Văn Khải"].titles == ["nguyên Bí thư Tỉnh ủy"]
    assert found["Cù Văn Khải"].roles == ["attend"]


def test_a_city_named_after_a_person_is_not_a_person():
    assert find_people("Bí thư Thành ủy TP Hồ Chí Minh phát biểu tại hội nghị.") == []


def test_a_photo_position_between_name_and_verb_is_skipped():
    found = people("Đồng chí Diệp Văn Bảy (thứ hai từ trái sang) trao quyết định tại buổi lễ.")
    assert found["Diệp Văn Bảy"].roles == ["attend"]


def test_people_honoured_at_a_ceremony_attend_it():
    found = people("Đồng chí Mạc Văn Hòa trao Huy hiệu 55 năm tuổi Đảng cho đồng chí Lữ Văn Bình.")
    assert found["Lữ Văn Bình"].roles == ["attend"]


def test_president_ho_chi_minh_is_a_person_but_the_city_is_not():
    found = people("Thành ủy TP Hồ Chí Minh học tập lời Chủ tịch Hồ Chí Minh.")
    assert found["Hồ Chí Minh"].titles == ["Chủ tịch"]
    assert found["Hồ Chí Minh"].roles == ["mentioned"]


def test_organ_names_with_dashes_commas_numbers_and_abbreviated_city():
    found = people(
        "Đồng chí Lý Văn Hai, Giám đốc Sở Lao động - Thương binh và Xã hội dự. "
        "Đồng chí Ngô Văn Ba, Giám đốc Sở Văn hóa, Thể thao và Du lịch dự. "
        "Thiếu tướng Triệu Văn Bốn, Phó Tư lệnh Quân khu 9 dự. "
        "Đồng chí Tô Văn Năm, Chủ tịch UBND TP. Cần Thơ dự. "
        "Phó Giám đốc Sở Giáo dục và Đào tạo Mai Văn Hòa phát biểu."
    )
    assert found["Lý Văn Hai"].titles == ["Giám đốc Sở Lao động - Thương binh và Xã hội"]
    assert found["Ngô Văn Ba"].titles == ["Giám đốc Sở Văn hóa, Thể thao và Du lịch"]
    assert found["Triệu Văn Bốn"].titles == ["Thiếu tướng", "Phó Tư lệnh Quân khu 9"]
    assert found["Tô Văn Năm"].titles == ["Chủ tịch UBND TP. Cần Thơ"]
    assert found["Mai Văn Hòa"].titles == ["Phó Giám đốc Sở Giáo dục và Đào tạo"]


def test_va_between_two_titles_of_one_person():
    found = people("Đồng chí Phan Văn Chín, Bí thư Tỉnh ủy và Trưởng Đoàn ĐBQH tỉnh dự hội nghị.")
    assert found["Phan Văn Chín"].titles == ["Bí thư Tỉnh ủy", "Trưởng Đoàn ĐBQH tỉnh"]


def test_cue_words_about_what_a_person_owns_do_not_give_a_role():
    found = people(
        "Hội nghị có sự tham dự của đồng chí Lê Văn Hai, Bí thư Tỉnh ủy. "
        "Thực hiện theo chỉ đạo của đồng chí Trần Văn Ba, Bí thư Tỉnh ủy."
    )
    assert found["Lê Văn Hai"].roles == ["attend"]
    assert found["Trần Văn Ba"].roles == ["mentioned"]


def test_ceremony_gestures_mean_attending():
    found = people("Đồng chí Lê Văn Năm, Bí thư Tỉnh ủy cùng các đại biểu bấm nút khởi công dự án.")
    assert found["Lê Văn Năm"].roles == ["attend"]


def test_long_minority_name_after_a_title_is_kept_whole():
    found = people("Phó Chủ tịch Quốc hội Y Thanh Hà Niê Kđăm phát biểu tại hội nghị.")
    assert list(found) == ["Y Thanh Hà Niê Kđăm"]


def test_place_or_company_between_title_and_name():
    found = people(
        "Chủ tịch UBND xã Tân Hòa Lê Văn Bé phát biểu. "
        "Giám đốc Công ty Cổ phần Thủy sản Minh Phú Lê Văn Quang phát biểu."
    )
    assert found["Lê Văn Bé"].titles == ["Chủ tịch UBND xã Tân Hòa"]
    assert found["Lê Văn Quang"].titles == ["Giám đốc Công ty Cổ phần Thủy sản Minh Phú"]


def test_only_the_cue_nearest_before_a_person_is_about_them():
    found = people(
        "Ban Thường vụ Tỉnh ủy công bố quyết định điều động đồng chí Lê Văn Tư. "
        "Dự và chỉ đạo Đại hội có đồng chí Trịnh Thị Vân. "
        "Tại hội nghị, sau khi nghe báo cáo, đồng chí Lạc Văn Tâm phát biểu."
    )
    assert found["Lê Văn Tư"].roles == ["attend"]
    assert found["Trịnh Thị Vân"].roles == ["attend", "speak"]
    assert found["Lạc Văn Tâm"].roles == ["speak"]


def test_elected_with_giu_chuc_gets_the_title():
    found = people("Hội nghị đã bầu bổ sung đồng chí Trần Văn Hải giữ chức Phó Bí thư Tỉnh ủy.")
    assert found["Trần Văn Hải"].titles == ["Phó Bí thư Tỉnh ủy"]
    assert found["Trần Văn Hải"].roles == ["attend"]


def test_a_place_before_the_name_decides_where_the_name_starts():
    found = people(
        "Phát biểu tại hội nghị, Trưởng Ban Dân vận Huyện ủy Tri Tôn Thạch Sô Phal đề nghị giữ vững đoàn kết. "
        "Chỉ đạo hội nghị, Phó Bí thư Huyện ủy Vĩnh Lợi Chu Minh Quốc Huy ghi nhận kết quả."
    )
    assert found["Thạch Sô Phal"].titles == ["Trưởng Ban Dân vận Huyện ủy Tri Tôn"]
    assert found["Chu Minh Quốc Huy"].titles == ["Phó Bí thư Huyện ủy Vĩnh Lợi"]


def test_a_family_name_that_is_also_a_place_starts_a_long_name():
    found = people("Kết luận hội nghị, Bí thư Tỉnh ủy Chu Đình Quang Minh yêu cầu các ngành tập trung.")
    assert list(found) == ["Chu Đình Quang Minh"]


def test_two_syllable_name_after_an_organ_when_it_is_no_place():
    found = people("Bí thư Huyện ủy Lâm Khải chủ trì hội nghị; Bí thư Huyện ủy Bảo Lâm phát biểu.")
    assert list(found) == ["Lâm Khải"]
    assert found["Lâm Khải"].roles == ["chair"]


def test_minority_place_names_with_apostrophe_or_inner_capital_stay_in_the_title():
    found = people(
        "Đồng chí Nay Blúm, Bí thư Huyện ủy Ea H'leo phát biểu. "
        "Đồng chí Rah Lan Chung, Phó Bí thư Huyện ủy Ia H' Drai dự. "
        "Đồng chí Ksor Y Mai, Bí thư Đảng ủy xã Ia KDăm báo cáo."
    )
    assert found["Nay Blúm"].titles == ["Bí thư Huyện ủy Ea H'leo"]
    assert found["Rah Lan Chung"].titles == ["Phó Bí thư Huyện ủy Ia H' Drai"]
    assert found["Ksor Y Mai"].titles == ["Bí thư Đảng ủy xã Ia KDăm"]
