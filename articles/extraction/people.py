"""Named people in an article body, with the titles the article gives them and their roles at the meeting.

A person is found in one of these shapes (the body is NFC, modern tone marks):
- after an honorific: "đồng chí Ngô Chí Cường, Ủy viên ..., Bí thư Tỉnh ủy", "Đ/c A", "Ông A", "bà A";
- after a title: "Bí thư Huyện ủy Nguyễn Quốc Phương", "Đại tá Nguyễn Văn Hiểu - Ủy viên ...";
- bare, followed by a title: "...; Phan Văn Thắng - Phó Bí thư Thường trực Tỉnh ủy";
- in a list opened by "các đồng chí:" / "các ông, bà:", members separated by ";", "," or "và";
- later, by the same full name, or by the last syllable after an honorific ("bà Hân").
Roles come from cue words in the same clause: before the person or list ("Dự hội nghị có ...",
"Phát biểu chỉ đạo, ...") or right after it ("... chủ trì hội nghị", "... trình bày báo cáo"); a person
with no cue is "mentioned". Names are capitalised syllables, and place names (from the gazetteer) are not
names, so "Bí thư Huyện ủy Lâm Hà" names no one.

Only sentences holding a family name before a capital or an honorific are tokenised, and the scan visits
only capitalised tokens and honorifics, so the cost stays linear and small on any input.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from articles.extraction.titles import (
    FAMILY_NAMES,
    HEAD_ABBREVIATIONS,
    HONORIFICS,
    LOWER_BIGRAMS,
    MEETING_WORDS,
    NOT_ATTENDING,
    NOT_NAME_WORDS,
    ORGAN_SECOND_SYLLABLES,
    PLACE_NOUNS,
    RANKS,
    ROLE_CUES,
    STRONG_TRIGGERS,
    TITLE_HEADS,
    TITLE_STOP_WORDS,
    TRIGGERS,
    UNIT_WORDS,
    UPPER,
    VERB_BIGRAMS,
    is_place,
    place_names,
)
from articles.extraction.types import ROLES, Appearance

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|\S")
_DASHES = frozenset({"-", "–", "—"})
_ABBREVIATED = frozenset({"tp", "tx", "tt", "q", "h", "p", "đ", "gs", "pgs", "ts", "ths"})

_GIVEN_TO = re.compile(r"\b(?:trao|tặng|trao tặng)\b[^.;]*\bcho\s*$")
_WORD = re.compile(r"\w+")
_NEWLINE = re.compile(r"\n")
_LINE_BREAK = re.compile(r"\n+")
_SEMICOLON = re.compile(r";")
_SENTENCE_BREAK = re.compile(f'[.!?…]+["”’)]*[ \t]*(?=["“]?[{UPPER}])')
# Starts with a capital, so the regex engine only stops at capitals: cheap over a whole body.
_FAMILY_BEFORE_CAPITAL = re.compile(
    "(?:" + "|".join(sorted((f.capitalize() for f in FAMILY_NAMES), key=len, reverse=True)) + f") [{UPPER}]"
)
_LIST_GAP = re.compile(r"\s*(?:[,;]\s*)?(?:(?:và|cùng)\s+)?")
_TRIGGERS_BY_FIRST: dict[str, list[tuple[list[str], bool, bool]]] = {}
for _words, _plural in TRIGGERS:
    _TRIGGERS_BY_FIRST.setdefault(_words[0], []).append((list(_words), _plural, _words in STRONG_TRIGGERS))
_HEAD_LISTS = {first: [list(h) for h in heads] for first, heads in TITLE_HEADS.items()}
_PREFIX_WORDS = 15
_WINDOW = 200  # characters looked at around a person for role cues
_SUFFIX_END = re.compile(r"[,;:.(]")
_ASIDE = re.compile(r"\s*(?:\(([^()]{0,60})\)|,([^,;.()]{0,60}),)")
_SUFFIX_WORDS = 12


@dataclass
class _Mention:
    name: tuple[str, ...]  # name tokens as written
    start: int  # the name's span
    end: int
    span_start: int  # including honorific and titles
    span_end: int
    titles: list[str] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)


def _boundaries(body: str) -> tuple[list[int], list[int]]:
    """Character offsets where sentences start, and where clauses (after ";") start."""
    breaks = [m.end() for m in _LINE_BREAK.finditer(body)]
    for m in _SENTENCE_BREAK.finditer(body):
        word = body[max(0, m.start() - 4) : m.start()].rsplit(None, 1)[-1:]
        if not (word and word[0].casefold().lstrip("(") in _ABBREVIATED):
            breaks.append(m.end())
    sentences = sorted({0, *breaks})
    clauses = sorted({*sentences, *(m.end() for m in _SEMICOLON.finditer(body))})
    return sentences, clauses


def _zones(body: str, sentences: list[int]) -> list[tuple[int, int]]:
    """Stretches of the body worth tokenising: the sentences holding a family name before a capitalised
    syllable ("Nguyễn Văn") or an honorific. The rest cannot name anyone."""
    marks = {bisect.bisect_right(sentences, m.start()) - 1 for m in _FAMILY_BEFORE_CAPITAL.finditer(body)}
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


class _Tokens:
    """Tokens of the body's zones (see `_zones`) as parallel lists (cheaper than one object per token)."""

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
        self.cap = [t.istitle() for t in text]  # "Nguyễn", "K'Phúc", "Đ"; not "UBND"
        self.newline = newline = [False] * n
        for pos in [*(a for a, _ in zones), *(m.start() for m in _NEWLINE.finditer(body))]:
            i = bisect.bisect_left(start, pos)
            if i < n:
                newline[i] = True


