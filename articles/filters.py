"""The query parameters of the public pages, as django-filter FilterSets (documented in README.md).

Views never read request.GET themselves: a parameter either is declared here or does not exist.
"""

import calendar
import datetime as dt
import re

import django_filters as filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, F
from django.db.models.functions import ExtractMonth, ExtractQuarter, ExtractYear, JSONObject
from django.utils.translation import gettext_lazy as _

from .highlight import HEADLINE_MARKS
from .models import AdministrativeUnit, Level, MeetingKind, PeriodKind, Source, UnitClass
from .templatetags.archive_tags import unit_name

# Long enough for any real query; longer ones are refused before they reach the database.
MAX_QUERY_LENGTH = 200

PERIOD_PATTERN = re.compile(r"^(\d{4})(?:-(?:(\d{1,2})|[Qq]([1-4])|[Hh]([12])))?$")


def period_bounds(text):
    """First and last day of a period written 2023, 2023-11, 2023-Q4 or 2023-H1."""
    match = PERIOD_PATTERN.match(text.strip())
    if not match:
        raise ValidationError(_("Kỳ báo cáo viết dạng 2023, 2023-11, 2023-Q4 hoặc 2023-H1."), code="period")
    year, month, quarter, half = (int(group) if group else None for group in match.groups())
    if not 1930 <= year <= 2100:
        raise ValidationError(_("Năm phải từ 1930 đến 2100."), code="period_year")
    if month is not None and not 1 <= month <= 12:
        raise ValidationError(_("Tháng phải từ 1 đến 12."), code="period_month")
    first, last = 1, 12
    if month:
        first = last = month
    elif quarter:
        first, last = quarter * 3 - 2, quarter * 3
    elif half:
        first, last = half * 6 - 5, half * 6
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


class PeriodField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        return period_bounds(value) if value else None


class PeriodFilter(filters.Filter):
    field_class = PeriodField


class IntegerFilter(filters.NumberFilter):
    field_class = forms.IntegerField


def provinces():
    return AdministrativeUnit.objects.filter(level=AdministrativeUnit.Kind.PROVINCE)


def localities():
    return AdministrativeUnit.objects.filter(level=AdministrativeUnit.Kind.DISTRICT)


