"""Reading query plans in tests."""

from django.db import connection


def explain(queryset):
    """EXPLAIN for a queryset with sequential scans discouraged (test tables are tiny, so without this
    the planner rightly prefers them and the plan says nothing about the indexes)."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = queryset.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())
