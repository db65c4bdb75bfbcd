"""The article list's facet counts, pre-aggregated: read from articles_facetcount when at most one
filter is chosen, instead of grouping every article (a scan that grows with the archive).

articles_facetcount holds the number of articles with each facet value, and with each pair of values
of two facets; triggers on articles and meetings keep it exact (migration 0008). With no filter
chosen a facet's counts are the single values' rows; with one chosen, a facet's counts are the pairs'
rows holding the chosen value, and the chosen filter's own facet (its choice left out) the single
values' rows. Two filters or more, a search, a reported period or a locality: the caller counts the
rows themselves, which those choices have already narrowed.
"""

from django.db import connection

# Facets whose values the triggers count; quarter is read from month.
DIMENSIONS = ("province", "source", "level", "period_kind", "year", "month", "kind")
NUMBERS = {"province", "source", "year", "month"}


def precomputed_facets(names, chosen):
    """{name: {value: count}} for the facets `names`, given `chosen` ({filter name: cleaned value}, at
    most one; places and sources as model instances), or None when the counts cannot answer."""
    if len(chosen) > 1 or not set(chosen) <= set(DIMENSIONS):
        return None
    wanted = {"month" if name == "quarter" else name for name in names}
    if not wanted <= set(DIMENSIONS):
        return None
    singles = _rows("dim_a = ''")
    if not chosen:
        counts = _by_dimension(singles)
    else:
        [(dim, value)] = chosen.items()
        value = str(getattr(value, "pk", value))
        pairs = _rows(
            "dim_a <> '' AND ((dim_a = %s AND value_a = %s) OR (dim_b = %s AND value_b = %s))",
            [dim, value, dim, value],
        )
        others = [(b, vb, n) if (a, va) == (dim, value) else (a, va, n) for a, va, b, vb, n in pairs]
        counts = _by_dimension([("", "", d, v, n) for d, v, n in others])
        counts[dim] = _by_dimension(singles).get(dim, {})
        if dim == "month":
            # A month belongs to one quarter: the quarter facet is that month's count.
            counts["quarter"] = {(int(value) - 1) // 3 + 1: counts[dim].get(int(value), 0)}
    if "quarter" in names and "quarter" not in counts:
        counts["quarter"] = {}
        for month, count in counts.get("month", {}).items():
            quarter = (month - 1) // 3 + 1
            counts["quarter"][quarter] = counts["quarter"].get(quarter, 0) + count
    return {name: counts.get(name, {}) for name in names}


def precomputed_count(chosen):
    """The number of articles with the `chosen` values ({filter name: cleaned value}, at most two), or
    None when the counts cannot answer."""
    if len(chosen) > 2 or not set(chosen) <= set(DIMENSIONS):
        return None
    # The triggers store a pair with the dimensions in order, the single values after ''.
    pairs = [("", "")] * (2 - len(chosen)) + sorted((d, str(getattr(v, "pk", v))) for d, v in chosen.items())
    rows = _rows("dim_a = %s AND value_a = %s AND dim_b = %s AND value_b = %s", [*pairs[0], *pairs[1]])
    return rows[0][-1] if rows else 0


def _rows(where, params=()):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT dim_a, value_a, dim_b, value_b, articles FROM articles_facetcount "
            f"WHERE {where} AND articles > 0",
            params,
        )
        return cursor.fetchall()


def _by_dimension(rows):
    counts = {}
    for _dim_a, _value_a, dim, value, count in rows:
        if dim:
            counts.setdefault(dim, {})[int(value) if dim in NUMBERS else value] = count
    return counts