class _Reader:
    def __init__(self, body: str):
        self.body = body
        self.sentences, self.clauses = _boundaries(body)
        self.toks = toks = _Tokens(body, _zones(body, self.sentences))
        self.n = len(toks.text)
        self.text, self.lows, self.start = toks.text, toks.low, toks.start
        self.caps, self.nl = toks.cap, toks.newline
        self.mentions: list[_Mention] = []
        self.short_refs: list[tuple[int, int, str]] = []  # (span start, token index, last syllable): "bà Hân"
        self.family_capitals: list[int] = []
        self.elected: set[int] = set()  # indexes of mentions "được bầu giữ chức ...": at the meeting

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
        for words, plural, strong in _TRIGGERS_BY_FIRST.get(self.lows[i], ()):
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
                if t in _DASHES and k > h and self.organ_goes_on(k + 1):
                    k += 1  # "Sở Lao động - Thương binh và Xã hội"
                    continue
                if t == "," and k > h and self.organ_goes_on(k + 1) and self.low(k + 3) == "và":
                    k += 1  # "Sở Văn hóa, Thể thao và Du lịch"
                    continue
                break
            nxt = self.low(k + 1)
            if self.caps[k] or self.text[k].isupper():  # "UBND", "TƯ"
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

    def titles_after(self, k: int) -> tuple[list[str], int]:
        """Titles written after a name: "A, Ủy viên ..., Bí thư ..." or "A - Bí thư ..." / "A-Bí thư"."""
        titles: list[str] = []
        while k + 1 < self.n:
            sep = self.lows[k]
            if not (sep in (",", "kiêm", "và") or sep in _DASHES) or self.nl[k]:
                break
            j = k + 1
            if self.lows[j] == "nguyên" and not self.caps[j]:
                j += 1  # "nguyên Bí thư Tỉnh ủy": a former post is still a title
            te = self.title_end(j)
            if te is None or not self.glued(k + 1):
                break
            titles.append(self.title_text(k + 1, te[1]))
            k = te[1]
        # "... được bầu giữ chức Bí thư Tỉnh ủy"
        j = k
        if self.low(j) == "được" and self.low(j + 1) in ("bầu", "chỉ", "bổ", "phân"):
            j += 2
            if self.low(j - 1) in ("chỉ", "bổ", "phân"):
                j += 1  # chỉ định, bổ nhiệm, phân công
            if self.low(j) == "giữ" and self.low(j + 1) == "chức":
                j += 2
            elif self.low(j) in ("làm", "là"):
                j += 1
            te = self.title_end(j)
            if te is not None:
                titles.append(self.title_text(j, te[1]))
                k = te[1]
                self.elected.add(len(self.mentions))  # the mention about to be added was elected here
        elif self.low(j) == "giữ" and self.low(j + 1) == "chức" and (te := self.title_end(j + 2)) is not None:
            titles.append(self.title_text(j + 2, te[1]))  # "Hội nghị bầu đồng chí A giữ chức Bí thư"
            k = te[1]
        return titles, k

    # -- names -----------------------------------------------------------------------------------------
    def cap_run(self, i: int) -> int:
        k = i
        while k < self.n and self.caps[k] and (k == i or self.glued(k)):
            if k > i and self.match_head(k):
                break
            k += 1
        return k

    def plausible_name(self, i: int, k: int, strong: bool) -> bool:
        size = k - i
        if size < 1 or size > 5:
            return False
        first = self.low(i)
        if first in NOT_NAME_WORDS and first not in FAMILY_NAMES:
            return False
        if size == 1:
            return strong and "'" in self.text[i]
        if first in FAMILY_NAMES:
            return not (size == 2 and self.joined(i, k).casefold() in place_names())
        return strong and self.joined(i, k).casefold() not in place_names()

    def joined(self, i: int, k: int) -> str:
        return " ".join(self.text[i:k])

    def split_trailing_name(
        self, start: int, end: int, after_organ: bool, right_after_head: bool
    ) -> int | None:
        """Where a person's name starts in the capitalised run toks[start:end] ending a title."""
        best = None
        run_is_named = self.low(start) in FAMILY_NAMES
        for p in range(start, end):
            if self.low(p) not in FAMILY_NAMES:
                continue
            if p > start and run_is_named and not is_place(self.joined(start, p)):
                continue  # "Y Thanh Hà Niê Kđăm" is one name; "Cao Lãnh Nguyễn Văn A" a place and a name
            size = end - p
            if not 2 <= size <= 5:
                continue
            if (p > start or not right_after_head) and self.joined(p, end).casefold() in place_names():
                continue  # "Bí thư Thành ủy TP Hồ Chí Minh", but "Chủ tịch Hồ Chí Minh" is a person
            if size == 2 and p == start and after_organ and end - start == 2:
                # "Bí thư Huyện ủy Lâm Hà": two syllables right after an organ are a place unless known
                continue
            rank = {3: 0, 4: 1, 2: 2, 5: 3}[size]
            if best is None or rank < best[0]:
                best = (rank, p)
        return best[1] if best else None

    def add(self, name_i: int, name_k: int, span_start: int, titles: list[str], end_k: int) -> _Mention:
        m = _Mention(
            name=tuple(self.text[name_i:name_k]),
            start=self.start[name_i],
            end=self.stop(name_k - 1),
            span_start=span_start,
            span_end=self.stop(end_k - 1) if end_k > 0 else 0,
            titles=titles,
        )
        if len(self.mentions) in self.elected:
            m.roles.add("attend")
        self.mentions.append(m)
        return m

    def person_at(self, j: int, span_start: int, strong: bool, lead_titles: list[str]) -> int | None:
        """Read "[title] Name[, titles]" at j; return the index after it, or None when there is no name."""
        te = self.title_end(j)
        if te is not None:
            head_end, end = te
            is_rank = head_end == end and " ".join(self.lows[j:head_end]) in RANKS
            if is_rank:
                k = self.cap_run(head_end)
                if k > head_end and self.plausible_name(head_end, k, True):
                    titles, after = self.titles_after(k)
                    self.add(
                        head_end, k, span_start, [*lead_titles, self.title_text(j, head_end), *titles], after
                    )
                    return after
                return head_end
            # the capitalised run that ends the title may hold the name
            r = end
            while r > head_end and self.caps[r - 1]:
                r -= 1
            after_organ = r > head_end and self.low(r - 1) in ("ủy", "tỉnh", "huyện", "quận", "phố", "xã")
            p = self.split_trailing_name(r, end, after_organ, r == head_end)
            if p is None:
                return end
            title = self.title_text(j, p)
            titles, after = self.titles_after(end)
            self.add(p, end, span_start, [*lead_titles, *([title] if title else []), *titles], after)
            return after
        k = self.cap_run(j)
        if k - j == 1 and not self.is_cap(k) and "'" not in self.text[j]:
            self.short_refs.append((span_start, j, self.low(j)))
            return k
        if not self.plausible_name(j, k, strong):
            return None
        titles, after = self.titles_after(k)
        self.add(j, k, span_start, [*lead_titles, *titles], after)
        return after

    def list_continues(self, k: int) -> int | None:
        """Index of the next bare name in a list ("A và B", "A, t; B, t"), or None."""
        j = k
        if j < self.n and self.text[j] in (",", ";"):
            j += 1
        if self.low(j) == "và":
            j += 1
        if j == k or not self.glued(j) or self.low(j) not in FAMILY_NAMES:
            return None
        end = self.cap_run(j)
        return j if self.plausible_name(j, end, False) else None

    def read(self) -> None:
        n = self.n
        caps, lows = self.caps, self.lows
        candidates = [
            x for x in range(n) if caps[x] or lows[x] in _TRIGGERS_BY_FIRST or lows[x] in HEAD_ABBREVIATIONS
        ]
        self.family_capitals = [x for x in candidates if caps[x] and lows[x] in FAMILY_NAMES]
        c = 0
        i = 0
        pending = (
            None  # titles before a name, waiting for it: (titles, index where the next one starts, start)
        )
        while c < len(candidates):
            if candidates[c] < i:
                c += 1
                continue
            i = candidates[c]
            start = self.start[i]
            trig = self.match_trigger(i)
            if trig is not None:
                j, plural, strong = trig
                first = len(self.mentions)
                after = self.person_at(j, start, strong, [])
                if after is None:
                    i = j
                    continue
                while plural and after is not None:
                    nxt = self.list_continues(after)
                    if nxt is None:
                        break
                    after = self.person_at(nxt, self.start[nxt], False, []) or nxt + 1
                if plural and len(self.mentions) - first > 1 and self.mentions[-1].titles:
                    # "Các đồng chí A và B được bầu giữ chức Phó Bí thư": the title is for all of them
                    for m in self.mentions[first:-1]:
                        if not m.titles:
                            m.titles = list(self.mentions[-1].titles)
                            m.roles |= self.mentions[-1].roles
                i = max(after, i + 1)
                continue
            cap = self.caps[i]
            if cap and self.match_head(i) is not None:
                count = len(self.mentions)
                lead, span_start = [], start
                if pending is not None and pending[1] == i:
                    lead, span_start = pending[0], pending[2]  # "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh A"
                pending = None
                after = self.person_at(i, span_start, False, lead)
                if (
                    len(self.mentions) == count
                    and after is not None
                    and after < n
                    and self.text[after] == ","
                ):
                    te = self.title_end(i)
                    if te is not None and te[1] == after:
                        pending = ([*lead, self.title_text(i, after)], after + 1, span_start)
                i = max(after or i + 1, i + 1)
                continue
            if (
                cap
                and self.lows[i] in FAMILY_NAMES
                and not self.is_cap(i - 1)
                and self.low(i - 1) not in PLACE_NOUNS
            ):
                k = self.cap_run(i)
                if (
                    k < n
                    and self.text[k] in (",", *_DASHES)
                    and self.match_head(k + 1) is not None
                    and self.plausible_name(i, k, False)
                ):
                    titles, after = self.titles_after(k)
                    if titles:
                        self.add(i, k, start, titles, after)
                        i = after
                        continue
                i = k
                continue
            i += 1

    def known_names(self) -> None:
        """Bare later mentions of a full name already read, and "bà Hân" for a unique "... Hân"."""
        known = {tuple(x.casefold() for x in m.name) for m in self.mentions if len(m.name) >= 2}
        if not known:
            return
        covered = sorted((m.span_start, m.span_end) for m in self.mentions)
        lengths = sorted({len(k) for k in known}, reverse=True)
        starts = [c[0] for c in covered]

        def inside(pos: int) -> bool:
            x = bisect.bisect_right(starts, pos) - 1
            return x >= 0 and covered[x][0] <= pos < covered[x][1]

        extra = []
        skip_to = 0
        for i in self.family_capitals:
            if i < skip_to or inside(self.start[i]):
                continue
            for size in lengths:
                key = tuple(self.lows[i : i + size])
                if key in known and not any(self.nl[i + 1 : i + size]) and not self.is_cap(i + size):
                    titles, after = self.titles_after(i + size)
                    extra.append((i, i + size, titles, after))
                    skip_to = i + size
                    break
        for a, b, titles, after in extra:
            self.add(a, b, self.start[a], titles, after)
        by_last: dict[str, set[tuple[str, ...]]] = {}
        for m in self.mentions:
            if len(m.name) >= 2:
                by_last.setdefault(m.name[-1].casefold(), set()).add(m.name)
        for span_start, j, last in self.short_refs:
            names = by_last.get(last, set())
            if len({tuple(x.casefold() for x in nm) for nm in names}) == 1:
                name = next(iter(names))
                m = _Mention(name, self.start[j], self.stop(j), span_start, self.stop(j))
                self.mentions.append(m)
        self.mentions.sort(key=lambda m: m.span_start)


