"""Public pages. Every view only reads; each builds its querysets in one place, and templates get
everything they show already loaded (no query runs while rendering)."""

import datetime as dt

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView
from django_filters.views import FilterView

from . import exports
from .facets import precomputed_facets
from .filters import ArticleFilter, ExportForm, IndicatorFilter, PersonFilter
from .highlight import Span, highlight
from .models import SEARCH_LIMIT, AdministrativeUnit, Appearance, Article, Indicator, Person, Role

PAGE_SIZE = 20


class ExportMixin:
    """`?format=csv|json` streams the filtered list instead of rendering the page."""

    export = None  # a function of articles.exports: (queryset, format) -> response

    def get(self, request, *args, **kwargs):
        form = ExportForm(request.GET)
        if form.is_valid() and form.cleaned_data["format"]:
            response = self.export_response(form.cleaned_data["format"])
            if response is not None:
                return response
        return super().get(request, *args, **kwargs)

    def export_response(self, format):
        filterset = self.get_filterset(self.get_filterset_class())
        if filterset.is_bound and not filterset.is_valid():
            return None  # the page shows the errors instead
        return type(self).export(filterset.qs, format)


class HomeView(TemplateView):
    """Latest articles, the provinces with their article counts, the twelve latest months."""

    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            latest=list(Article.objects.public()[:10]),
            provinces=province_counts(),
            months=latest_months(12),
            **kwargs,
        )


def province_counts():
    """The provinces that have articles, each with `article_count`, read from the counts the database
    keeps (articles/facets.py) rather than by grouping every article."""
    counts = precomputed_facets(["province"], {})["province"]
    # By slug: the database collation would put Đ after Z.
    provinces = list(AdministrativeUnit.objects.filter(pk__in=counts).order_by("slug"))
    for province in provinces:
        province.article_count = counts[province.pk]
    return provinces


def latest_months(count):
    """The `count` latest months that have articles, newest first: [{"month": date, "count": n}]."""
    months = []
    for year in sorted(precomputed_facets(["year"], {})["year"], reverse=True):
        per_month = precomputed_facets(["month"], {"year": year})["month"]
        months += [
            {"month": dt.date(year, m, 1), "count": per_month[m]} for m in sorted(per_month, reverse=True)
        ]
        if len(months) >= count:
            break
    return months[:count]


class MatchesPaginator(Paginator):
    """Pages of articles whose ids are known in their order, newest first: a search's matches (a list),
    or the ids of a filtered list read from the narrow facet rows (a queryset, with its `count`). A
    page reads its own twenty articles by id rather than every article, sorted, to keep twenty."""

    def __init__(self, object_list, per_page, *args, matches, count=None, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.matches = matches
        self.count = len(matches) if count is None else count

    def page(self, number):
        number = self.validate_number(number)
        first = (number - 1) * self.per_page
        rows = self.object_list.filter(pk__any=list(self.matches[first : first + self.per_page]))
        return self._get_page(rows, number, self)


class ArticleListView(ExportMixin, FilterView):
    """Articles filtered by the ArticleFilter parameters, with the count of every option."""

    filterset_class = ArticleFilter
    template_name = "articles/article_list.html"
    paginate_by = PAGE_SIZE
    export = exports.articles
    fixed = ()

    def get_queryset(self):
        # A list shows no text but the snippet, which PostgreSQL writes from the body itself.
        return Article.objects.public().defer("body", "raw_text", "search")

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "fixed": self.fixed}

    def get_paginator(self, queryset, *args, **kwargs):
        if self.filterset.searching and self.filterset.sorted_by_date:
            return MatchesPaginator(queryset, *args, matches=self.filterset.matches(), **kwargs)
        rows = self.filterset.page_rows()
        if rows is not None:
            count = self.filterset.precomputed_count()
            return MatchesPaginator(queryset, *args, matches=rows, count=count, **kwargs)
        paginator = super().get_paginator(queryset, *args, **kwargs)
        count = self.filterset.precomputed_count()
        if count is not None:
            paginator.count = count  # instead of COUNT(*) over the whole archive
        return paginator

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["facets"] = self.filterset.facets()
        context["feed_url"] = reverse("articles:feed")
        # A search keeps its newest SEARCH_LIMIT matches: a full result says "at least".
        paginator = context.get("paginator")
        context["capped"] = bool(self.filterset.searching and paginator and paginator.count >= SEARCH_LIMIT)
        return context


