"""The interface is Vietnamese by default and English on request (cookie or Accept-Language).

The English comes from locale/en/LC_MESSAGES/django.po, committed compiled (django.mo) so that a fresh
clone needs no gettext tools; these tests also catch a catalogue left untranslated or not recompiled.
"""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

from .factories import make_appearance, make_article, make_person

pytestmark = pytest.mark.django_db

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"


def po_entries(path):
    """Every entry of a .po file but the header, as {"msgid": ..., "msgstr": ...} (or "msgid_plural",
    "msgstr[0]", "msgstr[1]"): enough of the format for our catalogue."""
    entries, field = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        keyword = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) (".*")$', line)
        if keyword:
            field = keyword[1]
            finished = not entries or any(key.startswith("msgstr") for key in entries[-1])
            if field == "msgctxt" or (field == "msgid" and finished):
                entries.append({})
            entries[-1][field] = ast.literal_eval(keyword[2])
        elif line.startswith('"') and field:
            entries[-1][field] += ast.literal_eval(line)
    return [entry for entry in entries if entry["msgid"]]


def translations(entry):
    return [value for key, value in entry.items() if key.startswith("msgstr")]


def test_english_catalogue_translates_every_message_and_is_compiled():
    entries = po_entries(CATALOGUE / "django.po")
    assert len(entries) > 200
    assert [entry["msgid"] for entry in entries if not all(translations(entry))] == []
    with open(CATALOGUE / "django.mo", "rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    stale = []
    for entry in entries:
        if "msgid_plural" in entry:
            compiled = [catalogue.ngettext(entry["msgid"], entry["msgid_plural"], n) for n in (1, 2)]
        else:
            compiled = [catalogue.gettext(entry["msgid"])]
        if compiled != translations(entry):
            stale.append(entry["msgid"])
    assert stale == [], "django.mo is older than django.po: run manage.py compilemessages"


@pytest.fixture
def named_official(tra_vinh):
    article = make_article(province=tra_vinh, level="province")
    person = make_person(name="Ngô Chí Cường", province=tra_vinh)
    make_appearance(article, person)
    return person


def test_pages_are_vietnamese_by_default(client, named_official):
    page = client.get("/bai-viet/").text
    assert '<html lang="vi">' in page
    assert "Bỏ qua đến nội dung" in page and "1 bài viết" in page
    assert "Skip to content" not in page


def test_an_unsupported_accept_language_falls_back_to_vietnamese(client, named_official):
    page = client.get("/can-bo/", headers={"accept-language": "fr-FR,fr;q=0.9"}).text
    assert '<html lang="vi">' in page and "Tìm cán bộ" in page


def test_accept_language_english_shows_the_english_interface(client, named_official):
    page = client.get("/bai-viet/", headers={"accept-language": "en-US,en;q=0.9"}).text
    assert '<html lang="en">' in page
    assert "Skip to content" in page and "Main navigation" in page and "Search the articles" in page
    assert re.search(r"\b1 article\s", page)
    assert "Bỏ qua đến nội dung" not in page


def test_language_cookie_english_translates_templates_and_python_messages(client, named_official):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    person_page = client.get(named_official.get_absolute_url()).text
    assert "Titles" in person_page and "named 1 time" in person_page
    # The filter's own error message, from Python, and the model's choice labels.
    invalid = client.get("/bai-viet/", {"period": "2023-13"}).text
    assert "The month must be between 1 and 12." in invalid
    assert "Could not filter, because of invalid parameters:" in invalid
    assert "Province / centrally governed city" in client.get("/bai-viet/").text
