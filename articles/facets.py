"""The article list's facet counts and its count, pre-aggregated: read from articles_facetcount
instead of grouping every article the filters leave (a scan that grows with the archive).

articles_facetcount holds the number of articles with each facet value, and with each pair of values
of two facets; triggers on articles and meetings keep it exact (migrations 0008, 0009). A facet leaves
its own filter out, so it needs the counts under at most one other chosen value: with no filter or
one, every facet; with two, the two chosen filters' own facets (and the list's count, a pair). The
rest (three filters, a search, a reported period, a locality, the unchosen facets under two filters)
the caller counts from the rows, which those choices have already narrowed.
"""

from django.db import connection

# Facets whose values the triggers count; quarter is read from month.
DIMENSIONS = ("province", "source", "level", "period_kind", "year", "month", "kind")
NUMBERS = {"province", "source", "year", "month"}


def precomputed_facets(names, chosen):
    """{name: {value: count}} for those of the facets `names` the counts can answer, given `chosen`
    ({filter name: cleaned value}; places and sources as model instances), or None if none.

    A facet leaves its own filter out, so with two filters chosen each of theirs is still answered
    (from the pairs holding the other's value); the facets of unchosen filters then need three values
    at once, which are not kept.
    """
    if not set(chosen) <= set(DIMENSIONS):
        return None
    values = {name: str(getattr(value, "pk", value)) for name, value in chosen.items()}
    given = {}  # conditions -> {dimension: {value: count}}

    def counts_given(conditions):
        key = tuple(sorted(conditions.items()))
        if key not in given:
            given[key] = _counts_given(key)
        return given[key]

    counts = {}
    for name in names:
        conditions = {d: v for d, v in values.items() if d != name}
        if len(conditions) > 1 or ("month" if name == "quarter" else name) not in DIMENSIONS:
            continue
        if name == "quarter" and "month" in conditions:
            # A month belongs to one quarter: the quarter facet is that month's count.
            month = int(conditions["month"])
            others = {d: v for d, v in conditions.items() if d != "month"}
            counts[name] = {(month - 1) // 3 + 1: counts_given(others).get("month", {}).get(month, 0)}
        elif name == "quarter":
            counts[name] = {}
            for month, count in counts_given(conditions).get("month", {}).items():
                quarter = (month - 1) // 3 + 1
                counts[name][quarter] = counts[name].get(quarter, 0) + count
        else:
            counts[name] = counts_given(conditions).get(name, {})
    return counts or None


def _counts_given(conditions):
    """{dimension: {value: count}} over the articles with the (at most one) condition's value."""
    if not conditions:
        return _by_dimension(_rows("dim_a = ''"))
    [(dim, value)] = conditions
    pairs = _rows(
        "dim_a <> '' AND ((dim_a = %s AND value_a = %s) OR (dim_b = %s AND value_b = %s))",
        [dim, value, dim, value],
    )
    return _by_dimension(
        [("", "", b, vb, n) if (a, va) == (dim, value) else ("", "", a, va, n) for a, va, b, vb, n in pairs]
    )


def precomputed_count(chosen):
    """The number of articles with the `chosen` values ({filter name: cleaned value}, at most two), or
    None when the counts cannot answer."""
    if len(chosen) > 2 or not set(chosen) <= set(DIMENSIONS):
        return None
    key = _key(chosen)
    return _counts([key])[key]


def precomputed_bound(chosen):
    """At most how many articles have all the `chosen` values of the kept dimensions (the smallest
    count of any one or two of them), or None if none is kept."""
    keys = _bound_keys(chosen)
    return min(_counts(keys).values()) if keys else None


def precomputed_share(chosen):
    """At most what share of the archive has all the `chosen` values of the kept dimensions (the
    bound over the number of articles), or None if none is kept or the archive is empty; one query."""
    keys = _bound_keys(chosen)
    if not keys:
        return None
    counts = _counts([*keys, _key({})])
    total = counts.pop(_key({}))
    return min(counts.values()) / total if total else None


def _bound_keys(chosen):
    """The keys of the counts of each two of the chosen kept dimensions, or of each one if only one."""
    kept = {name: value for name, value in chosen.items() if name in DIMENSIONS}
    names = sorted(kept)
    keys = [_key({a: kept[a], b: kept[b]}) for i, a in enumerate(names) for b in names[i + 1 :]]
    return keys or [_key({name: kept[name]}) for name in names]


def _key(chosen):
    """The key of a count of articles_facetcount: the triggers store a pair with the dimensions in
    order, the single values after ('', ''), the whole archive as ('', '', '', '')."""
    pairs = [("", "")] * (2 - len(chosen)) + sorted((d, str(getattr(v, "pk", v))) for d, v in chosen.items())
    return (*pairs[0], *pairs[1])


def _counts(keys):
    """{key: articles} for each key, 0 for those not counted; one query."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT dim_a, value_a, dim_b, value_b, articles FROM articles_facetcount "
            "WHERE (dim_a, value_a, dim_b, value_b) IN "
            "(SELECT * FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[]))",
            [list(column) for column in zip(*keys, strict=True)],
        )
        found = {tuple(row[:4]): row[4] for row in cursor.fetchall()}
    return {key: found.get(key, 0) for key in keys}


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