class ProvinceView(ArticleListView):
    """A province's articles, by year or month, with the months that have articles as a calendar."""

    template_name = "articles/province.html"

    @property
    def fixed(self):
        return ("province", "year", "month") if "year" in self.kwargs else ("province",)

    def get_queryset(self):
        self.province = get_object_or_404(
            AdministrativeUnit, slug=self.kwargs["province"], level=AdministrativeUnit.Kind.PROVINCE
        )
        queryset = super().get_queryset().for_province(self.province)
        year, month = self.kwargs.get("year"), self.kwargs.get("month")
        if year is not None:
            if not 1930 <= year <= 2100 or (month is not None and not 1 <= month <= 12):
                raise Http404(_("Không có tháng này."))
            # A date range rather than EXTRACT, so that article_province_date_idx serves it.
            start = dt.date(year, month or 1, 1)
            end = dt.date(year + (month or 12) // 12, (month or 12) % 12 + 1, 1)
            queryset = queryset.filter(date__gte=start, date__lt=end)
        return queryset

    def get_context_data(self, **kwargs):
        months = list(Article.objects.for_province(self.province).month_counts())
        return super().get_context_data(
            province=self.province,
            year=self.kwargs.get("year"),
            month=self.kwargs.get("month"),
            calendar=month_calendar(self.province, months, self.kwargs.get("year"), self.kwargs.get("month")),
            **kwargs,
        )


def month_calendar(province, months, year=None, month=None):
    """The years a province has articles in, each with its twelve months and their counts, and the
    previous and next month with articles around the current one."""
    counts = {(row["month"].year, row["month"].month): row["count"] for row in months}
    years = sorted({key[0] for key in counts}, reverse=True)
    grid = []
    for y in years:
        cells = []
        for m in range(1, 13):
            url = reverse("articles:province-month", args=[province.slug, y, m])
            cells.append(
                {"month": m, "count": counts.get((y, m), 0), "url": url, "current": (y, m) == (year, month)}
            )
        grid.append(
            {"year": y, "months": cells, "current": y == year, "total": sum(c["count"] for c in cells)}
        )
    previous = following = None
    if year is not None and month is not None:
        earlier = [key for key in counts if key < (year, month)]
        later = [key for key in counts if key > (year, month)]
        if earlier:
            previous = _month_link(province, max(earlier))
        if later:
            following = _month_link(province, min(later))
    return {"years": grid, "previous": previous, "next": following}


def _month_link(province, key):
    return {
        "year": key[0],
        "month": key[1],
        "url": reverse("articles:province-month", args=[province.slug, *key]),
    }


class ArticleDetailView(DetailView):
    """One article: meeting, attendees, figures, and the body marked at each one's evidence."""

    queryset = Article.objects.public().prefetch_related(
        "meetings",
        Prefetch("appearances", queryset=Appearance.objects.select_related("person")),
        "indicators",
    )

    def get(self, request, *args, **kwargs):
        self.object = self.article = self.get_object()
        if kwargs["slug"] != self.article.slug:
            return redirect(self.article, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.article))

    def get_context_data(self, **kwargs):
        article = self.article
        appearances = list(article.appearances.all())
        indicators = list(article.indicators.all())
        role_labels = dict(Role.choices)
        for appearance in appearances:
            appearance.role_labels = [role_labels.get(role, role) for role in appearance.roles]
        spans = [
            Span(a.start, a.end, "ev-person", a.name, f"nguoi-{a.pk}") for a in appearances if a.end > a.start
        ] + [
            Span(i.start, i.end, "ev-figure", i.label, f"so-lieu-{i.pk}")
            for i in indicators
            if i.end > i.start
        ]
        return super().get_context_data(
            article=article,
            meetings=list(article.meetings.all()),
            appearances=appearances,
            indicators=indicators,
            body_html=highlight(article.body, spans),
            **kwargs,
        )