class ArticleFilter(filters.FilterSet):
    """The article list, its feed and its exports. `fixed` names filters a page sets itself (the
    province pages fix province, year, month): they are dropped from the form and the facets."""

    province = filters.ModelChoiceFilter(
        label=_("Tỉnh"), queryset=provinces(), to_field_name="slug", field_name="province"
    )
    locality = filters.ModelChoiceFilter(
        label=_("Huyện / thành phố"), queryset=localities(), to_field_name="slug", field_name="locality"
    )
    level = filters.ChoiceFilter(label=_("Cấp"), choices=Level.choices)
    year = IntegerFilter(
        label=_("Năm"), field_name="date", lookup_expr="year", min_value=1930, max_value=2100
    )
    month = IntegerFilter(label=_("Tháng"), field_name="date", lookup_expr="month", min_value=1, max_value=12)
    quarter = IntegerFilter(
        label=_("Quý"), field_name="date", lookup_expr="quarter", min_value=1, max_value=4
    )
    period_kind = filters.ChoiceFilter(label=_("Loại kỳ báo cáo"), choices=PeriodKind.choices)
    period = PeriodFilter(label=_("Kỳ báo cáo"), method="filter_period")
    kind = filters.ChoiceFilter(label=_("Loại hội nghị"), choices=MeetingKind.choices, method="filter_kind")
    source = filters.ModelChoiceFilter(label=_("Nguồn"), queryset=Source.objects.all())
    q = filters.CharFilter(label=_("Tìm trong bài"), method="filter_q", max_length=MAX_QUERY_LENGTH)
    # Last, so that it orders the result of every other filter.
    sort = filters.ChoiceFilter(
        label=_("Sắp xếp"),
        choices=[("date", _("Mới nhất")), ("relevance", _("Liên quan nhất"))],
        method="filter_sort",
    )

    # name → (value expression, label expression or None); one GROUP BY query each. The province
    # label is built from two columns: a province of July 2025 bears the name of an older one.
    FACETS = {
        "province": (F("province__slug"), JSONObject(name="province__name", since="province__valid_from")),
        "locality": (F("locality__slug"), F("locality__name")),
        "level": (F("level"), None),
        "year": (ExtractYear("date"), None),
        "quarter": (ExtractQuarter("date"), None),
        "month": (ExtractMonth("date"), None),
        "period_kind": (F("period_kind"), None),
        "kind": (F("meetings__kind"), None),
        "source": (F("source_id"), F("source__name")),
    }

    # Text columns stored as "" when unknown.
    BLANKABLE = {"level", "period_kind"}

    def __init__(self, *args, fixed=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fixed = set(fixed)
        for name in self.fixed:
            del self.filters[name]

    def filter_period(self, queryset, name, bounds):
        return queryset.reported_within(*bounds)

    def filter_kind(self, queryset, name, kind):
        return queryset.with_meeting_kind(kind)

    def filter_q(self, queryset, name, query):
        return queryset.search(query, marks=HEADLINE_MARKS)

    def filter_sort(self, queryset, name, sort):
        if sort == "relevance" and self.form.cleaned_data.get("q"):
            return queryset.order_by("-rank", F("date").desc(nulls_last=True), "-id")
        return queryset

    def facets(self):
        """Counts per option of each filter, for the current result with that filter's own choice left
        out (so the other options stay visible): {name: [{value, label, count, selected}]}."""
        if self.is_bound and not self.is_valid():
            return {}
        cleaned = self.form.cleaned_data if self.is_bound else {}
        chosen = self.data or {}
        wanted = [name for name in self.FACETS if name in self.filters]
        if "locality" in wanted and not (cleaned.get("province") or "province" in self.fixed):
            # Hundreds of options over the whole country: offered once a province is chosen.
            wanted.remove("locality")
        facets = {}
        for name in wanted:
            value, label = self.FACETS[name]
            queryset = self.queryset.all()
            for other, choice in cleaned.items():
                if other not in (name, "sort"):
                    queryset = self.filters[other].filter(queryset, choice)
            rows = (
                queryset.order_by()
                .annotate(facet_value=value, **({"facet_label": label} if label is not None else {}))
                .values("facet_value", *(["facet_label"] if label is not None else []))
                .annotate(count=Count("id", distinct=name == "kind"))
                .filter(facet_value__isnull=False)
                .order_by("facet_value")
            )
            if name in self.BLANKABLE:
                rows = rows.exclude(facet_value="")
            facets[name] = [self._option(name, row, str(chosen.get(name, ""))) for row in rows]
        return facets

    def _option(self, name, row, chosen):
        value = row["facet_value"]
        if name in ("level", "period_kind", "kind"):
            label = dict(self.filters[name].extra["choices"]).get(value, value)
        elif name == "month":
            label = _("Tháng %(month)s") % {"month": value}
        elif name == "quarter":
            label = _("Quý %(quarter)s") % {"quarter": value}
        else:
            label = row.get("facet_label", value)
            if name == "province":
                label = unit_name(label["name"], label["since"])
        return {"value": value, "label": label, "count": row["count"], "selected": str(value) == chosen}


class PersonFilter(filters.FilterSet):
    """The officials search: one box, accent-insensitive and typo-tolerant."""

    q = filters.CharFilter(label=_("Họ tên cán bộ"), method="filter_q", max_length=100)

    def filter_q(self, queryset, name, query):
        return queryset.search(query)

    @property
    def qs(self):
        queryset = super().qs
        if self.is_bound and self.is_valid() and self.form.cleaned_data.get("q"):
            return queryset
        # No query: everyone, the most often named first.
        return queryset.with_appearance_count().order_by("-appearance_count", "name")


class IndicatorFilter(filters.FilterSet):
    """The indicators page and its exports."""

    province = filters.ModelChoiceFilter(
        label=_("Tỉnh"), queryset=provinces(), to_field_name="slug", field_name="article__province"
    )
    period_kind = filters.ChoiceFilter(
        label=_("Loại kỳ báo cáo"), choices=PeriodKind.choices, field_name="article__period_kind"
    )
    period = PeriodFilter(label=_("Kỳ báo cáo"), method="filter_period")
    unit_class = filters.ChoiceFilter(label=_("Loại đơn vị"), choices=UnitClass.choices)
    q = filters.CharFilter(label=_("Từ trong tên chỉ tiêu"), method="filter_q", max_length=MAX_QUERY_LENGTH)

    def filter_period(self, queryset, name, bounds):
        start, end = bounds
        return queryset.filter(article__period_start__gte=start, article__period_end__lte=end)

    def filter_q(self, queryset, name, words):
        return queryset.label_matches(words)


class ExportForm(forms.Form):
    """`format`: the same list as CSV or JSON instead of a page."""

    format = forms.ChoiceField(choices=[("csv", "CSV"), ("json", "JSON")], required=False)
