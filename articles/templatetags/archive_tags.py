"""Filters for the public templates: numbers the Vietnamese way, reported periods, search snippets."""

from datetime import date
from decimal import Decimal

from django import template
from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.translation import gettext as _

from ..highlight import headline_html

register = template.Library()


@register.filter
def number(value):
    """15300.000000 → "15.300", 2.50 → "2,5" in Vietnamese (separators follow the active language)."""
    if value is None or value == "":
        return ""
    value = Decimal(value).normalize()
    return numberformat.format(
        value,
        get_format("DECIMAL_SEPARATOR"),
        grouping=3,
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )


def unit_name(name, since=None):
    """A province's name, with its start date when it is one of the units of 1 July 2025 (which
    often bear the name of one of the 63 they replace)."""
    if since is None:
        return name
    if isinstance(since, str):
        since = date.fromisoformat(since)
    return _("%(name)s (từ %(month)s/%(year)s)") % {"name": name, "month": since.month, "year": since.year}


@register.filter
def province_name(unit):
    return unit_name(unit.name, unit.valid_from) if unit else ""


@register.filter
def http_url(url):
    """The address if it is http(s), else "": a stored "javascript:" URL never becomes a link."""
    return url if url.lower().startswith(("http://", "https://")) else ""


@register.filter
def headline(snippet):
    return headline_html(snippet)


@register.filter
def period_label(article):
    """The reported period as readers write it: "tháng 11/2023", "quý IV/2023", "6 tháng đầu năm 2023"."""
    kind, year = article.period_kind, article.period_year
    if not kind or not year:
        return ""
    if kind == "month":
        return _("tháng %(month)s/%(year)s") % {"month": article.period_month, "year": year}
    if kind == "quarter":
        roman = {1: "I", 2: "II", 3: "III", 4: "IV"}.get(article.period_quarter, article.period_quarter)
        return _("quý %(quarter)s/%(year)s") % {"quarter": roman, "year": year}
    if kind == "half":
        if article.period_half == 1:
            return _("6 tháng đầu năm %(year)s") % {"year": year}
        return _("6 tháng cuối năm %(year)s") % {"year": year}
    if kind == "months":
        return _("%(months)s tháng năm %(year)s") % {"months": article.period_months, "year": year}
    return _("năm %(year)s") % {"year": year}