class PersonSearchView(FilterView):
    """Officials by name, with or without diacritics; everyone, most often named first, without a query."""

    filterset_class = PersonFilter
    template_name = "articles/person_search.html"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return Person.objects.select_related("province")

    def get_paginator(self, queryset, *args, **kwargs):
        if self.filterset.searching:
            # The candidates' ids in rank order, in one pass of the name index; counted and paged
            # from that list, instead of a second pass that only counts.
            matches = list(queryset.values_list("pk", flat=True))
            return MatchesPaginator(queryset, *args, matches=matches, **kwargs)
        return super().get_paginator(queryset, *args, **kwargs)


class PersonDetailView(ListView):
    """An official: every appearance in date order, the titles held with when, the provinces."""

    template_name = "articles/person_detail.html"
    paginate_by = 50

    def get(self, request, *args, **kwargs):
        self.person = get_object_or_404(Person.objects.select_related("province"), pk=kwargs["pk"])
        if kwargs["slug"] != self.person.slug:
            return redirect(self.person, permanent=True)
        form = ExportForm(request.GET)
        if form.is_valid() and form.cleaned_data["format"]:
            return exports.appearances(self.get_queryset(), form.cleaned_data["format"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return (
            Appearance.objects.filter(person=self.person)
            .select_related("article", "article__province", "article__source", "meeting")
            .order_by("article__date", "article_id", "position")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        role_labels = dict(Role.choices)
        for appearance in context["object_list"]:
            appearance.role_labels = [role_labels.get(role, role) for role in appearance.roles]
        appearances = Appearance.objects.filter(person=self.person)
        context.update(
            person=self.person,
            titles=list(appearances.titles_held()),
            provinces=list(
                appearances.filter(article__province__isnull=False)
                .values("article__province__slug", "article__province__name", "article__province__valid_from")
                .annotate(count=Count("id"))
                .order_by("-count", "article__province__slug")
            ),
        )
        return context


class IndicatorListView(ExportMixin, FilterView):
    """Reported figures, filtered; a table and, once the figures are narrowed down by label words or a
    province, a time series per province for the chart."""

    filterset_class = IndicatorFilter
    template_name = "articles/indicator_list.html"
    paginate_by = 50
    export = exports.indicators
    # The newest points of a chart; the table and the exports have them all.
    CHART_POINTS = 1000

    def get_queryset(self):
        # Newest ingested first: an ordering the article_id index serves, where sorting millions of
        # figures by their article's date would not be.
        return Indicator.objects.public().order_by("-article_id", "position")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["provinces"] = list(
            AdministrativeUnit.objects.filter(level=AdministrativeUnit.Kind.PROVINCE).order_by("slug")
        )
        narrowed = self.filterset.is_bound and self.filterset.is_valid()
        narrowed = narrowed and any(self.filterset.form.cleaned_data.get(name) for name in ("q", "province"))
        context["chart"] = chart_series(self.object_list) if narrowed else []
        context["chart_points"] = self.CHART_POINTS
        return context


def chart_series(indicators):
    """Per province, one series per unit, in date order:
    [{province, series: [{unit, points: [{x, y, label}]}]}]."""
    rows = (
        indicators.filter(article__date__isnull=False, article__province__isnull=False)
        .order_by("-article_id")
        .values(
            "article__province__name", "article__province__slug", "unit", "label", "value", "article__date"
        )[: IndicatorListView.CHART_POINTS]
    )
    charts = {}
    for row in sorted(rows, key=lambda row: (row["article__province__slug"], row["article__date"])):
        series = charts.setdefault(row["article__province__name"], {})
        series.setdefault(row["unit"] or "—", []).append(
            {"x": row["article__date"].isoformat(), "y": float(row["value"]), "label": row["label"]}
        )
    return [
        {
            "province": province,
            "series": [{"unit": unit, "points": points} for unit, points in series.items()],
        }
        for province, series in charts.items()
    ]


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"
