"""Reading query plans in tests."""

from django.db import connection


def explain(queryset_or_sql, also_off=()):
    """EXPLAIN for a queryset (or SQL) with sequential scans discouraged, and any plan types in
    `also_off` ("indexscan", "bitmapscan"…) too.

    Test tables are tiny, and their size as the planner sees it grows with the dead rows earlier tests
    leave behind, so its choice between two usable indexes varies from run to run. A test asks whether
    a query *can* be served in some way: by turning the other ways off, the plan answers that alone.
    """
    with connection.cursor() as cursor:
        for setting in ("seqscan", *also_off):
            cursor.execute(f"SET LOCAL enable_{setting} = off")
        if isinstance(queryset_or_sql, str):
            sql, params = queryset_or_sql, None
        else:
            sql, params = queryset_or_sql.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def index_conditions(plan):
    """The conditions the plan hands to an index."""
    return [line.strip() for line in plan.splitlines() if "Index Cond:" in line or "Recheck Cond:" in line]
