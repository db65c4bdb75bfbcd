"""A tsquery in its text form, as PostgreSQL writes it ("'ban' <-> 'thuong' & !'vu'"), read into a tree
and rewritten for the index of words by week (migration 0013, ArticleQuerySet.newest_matches).

That index holds each article's lexemes prefixed with the week it is dated ('1303_tinh'), so the
matches of a few weeks are a lookup of those weeks' own lexemes, whatever the size of the archive. It
knows words, not their positions: a phrase is looked up as its words, and a "-word" is left out; the
articles found are then tested against the query itself (`exact` tells when they need not be).

Nodes: ("word", token) with the token as written, quoted; ("not", node); ("and" | "or", left, right);
("phrase", left, right) for <-> and <N>.
"""

import datetime as dt
import re

# Weeks are counted from this Monday; the undated articles are in a week of their own.
WEEK_ONE = dt.date(1900, 1, 1)
UNDATED_WEEK = "u"

TOKEN = re.compile(r"'(?:[^']|'')*'(?::[*A-D]+)?|<->|<\d+>|[&|!()]")
BINDING = {"|": 1, "&": 2, "<->": 3}  # ! binds tighter than all three


def week_of(day):
    """The week number of a date as the index computes it (SQL integer division truncates)."""
    days = (day - WEEK_ONE).days
    return days // 7 if days >= 0 else -(-days // 7)


def first_day(week):
    return WEEK_ONE + dt.timedelta(weeks=week)


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
        kind = {"|": "or", "&": "and", "<->": "phrase"}[operator]
        node, tokens = (kind, node, right), rest
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
    """What every match of `node` holds, as a tree of words joined by "and" and "or": phrases become
        their words, negations and weights are dropped: when the result is `node` itself, the index
    answers the query exactly. None when a match need hold no word at all ("-tỉnh")."""
    kind = node[0]
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


def weekly(node, weeks):
    """The tsquery text matching, in the index of words by week, the articles of `weeks` holding the
    words of `node` (a tree from words())."""
    return " | ".join(f"({_render(node, f'{week}_')})" for week in weeks)


def _render(node, prefix):
    if node[0] == "word":
        return f"'{prefix}{node[1][1:]}"
    operator = " & " if node[0] == "and" else " | "
    return f"({_render(node[1], prefix)}{operator}{_render(node[2], prefix)})"
