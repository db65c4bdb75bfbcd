"""PostgreSQL pieces the search relies on: unaccent, pg_trgm, an IMMUTABLE unaccent wrapper
usable in generated columns and indexes, and the `vi_unaccent` text-search configuration
(simple parsing, so each Vietnamese syllable is a token, with diacritics removed)."""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunSQL(
            sql="""
            CREATE OR REPLACE FUNCTION public.f_unaccent(text) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                RETURN public.unaccent('public.unaccent'::regdictionary, $1);
            CREATE TEXT SEARCH CONFIGURATION public.vi_unaccent (COPY = pg_catalog.simple);
            ALTER TEXT SEARCH CONFIGURATION public.vi_unaccent
                ALTER MAPPING FOR word, hword, hword_part WITH public.unaccent, pg_catalog.simple;
            """,
            reverse_sql="""
            DROP TEXT SEARCH CONFIGURATION IF EXISTS public.vi_unaccent;
            DROP FUNCTION IF EXISTS public.f_unaccent(text);
            """,
        ),
    ]
