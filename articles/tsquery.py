"""A tsquery in its text form, as PostgreSQL writes it ("'ban' <-> 'thuong' & !'vu'"), read into a tree
and rewritten for the index of words by week (migration 0013, ArticleQuerySet.newest_matches).

That index holds each article's lexemes prefixed with the week it is dated ('1303_tinh'), so the
matches of a few weeks are a lookup of those weeks' own lexemes, whatever the size of the archive;
with them its filter values ('1303_~level:town') and, under spans of weeks, its pairs of adjacent
words ('100~con_dao'). It knows words, not their positions: a phrase is looked up as its words and
pairs, and the articles found are then tested against the query itself (`exact` tells when they need
not be).

Nodes: ("word", token) with the token as written, quoted; ("not", node); ("and" | "or", left, right);
("phrase", left, right, distance) for <-> (distance 1) and <N>.
"""

import datetime as dt
import re

# Pairs of adjacent words are in the index by spans of this many weeks (migration 0026):
# '505~con_dao' for weeks 6565 to 6577.
PAIR_WEEKS = 13

# Weeks are counted from this Monday; the undated articles are in a week of their own.
WEEK_ONE = dt.date(1900, 1, 1)
UNDATED_WEEK = "u"

TOKEN = re.compile(r"'(?:[^']|'')*'(?::[*A-D]+)?|<->|<\d+>|[&|!()]")
BINDING = {"|": 1, "&": 2, "<->": 3}  # ! binds tighter than all three


def week_of(day):
    """The week number of a date as the index computes it (SQL integer division truncates)."""
    return _truncated((day - WEEK_ONE).days, 7)


def _truncated(dividend, divisor):
    """Integer division as SQL's, truncating toward zero (Python's floors)."""
    return dividend // divisor if dividend >= 0 else -(-dividend // divisor)


def first_day(week):
    return WEEK_ONE + dt.timedelta(weeks=week)


def months_of(week):
    """The months (1–12) the days of a week are in: one, or two at a month's turn."""
    return {first_day(week).month, (first_day(week) + dt.timedelta(days=6)).month}


def parse(text):
    """The tree of a tsquery's text form, None for the empty query (only stop words)."""
    tokens = TOKEN.findall(text)
    if not tokens:
        return None
    node, rest = _expression(tokens, 0)
    if rest:
        raise ValueError(f"unexpected {rest[0]!r} in tsquery {text!r}")
    return node


def _expression(tokens, least):
    node, tokens = _operand(tokens)
    while tokens:
        operator = "<->" if tokens[0].startswith("<") else tokens[0]
        if operator not in BINDING or BINDING[operator] < least:
            break
        right, rest = _expression(tokens[1:], BINDING[operator] + 1)
        if operator == "<->":
            distance = 1 if tokens[0] == "<->" else int(tokens[0][1:-1])
            node, tokens = ("phrase", node, right, distance), rest
        else:
            node, tokens = ("or" if operator == "|" else "and", node, right), rest
    return node, tokens


def _operand(tokens):
    if not tokens:
        raise ValueError("tsquery ends with an operator")
    first, rest = tokens[0], tokens[1:]
    if first == "!":
        node, rest = _operand(rest)
        return ("not", node), rest
    if first == "(":
        node, rest = _expression(rest, 0)
        if not rest or rest[0] != ")":
            raise ValueError("unbalanced parenthesis in tsquery")
        return node, rest[1:]
    if first.startswith("'"):
        return ("word", first), rest
    raise ValueError(f"unexpected {first!r} in tsquery")


def words(node):
    """What every match of `node` holds, and lacks, as a tree of words joined by "and" and "or": phrases
    become their words, weights are dropped, and a "-word" is kept only beside words a match holds (the
    index then tells which of the articles holding those lack it). When the result is `node` itself,
    the index answers the query exactly. None when a match need hold no word at all ("-tỉnh")."""
    kind = node[0]
    if kind == "and":
        for excluded, other in ((node[2], node[1]), (node[1], node[2])):
            if excluded[0] == "not" and excluded[1][0] == "word" and _plain(excluded[1][1]):
                held = words(other)
                return None if held is None else ("and", held, excluded)
    if kind == "word":
        # The index has no weights: 'tinh':A is looked up as 'tinh' (a prefix stays one).
        lexeme, _sep, marks = node[1].rpartition("'")
        return ("word", f"{lexeme}'" + (":*" if "*" in marks else ""))
    if kind == "not":
        return None
    left, right = words(node[1]), words(node[2])
    if kind == "or":
        return None if left is None or right is None else ("or", left, right)
    if left is None or right is None:
        return left or right
    return ("and", left, right)


def weekly(node, weeks, terms=(), pairs=()):
    """For each of the `weeks`, the tsquery text matching in the index of words by week the articles of
    that week holding the words of `node` (a tree from words()), the filter `terms` ("~level:town",
    filter_term()) and the `pairs` of words ("con_dao", pairs()). One query per week: a single query
    OR-ing the weeks would be tested whole against every article of every week it reads. The pairs
    are by spans of PAIR_WEEKS weeks (migration 0026): the week's words find the week's articles, the
    pairs of its span narrow them."""
    return [
        _render(node, f"{week}_")
        + "".join(f" & '{week}_{term}'" for term in terms)
        + "".join(f" & '{pair_span(week)}~{pair}'" for pair in pairs)
        for week in weeks
    ]


def pair_span(week):
    """The span of PAIR_WEEKS weeks a week's pairs of words are indexed under (SQL integer division)."""
    return week if week == UNDATED_WEEK else _truncated(week, PAIR_WEEKS)


def filter_term(name, value):
    """The lexeme the index of words by week holds for an article's value of a filter (migration 0019):
    '~level:town', '~province:12'. Quotes doubled, as a tsquery writes them."""
    return f"~{name}:{value}".replace("'", "''")


def pairs(node):
    """The pairs of adjacent words every match of `node` holds ('con_dao', as article_word_pairs writes
    them, the index of words by week under their span of weeks): those of its phrases not under an
    "or" or a "-"."""
    kind = node[0]
    if kind == "and":
        return [*pairs(node[1]), *pairs(node[2])]
    if kind != "phrase":
        return []
    found = pairs(node[1])
    last, right = _last_word(node[1]), node[2]
    if node[3] == 1 and last and right[0] == "word" and _plain(right[1]):
        found.append(f"{last[1:-1]}_{right[1][1:-1]}")
    return found


def _last_word(node):
    if node[0] == "word":
        return node[1] if _plain(node[1]) else None
    return _last_word(node[2]) if node[0] == "phrase" else None


def _plain(token):
    return token.endswith("'")  # no weight, no prefix


def _render(node, prefix):
    if node[0] == "word":
        return f"'{prefix}{node[1][1:]}"
    if node[0] == "not":
        return f"!{_render(node[1], prefix)}"
    operator = " & " if node[0] == "and" else " | "
    return f"({_render(node[1], prefix)}{operator}{_render(node[2], prefix)})"
