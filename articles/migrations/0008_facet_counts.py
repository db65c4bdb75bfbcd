# Pre-aggregated facet counts for the article list (articles/facets.py, docs/PERFORMANCE.md).
#
# articles_facetcount holds how many articles have one facet value (dim_a = '') or two at once
# (dim_a < dim_b), the total being the row with both dims ''. Triggers keep it exact: on articles
# (statement-level, with transition tables, so a bulk COPY of 250 articles is one upsert) and on
# meetings, whose kinds an article counts under; articles_articlekinds remembers each article's set of
# meeting kinds so that a change can be taken off the counts it was added to.

from django.db import migrations

FORWARD = r"""
CREATE TABLE articles_facetcount (
    dim_a varchar(12) NOT NULL,
    value_a varchar(40) NOT NULL,
    dim_b varchar(12) NOT NULL,
    value_b varchar(40) NOT NULL,
    articles integer NOT NULL,
    PRIMARY KEY (dim_a, value_a, dim_b, value_b)
);
-- The counts with one chosen value as the second of the pair: WHERE dim_b = ... AND value_b = ...
CREATE INDEX articles_facetcount_b ON articles_facetcount (dim_b, value_b);

CREATE TABLE articles_articlekinds (
    article_id bigint PRIMARY KEY,
    kinds varchar(10)[] NOT NULL
);

-- The (dimension, value) pairs an article counts under, with ('', '') for "every article".
CREATE FUNCTION articles_facet_values(a articles_article, kinds varchar[])
RETURNS TABLE (dim text, value text) LANGUAGE sql IMMUTABLE AS $$
    SELECT d, v FROM (VALUES
        ('', ''),
        ('province', a.province_id::text),
        ('source', a.source_id::text),
        ('level', nullif(a.level, '')),
        ('period_kind', nullif(a.period_kind, '')),
        ('year', extract(year FROM a.date)::int::text),
        ('month', extract(month FROM a.date)::int::text)
    ) AS t (d, v)
    WHERE v IS NOT NULL
    UNION ALL
    SELECT 'kind', k FROM unnest(kinds) AS k
$$;

-- Add (sign 1) or take off (-1) the articles `rows` to or from the counts, under the meeting kinds
-- articles_articlekinds holds for them. Rows are upserted in key order so that two transactions
-- lock them in the same order.
CREATE FUNCTION articles_facet_apply(rows articles_article[], sign integer)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO articles_facetcount AS f (dim_a, value_a, dim_b, value_b, articles)
    SELECT a.dim, a.value, b.dim, b.value, sign * count(*)
    FROM unnest(rows) AS r
    CROSS JOIN LATERAL (
        SELECT coalesce((SELECT k.kinds FROM articles_articlekinds k WHERE k.article_id = r.id), '{}') AS kinds
    ) AS k
    CROSS JOIN LATERAL articles_facet_values(r, k.kinds) AS a
    CROSS JOIN LATERAL articles_facet_values(r, k.kinds) AS b
    WHERE a.dim < b.dim OR (a.dim = '' AND b.dim = '')
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (dim_a, value_a, dim_b, value_b) DO UPDATE SET articles = f.articles + excluded.articles
$$;

CREATE FUNCTION articles_kinds_of(article bigint) RETURNS varchar[] LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(DISTINCT kind ORDER BY kind), '{}') FROM articles_meeting WHERE article_id = article
$$;

-- Articles whose meetings changed: those whose set of kinds is no longer the one counted move.
CREATE FUNCTION articles_facet_kinds_changed(article_ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
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

CREATE FUNCTION articles_article_facets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM articles_facet_apply(ARRAY(SELECT o::articles_article FROM old_rows AS o), -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM articles_facet_apply(ARRAY(SELECT n::articles_article FROM new_rows AS n), 1);
    END IF;
    IF TG_OP = 'DELETE' THEN
        DELETE FROM articles_articlekinds WHERE article_id IN (SELECT id FROM old_rows);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION articles_meeting_facets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM articles_facet_kinds_changed(ARRAY(SELECT DISTINCT article_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM articles_facet_kinds_changed(ARRAY(SELECT DISTINCT article_id FROM old_rows));
    ELSE
        PERFORM articles_facet_kinds_changed(
            ARRAY(SELECT article_id FROM old_rows UNION SELECT article_id FROM new_rows)
        );
    END IF;
    RETURN NULL;
END
$$;

-- TRUNCATE (the test runner's flush) fires no row or statement DELETE triggers.
CREATE FUNCTION articles_facet_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE articles_facetcount, articles_articlekinds;
    RETURN NULL;
END
$$;

CREATE TRIGGER article_facets_insert AFTER INSERT ON articles_article
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_article_facets();
CREATE TRIGGER article_facets_update AFTER UPDATE ON articles_article
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION articles_article_facets();
CREATE TRIGGER article_facets_delete AFTER DELETE ON articles_article
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_article_facets();
CREATE TRIGGER article_facets_truncate AFTER TRUNCATE ON articles_article
    FOR EACH STATEMENT EXECUTE FUNCTION articles_facet_truncate();
CREATE TRIGGER meeting_facets_insert AFTER INSERT ON articles_meeting
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_meeting_facets();
CREATE TRIGGER meeting_facets_update AFTER UPDATE ON articles_meeting
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION articles_meeting_facets();
CREATE TRIGGER meeting_facets_delete AFTER DELETE ON articles_meeting
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_meeting_facets();

-- The articles already stored.
INSERT INTO articles_articlekinds (article_id, kinds)
SELECT article_id, array_agg(DISTINCT kind ORDER BY kind) FROM articles_meeting GROUP BY article_id;
INSERT INTO articles_facetcount (dim_a, value_a, dim_b, value_b, articles)
SELECT a.dim, a.value, b.dim, b.value, count(*)
FROM articles_article AS r
LEFT JOIN articles_articlekinds AS k ON k.article_id = r.id
CROSS JOIN LATERAL articles_facet_values(r, coalesce(k.kinds, '{}')) AS a
CROSS JOIN LATERAL articles_facet_values(r, coalesce(k.kinds, '{}')) AS b
WHERE a.dim < b.dim OR (a.dim = '' AND b.dim = '')
GROUP BY 1, 2, 3, 4;
"""

BACKWARD = r"""
DROP TRIGGER article_facets_insert ON articles_article;
DROP TRIGGER article_facets_update ON articles_article;
DROP TRIGGER article_facets_delete ON articles_article;
DROP TRIGGER article_facets_truncate ON articles_article;
DROP TRIGGER meeting_facets_insert ON articles_meeting;
DROP TRIGGER meeting_facets_update ON articles_meeting;
DROP TRIGGER meeting_facets_delete ON articles_meeting;
DROP FUNCTION articles_article_facets();
DROP FUNCTION articles_meeting_facets();
DROP FUNCTION articles_facet_truncate();
DROP FUNCTION articles_facet_kinds_changed(bigint[]);
DROP FUNCTION articles_kinds_of(bigint);
DROP FUNCTION articles_facet_apply(articles_article[], integer);
DROP FUNCTION articles_facet_values(articles_article, varchar[]);
DROP TABLE articles_articlekinds;
DROP TABLE articles_facetcount;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_article_facets_index"),
    ]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
