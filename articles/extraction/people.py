"""Named people in an article body, with the titles the article gives them and their roles at the meeting.

A person is found in one of these shapes (the body is NFC, modern tone marks):
- after an honorific: "đồng chí Ngô Chí Cường, Ủy viên ..., Bí thư Tỉnh ủy", "Đ/c A", "Ông A", "bà A";
- after a title: "Bí thư Huyện ủy Nguyễn Hữu Khiêm", "Đại tá Nguyễn Văn Hiểu - Ủy viên ...";
- bare, followed by a title: "...; Phan Trọng Nghĩa - Phó Bí thư Thường trực Tỉnh ủy";
- in a list opened by "các đồng chí:" / "các ông, bà:", members separated by ";", "," or "và", or one a
  line after a bullet; the opener may describe the members first ("các đồng chí Ủy viên Ban Thường vụ:");
- with titles in brackets: "đồng chí A (Bí thư Huyện ủy)";
- later, by the same full name, or by the last syllable after an honorific ("bà Hân").
Roles come from cue words in the same clause: before the person or list ("Dự hội nghị có ...",
"Phát biểu chỉ đạo, ...") or right after it ("... chủ trì hội nghị"), see roles.py; a person
with no cue is "mentioned". Names are capitalised syllables, and place names (from the gazetteer) are not
names, so "Bí thư Huyện ủy Lâm Hà" names no one.

Tokens (tokens.py) cover only the sentences that may name someone, and the scan visits
only capitalised tokens and honorifics, so the cost stays linear and small on any input.
"""

from __future__ import annotations

import bisect
import re

from articles.extraction.roles import Mention, assign_roles
from articles.extraction.titles import (
    FAMILY_NAMES,
    HEAD_ABBREVIATIONS,
    MIDDLE_NAMES,
    NOT_NAME_WORDS,
    PLACE_NOUNS,
    RANKS,
    is_place,
    place_names,
)
from articles.extraction.tokens import DASHES, TRIGGERS_BY_FIRST, TokenReader
from articles.extraction.types import ROLES, Appearance

# "H'Yim", "K'Mák": Ê Đê and K'Ho given names open a name as a family name does.
_MINORITY_PREFIX = re.compile(r"[hkr]['’]\w")


def _family(low: str) -> bool:
    """A lowered token that may start a person's name."""
    return low in FAMILY_NAMES or _MINORITY_PREFIX.match(low) is not None


_BULLETS = frozenset({"-", "–", "+", "•", "*"})
_DESCRIPTION_TOKENS = 12  # at most this many tokens between "các đồng chí" and the colon opening its list


