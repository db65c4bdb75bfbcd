"""CSV and JSON exports of the public lists, streamed row by row from a server-side cursor."""

import csv
import json

from django.http import StreamingHttpResponse

# Rows fetched from the database at a time: memory stays flat whatever the size of the export.
CHUNK_SIZE = 500

ARTICLE_FIELDS = {
    "id": "id",
    "title": "title",
    "date": "date",
    "published": "published",
    "province": "province__name",
    "province_slug": "province__slug",
    "locality": "locality__name",
    "locality_name": "locality_name",
    "level": "level",
    "period_kind": "period_kind",
    "period_start": "period_start",
    "period_end": "period_end",
    "source": "source__name",
    "url": "url",
}

APPEARANCE_FIELDS = {
    "article_id": "article_id",
    "article_title": "article__title",
    "date": "article__date",
    "province": "article__province__name",
    "name": "name",
    "person_id": "person_id",
    "titles": "titles",
    "roles": "roles",
}

INDICATOR_FIELDS = {
    "article_id": "article_id",
    "date": "article__date",
    "province": "article__province__name",
    "period_kind": "article__period_kind",
    "period_start": "article__period_start",
    "period_end": "article__period_end",
    "label": "label",
    "value": "value",
    "unit": "unit",
    "denominator": "denominator",
    "qualifier": "qualifier",
    "unit_class": "unit_class",
    "normalised_value": "normalised_value",
    "text": "text",
}


def articles(queryset, format):
    return stream(queryset, ARTICLE_FIELDS, format, "bai-viet")


def appearances(queryset, format):
    return stream(queryset, APPEARANCE_FIELDS, format, "xuat-hien")


def indicators(queryset, format):
    return stream(queryset, INDICATOR_FIELDS, format, "chi-tieu")


def stream(queryset, fields, format, filename):
    """The rows of `queryset` (only `fields`, under their export names) as a streamed CSV or JSON file."""
    rows = (
        {name: row[path] for name, path in fields.items()}
        for row in queryset.values(*fields.values()).iterator(chunk_size=CHUNK_SIZE)
    )
    if format == "json":
        content, content_type = _json(rows), "application/json"
    else:
        content, content_type = _csv(rows, list(fields)), "text/csv; charset=utf-8"
    response = StreamingHttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{format}"'
    return response


class _Echo:
    def write(self, value):
        return value


def _csv(rows, header):
    writer = csv.writer(_Echo())
    # A byte-order mark, so that spreadsheet programs read the Vietnamese as UTF-8.
    yield "\ufeff" + writer.writerow(header)
    for row in rows:
        yield writer.writerow(
            [
                ";".join(value) if isinstance(value, list) else ("" if value is None else value)
                for value in row.values()
            ]
        )


def _json(rows):
    yield "["
    for index, row in enumerate(rows):
        yield ("," if index else "") + "\n" + json.dumps(row, ensure_ascii=False, default=str)
    yield "\n]\n"
