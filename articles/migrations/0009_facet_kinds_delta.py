# A change of an article's meeting kinds moves only the facet counts that involve a kind.
#
# 0008 took the article off every count under its old kinds and added it back under the new ones:
# about 150 upserts per article, and every ingested article goes through it once, when its meetings
# are stored after it. Only the rows naming a kind differ, about 8 per kind added or removed.

from django.db import migrations

FORWARD = r"""
CREATE OR REPLACE FUNCTION articles_facet_kinds_changed(article_ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    WITH changed AS (
        SELECT a AS r, coalesce(k.kinds, '{}') AS old, articles_kinds_of(a.id) AS new
        FROM articles_article a
        LEFT JOIN articles_articlekinds k ON k.article_id = a.id
        WHERE a.id = ANY (article_ids)
    ),
    moved AS (
        SELECT c.r, kind, -1 AS sign FROM changed c, unnest(c.old) AS kind WHERE NOT kind = ANY (c.new)
        UNION ALL
        SELECT c.r, kind, 1 FROM changed c, unnest(c.new) AS kind WHERE NOT kind = ANY (c.old)
    )
    INSERT INTO articles_facetcount AS f (dim_a, value_a, dim_b, value_b, articles)
    SELECT a.dim, a.value, b.dim, b.value, sum(m.sign)
    FROM moved m
    CROSS JOIN LATERAL articles_facet_values(m.r, ARRAY[m.kind]) AS a
    CROSS JOIN LATERAL articles_facet_values(m.r, ARRAY[m.kind]) AS b
    WHERE (a.dim < b.dim OR (a.dim = '' AND b.dim = '')) AND 'kind' IN (a.dim, b.dim)
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (dim_a, value_a, dim_b, value_b) DO UPDATE SET articles = f.articles + excluded.articles;

    INSERT INTO articles_articlekinds (article_id, kinds)
    SELECT a.id, articles_kinds_of(a.id) FROM articles_article a WHERE a.id = ANY (article_ids)
    ON CONFLICT (article_id) DO UPDATE SET kinds = excluded.kinds
    WHERE articles_articlekinds.kinds IS DISTINCT FROM excluded.kinds;
END
$$;
"""

# 0008's version.
BACKWARD = r"""
CREATE OR REPLACE FUNCTION articles_facet_kinds_changed(article_ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    changed articles_article[];
BEGIN
    SELECT array_agg(a ORDER BY a.id) INTO changed
    FROM articles_article a
    WHERE a.id = ANY (article_ids)
      AND coalesce((SELECT k.kinds FROM articles_articlekinds k WHERE k.article_id = a.id), '{}')
          IS DISTINCT FROM articles_kinds_of(a.id);
    IF changed IS NULL THEN
        RETURN;
    END IF;
    PERFORM articles_facet_apply(changed, -1);
    INSERT INTO articles_articlekinds (article_id, kinds)
    SELECT r.id, articles_kinds_of(r.id) FROM unnest(changed) AS r
    ON CONFLICT (article_id) DO UPDATE SET kinds = excluded.kinds;
    PERFORM articles_facet_apply(changed, 1);
END
$$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_facet_counts"),
    ]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