class _Reader(TokenReader):
    def __init__(self, body: str):
        super().__init__(body)
        self.mentions: list[Mention] = []
        self.short_refs: list[tuple[int, int, str]] = []  # (span start, token index, last syllable): "bà Hân"
        self.family_capitals: list[int] = []
        self.elected: set[int] = set()  # indexes of mentions "được bầu giữ chức ...": at the meeting
        self.bracket_end = 0

    def titles_in_brackets(self, k: int) -> list[str]:
        """Titles in brackets right after a name: "A (Bí thư Huyện ủy)", "A (Ủy viên ..., Bí thư ...)";
        sets `bracket_end` to the closing bracket's index."""
        if self.low(k) != "(" or not self.glued(k + 1):
            return []
        titles: list[str] = []
        j = k + 1
        while (te := self.title_end(j)) is not None:
            titles.append(self.title_text(j, te[1]))
            j = te[1]
            if self.low(j) != "," or not self.glued(j + 1):
                break
            j += 1
        if self.low(j) != ")":
            return []
        self.bracket_end = j
        return titles

    def titles_after(self, k: int) -> tuple[list[str], int]:
        """Titles written after a name: "A, Ủy viên ..., Bí thư ..." or "A - Bí thư ..." / "A-Bí thư"."""
        titles = self.titles_in_brackets(k)
        if titles:
            k = self.bracket_end + 1
        while k + 1 < self.n:
            sep = self.lows[k]
            if not (sep in (",", "kiêm", "và") or sep in DASHES) or self.nl[k]:
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
        if (
            first in NOT_NAME_WORDS
            and not _family(first)
            and not (strong and self.low(i + 1) in MIDDLE_NAMES)
        ):
            return False
        if size == 1:  # "đồng chí K'Thái"; "K'Bróh" needs no honorific
            return "'" in self.text[i] and (strong or _MINORITY_PREFIX.match(first) is not None)
        if _family(first):
            return not (size == 2 and self.joined(i, k).casefold() in place_names())
        return strong and self.joined(i, k).casefold() not in place_names()

    def titled_place_name(self, i: int, k: int) -> bool:
        """A family name and a syllable that also name a place, given a title: "đồng chí Thái Bình, Bí thư"."""
        return (
            k - i == 2
            and _family(self.low(i))
            and k + 1 < self.n
            and (self.text[k] == "," or self.text[k] in DASHES)
            and self.match_head(k + 1) is not None
        )

    def joined(self, i: int, k: int) -> str:
        return " ".join(self.text[i:k])

    def split_trailing_name(
        self, start: int, end: int, after_organ: bool, right_after_head: bool
    ) -> int | None:
        """Where a person's name starts in the capitalised run toks[start:end] ending a title."""
        best = None
        run_is_named = _family(self.low(start))
        for p in range(start, end):
            if not _family(self.low(p)):
                continue
            # a place of two syllables or more before the name: "Tri Tôn Thạch Long", "Vĩnh Lợi Chu Văn A"
            after_place = p - start >= 2 and is_place(self.joined(start, p))
            if p > start and run_is_named and not after_place:
                continue  # "Y Thanh Hà Niê Kđăm" and "Tỉnh ủy Chu Hoàng Hồng Luân" are one name each
            size = end - p
            if not (2 <= size <= 5 or (size == 1 and _MINORITY_PREFIX.match(self.low(p)))):
                continue
            if (
                (p > start or not right_after_head)
                and not after_place
                and self.joined(p, end).casefold() in place_names()
            ):
                # "Bí thư Thành ủy TP Hồ Chí Minh", but "Chủ tịch Hồ Chí Minh" and "Tỉnh ủy Bạc Liêu Mai Sơn"
                # name a person
                continue
            if (
                size == 2
                and p == start
                and after_organ
                and end - start == 2
                and is_place(self.joined(p, end))
            ):
                continue  # "Bí thư Đảng ủy xã Lâm Sơn": two syllables after an organ, a place the gazetteer knows
            rank = (not after_place, {3: 0, 4: 1, 2: 2, 5: 3, 1: 4}[size])
            if best is None or rank < best[0]:
                best = (rank, p)
        return best[1] if best else None

    def add(self, name_i: int, name_k: int, span_start: int, titles: list[str], end_k: int) -> Mention:
        m = Mention(
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
        if not self.plausible_name(j, k, strong) and not (strong and self.titled_place_name(j, k)):
            return None
        titles, after = self.titles_after(k)
        self.add(j, k, span_start, [*lead_titles, *titles], after)
        return after

    def list_continues(self, k: int, lines: bool = False) -> int | None:
        """Index of the next bare name in a list ("A và B", "A, t; B, t"), or None. With `lines`, members
        stand one a line, maybe after a bullet ("- A, t;")."""
        j = k
        if lines:
            if j < self.n and self.text[j] in (",", ";", "."):
                j += 1
            if not (j < self.n and self.nl[j]):
                return None
            return self.bulleted_member(j)
        if j < self.n and self.text[j] in (",", ";"):
            j += 1
        if self.low(j) == "và":
            j += 1
        if j == k or not self.glued(j) or not _family(self.low(j)):
            return None
        end = self.cap_run(j)
        return j if self.plausible_name(j, end, False) else None

    def bulleted_member(self, j: int) -> int | None:
        """Index of the name on the line starting at token j ("- Nguyễn Văn A, ..."), or None."""
        if j < self.n and self.text[j] in _BULLETS and self.glued(j + 1):
            j += 1
        if not (self.is_cap(j) and _family(self.low(j))):
            return None
        return j if self.plausible_name(j, self.cap_run(j), False) else None

    def bulleted_list(self, i: int) -> int | None:
        """A plural honorific ending its line ("Dự hội nghị có các đồng chí:") before members one a line:
        the index of the first member's name, or None."""
        for words, plural, _ in TRIGGERS_BY_FIRST.get(self.lows[i], ()):
            j = i + len(words)
            if not plural or self.lows[i:j] != words:
                continue
            if j < self.n and self.text[j] == ":" and self.glued(j):
                j += 1
            return self.bulleted_member(j) if j < self.n and self.nl[j] else None
        return None

    def described_list(self, i: int) -> tuple[int, list[str]] | None:
        """A plural honorific, a short description and a colon before the list: "các đồng chí trong Ban
        Thường vụ Tỉnh ủy: A, B", "Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy: A, B". Returns the index of the
        first name and the titles the description gives every member (a description that is a title)."""
        for words, plural, _ in TRIGGERS_BY_FIRST.get(self.lows[i], ()):
            j = i + len(words)
            if not plural or self.lows[i:j] != words:
                continue
            for c in range(j + 1, min(j + _DESCRIPTION_TOKENS, self.n)):
                t = self.text[c]
                if self.nl[c] or t in (".", ";"):
                    return None
                if t == ":":
                    first = c + 1
                    if not (self.is_cap(first) and _family(self.low(first)) and self.glued(first)):
                        return None
                    te = self.title_end(j)
                    return first, [self.title_text(j, c)] if te is not None and te[1] == c else []
            return None
        return None

    def read(self) -> None:
        n = self.n
        caps, lows = self.caps, self.lows
        candidates = [
            x for x in range(n) if caps[x] or lows[x] in TRIGGERS_BY_FIRST or lows[x] in HEAD_ABBREVIATIONS
        ]
        self.family_capitals = [x for x in candidates if caps[x] and _family(lows[x])]
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
            lead: list[str] = []
            lines = False
            trig = self.match_trigger(i)
            described = self.described_list(i)
            if described is not None:
                j, lead = described
                trig = j, True, False
            elif trig is None and caps[i] is False and (bulleted := self.bulleted_list(i)) is not None:
                trig, lines = (bulleted, True, False), True
            if trig is not None:
                j, plural, strong = trig
                first = len(self.mentions)
                after = self.person_at(j, start, strong, lead)
                if after is None:
                    i = j
                    continue
                while plural and after is not None:
                    nxt = self.list_continues(after, lines)
                    if nxt is None:
                        break
                    after = self.person_at(nxt, self.start[nxt], False, lead) or nxt + 1
                for m in self.mentions[first:] if plural else ():
                    m.opener = start
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
                and _family(self.lows[i])
                and not self.is_cap(i - 1)
                and self.low(i - 1) not in PLACE_NOUNS
            ):
                k = self.cap_run(i)
                if (
                    k < n
                    and self.text[k] in (",", *DASHES)
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
                if (
                    len(key) == size
                    and key in known
                    and not any(self.nl[i + 1 : i + size])
                    and not self.is_cap(i + size)
                ):
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
                m = Mention(name, self.start[j], self.stop(j), span_start, self.stop(j))
                self.mentions.append(m)
        self.mentions.sort(key=lambda m: m.span_start)


def find_people(body: str) -> list[Appearance]:
    """Every named person in `body`, merged by full name, in order of first mention."""
    if not isinstance(body, str) or not body:
        return []
    if body == body.lower():
        return []  # names are capitalised
    reader = _Reader(body)
    reader.read()
    reader.known_names()
    assign_roles(body, reader.mentions, reader.sentences, reader.clauses)
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
