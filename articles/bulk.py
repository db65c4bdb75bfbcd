"""Inserting unsaved model instances in few round trips, for ingestion's speed.

`bulk_create` spends most of its time preparing each value in Python; COPY streams the rows and lets
PostgreSQL check every constraint as usual. A COPY waits for the server twice (to start, to finish),
so the few rows of one article go instead as one INSERT per table, all in one query string. Ids come
from the tables' own sequences first, in one query, so rows can point at each other (an appearance at
its meeting and person) before any is sent. A batch's articles take the server longest to store (their
search vector and index entries); `copy_in(..., then=...)` builds the batch's other rows meanwhile.
"""

from collections.abc import Callable, Iterable
from functools import cache

from django.db import DEFAULT_DB_ALIAS, connections
from psycopg.adapt import Transformer

__all__ = ["copy_in"]

# Up to this many rows (an article has about 20), INSERTs sent together; more are copied.
_FEW_ROWS = 100


def copy_in(
    *groups: tuple[type, list], then: Callable[[], Iterable[tuple[type, list]]] | None = None
) -> None:
    """Insert each (model, instances) group, parents first; the instances get their ids and count as saved.

    `then()`, if given, returns more groups, inserted after these. With many rows it runs as soon as the
    last of these groups is sent, while the server is still storing it: the command builds the next rows
    instead of waiting. It must not query the database, whose connection is busy copying meanwhile.
    """
    groups = _filled(groups)
    if then is not None and _count(groups) <= _FEW_ROWS:
        groups, then = groups + _filled(then()), None  # one round trip for all: the sooner done
    later = []
    if groups:
        connection = connections[DEFAULT_DB_ALIAS]
        with connection.wrap_database_errors, connection.cursor() as cursor:
            _assign_ids(cursor, groups)
            if _count(groups) <= _FEW_ROWS:
                _insert(cursor, groups)
            else:
                *first, last = groups
                for model, objects in first:
                    _copy(cursor, model, objects)
                later = _copy(cursor, *last, meanwhile=then)
        for _, objects in groups:
            for obj in objects:
                obj._state.adding = False
                obj._state.db = DEFAULT_DB_ALIAS
    elif then is not None:
        later = then()
    if later:
        copy_in(*later)


def _filled(groups) -> list[tuple[type, list]]:
    return [(model, objects) for model, objects in groups if objects]


def _count(groups) -> int:
    return sum(len(objects) for _, objects in groups)


def _copy(cursor, model, objects, meanwhile=None):
    """COPY the objects' rows; `meanwhile()`, if given, runs once they are sent, and its result is returned."""
    fields = _fields(model)
    with cursor.cursor.copy(f"COPY {_table(model)} FROM STDIN") as copy:
        for obj in objects:
            copy.write_row([_value(obj, f) for f in fields])
        return meanwhile() if meanwhile is not None else None


def _insert(cursor, groups) -> None:
    """All the groups' rows in one round trip: the INSERTs run one after the other, as the COPYs would
    (each table's triggers after its own statement), in one query string."""
    literal = Transformer(cursor.cursor).as_literal  # each value as psycopg would send it, quoted
    statements = []
    for model, objects in groups:
        fields = _fields(model)
        rows = (b"(" + b", ".join(literal(_value(obj, f)) for f in fields) + b")" for obj in objects)
        statements.append(f"INSERT INTO {_table(model)} VALUES ".encode() + b", ".join(rows))
    cursor.cursor.execute(b";\n".join(statements))


@cache
def _fields(model) -> list:
    return [f for f in model._meta.concrete_fields if not f.generated]


@cache
def _table(model) -> str:
    """The table with the columns `_fields` fills, in their order."""
    quote = connections[DEFAULT_DB_ALIAS].ops.quote_name
    columns = ", ".join(quote(f.column) for f in _fields(model))
    return f"{quote(model._meta.db_table)} ({columns})"


def _assign_ids(cursor, groups) -> None:
    # Each table's sequence looked up once, not once per id.
    cursor.execute(
        "SELECT g.n, nextval(s.seq::regclass) "
        "FROM unnest(%s::text[], %s::int[]) WITH ORDINALITY AS g (tbl, count, n) "
        "CROSS JOIN LATERAL pg_get_serial_sequence(g.tbl, 'id') AS s (seq) "
        "CROSS JOIN generate_series(1, g.count)",
        [[model._meta.db_table for model, _ in groups], [len(objects) for _, objects in groups]],
    )
    ids: dict[int, list[int]] = {}
    for n, pk in cursor.fetchall():
        ids.setdefault(n, []).append(pk)
    for n, (_, objects) in enumerate(groups, start=1):
        for obj, pk in zip(objects, sorted(ids[n]), strict=True):
            obj.pk = pk


def _value(obj, field):
    if field.is_relation:
        # The related instance may have got its id after it was assigned here.
        related = field.get_cached_value(obj, default=None)
        if related is not None:
            return related.pk
    return field.pre_save(obj, add=True)
