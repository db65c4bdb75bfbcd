"""extract() never raises on any str, and stays fast on pathological input."""

import datetime as dt
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.extraction import Extraction, extract

from .corpus import corpus_texts

# Letters, digits, punctuation and words the patterns look at, so random text often looks like an article.
PIECES = st.sampled_from(
    list("aàảãáạăằẳẵắặâầẩẫấậđeêơưTỉủyHhQqN0123456789/.-–,:;()| \n\u00a0")
    + [
        "Tỉnh ủy ",
        "Huyện ủy ",
        "Ban Thường vụ ",
        "hội nghị ",
        "sơ kết ",
        "tháng ",
        "quý ",
        "năm 2024",
        "Ngày ",
    ]
    + [
        "Sáng ",
        "tổ chức ",
        "Đảng bộ xã ",
        "Cập nhật ngày: ",
        "Tin, ảnh: ",
        "ĐTO - ",
        "Đại hội ",
        "UBND tỉnh ",
    ]
)


def check(result):
    assert isinstance(result, Extraction)
    assert result.warnings == []
    result.as_json(file="x.txt")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_unicode_text(text):
    check(extract(text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=120).map("".join))
def test_text_made_of_article_fragments(text):
    check(extract(text))


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["url", "source", "province", "published", "other"]), st.text(max_size=30)
    )
)
def test_any_hints(hints):
    check(extract("Ban Thường vụ Tỉnh ủy sơ kết tháng 11\nSáng 1/12, Ban Thường vụ Tỉnh ủy họp.", hints))


@st.composite
def mutated_corpus_text(draw, texts):
    text = draw(st.sampled_from(texts))
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 200)))
        action = draw(st.sampled_from(["delete", "insert", "upper", "duplicate", "swap"]))
        if action == "delete":
            text = text[:i] + text[j:]
        elif action == "insert":
            text = text[:i] + "".join(draw(st.lists(PIECES, max_size=12))) + text[i:]
        elif action == "upper":
            text = text[:i] + text[i:j].upper() + text[j:]
        elif action == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        else:
            text = text[i:] + text[:i]
    return text


def test_mutations_of_corpus_articles():
    texts = list(corpus_texts().values())

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(mutated_corpus_text(texts))
    def run(text):
        check(extract(text))

    run()


@pytest.mark.parametrize(
    "text",
    [
        "1.1.1.1" * 150_000,
        "đồng chí, " * 100_000,
        "Tỉnh ủy Trà Vinh tổ chức hội nghị sơ kết tháng 11. " * 20_000,
        "Ngày 1/12, " * 100_000,
        "quý I/2024 " * 100_000,
        "a" * 1_000_000,
        "\n" * 1_000_000,
        "( " * 500_000,
    ],
    ids=["dots", "dong-chi", "meetings", "dates", "quarters", "one-word", "newlines", "brackets"],
)
def test_a_megabyte_of_pathological_text_is_read_in_seconds(text):
    start = time.perf_counter()
    check(extract(text))
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize(
    "published", ["2024-01-05", "2024-01-05T08:00:00", dt.datetime(2024, 1, 5, 8), dt.date(2024, 1, 5)]
)
def test_the_published_hint_may_be_a_date_a_datetime_or_iso_text(published):
    result = extract(
        "Ban Thường vụ Tỉnh ủy sơ kết tháng 12\nSáng 4/1, Ban Thường vụ Tỉnh ủy họp.",
        {"published": published},
    )
    assert result.as_json()["published"] == "2024-01-05"
