"""The query parameters of the public pages, as django-filter FilterSets (documented in README.md).

Views never read request.GET themselves: a parameter either is declared here or does not exist.
"""

import calendar
import datetime as dt
import re
from array import array
from collections import Counter

import django_filters as filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from .facets import precomputed_bound, precomputed_count, precomputed_facets, precomputed_share
from .highlight import HEADLINE_MARKS
from .models import (
    AdministrativeUnit,
    FacetRow,
    Level,
    MeetingKind,
    PeriodKind,
    Source,
    UnitClass,
    WeeklyWords,
)
from .templatetags.archive_tags import unit_name

# Fewer articles than this, known from the kept counts, are found by id first (ArticleFilter.qs).
FEW = 2000

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


def chosen_value(filterset, name):
    """The cleaned value of one of a FilterSet's parameters; None when not given or the form is invalid."""
    if filterset.is_bound and filterset.is_valid():
        return filterset.form.cleaned_data.get(name)
    return None


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

    # The facets in the order they are shown. Those in ROW_FACETS count a column of the article row;
    # the date ones are derived from counts per day; meeting kind is on another table.
    FACETS = ["province", "locality", "level", "year", "quarter", "month", "kind", "period_kind", "source"]
    ROW_FACETS = {
        "province": F("province_id"),
        "locality": F("locality_id"),
        "level": F("level"),
        "period_kind": F("period_kind"),
        "source": F("source_id"),
    }
    DATE_FACETS = {
        "year": lambda day: day.year,
        "quarter": lambda day: (day.month + 2) // 3,
        "month": lambda day: day.month,
    }

    def __init__(self, *args, fixed=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fixed = set(fixed)
        for name in self.fixed:
            del self.filters[name]
        self.found = {}  # search matches, shared by the page and its facet counts

    def filter_period(self, queryset, name, bounds):
        return queryset.reported_within(*bounds)

    def filter_kind(self, queryset, name, kind):
        return queryset.with_meeting_kind(kind)

    def filter_q(self, queryset, name, query):
        hints = self._search_hints(getattr(self, "_leaving", ()))
        return queryset.search(query, marks=HEADLINE_MARKS, found=self.found, **hints)

    def filter_sort(self, queryset, name, sort):
        if sort == "relevance" and self.form.cleaned_data.get("q"):
            return queryset.order_by("-rank", F("date").desc(nulls_last=True), "-id")
        return queryset

    def facets(self):
        """Counts per option of each filter, for the current result with that filter's own choice left
        out (so the other options stay visible): {name: [{value, label, count, selected}]}.

        Facets whose filter is not chosen share the same rows and are counted together in one scan;
        each chosen one needs its own. Labels of places and sources come from one small query each.
        """
        if self.is_bound and not self.is_valid():
            return {}
        cleaned = self.form.cleaned_data if self.is_bound else {}
        wanted = [name for name in self.FACETS if name in self.filters]
        if "locality" in wanted and not (cleaned.get("province") or "province" in self.fixed):
            # Hundreds of options over the whole country: offered once a province is chosen.
            wanted.remove("locality")
        # No filter or one on the whole archive: the counts the database keeps (articles/facets.py).
        counts = (
            None if self.fixed else precomputed_facets([n for n in wanted if n != "locality"], self.chosen())
        )
        counts = counts or {}
        groups = {}
        for name in wanted:
            if name not in counts:
                groups.setdefault(name if cleaned.get(name) not in (None, "") else None, []).append(name)
        for left_out, names in groups.items():
            queryset = self._facet_rows(left_out)
            # Plain columns, no join and no function.
            columns = {name: self.ROW_FACETS[name] for name in names if name in self.ROW_FACETS}
            dated = [name for name in names if name in self.DATE_FACETS]
            if dated:
                columns["day"] = F("date")
            found = queryset.facet_counts(kinds="kind" in names, **columns)
            for name in dated:
                per_value = Counter()
                for day, count in found["day"].items():
                    per_value[self.DATE_FACETS[name](day)] += count
                found[name] = dict(per_value)
            counts.update({name: found[name] for name in names})
        labels = self._labels(counts)
        chosen = self.data or {}
        return {
            name: [
                {
                    "value": value,
                    "label": labels[name](value),
                    "count": count,
                    "selected": str(value) == chosen.get(name),
                }
                for value, count in sorted(counts[name].items(), key=self._order(name, labels[name]))
            ]
            for name in wanted
        }

    def chosen(self):
        """The filters given a value, the sort order aside."""
        cleaned = self.form.cleaned_data if self.is_bound else {}
        return {name: value for name, value in cleaned.items() if name != "sort" and value not in (None, "")}

    def precomputed_count(self):
        """The number of articles listed, from the counts the database keeps or, for three filters or
        more, from the facet rows; None on a page that fixes some. A search's count is that of its
        matches, known."""
        if self.is_bound and not self.is_valid():
            return None
        if self.searching:
            return len(self.matches())
        if self.fixed:
            return None
        if not hasattr(self, "_count"):
            count = precomputed_count(self.chosen())
            # More filters than the kept counts answer: counted from the narrow facet rows.
            self._count = count if count is not None else self._facet_rows(None).count()
        return self._count

    @property
    def qs(self):
        queryset = super().qs
        if not hasattr(self, "_few"):
            bound = None if self.searching else self.precomputed_bound()
            # Filters the planner takes for independent (a meeting kind and a period kind) can leave a
            # handful of articles, which it looks for by walking every article newest first, or by
            # sorting every article one filter leaves. Their ids first, from the facet rows, then the page.
            few = bound is not None and bound < FEW
            self._few = (
                array("q", self._facet_rows(None).order_by().values_list("pk", flat=True)) if few else None
            )
        if self._few is not None:
            queryset = queryset.filter(pk__any=self._few)
        return queryset

    def page_rows(self):
        """The ids of a filtered list in its order, from the facet rows, for its pages to read by id; or
        None (no filter, a search, a page that fixes filters, the few articles already known). Newest
        first along the rows of one filter, an article the other filters leave tested on its narrow row:
        "đại hội" (held every five years) at the town level walked 460,000 articles in date order."""
        chosen = self.chosen()
        if not chosen or self.fixed or self.searching or getattr(self, "_few", None) is not None:
            return None
        rows = self._facet_rows(None).order_by(F("date").desc(nulls_last=True), F("article").desc())
        return rows.values_list("pk", flat=True)

    @property
    def searching(self):
        return bool(chosen_value(self, "q"))

    def matches(self):
        """The ids of a search's matches, newest first (the list's rows, if sorted by date)."""
        query = self.form.cleaned_data["q"]
        return self._filtered("q", searched=True).search_matches(
            query, found=self.found, **self._search_hints(())
        )

    @property
    def sorted_by_date(self):
        return chosen_value(self, "sort") != "relevance"

    def precomputed_bound(self):
        """At most how many articles are listed, from the kept counts of one or two of the filters."""
        if self.fixed or (self.is_bound and not self.is_valid()):
            return None
        return precomputed_bound(self.chosen())

    def _order(self, name, label):
        if name in ("level", "period_kind", "kind"):
            order = [value for value, _label in self.filters[name].extra["choices"]]
            return lambda item: order.index(item[0]) if item[0] in order else len(order)
        if name == "source":
            return lambda item: label(item[0])
        return lambda item: item[0]  # numbers; places by slug, which sorts Đ with D

    def _facet_rows(self, left_out):
        """The facet rows (FacetRow) of the articles every filter but `left_out` leaves: the same
        filters, applied to the narrow table; a search's by the ids of its matches."""
        if self.fixed:
            # Pages that fix some filters pass articles already filtered: counted from them.
            return self._filtered(left_out)
        if left_out is None and getattr(self, "_few", None) is not None:
            return FacetRow.objects.filter(article__any=self._few)
        rows = FacetRow.objects.all()
        hints = self._search_hints((left_out,))
        within = hints["within"]
        if within:
            # The chosen year, with its quarter or month, as one range of the date index.
            rows = rows.filter(date__range=within)
        for name, choice in (self.form.cleaned_data if self.is_bound else {}).items():
            if name in (left_out, "sort") or choice in (None, ""):
                continue
            if within and name in ("year", "quarter", "month"):
                continue
            if name == "q":
                articles = self._filtered(left_out, "q", searched=True)
                matches = articles.search_matches(choice, found=self.found, **hints)
                rows = rows.filter(article__any=array("q", matches))  # not resolved one by one
            else:
                rows = self.filters[name].filter(rows, choice)
        return rows

    def _filtered(self, *left_out, searched=False):
        """The articles the chosen filters but `left_out` leave; `searched`: to be searched, with the
        filters the index of words by week holds left to it (see filter_queryset)."""
        if left_out in ((), (None,)) and getattr(self, "_few", None) is not None:
            return self.queryset.filter(pk__any=self._few)  # the few articles every filter leaves
        self._leaving = left_out  # for filter_q
        try:
            return self._applied(self.queryset.all(), (*left_out, "sort"), searched)
        finally:
            self._leaving = ()

    # With a search, the filters its reading of the index of words by week answers: the filters the index
    # holds (terms of each week's query, _index_filters), and the dates (the weeks it reads, the days of
    # its first and last week tested on the rows found, _days_within, _months_within).
    SEARCH_ANSWERS = (*WeeklyWords.FILTERS, "year", "quarter", "month")

    def filter_queryset(self, queryset):
        """django-filter's, but with a search, the filters it answers are left to it (SEARCH_ANSWERS):
        the same condition on the row too lets the planner AND the index of words with a b-tree scan of
        every article of that value (a yearly "Phú Quốc" among half-year reports: 62 ms for 83,173
        rows, to find 23; a year's dates, 16 ms for each week read)."""
        return self._applied(queryset, (), bool(self.form.cleaned_data.get("q")))

    def _applied(self, queryset, skipped, searched):
        """`queryset` with the chosen filters but those `skipped`, and, if `searched`, those the index of
        words by week answers."""
        for name, choice in (self.form.cleaned_data if self.is_bound else {}).items():
            if name not in skipped and not (searched and name in self.SEARCH_ANSWERS):
                queryset = self.filters[name].filter(queryset, choice)
        return queryset

    def _search_hints(self, left_out):
        """What a search over the articles the filters but `left_out` leave tells the index of words by
        week (ArticleQuerySet.newest_matches): the days they allow, the filter terms it holds, and at
        most what share of the archive they leave."""
        return {
            "within": self._days_within(left_out),
            "filters": self._index_filters(left_out),
            "share": self._share(left_out),
            "months": self._months_within(left_out),
        }

    def _share(self, left_out):
        """At most what share of the archive the chosen filters but `left_out` (and the search) leave,
        from the kept counts (articles.facets); 1 when they do not say."""
        shares = self.__dict__.setdefault("_shares", {})
        if left_out not in shares:
            chosen = {name: value for name, value in self.chosen().items() if name not in (*left_out, "q")}
            share = precomputed_share(chosen)
            shares[left_out] = 1.0 if share is None else min(1.0, share)
        return shares[left_out]

    def _index_filters(self, left_out):
        """(name, value) of the chosen filters the index of words by week holds (WeeklyWords.FILTERS),
        unless left out: a search finds the articles passing them in the index, with its words."""
        chosen = self._chosen_but(left_out)
        return tuple(
            (name, getattr(chosen[name], "pk", chosen[name]))
            for name in WeeklyWords.FILTERS
            if chosen.get(name) not in (None, "")
        )

    def _days_within(self, left_out):
        """(first, last) day the chosen year, with its quarter or month, allows (unless left out), or
        None: a search reads only the weeks of those days (ArticleQuerySet.newest_matches)."""
        chosen = self._chosen_but(left_out)
        year = chosen.get("year")
        if not year:
            return None
        first, last = 1, 12
        quarter = chosen.get("quarter")
        if quarter:
            first, last = 3 * quarter - 2, 3 * quarter
        month = chosen.get("month")
        if month:
            first, last = max(first, month), min(last, month)
        if first > last:
            return (dt.date(year, 12, 31), dt.date(year, 1, 1))  # a month outside the quarter: none
        return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])

    def _months_within(self, left_out):
        """The months a chosen month or quarter allows when no year is (unless left out), or None: a
        search reads only the weeks of those months (ArticleQuerySet.newest_matches)."""
        chosen = self._chosen_but(left_out)
        if chosen.get("year"):
            return None  # the days within the year say it
        months = set(range(1, 13))
        quarter = chosen.get("quarter")
        if quarter:
            months &= set(range(3 * quarter - 2, 3 * quarter + 1))
        month = chosen.get("month")
        if month:
            months &= {month}
        return tuple(sorted(months)) if len(months) < 12 else None

    def _chosen_but(self, left_out):
        """The chosen values but those `left_out`, none when the form is unbound or invalid."""
        cleaned = self.form.cleaned_data if self.is_bound and self.is_valid() else {}
        return {name: value for name, value in cleaned.items() if name not in left_out}

    def _labels(self, counts):
        """name → function(value) → label. Place and source values are ids: the options are shown with
        their names (and places are chosen by slug, so the value becomes the slug)."""
        place_ids = set(counts.get("province", {})) | set(counts.get("locality", {}))
        places = (
            {unit.pk: unit for unit in AdministrativeUnit.objects.filter(pk__in=place_ids)}
            if place_ids
            else {}
        )
        source_ids = set(counts.get("source", {}))
        sources = (
            dict(Source.objects.filter(pk__in=source_ids).values_list("pk", "name")) if source_ids else {}
        )
        for name in ("province", "locality"):
            if name in counts:
                counts[name] = {places[pk].slug: count for pk, count in counts[name].items()}
        by_slug = {unit.slug: unit for unit in places.values()}
        choices = {
            name: dict(self.filters[name].extra["choices"]) for name in ("level", "period_kind", "kind")
        }
        return {
            "province": lambda slug: unit_name(by_slug[slug].name, by_slug[slug].valid_from),
            "locality": lambda slug: by_slug[slug].name,
            "level": lambda value: str(choices["level"].get(value, value)),
            "period_kind": lambda value: str(choices["period_kind"].get(value, value)),
            "kind": lambda value: str(choices["kind"].get(value, value)),
            "year": lambda value: str(value),
            "quarter": lambda value: _("Quý %(quarter)s") % {"quarter": value},
            "month": lambda value: _("Tháng %(month)s") % {"month": value},
            "source": lambda value: sources.get(value, str(value)),
        }


class PersonFilter(filters.FilterSet):
    """The officials search: one box, accent-insensitive and typo-tolerant."""

    q = filters.CharFilter(label=_("Họ tên cán bộ"), method="filter_q", max_length=100)

    def filter_q(self, queryset, name, query):
        return queryset.search(query)

    @property
    def searching(self):
        return bool(chosen_value(self, "q"))

    @property
    def qs(self):
        queryset = super().qs
        if self.searching:
            return queryset
        # No query: everyone, the most often named first.
        return queryset.order_by("-appearance_count", "name")


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
