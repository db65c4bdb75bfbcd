"""The gazetteer loader: pure Python, no database."""

import re

from articles.extraction import gazetteer as g


def test_63_provinces_until_the_2025_merger_and_34_after():
    assert len(g.provinces("2023")) == 63
    assert len(g.provinces("2025")) == 34
    assert sum(u.level == "province" and u.valid_to is None for u in g.units()) == 34


def test_each_old_province_maps_to_exactly_one_2025_province():
    current = {u.code for u in g.provinces("2025")}
    for old in g.provinces("2023"):
        assert old.successor in current
        assert g.successor_2025(old.code).code == old.successor
    merged_into = {old.successor for old in g.provinces("2023")}
    assert merged_into == current


def test_unchanged_provinces_are_one_unit_in_both_eras():
    unchanged = [u for u in g.provinces("2023") if u.valid_to is None]
    assert len(unchanged) == 11
    assert all(u.successor == u.code for u in unchanged)
    assert g.find_province("Thanh Hóa", era="2023") == g.find_province("Thanh Hóa", era="2025")


def test_merged_province_reusing_an_old_code_gets_a_2025_code():
    new = g.find_province("Vĩnh Long", era="2025")
    assert (new.code, new.slug, new.valid_from) == ("86-2025", "vinh-long-2025", "2025-07-01")
    assert g.unit("84").successor == "86-2025"


def test_districts_have_a_province_parent():
    districts = [u for u in g.units() if u.level == "district"]
    assert len(districts) >= 700
    for d in districts:
        parent = g.unit(d.parent)
        assert parent is not None and parent.level == "province"
        assert d.province == d.parent


def test_slugs_and_codes_are_unique_ascii():
    units = g.units()
    assert len({u.slug for u in units}) == len(units)
    assert len({u.code for u in units}) == len(units)
    assert all(u.slug.isascii() and u.slug == u.slug.lower() for u in units)


def test_names_use_modern_tone_marks():
    names = {u.name for u in g.units()}
    assert {"Khánh Hòa", "Thanh Hóa", "Hòa Bình"} <= names
    # Old style puts the mark on a word-final a/e/y ("Hoà", "Thuỷ"); "Hoàn", "Quý" are right in both styles.
    old_style = re.compile(r"(?<![qQ])(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])\b", re.IGNORECASE)
    assert [name for name in names if old_style.search(name)] == []


def test_find_province_accepts_common_spellings():
    assert g.find_province("Trà Vinh").code == "84"
    assert g.find_province("tra vinh").code == "84"
    for name in ("TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh", "TP.HCM", "Hồ Chí Minh"):
        assert g.find_province(name).code == "79", name
    assert g.find_province("Huế").name == "Thừa Thiên Huế"
    assert g.find_province("Bà Rịa–Vũng Tàu").slug == "ba-ria-vung-tau"
    assert g.find_province("Atlantis") is None


def test_find_province_prefers_the_63_unless_asked_for_2025():
    assert g.find_province("Vĩnh Long").code == "86"
    assert g.find_province("Vĩnh Long", era="2025").code == "86-2025"
    assert g.find_province("Trà Vinh", era="2025") is None


def test_find_districts_strips_the_unit_word():
    (tra_cu,) = g.find_districts("huyện Trà Cú")
    assert tra_cu.province == g.find_province("Trà Vinh").code
    assert [u.name for u in g.find_districts("TX Ninh Hòa")] == ["Ninh Hòa"]
    assert [u.name for u in g.find_districts("TP. Sa Đéc")] == ["Sa Đéc"]
    assert [u.code for u in g.find_districts("Quận 1")] == ["760"]


def test_find_districts_returns_every_namesake_unless_filtered():
    chau_thanh = g.find_districts("Châu Thành")
    assert len(chau_thanh) > 3
    assert [u.province for u in g.find_districts("Châu Thành", province_code="84")] == ["84"]


def test_find_communes_resolves_the_province():
    rows = g.find_communes("xã An Thạnh Trung")
    assert rows and all(len(row) == 6 for row in rows)
    assert {row[5] for row in rows} == {"89"}
    assert {row[4] for row in g.find_communes("Định Quán")} == {"2023", "2025"}


def test_province_from_domain():
    assert g.province_from_domain("travinh.gov.vn").code == "84"
    assert g.province_from_domain("https://baodongthap.vn/chinh-tri/a-1.html").name == "Đồng Tháp"
    assert g.province_from_domain("huongson.hatinh.gov.vn").name == "Hà Tĩnh"
    assert g.province_from_domain("hcmcpv.org.vn").code == "79"
    assert g.province_from_domain("example.com") is None
    assert g.province_from_domain("vnexpress.net") is None


def test_fold_removes_diacritics_and_dashes():
    assert g.fold("Ngô Chí Cường") == "ngo chi cuong"
    assert g.fold("Đồng Tháp") == "dong thap"
    assert g.fold("Bà Rịa – Vũng  Tàu") == "ba ria vung tau"
    assert g.slugify("Hồ Chí Minh") == "ho-chi-minh"


def test_province_from_domain_reads_nothing_from_a_malformed_url():
    assert g.province_from_domain("[") is None
