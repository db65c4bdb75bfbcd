"""No statistics on the index of words by week (docs/PERFORMANCE.md, section 16).

ANALYZE computes an expression index's expression for each row of its sample (30,000 rows), and
article_weekly_words costs about half a millisecond a row: at 1,000,000 articles, ANALYZE of the
articles took 25.5 s, 7.2 s without it. The statistics were never used: the searches compare the
expression with each week's tsquery, a column of the weeks they read, which the planner cannot see (it
estimates @@ without statistics then). Autovacuum analyzes the articles after every tenth of them is
new, during bulk ingestion too, where those seconds of CPU were taken from the ingest.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0026_weekly_pairs_by_span")]

    operations = [
        migrations.RunSQL(
            "ALTER INDEX article_weekly_terms_gin ALTER COLUMN 1 SET STATISTICS 0",
            "ALTER INDEX article_weekly_terms_gin ALTER COLUMN 1 SET STATISTICS -1",
        )
    ]
