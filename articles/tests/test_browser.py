"""The readers' and editors' main paths, in a real browser against a live server.

The data goes in through the one write path (articles.ingest) from reports written for these tests, so
what the browser shows is what ingestion stored. The `page` fixture (Chromium through Playwright) is in
articles/tests/browser.py.
"""

import re

import pytest
from django.contrib.auth.models import Group, User

from articles.ingest import ingest_text
from articles.models import Article

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture skips (or fails on CI) and says why
    expect = None

# A live server reads what the test commits, so these tests cannot run inside a rolled-back transaction;
# the serialized rollback brings back the gazetteer and groups the flush after each test removes.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def soc_trang_report(day, month, year, person, subject):
    """A Sóc Trăng Standing Committee monthly briefing, held on day/month/year, chaired by `person`."""
    return f"""Ban Thường vụ Tỉnh ủy Sóc Trăng giao ban công tác tháng {month} năm {year}
Ngày {day}/{month}/{year}, Ban Thường vụ Tỉnh ủy Sóc Trăng tổ chức hội nghị giao ban công tác tháng {month} năm {year}.
Đồng chí {person}, Bí thư Tỉnh ủy chủ trì hội nghị.
Hội nghị tập trung bàn về {subject}.
Theo báo cáo, tổng thu ngân sách nhà nước trên địa bàn trong tháng đạt 512 tỷ đồng.
Minh Khang
"""


OCTOBER = soc_trang_report(6, 10, 2023, "Lương Quốc Đoàn", "chuyển đổi số trong các cơ quan Đảng")
NOVEMBER = soc_trang_report(8, 11, 2023, "Lương Quốc Đoàn", "công tác phòng chống hạn mặn mùa khô")
# No December report: the calendar steps from November straight to January.
JANUARY = soc_trang_report(10, 1, 2024, "Trần Thị Ngọc Hân", "kế hoạch đón Tết Nguyên đán")

BAC_LIEU = """Ban Thường vụ Tỉnh ủy Bạc Liêu sơ kết công tác 6 tháng đầu năm 2024
Ngày 9/7/2024, Ban Thường vụ Tỉnh ủy Bạc Liêu tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2024.
Đồng chí Ngô Chí Cường, Bí thư Tỉnh ủy chủ trì hội nghị.
Hội nghị yêu cầu các cấp ủy tiếp tục phát huy vai trò của người đứng đầu trong cải cách hành chính.
Toàn tỉnh kết nạp 305 đảng viên mới.
Hoài Thương
"""


def ingest(*texts):
    return [ingest_text(text).article for text in texts]


def test_province_calendar_steps_month_by_month(page):
    october, november, january = ingest(OCTOBER, NOVEMBER, JANUARY)
    page.goto("/tinh/soc-trang/2023/11/")
    results = page.locator(".article-list")
    expect(results).to_contain_text(november.title)
    expect(results).not_to_contain_text(october.title)

    page.locator(".calendar-steps a[rel=next]").click()
    expect(page).to_have_url(re.compile(r"/tinh/soc-trang/2024/1/$"))
    expect(results).to_contain_text(january.title)
    expect(results).not_to_contain_text(november.title)

    page.locator(".calendar-steps a[rel=prev]").click()
    expect(page).to_have_url(re.compile(r"/tinh/soc-trang/2023/11/$"))
    page.locator(".calendar-steps a[rel=prev]").click()
    expect(page).to_have_url(re.compile(r"/tinh/soc-trang/2023/10/$"))
    expect(results).to_contain_text(october.title)
    expect(page.locator(".calendar-steps a[rel=prev]")).to_have_count(0)


def test_official_found_without_diacritics_opens_a_page_with_the_article(page):
    (article,) = ingest(BAC_LIEU)
    page.goto("/can-bo/")
    page.get_by_label("Họ tên cán bộ").fill("ngo chi cuong")
    page.get_by_role("button", name="Tìm", exact=True).click()
    page.locator(".person-list").get_by_role("link", name="Ngô Chí Cường").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ngô Chí Cường")
    page.get_by_role("link", name=article.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)


def test_phrase_search_highlights_the_phrase_in_the_snippet(page):
    ingest(OCTOBER, NOVEMBER, BAC_LIEU)
    page.goto("/bai-viet/")
    page.get_by_label("Tìm trong bài").fill('"cai cach hanh chinh"')
    page.get_by_label("Tìm trong bài").press("Enter")
    expect(page.locator(".article-list > li")).to_have_count(1)
    expect(page.locator(".snippet mark").first).to_be_visible()
    marked = " ".join(page.locator(".snippet mark").all_inner_texts()).lower()
    assert {"cải", "cách", "hành", "chính"} <= set(marked.split())


def test_text_pasted_on_the_admin_ingest_page_is_created_and_opens(page, settings):
    # The default hasher's deliberate slowness, twice (creating the user, logging in), is wasted here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    editor = User.objects.create_user("bien-tap", password="mat-khau-thu-nghiem-9", is_staff=True)
    editor.groups.add(Group.objects.get(name="Biên tập viên"))
    page.goto("/admin/")
    page.get_by_label("Tên đăng nhập").fill("bien-tap")
    page.get_by_label("Mật khẩu").fill("mat-khau-thu-nghiem-9")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("link", name="Nhập bài viết").click()
    page.get_by_label("Dán văn bản").fill(BAC_LIEU)
    page.get_by_role("button", name="Nhập", exact=True).click()

    expect(page.locator("#ingest-summary")).to_contain_text("Mới: 1")
    row = page.locator("#ingest-results tr.ingest-created")
    expect(row).to_contain_text("Đã nhập")
    article = Article.objects.get()
    row.get_by_role("link", name=article.title).click()
    expect(page).to_have_url(re.compile(rf"/admin/articles/article/{article.pk}/change/$"))
    expect(page.locator("#id_title")).to_have_value(article.title)


def test_language_switch_turns_the_interface_english(page):
    ingest(BAC_LIEU)
    page.goto("/bai-viet/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    page.get_by_label("Ngôn ngữ").select_option("en")
    page.get_by_role("button", name="Đổi").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    navigation = page.get_by_role("navigation", name="Main navigation")
    expect(navigation.get_by_role("link", name="Articles")).to_be_visible()
    expect(navigation.get_by_role("link", name="Officials")).to_be_visible()
    expect(page.get_by_label("Search the articles")).to_be_visible()
    expect(page.locator(".results-count")).to_have_text(re.compile(r"1 article\b"))