def _possessor(words: list[str]) -> bool:
    """The person after these words owns what they name ("theo chỉ đạo của", "lời"), so cue words in them
    are not about the person; "sự tham dự của", "sự chủ trì của" are."""
    last = [w.casefold() for w in words[-4:]]
    if not last:
        return False
    if last[-1] == "của":
        return "sự" not in last[:-1]
    return last[-1] in ("theo", "lời")


def _cues(text: str, chain: str = "") -> tuple[set[str], bool]:
    """Roles named by cue words in `text`, and whether a weak cue ("cho biết") is among them.

    With chain="first" only the first cue and those joined to it count ("dự và phát biểu chỉ đạo"), as in
    the words after a person: later verbs have other subjects. With chain="last" only the last cue and
    those joined to it, as in the words before a person ("Dự và chỉ đạo hội nghị có", but in "công bố
    quyết định điều động đồng chí A" A is only the one moved)."""
    found = _WORD.findall(text.casefold())
    n = len(found)
    cues: list[tuple[int, int, str]] = []  # (first word, word after, role)
    i = 0
    while i < n:
        for size in (3, 2, 1):
            role = ROLE_CUES.get(tuple(found[i : i + size]))
            if role and not (
                found[i] == "dự" and size == 1 and found[i + 1 : i + 2] and found[i + 1] in NOT_ATTENDING
            ):
                break
        else:
            i += 1
            continue
        if not (i and found[i - 1] == "nghe"):  # "sau khi nghe báo cáo, đồng chí A": A did not report
            cues.append((i, i + size, role))
        i += size

    def joined(left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
        gap = right[0] - left[1]
        return gap == 0 or (gap == 1 and found[left[1]] == "và")

    if chain == "first" and cues:
        k = 1
        while k < len(cues) and joined(cues[k - 1], cues[k]):
            k += 1
        cues = cues[:k]
    elif chain == "last" and cues:
        k = len(cues) - 1
        while k > 0 and joined(cues[k - 1], cues[k]):
            k -= 1
        cues = cues[k:]
    roles = {role for _, _, role in cues if role != "weak"}
    return roles, any(role == "weak" for _, _, role in cues)


def _assign_roles(body: str, reader: _Reader) -> None:
    mentions = reader.mentions
    if not mentions:
        return
    sentences, clauses = reader.sentences, reader.clauses
    meeting = None  # whether the article is about a meeting, looked up when first needed
    groups: list[list[_Mention]] = []
    for m in mentions:
        if groups:
            prev = groups[-1][-1]
            gap = body[prev.span_end : m.span_start]
            same_sentence = bisect.bisect_right(sentences, prev.span_start) == bisect.bisect_right(
                sentences, m.span_start
            )
            if same_sentence and prev.span_end <= m.span_start and _LIST_GAP.fullmatch(gap):
                groups[-1].append(m)
                continue
        groups.append([m])
    for g, group in enumerate(groups):
        first, last = group[0], group[-1]
        # before: from the clause start, when no other person stands in between
        c_start = clauses[bisect.bisect_right(clauses, first.span_start) - 1]
        prev_end = groups[g - 1][-1].span_end if g else 0
        roles: set[str] = set()
        weak = False
        if prev_end <= c_start:
            words = body[max(c_start, first.span_start - _WINDOW) : first.span_start].split()
            before = " ".join(words[-_PREFIX_WORDS:])
            if not _possessor(words):
                found, weak = _cues(before, chain="last")
                roles |= found
        elif _GIVEN_TO.search(body, max(prev_end, c_start, first.span_start - _WINDOW), first.span_start):
            roles.add("attend")  # "... trao Huy hiệu Đảng cho đồng chí A": honoured at the ceremony
        # after: up to the next person, the end of the clause or the first comma
        nxt = (
            clauses[bisect.bisect_right(clauses, last.span_end)] if clauses[-1] > last.span_end else len(body)
        )
        if g + 1 < len(groups):
            nxt = min(nxt, groups[g + 1][0].span_start)
        tail = body[last.span_end : min(max(nxt, last.span_end), last.span_end + _WINDOW)]
        aside = _ASIDE.match(tail)
        if aside:  # "A (thứ hai từ trái) trao ...", "Cụ A, đảng viên 55 năm tuổi Đảng, phát biểu"
            found, _ = _cues(aside.group(1) or aside.group(2) or "")
            if not found:
                tail = tail[aside.end() :]
        segments = _SUFFIX_END.split(tail, 2)
        after = segments[0] if segments[0].strip() or len(segments) < 2 else segments[1]
        found, weak_after = _cues(" ".join(after.split()[:_SUFFIX_WORDS]), chain="first")
        roles |= found
        if (weak or weak_after) and "report" not in roles:
            if meeting is None:
                meeting = bool(MEETING_WORDS.search(body.casefold()))
            if meeting:
                roles.add("speak")
        for m in group:
            m.roles |= roles


def find_people(body: str) -> list[Appearance]:
    """Every named person in `body`, merged by full name, in order of first mention."""
    if not isinstance(body, str) or not body:
        return []
    if body == body.lower():
        return []  # names are capitalised
    reader = _Reader(body)
    reader.read()
    reader.known_names()
    _assign_roles(body, reader)
    people: dict[str, Appearance] = {}
    best_titles: dict[str, int] = {}
    for m in reader.mentions:
        key = " ".join(m.name).casefold()
        person = people.get(key)
        if person is None:
            person = people[key] = Appearance(name=" ".join(m.name), start=m.start, end=m.end)
            best_titles[key] = -1
        if len(m.titles) > best_titles[key]:
            person.titles = list(m.titles)
            best_titles[key] = len(m.titles)
        person.roles = [r for r in ROLES if r in m.roles or r in person.roles]
    for person in people.values():
        if not person.roles:
            person.roles = ["mentioned"]
        elif len(person.roles) > 1 and "mentioned" in person.roles:
            person.roles.remove("mentioned")
        if "chair" in person.roles and "attend" in person.roles:
            person.roles.remove("attend")  # chairing is attending
    return list(people.values())
