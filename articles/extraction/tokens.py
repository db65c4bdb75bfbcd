"""The body as the people reader sees it: sentence and clause boundaries, the tokens of the sentences that
may name someone, and the titles read off those tokens ("Phó Bí thư Tỉnh ủy", "Đại tá", "UV BTV").

Only sentences holding a family name before a capital or an honorific are tokenised, so the cost stays
linear and small on any input.
"""

from __future__ import annotations

import bisect
import re

from articles.extraction.titles import (
    FAMILY_NAMES,
    HEAD_ABBREVIATIONS,
    HONORIFICS,
    LOWER_BIGRAMS,
    ORGAN_SECOND_SYLLABLES,
    RANKS,
    STRONG_TRIGGERS,
    TITLE_HEADS,
    TITLE_STOP_WORDS,
    TRIGGERS,
    UNIT_WORDS,
    UPPER,
    VERB_BIGRAMS,
)

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|\S")
DASHES = frozenset({"-", "–", "—"})
_ABBREVIATED = frozenset({"tp", "tx", "tt", "q", "h", "p", "đ", "gs", "pgs", "ts", "ths"})

_NEWLINE = re.compile(r"\n")
_LINE_BREAK = re.compile(r"\n+")
_SEMICOLON = re.compile(r";")
_SENTENCE_BREAK = re.compile(f'[.!?…]+["”’)]*[ \t]*(?=["“]?[{UPPER}])')
# Starts with a capital, so the regex engine only stops at capitals: cheap over a whole body.
_FAMILY_BEFORE_CAPITAL = re.compile(
    "(?:" + "|".join(sorted((f.capitalize() for f in FAMILY_NAMES), key=len, reverse=True)) + f") [{UPPER}]"
)
# "H'Yim Kđoh": a minority given name opens a name too (apart: one alternation of literals stays fast).
_MINORITY_NAME = re.compile(f"(?<=[HKR])['’][{UPPER}]")
TRIGGERS_BY_FIRST: dict[str, list[tuple[list[str], bool, bool]]] = {}
for _words, _plural in TRIGGERS:
    TRIGGERS_BY_FIRST.setdefault(_words[0], []).append((list(_words), _plural, _words in STRONG_TRIGGERS))
_HEAD_LISTS = {first: [list(h) for h in heads] for first, heads in TITLE_HEADS.items()}


def boundaries(body: str) -> tuple[list[int], list[int]]:
    """Character offsets where sentences start, and where clauses (after ";") start."""
    breaks = [m.end() for m in _LINE_BREAK.finditer(body)]
    for m in _SENTENCE_BREAK.finditer(body):
        word = body[max(0, m.start() - 4) : m.start()].rsplit(None, 1)[-1:]
        if not (word and word[0].casefold().lstrip("(") in _ABBREVIATED):
            breaks.append(m.end())
    sentences = sorted({0, *breaks})
    clauses = sorted({*sentences, *(m.end() for m in _SEMICOLON.finditer(body))})
    return sentences, clauses


def zones(body: str, sentences: list[int]) -> list[tuple[int, int]]:
    """Stretches of the body worth tokenising: the sentences holding a family name before a capitalised
    syllable ("Nguyễn Văn") or an honorific. The rest cannot name anyone."""
    marks = {bisect.bisect_right(sentences, m.start()) - 1 for m in _FAMILY_BEFORE_CAPITAL.finditer(body)}
    marks.update(bisect.bisect_right(sentences, m.start()) - 1 for m in _MINORITY_NAME.finditer(body))
    for honorific in HONORIFICS:
        at = body.find(honorific)
        while at != -1:
            marks.add(bisect.bisect_right(sentences, at) - 1)
            at = body.find(honorific, at + 1)
    zones: list[tuple[int, int]] = []
    bounds = [*sentences, len(body)]
    for k in sorted(marks):
        a, b = bounds[k], bounds[k + 1]
        if zones and zones[-1][1] == a:
            zones[-1] = (zones[-1][0], b)
        else:
            zones.append((a, b))
    return zones


class Tokens:
    """Tokens of the body's zones (see `zones`) as parallel lists (cheaper than one object per token)."""

    def __init__(self, body: str, zones: list[tuple[int, int]]):
        found = []
        for a, b in zones:
            found.extend(_TOKEN.finditer(body, a, b))
        self.text = text = [m.group() for m in found]
        self.start = start = [m.start() for m in found]
        n = len(text)
        # Tokens hold no spaces and case folding never makes one, so one call folds them all.
        low = " ".join(text).casefold().split(" ")
        self.low = low if len(low) == n else [t.casefold() for t in text]
        self.cap = [t.istitle() for t in text]  # "Nguyễn", "K'Thái", "Đ"; not "UBND"
        self.newline = newline = [False] * n
        for pos in [*(a for a, _ in zones), *(m.start() for m in _NEWLINE.finditer(body))]:
            i = bisect.bisect_left(start, pos)
            if i < n:
                newline[i] = True


