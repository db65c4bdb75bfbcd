"""articles.highlight: escaped text with marked spans, whatever the spans say."""

from hypothesis import given
from hypothesis import strategies as st

from articles.highlight import HEADLINE_MARKS, Span, headline_html, highlight


def test_marks_a_span_and_escapes_the_rest():
    html = highlight("a <b> Ngô & c", [Span(6, 9, "ev-person", 'x"y', "nguoi-1")])
    assert html == 'a &lt;b&gt; <mark class="ev-person" title="x&quot;y" id="nguoi-1">Ngô</mark> &amp; c'


def test_skips_empty_overlapping_and_clips_out_of_range_spans():
    html = highlight("abcdef", [Span(1, 4), Span(2, 5), Span(3, 3), Span(5, 99), Span(-4, 0)])
    assert html == "a<mark>bcd</mark>e<mark>f</mark>"


@given(st.text(max_size=40), st.lists(st.tuples(st.integers(-5, 50), st.integers(-5, 50)), max_size=6))
def test_output_is_always_the_escaped_text_with_balanced_marks(text, pairs):
    html = highlight(text, [Span(start, end) for start, end in pairs])
    assert html.count("<mark>") == html.count("</mark>")
    assert html.replace("<mark>", "").replace("</mark>", "") == highlight(text, [])


def test_headline_keeps_only_our_marks():
    start, stop = HEADLINE_MARKS
    assert headline_html(f"<mark>x</mark> {start}Ngô{stop} <script>") == (
        "&lt;mark&gt;x&lt;/mark&gt; <mark>Ngô</mark> &lt;script&gt;"
    )
