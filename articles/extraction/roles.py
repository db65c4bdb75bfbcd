"""A person's roles at the meeting, from cue words in the same clause: before the person or list ("Dự hội
nghị có ...", "Phát biểu chỉ đạo, ...") or right after it ("... chủ trì hội nghị", "... trình bày báo cáo").
A person with no cue is "mentioned" (decided by the caller).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from articles.extraction.titles import MEETING_WORDS, NOT_ATTENDING, ROLE_CUES

_GIVEN_TO = re.compile(r"\b(?:trao|tặng|trao tặng)\b[^.;]*\bcho\s*$")
_WORD = re.compile(r"\w+")
_LIST_GAP = re.compile(r"\s*(?:[,;]\s*)?(?:(?:và|cùng)\s+)?")
_PREFIX_WORDS = 15
_WINDOW = 200  # characters looked at around a person for role cues
_SUFFIX_END = re.compile(r"[,;:.(]")
_ASIDE = re.compile(r"\s*(?:\(([^()]{0,60})\)|,([^,;.()]{0,60}),)")
_SUFFIX_WORDS = 12
_QUOTED = re.compile(r"\s*:\s*[\"“]?[^\W\d_]")


@dataclass
class Mention:
    name: tuple[str, ...]  # name tokens as written
    start: int  # the name's span
    end: int
    span_start: int  # including honorific and titles
    span_end: int
    titles: list[str] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    opener: int = -1  # for a member of a list opened by "các đồng chí", where that opener starts


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


def assign_roles(body: str, mentions: list[Mention], sentences: list[int], clauses: list[int]) -> None:
    """Add to each mention the roles its clause gives it."""
    if not mentions:
        return
    meeting = None  # whether the article is about a meeting, looked up when first needed
    groups: list[list[Mention]] = []
    for m in mentions:
        if groups:
            prev = groups[-1][-1]
            gap = body[prev.span_end : m.span_start]
            same_sentence = bisect.bisect_right(sentences, prev.span_start) == bisect.bisect_right(
                sentences, m.span_start
            )
            one_list = m.opener >= 0 and m.opener == prev.opener  # members may stand one a line
            if one_list or (same_sentence and prev.span_end <= m.span_start and _LIST_GAP.fullmatch(gap)):
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
        if len(group) == 1 and _QUOTED.match(tail):
            weak_after = True  # "Đồng chí A, Bí thư Tỉnh ủy: Phải quyết liệt hơn": their words follow
        if (weak or weak_after) and "report" not in roles:
            if meeting is None:
                meeting = bool(MEETING_WORDS.search(body.casefold()))
            if meeting:
                roles.add("speak")
        for m in group:
            m.roles |= roles