class TokenReader:
    """Tokens of a body with the predicates and title reading the people reader builds on."""

    def __init__(self, body: str):
        self.body = body
        self.sentences, self.clauses = boundaries(body)
        self.toks = toks = Tokens(body, zones(body, self.sentences))
        self.n = len(toks.text)
        self.text, self.lows, self.start = toks.text, toks.low, toks.start
        self.caps, self.nl = toks.cap, toks.newline

    def stop(self, i: int) -> int:
        """Where token i ends."""
        return self.start[i] + len(self.text[i])

    # -- small predicates ------------------------------------------------------------------------------
    def low(self, i: int) -> str:
        return self.lows[i] if 0 <= i < self.n else ""

    def is_cap(self, i: int) -> bool:
        return 0 <= i < self.n and self.caps[i]

    def glued(self, i: int) -> bool:
        """Token i continues the same line as token i-1."""
        return 0 < i < self.n and not self.nl[i]

    def match_head(self, i: int) -> int | None:
        """End index of a title head starting at i ("Phó Bí thư", "UV", "Đại tá"), or None."""
        if i >= self.n:
            return None
        low = self.lows[i]
        if not (self.caps[i] or (low in HEAD_ABBREVIATIONS and self.text[i].isupper())):
            return None
        for head in _HEAD_LISTS.get(low, ()):
            k = len(head)
            if self.lows[i : i + k] == head and not any(self.nl[i + 1 : i + k]):
                return i + k
        return None

    def match_trigger(self, i: int) -> tuple[int, bool, bool] | None:
        """(index after the honorific, plural, strong) when an honorific starts at i."""
        for words, plural, strong in TRIGGERS_BY_FIRST.get(self.lows[i], ()):
            k = len(words)
            if self.lows[i : i + k] == words and not any(self.nl[i + 1 : i + k]):
                j = i + k
                if j < self.n and self.text[j] == ":":
                    j += 1
                if j < self.n and self.glued(j) and (self.caps[j] or self.match_head(j)):
                    return j, plural, strong
        return None

    # -- titles ----------------------------------------------------------------------------------------
    def title_end(self, i: int) -> tuple[int, int] | None:
        """(head end, title end) for a title starting at i: head, then its organ and place."""
        h = self.match_head(i)
        if h is None:
            return None
        if " ".join(self.lows[i:h]) in RANKS:
            return h, h
        k = h
        while k < self.n and self.glued(k):
            t = self.text[k]
            if not t[0].isalpha():
                prev = self.lows[k - 1]
                if (
                    t in ("'", "’")
                    and len(prev) == 1
                    and self.caps[k - 1]
                    and self.is_cap(k + 1)
                    and self.glued(k + 1)
                ):
                    k += 1  # "Ia H' Drai": the apostrophe of a minority place name, spaced
                    continue
                if (
                    t.isdigit()
                    and k > h
                    and (self.caps[k - 1] or prev in UNIT_WORDS or prev in ORGAN_SECOND_SYLLABLES)
                ):
                    k += 1  # "Quân khu 9", "Chi bộ ấp 3"
                    continue
                if (
                    t == "."
                    and self.lows[k - 1] in ("tp", "tx")
                    and self.text[k + 1 : k + 2] != []
                    and self.text[k + 1][0].isupper()
                    and self.glued(k + 1)
                ):
                    k += 1  # "UBND TP. Cần Thơ"
                    continue
                if t in DASHES and k > h and self.organ_goes_on(k + 1):
                    k += 1  # "Sở Lao động - Thương binh và Xã hội"
                    continue
                if t == "," and k > h and self.organ_goes_on(k + 1) and self.low(k + 3) == "và":
                    k += 1  # "Sở Văn hóa, Thể thao và Du lịch"
                    continue
                break
            nxt = self.low(k + 1)
            if t[0].isupper():  # "UBND", "TƯ", "Ea H'leo", "Ia KDăm"
                if k > h and self.match_head(k) and self.low(k - 1) not in ("ủy", "ban"):
                    break  # "Bí thư Tỉnh ủy và Trưởng Đoàn": a second title
                k += 1
                continue
            low = self.lows[k]
            if (low, nxt) in VERB_BIGRAMS:
                break
            if low == "và":
                if self.organ_goes_on(k + 1) and self.match_trigger(k + 1) is None:
                    k += 1
                    continue
                break
            if (self.low(k - 1), low) in LOWER_BIGRAMS or (low, nxt) in LOWER_BIGRAMS:
                k += 1
                continue
            if low in TITLE_STOP_WORDS:
                break
            if (self.caps[k - 1] and low in ORGAN_SECOND_SYLLABLES) or low in UNIT_WORDS:
                k += 1
                continue
            break
        while k > h and self.low(k - 1) == "và":
            k -= 1
        return h, k

    def organ_goes_on(self, k: int) -> bool:
        """Token k continues an organ's name: a capitalised word that starts neither a title nor a name."""
        return (
            self.is_cap(k)
            and len(self.text[k]) > 1
            and self.glued(k)
            and not self.match_head(k)
            and not (self.lows[k] in FAMILY_NAMES and self.is_cap(k + 1))
        )

    def title_text(self, i: int, k: int) -> str:
        return self.body[self.start[i] : self.stop(k - 1)] if k > i else ""
