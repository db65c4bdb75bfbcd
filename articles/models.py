"""The archive's data: articles, the meetings they report, the people and figures they name."""

import datetime as dt
import math
from array import array

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchQueryField,
    SearchRank,
    SearchVector,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.core.exceptions import EmptyResultSet
from django.db import connections, models
from django.db.models import Count, Expression, F, Func, Max, Min, Q, Value
from django.db.models.functions import Coalesce, ExtractMonth, Lower, TruncMonth
from django.db.models.lookups import Lookup
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import tsquery
from .extraction.gazetteer import slugify

SEARCH_CONFIG = "vi_unaccent"
# A search reads at most this many matches, the newest: counting, ranking and the facets then cost the
# same for "tỉnh ủy" (most of the archive) as for a rare word (docs/PERFORMANCE.md).
SEARCH_LIMIT = 1000
# A search's first weeks are those of at most this many newest articles, whose dates are read (from an
# index) to find them: more, and their average per week is used instead.
DEPTH_READ = 50_000


class Unaccent(Func):
    """The IMMUTABLE f_unaccent() wrapper created in migration 0001 (usable in indexes)."""

    function = "f_unaccent"
    output_field = models.TextField()


# A week's lookup of a pair of adjacent words costs about what testing this many articles costs
# (docs/PERFORMANCE.md): a phrase is looked up by its pairs only where a week holds more of the
# articles searched than that for each pair.
PAIR_WORTH = 25

# Undated articles count as the oldest: a search lists them after the dated ones.
UNDATED = dt.date(1, 1, 1)


class WeeklyWords(Func):
    """An article's lexemes, each prefixed with the week it is dated ('1303_tinh', articles.tsquery),
    with the same prefix its values of the filters a row holds ('1303_~level:town', '1303_~kind:sơ
    kết'), and its pairs of adjacent words under their span of 13 weeks ('100~con_dao'): the function
    of migrations 0013, 0019, 0021, 0022, 0025 and 0026. Indexed, the matches of a few weeks are a
    lookup of those weeks' own lexemes, and a filter or a phrase's pair one more of them: the newest
    matches cost what they hold, not what the archive holds."""

    # The filters in the index and the columns holding their values, in the order the function reads them.
    FILTERS = {
        "level": "level",
        "province": "province",
        "period_kind": "period_kind",
        "source": "source",
        "kind": "kinds",
    }
    COLUMNS = ("search", "date", *FILTERS.values())

    @classmethod
    def terms(cls, filters):
        """The (name, value) of chosen filters it holds as its lexemes (tsquery.filter_term)."""
        return tuple(tsquery.filter_term(name, value) for name, value in filters)

    @classmethod
    def condition(cls, filters):
        """The (name, value) of chosen filters it holds as a condition on the article row."""
        condition = Q()
        for name, value in filters:
            column = cls.FILTERS[name]
            condition &= Q(**{f"{column}__contains": [value]} if name == "kind" else {column: value})
        return condition

    function = "article_weekly_words"
    output_field = SearchVectorField()


class WeekQuery(Expression):
    """`week.query`: the tsquery of the week a search reads, a column of the weeks its articles are
    joined with (ArticleQuerySet._tested)."""

    output_field = SearchQueryField()

    def as_sql(self, compiler, connection):
        return "week.query", []


@SearchVectorField.register_lookup
class Matches(Lookup):
    """`vector__matches=expression`: vector @@ the tsquery of the expression (WeekQuery)."""

    lookup_name = "matches"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} @@ {rhs}", [*lhs_params, *rhs_params]


def text_array(texts):
    """An array literal of `texts` for a text[] parameter, written here as for AnyOf: psycopg's list
    dumper escapes each of the hundreds of queries of a long window of weeks on its own."""
    quoted = ",".join('"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"' for text in texts)
    return f"{{{quoted}}}"


@models.OneToOneField.register_lookup
@models.BigAutoField.register_lookup
class AnyOf(Lookup):
    """`pk__any=ids`: id = ANY(%s), the list sent as one array. The same plan as `pk__in`, whose 1,000
    placeholders (a search's matches) cost more to write out and parse than the query costs to run."""

    lookup_name = "any"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        # Written as an array literal here: psycopg's own list dumper costs ~4 ms per 1,000 ids.
        ids = ",".join(str(int(pk)) for pk in self.rhs)
        return f"{lhs} = ANY(%s::bigint[])", [*params, f"{{{ids}}}"]


def websearch(query):
    """The tsquery of what a reader types: words, "quoted phrases", "or", "-word"."""
    return SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)


class Level(models.TextChoices):
    PROVINCE = "province", _("Tỉnh / thành phố trực thuộc TW")
    CITY = "city", _("Thành phố thuộc tỉnh")
    DISTRICT = "district", _("Huyện / quận")
    TOWN = "town", _("Thị xã")
    COMMUNE = "commune", _("Xã / phường / thị trấn")


class PeriodKind(models.TextChoices):
    MONTH = "month", _("Tháng")
    QUARTER = "quarter", _("Quý")
    HALF = "half", _("6 tháng")
    MONTHS = "months", _("Nhiều tháng")
    YEAR = "year", _("Năm")


class MeetingKind(models.TextChoices):
    SO_KET = "sơ kết", _("Sơ kết")
    TONG_KET = "tổng kết", _("Tổng kết")
    GIAO_BAN = "giao ban", _("Giao ban")
    DAI_HOI = "đại hội", _("Đại hội")
    HOI_NGHI = "hội nghị", _("Hội nghị")


class Role(models.TextChoices):
    CHAIR = "chair", _("Chủ trì")
    ATTEND = "attend", _("Dự")
    SPEAK = "speak", _("Phát biểu")
    REPORT = "report", _("Báo cáo")
    MENTIONED = "mentioned", _("Được nhắc đến")


class UnitClass(models.TextChoices):
    MONEY = "money", _("Tiền")
    PERCENT = "percent", _("Tỷ lệ %")
    RATIO = "ratio", _("Tỷ số x/y")
    COUNT = "count", _("Số lượng")
    OTHER = "other", _("Khác")


def period_fields(period) -> dict:
    """The Article fields for a reported period (an extraction Period, or None for no period)."""
    start, end = period.bounds() if period else (None, None)
    return {
        "period_kind": period.kind if period else "",
        "period_year": period.year if period else None,
        "period_month": period.month if period else None,
        "period_quarter": period.quarter if period else None,
        "period_half": period.half if period else None,
        "period_months": period.months if period else None,
        "period_start": start,
        "period_end": end,
    }


class AdministrativeUnitQuerySet(models.QuerySet):
    def provinces(self, era="2023"):
        """The 63 provinces in force until 30 June 2025 ("2023") or the 34 from 1 July 2025 ("2025")."""
        qs = self.filter(level=AdministrativeUnit.Kind.PROVINCE)
        if era == "2023":
            return qs.filter(valid_from__isnull=True)
        return qs.filter(valid_to__isnull=True)

    def districts(self):
        return self.filter(level=AdministrativeUnit.Kind.DISTRICT)


class AdministrativeUnit(models.Model):
    """A province or district-level unit of the gazetteer, with its period of validity."""

    class Kind(models.TextChoices):
        PROVINCE = "province", _("Cấp tỉnh")
        DISTRICT = "district", _("Cấp huyện")

    code = models.CharField(_("mã"), max_length=16, unique=True)
    name = models.CharField(_("tên"), max_length=100)
    type = models.CharField(_("loại"), max_length=20, help_text=_("tỉnh, thành phố, huyện, quận, thị xã"))
    level = models.CharField(_("cấp"), max_length=10, choices=Kind.choices)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("thuộc")
    )
    successor = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("tỉnh mới (từ 1/7/2025)"),
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    aliases = ArrayField(
        models.CharField(max_length=100), default=list, blank=True, verbose_name=_("tên khác")
    )

    objects = AdministrativeUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["level", "name"]
        indexes = [
            # The province list and a province's districts: filter(level=..., parent=...).
            models.Index(fields=["level", "parent"], name="unit_level_parent_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_from__lte=F("valid_to")),
                name="unit_valid_range",
            ),
            models.CheckConstraint(
                condition=Q(level="province", parent__isnull=True)
                | Q(level="district", parent__isnull=False),
                name="unit_parent_matches_level",
            ),
        ]

    def __str__(self):
        return self.name if self.level == self.Kind.PROVINCE else f"{self.type} {self.name}"

    def get_absolute_url(self):
        return reverse("articles:province", kwargs={"province": self.slug})


class Source(models.Model):
    """A publisher: a provincial paper or a Party committee's portal."""

    name = models.CharField(_("tên"), max_length=200, unique=True)
    domain = models.CharField(_("tên miền"), max_length=200, blank=True, help_text=_("vd. baodongthap.vn"))
    default_province = models.ForeignKey(
        AdministrativeUnit,
        models.SET_NULL,
        null=True,
        blank=True,
        limit_choices_to={"level": "province"},
        related_name="sources",
        verbose_name=_("tỉnh mặc định"),
    )

    class Meta:
        verbose_name = _("nguồn")
        verbose_name_plural = _("nguồn")
        ordering = ["name"]

    def __str__(self):
        return self.name


class FacetQuerySet(models.QuerySet):
    """What articles and their facet rows (FacetRow) are filtered and counted by alike."""

    def in_period(self, start, end):
        """Articles whose reported period overlaps [start, end]."""
        return self.filter(period_start__lte=end, period_end__gte=start)

    def in_month(self, year, month):
        return self.filter(date__year=year, date__month=month)

    def with_meeting_kind(self, kind):
        """Articles reporting a meeting of this kind: their kinds, a column kept by triggers."""
        return self.filter(kinds__contains=[kind])

    def reported_within(self, start, end):
        """Articles reporting on a period inside [start, end]: "tháng 11/2023" finds the November
        reports, even those held on 1 December, and not the yearly ones."""
        return self.filter(period_start__gte=start, period_end__lte=end)

    def facet_counts(self, *, kinds=False, **expressions):
        """{name: {value: count}} for each expression over these articles, all in one scan
        (GROUP BY GROUPING SETS) rather than one per expression: the article list's facet counts;
        with `kinds`, also {"kind": {kind: count}} of their meetings' kinds, in the same scan."""
        counts = {name: {} for name in expressions}
        if kinds:
            counts["kind"] = {}
        if not counts:
            return counts
        values = {f"facet_{name}": value for name, value in expressions.items()}
        rows = self.order_by().values(**values, **({"facet__kinds": F("kinds")} if kinds else {}))
        try:
            sql, params = rows.query.sql_with_params()
        except EmptyResultSet:
            return counts
        columns = [f"facet_{name}" for name in expressions]
        select = [f"{column}, GROUPING({column})" for column in columns]
        sets = [f"({column})" for column in columns]
        if kinds:
            # Over all the rows (the empty grouping set), one count per kind.
            select += ["COUNT(*) FILTER (WHERE facet__kinds @> ARRAY[%s]::varchar[])" for _ in MeetingKind]
            sets.append("()")
            params = (*MeetingKind.values, *params)
        with connections[self.db].cursor() as cursor:
            cursor.execute(
                f"SELECT {', '.join(select)}, COUNT(*) FROM ({sql}) AS facet_rows "
                f"GROUP BY GROUPING SETS ({', '.join(sets)})",
                params,
            )
            for row in cursor.fetchall():
                for index, name in enumerate(expressions):
                    value, grouped_by_other = row[2 * index], row[2 * index + 1]
                    if not grouped_by_other and value is not None and value != "":
                        counts[name][value] = row[-1]
                if kinds and all(row[2 * index + 1] for index in range(len(columns))):
                    per_kind = row[2 * len(columns) : -1]
                    counts["kind"] = {k: n for k, n in zip(MeetingKind.values, per_kind, strict=True) if n}
        return counts


class ArticleQuerySet(FacetQuerySet):
    def search(
        self,
        query,
        marks=("<mark>", "</mark>"),
        limit=SEARCH_LIMIT,
        found=None,
        within=None,
        filters=(),
        share=1.0,
        months=None,
    ):
        """Full-text search, accent-insensitive, phrases in quotes, ranked, with a highlighted snippet:
        the newest `limit` matches, so a result never holds more than `limit` articles.

        The snippet is raw body text with `marks` around the matches: pages pass private markers
        and escape it with articles.highlight.headline_html, since the body is not HTML. `found`, a
        dict kept for one request, remembers the matches of each search over the same filters (a
        page and its facet counts ask twice). `within`, `filters`, `share`, `months`: see newest_matches.
        """
        matching = websearch(query)
        matches = self.search_matches(query, limit, found, within, filters, share, months)
        return (
            # An array, not a list: Django would resolve a list's 1,000 values one by one.
            self.filter(pk__any=array("q", matches))
            .annotate(rank=SearchRank(F("search"), matching))
            .annotate(
                snippet=SearchHeadline(
                    "body",
                    matching,
                    config=SEARCH_CONFIG,
                    start_sel=marks[0],
                    stop_sel=marks[1],
                    max_fragments=2,
                    max_words=30,
                    min_words=12,
                )
            )
        )

    def search_matches(
        self, query, limit=SEARCH_LIMIT, found=None, within=None, filters=(), share=1.0, months=None
    ):
        """The ids search() lists: newest_matches, remembered in `found` (a dict kept for one request)
        for each query over the same articles, as a page, its count and its facet counts all ask."""
        found = {} if found is None else found
        try:
            key = (query, limit, within, tuple(filters), str(self.order_by().values("pk").query))
        except EmptyResultSet:
            key = (query, limit, within, tuple(filters), None)
        if key not in found:
            found[key] = self.newest_matches(query, limit, within, filters, share=share, months=months)
        return found[key]

    def newest_matches(self, query, limit, within=None, filters=(), share=1.0, months=None):
        """Ids of the newest `limit` articles matching the websearch `query`, newest first. `within`:
        the first and last day the articles' filters allow (a year chosen), if any; `filters`: the
        (name, value) of the filters these articles pass that the index of words by week holds
        (WeeklyWords.FILTERS), which it then answers with the words (the rows, when there is no word
        to look up: "-tỉnh"); `share`: at most what share of the archive the articles' filters leave
        (from the kept counts, articles.facets); `months`: the months of the year the filters allow
        (a month chosen without its year), if any.

        Matches are read window by window, the newest weeks first, each window from the index of words by
        week (WeeklyWords), which also holds the articles' pairs of adjacent words ('con_dao'): a quoted
        phrase is looked up by its words and pairs, then tested on the few articles holding them. A window
        costs what its matches cost, whatever the size of the archive, and a window without a match costs a
        few index lookups. Its weeks are read one after the other until enough are found (_tested), so a
        window longer than needed costs little more. The weeks run from the newest to the oldest article,
        within the days `within` and the `months` if given, the undated last (unless either is). The first
        window is as many weeks as should hold 2 × `limit` of the articles the filters leave (`share` of the
        archive; counted by the dates of the newest articles when that is cheap). The share of matches in a
        window sizes the next, at most four times as long; a window without one doubles ("huyện ủy": no
        district after July 2025): a rare query reaches the oldest week in a few windows, each a few lookups
        a week. (A count of its matches in all the weeks left, tried when the first weeks read held few,
        cost 45–145 ms at 1M whenever those weeks were unlike the others: no district after July 2025, no
        half-year report in December.) A phrase's pairs are looked up only where a week holds at least
        PAIR_WORTH of the articles searched for each pair.
        """
        if not share:
            return []  # the filters leave no article
        depth = 2 * limit / share  # how many of the newest articles hold 2 × `limit` of those filtered
        text, newest, oldest, total, deepest = self._search_start(query, depth)
        if within and newest:
            newest, oldest = min(newest, within[1]), max(oldest, within[0])
        tree = tsquery.parse(text)
        if tree is None:
            return []  # no word at all
        words = tsquery.words(tree)
        if words is None:  # only "-word"s: the newest articles lacking them
            lacking = self.filter(WeeklyWords.condition(filters), search=websearch(query))
            if within:
                lacking = lacking.filter(date__range=within)
            if months is not None:
                lacking = lacking.filter(date__month__in=months)
            return list(lacking.order_by(*self.model._meta.ordering).values_list("pk", flat=True)[:limit])
        dated = newest is not None and newest >= oldest  # a year chosen may hold no article
        weeks = list(range(tsquery.week_of(newest), tsquery.week_of(oldest) - 1, -1)) if dated else []
        if months is not None:
            weeks = [week for week in weeks if tsquery.months_of(week) & set(months)]
        if not within and months is None:
            weeks.append(tsquery.UNDATED_WEEK)
        if not weeks:
            return []
        # The articles the filters leave, spread over the dated weeks to read (a year's or a month's, if
        # chosen, which they are all in).
        per_week = share * (total or 1) / max(sum(week != tsquery.UNDATED_WEEK for week in weeks), 1)
        if deepest and not within and months is None:
            window = tsquery.week_of(newest) - tsquery.week_of(deepest) + 1
        else:
            window = math.ceil(2 * limit / max(per_week, 1e-9))
        pairs = tsquery.pairs(tree)
        if per_week < PAIR_WORTH * len(pairs):
            # Too few articles a week for the pairs to leave out more than their lookups cost: each is
            # looked up in every week, and the commoner a pair the longer its list.
            pairs = []
        terms = WeeklyWords.terms(filters)
        found = []  # (day, id) of the matches read so far
        while weeks:
            read, weeks = weeks[:window], weeks[window:]
            new = self._in_weeks(query, tree, words, read, terms, pairs, limit - len(found), within, months)
            found += new
            if len(found) >= limit or not weeks:
                break
            # As many weeks as should hold what is missing at the rate of those read, at most four times
            # as many: the newest weeks may not be like the others (December's yearly reports).
            rate = math.ceil(1.5 * (limit - len(found)) * len(read) / len(new)) if new else 0
            window = min(rate, 4 * len(read)) if new else 2 * window
        found.sort(reverse=True)
        return [pk for _day, pk in found[:limit]]

    def _in_weeks(self, query, tree, words, weeks, terms, pairs, most, within, months):
        """(day, id) of these articles of the `weeks` matching `query` (UNDATED for the undated): those
        holding its `words` (a tree of articles.tsquery), the filter `terms` and the `pairs` of words
        found in the index of words by week, then, unless the words are the query (`tree`), tested
        against the query itself; dated within the days `within` and in the `months` if given (the
        first and last of the weeks hold others); the newest `most` of them."""
        holding = self.alias(weekly=WeeklyWords(*WeeklyWords.COLUMNS)).filter(weekly__matches=WeekQuery())
        queries = tsquery.weekly(words, weeks, terms, pairs)
        return self._tested(holding, queries, None if words == tree else query, most, within, months)

    @staticmethod
    def _tested(articles, queries, query, most, within=None, months=None):
        """(day, id) of the newest `most` of the `articles` matching `query` (all if None), week by
        week: those each of the weeks' `queries` finds, in their order, newest first (WeekQuery), then
        tested on each article by article_matches (migration 0013, never handed to an index), and kept
        if dated within the days `within` and in the `months`, when given.

        The weeks are read one after the other until `most` are found, and a week's articles are tested
        in date order until then: a window of weeks holding many more matches than needed (11,413 rows
        read for 999, "tỉnh ủy" in January 2017) costs only the weeks needed, and a common phrase
        holds several times the matches it still needs (4,452 for 1,000)."""
        # The undated as the oldest, as newest_matches sorts them; an order no index holds, so that the
        # planner never walks the index of dates computing the index of words for each row.
        newest = articles.order_by(Coalesce("date", Value(UNDATED)).desc(), F("pk").desc())
        columns = ["date", "pk"] if query is None else ["date", "pk", "search"]  # sorted with the rows
        sql, params = newest.values_list(*columns).query.sql_with_params()
        names = ", ".join(["date", "id", "search"][: len(columns)])
        kept, kept_params = [], []
        # Outside the week's query: as its conditions, the planner ANDs the index of words with a scan of
        # the index of dates over the whole year (16 ms a week).
        if within:
            kept.append("candidate.date BETWEEN %s AND %s")
            kept_params += within
        if months is not None:
            kept.append("EXTRACT(MONTH FROM candidate.date)::integer = ANY(%s::integer[])")
            kept_params.append(list(months))
        if query is not None:
            kept.append("article_matches(candidate.search, websearch_to_tsquery(%s::regconfig, %s))")
            kept_params += [SEARCH_CONFIG, query]
        where = f"WHERE {' AND '.join(kept)}" if kept else ""
        with connections[articles.db].cursor() as cursor:
            # A lateral join reads the weeks in the order given, each sorted, and stops at the LIMIT.
            # OFFSET 0: the test and the dates stay above the sort, not pushed down to every article read.
            cursor.execute(
                "SELECT candidate.date, candidate.id FROM unnest(%s::text[]::tsquery[]) AS week (query) "
                f"CROSS JOIN LATERAL ({sql} OFFSET 0) AS candidate ({names}) {where} LIMIT %s",
                [text_array(queries), *params, *kept_params, most],
            )
            return [(day or UNDATED, pk) for day, pk in cursor.fetchall()]

    def _search_start(self, query, depth):
        """What newest_matches starts from, in one round trip: the tsquery's text form, the newest and
        oldest date of the archive, its number of articles (its kept count, articles_facetcount), and
        the date of its `depth`-th newest article if that is at most DEPTH_READ deep (an index-only
        scan of the dates), else None. Not the dates of the articles a
        filter leaves: their newest and oldest are a walk over the whole archive when the filters
        leave none."""
        with connections[self.db].cursor() as cursor:
            cursor.execute(
                """
                SELECT websearch_to_tsquery(%s::regconfig, %s)::text, max(date), min(date),
                       (SELECT articles FROM articles_facetcount WHERE dim_a = '' AND dim_b = ''),
                       (SELECT date FROM articles_article WHERE %s ORDER BY date DESC NULLS LAST, id DESC
                        OFFSET %s LIMIT 1)
                FROM articles_article
                """,
                [SEARCH_CONFIG, query, depth <= DEPTH_READ, min(int(depth), DEPTH_READ)],
            )
            return cursor.fetchone()

    def for_province(self, unit):
        return self.filter(province=unit)

    def month_counts(self):
        """(month, count) rows, newest first: the calendars and the home page's months."""
        return (
            self.filter(date__isnull=False)
            .annotate(month=TruncMonth("date"))
            .values("month")
            .annotate(count=Count("id"))
            .order_by("-month")
        )

    def public(self):
        return self.select_related("province", "locality", "source")


class Article(models.Model):
    """One news article, as ingested (raw_text) and as read by the extractor."""

    class Status(models.TextChoices):
        OK = "ok", _("Đầy đủ")
        PARTIAL = "partial", _("Thiếu một phần")
        FAILED = "failed", _("Lỗi trích xuất")

    title = models.TextField(_("tiêu đề"))
    body = models.TextField(
        _("nội dung"), blank=True, help_text=_("Văn bản đã làm sạch; vị trí bằng chứng tính trên đây.")
    )
    raw_text = models.TextField(_("văn bản gốc"), help_text=_("Đúng như khi nhập, không bao giờ sửa."))
    content_hash = models.CharField(_("mã băm nội dung"), max_length=64)
    source = models.ForeignKey(
        Source, models.SET_NULL, null=True, blank=True, related_name="articles", verbose_name=_("nguồn")
    )
    url = models.URLField(_("địa chỉ gốc"), max_length=1000, blank=True)
    published = models.DateField(_("ngày đăng"), null=True, blank=True)
    author = models.CharField(_("tác giả"), max_length=200, blank=True)
    province = models.ForeignKey(
        AdministrativeUnit,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        limit_choices_to={"level": "province"},
        verbose_name=_("tỉnh"),
    )
    locality = models.ForeignKey(
        AdministrativeUnit,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="local_articles",
        limit_choices_to={"level": "district"},
        verbose_name=_("huyện / thành phố"),
    )
    locality_name = models.CharField(
        _("địa phương"), max_length=100, blank=True, help_text=_("Tên đơn vị của cấp ủy, kể cả xã/phường.")
    )
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices, blank=True)
    period_kind = models.CharField(_("kỳ báo cáo"), max_length=10, choices=PeriodKind.choices, blank=True)
    period_year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)
    period_month = models.PositiveSmallIntegerField(_("tháng"), null=True, blank=True)
    period_quarter = models.PositiveSmallIntegerField(_("quý"), null=True, blank=True)
    period_half = models.PositiveSmallIntegerField(_("nửa năm"), null=True, blank=True)
    period_months = models.PositiveSmallIntegerField(_("số tháng"), null=True, blank=True)
    period_start = models.DateField(_("kỳ từ ngày"), null=True, blank=True)
    period_end = models.DateField(_("kỳ đến ngày"), null=True, blank=True)
    date = models.DateField(
        _("ngày"), null=True, blank=True, help_text=_("Ngày hội nghị, nếu không có thì ngày đăng.")
    )
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.OK)
    status_message = models.TextField(_("ghi chú trích xuất"), blank=True)
    ingested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="ingested_articles",
        verbose_name=_("người nhập"),
    )
    ingested_at = models.DateTimeField(_("thời điểm nhập"), default=timezone.now)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)
    is_demo = models.BooleanField(_("dữ liệu mẫu"), default=False)
    # The kinds of its meetings, distinct: the write path sets them with the article, triggers keep them
    # as its meetings change (migration 0020), so a search finds them in the index of words by week.
    kinds = ArrayField(models.CharField(max_length=10), default=list, editable=False)
    corrected = ArrayField(
        models.CharField(max_length=20),
        verbose_name=_("trường đã hiệu đính"),
        default=list,
        blank=True,
        help_text=_(
            "Các trường cán bộ đã sửa; trích xuất lại giữ nguyên chúng. Xóa tên một trường để trình "
            "trích xuất điền lại."
        ),
    )
    search = models.GeneratedField(
        expression=SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("body", weight="B", config=SEARCH_CONFIG),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")
        # Undated articles last, not first as PostgreSQL's plain DESC would put them.
        ordering = [F("date").desc(nulls_last=True), "-id"]
        indexes = [
            # Full-text search (ArticleQuerySet.newest_matches): the newest weeks by the words, pairs of
            # words and filters of each week.
            GinIndex(WeeklyWords(*WeeklyWords.COLUMNS), name="article_weekly_terms_gin"),
            # Latest articles and the month list: the default ordering, filter(date__year, date__month).
            models.Index(F("date").desc(nulls_last=True), F("id").desc(), name="article_date_idx"),
            # Browse a province by month: filter(province=..., date__range=...) in the default ordering.
            models.Index(
                F("province"),
                F("date").desc(nulls_last=True),
                F("id").desc(),
                name="article_province_date_idx",
            ),
            # Filter by level within a province: filter(province=..., level=...).
            models.Index(
                F("level"), F("province"), F("date").desc(nulls_last=True), name="article_level_idx"
            ),
            # Locality pages: filter(locality=...).order_by("-date").
            models.Index(
                F("locality"),
                F("date").desc(nulls_last=True),
                F("id").desc(),
                name="article_locality_date_idx",
            ),
            # Facet counts of the article list (ArticleQuerySet.facet_counts): every column they group by
            # or filter on without a join, so the count is an index-only scan instead of the wide heap.
            models.Index(
                fields=["province", "level", "date", "period_kind", "source", "locality"],
                name="article_facets_idx",
            ),
            # Reported period: in_period(start, end) overlaps.
            models.Index(fields=["period_start", "period_end"], name="article_period_idx"),
            # A source's articles: filter(source=...).order_by("-date").
            models.Index(
                F("source"), F("date").desc(nulls_last=True), F("id").desc(), name="article_source_date_idx"
            ),
            # The staff review list: filter(status__in=["partial", "failed"]).
            models.Index(
                fields=["status", "-ingested_at"], name="article_review_idx", condition=~Q(status="ok")
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["content_hash"], name="article_unique_content_hash"),
            models.CheckConstraint(
                condition=Q(period_kind="", period_year__isnull=True)
                | (
                    ~Q(period_kind="")
                    & Q(period_year__gte=1930, period_year__lte=2100)
                    & (~Q(period_kind="month") | Q(period_month__isnull=False))
                    & (~Q(period_kind="quarter") | Q(period_quarter__isnull=False))
                    & (~Q(period_kind="half") | Q(period_half__isnull=False))
                    & (~Q(period_kind="months") | Q(period_months__isnull=False))
                ),
                name="article_valid_period",
            ),
            models.CheckConstraint(
                condition=(Q(period_month__isnull=True) | Q(period_month__gte=1, period_month__lte=12))
                & (Q(period_quarter__isnull=True) | Q(period_quarter__gte=1, period_quarter__lte=4))
                & (Q(period_half__isnull=True) | Q(period_half__gte=1, period_half__lte=2))
                & (Q(period_months__isnull=True) | Q(period_months__gte=1, period_months__lte=12)),
                name="article_period_field_ranges",
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_start__lte=F("period_end")),
                name="article_period_range_ordered",
            ),
        ]

    def __str__(self):
        return self.title[:120]

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"pk": self.pk, "slug": self.slug})

    @property
    def slug(self):
        return slugify(self.title)[:80].rstrip("-") or "bai-viet"


class Meeting(models.Model):
    """A meeting an article reports, held by a Party committee or one of its bodies."""

    article = models.ForeignKey(Article, models.CASCADE, related_name="meetings", verbose_name=_("bài viết"))
    date = models.DateField(_("ngày"), null=True, blank=True)
    organ = models.CharField(
        _("cơ quan"), max_length=300, help_text=_("Như bài viết ghi: Ban Thường vụ Tỉnh ủy…")
    )
    kind = models.CharField(_("loại"), max_length=10, choices=MeetingKind.choices)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    locked = models.BooleanField(_("đã hiệu đính"), default=False)

    class Meta:
        verbose_name = _("hội nghị")
        verbose_name_plural = _("hội nghị")
        ordering = ["article", "position"]
        indexes = [
            # Filter articles by meeting kind: filter(meetings__kind=...).
            models.Index(fields=["kind", "article"], name="meeting_kind_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.organ}"


class FacetRow(models.Model):
    """An article's facet values in a narrow row, kept by triggers (migration 0014): the article list
    counts the options of its facets here, where a hundred rows share a page that holds a few
    articles, and an article's meeting kinds are a column instead of a join. Never written by Django."""

    article = models.OneToOneField(
        Article, models.DO_NOTHING, primary_key=True, db_constraint=False, related_name="+"
    )
    province = models.ForeignKey(
        AdministrativeUnit,
        models.DO_NOTHING,
        null=True,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    locality = models.ForeignKey(
        AdministrativeUnit,
        models.DO_NOTHING,
        null=True,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    source = models.ForeignKey(
        Source, models.DO_NOTHING, null=True, db_constraint=False, db_index=False, related_name="+"
    )
    level = models.CharField(max_length=10, blank=True)
    period_kind = models.CharField(max_length=10, blank=True)
    date = models.DateField(null=True)
    period_start = models.DateField(null=True)
    period_end = models.DateField(null=True)
    kinds = ArrayField(models.CharField(max_length=10), default=list)

    objects = FacetQuerySet.as_manager()

    class Meta:
        # One index per filter, combined by bitmaps to count, or read newest first for a list's page
        # (ArticleFilter.page_rows); not on kinds, so that setting them once the meetings are stored
        # is an update in place (HOT).
        indexes = [
            models.Index(F("level"), F("date").desc(nulls_last=True), name="facetrow_level_date_idx"),
            models.Index(
                F("period_kind"), F("date").desc(nulls_last=True), name="facetrow_period_kind_date_idx"
            ),
            models.Index(F("province"), F("date").desc(nulls_last=True), name="facetrow_province_date_idx"),
            models.Index(F("locality"), F("date").desc(nulls_last=True), name="facetrow_locality_date_idx"),
            models.Index(F("source"), F("date").desc(nulls_last=True), name="facetrow_source_date_idx"),
            models.Index(F("date").desc(nulls_last=True), name="facetrow_date_idx"),
            # A month chosen without its year (the year facet leaves the year out).
            models.Index(ExtractMonth("date"), name="facetrow_month_idx"),
            models.Index(fields=["period_start", "period_end"], name="facetrow_period_idx"),
        ]

    def __str__(self):
        return f"facets of article {self.article_id}"


class PersonQuerySet(models.QuerySet):
    def search(self, query):
        """Officials whose name is like `query`, with or without diacritics, tolerant of typos.

        Ranked by similarity without diacritics, then with them (a query written "Hiếu" puts Hiếu
        before Hiểu), then by how often the person appears.
        """
        folded = Unaccent(Lower(Value(query)))
        return (
            self.annotate(
                similarity=TrigramWordSimilarity(folded, "key"),
                exact_similarity=TrigramWordSimilarity(Lower(Value(query)), Lower("name")),
            )
            .filter(key__trigram_word_similar=folded)
            .order_by("-similarity", "-exact_similarity", "-appearance_count", "name")
        )


class Person(models.Model):
    """An official, linked from every article that names them."""

    name = models.CharField(_("họ tên"), max_length=100)
    key = models.GeneratedField(
        expression=Unaccent(Lower("name")),
        output_field=models.CharField(max_length=100),
        db_persist=True,
        verbose_name=_("khóa tìm kiếm"),
    )
    province = models.ForeignKey(
        AdministrativeUnit,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        limit_choices_to={"level": "province"},
        verbose_name=_("tỉnh"),
    )
    needs_review = models.BooleanField(_("cần xem lại"), default=False)
    created_at = models.DateTimeField(_("tạo lúc"), default=timezone.now)
    # Kept by the database (migration 0012: triggers on appearances), so that ranking officials by
    # how often they are named reads one row each, not all their appearances.
    appearance_count = models.PositiveIntegerField(
        _("số lần được nêu tên"), default=0, db_default=0, editable=False
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("cán bộ")
        verbose_name_plural = _("cán bộ")
        ordering = ["name", "id"]
        indexes = [
            # Officials search: filter(key__trigram_word_similar=...) ranked by similarity.
            GinIndex(OpClass("key", name="gin_trgm_ops"), name="person_key_trgm"),
            # Linking at ingestion: filter(name=..., province=...).
            models.Index(fields=["name", "province"], name="person_name_province_idx"),
            # The review list: filter(needs_review=True).
            models.Index(fields=["created_at"], name="person_review_idx", condition=Q(needs_review=True)),
            # The officials page without a query: order_by("-appearance_count", "name").
            models.Index(F("appearance_count").desc(), F("name"), name="person_named_most_idx"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:person", kwargs={"pk": self.pk, "slug": self.slug})

    @property
    def slug(self):
        return slugify(self.name) or "can-bo"


class PersonMerge(models.Model):
    """A record that two persons were one official: the other's appearances moved to `person`."""

    person = models.ForeignKey(
        Person, models.CASCADE, related_name="merges", verbose_name=_("cán bộ được giữ lại")
    )
    merged_id = models.PositiveBigIntegerField(_("mã cán bộ đã gộp"))
    merged_name = models.CharField(_("tên cán bộ đã gộp"), max_length=100)
    merged_province = models.ForeignKey(
        AdministrativeUnit,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tỉnh của cán bộ đã gộp"),
    )
    appearances = models.PositiveIntegerField(_("số lần được nêu tên đã chuyển"), default=0)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người gộp"),
    )
    at = models.DateTimeField(_("thời điểm"), default=timezone.now)

    class Meta:
        verbose_name = _("lần gộp cán bộ")
        verbose_name_plural = _("các lần gộp cán bộ")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.merged_name} (#{self.merged_id}) → {self.person}"


class AppearanceQuerySet(models.QuerySet):
    def titles_held(self):
        """Each title given, with the first and last article date it was seen under."""
        return (
            self.annotate(title=Func(F("titles"), function="unnest", output_field=models.CharField()))
            .values("title")
            .annotate(first_seen=Min("article__date"), last_seen=Max("article__date"), count=Count("id"))
            .order_by("first_seen", "title")
        )


class Appearance(models.Model):
    """A person named in an article, with the titles and roles the article gives them."""

    article = models.ForeignKey(
        Article, models.CASCADE, related_name="appearances", verbose_name=_("bài viết")
    )
    meeting = models.ForeignKey(
        Meeting,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="appearances",
        verbose_name=_("hội nghị"),
    )
    person = models.ForeignKey(
        Person, models.SET_NULL, null=True, blank=True, related_name="appearances", verbose_name=_("cán bộ")
    )
    name = models.CharField(_("tên như bài viết ghi"), max_length=100)
    titles = ArrayField(
        models.CharField(max_length=300), default=list, blank=True, verbose_name=_("chức danh")
    )
    roles = ArrayField(
        models.CharField(max_length=10, choices=Role.choices),
        default=list,
        blank=True,
        verbose_name=_("vai trò"),
    )
    start = models.PositiveIntegerField(_("vị trí đầu"), default=0)
    end = models.PositiveIntegerField(_("vị trí cuối"), default=0)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    locked = models.BooleanField(
        _("đã hiệu đính"), default=False, help_text=_("Trích xuất lại giữ nguyên dòng này.")
    )

    objects = AppearanceQuerySet.as_manager()

    class Meta:
        verbose_name = _("người được nêu tên")
        verbose_name_plural = _("người được nêu tên")
        ordering = ["article", "position"]
        indexes = [
            # A person's page: filter(person=...).order_by(article date).
            models.Index(fields=["person", "article"], name="appearance_person_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(start__lte=F("end")), name="appearance_valid_span"),
            models.CheckConstraint(
                condition=Q(roles__contained_by=Role.values), name="appearance_valid_roles"
            ),
        ]

    def __str__(self):
        return self.name


class IndicatorQuerySet(models.QuerySet):
    def label_matches(self, words):
        """Indicators whose label holds every word, with or without diacritics (label trigram index)."""
        queryset = self.alias(label_key=Unaccent(Lower("label")))
        for word in words.split():
            queryset = queryset.filter(label_key__contains=Unaccent(Lower(Value(word))))
        return queryset

    def public(self):
        return self.select_related("article", "article__province")


class Indicator(models.Model):
    """A figure an article reports, with the sentence it came from."""

    article = models.ForeignKey(
        Article, models.CASCADE, related_name="indicators", verbose_name=_("bài viết")
    )
    meeting = models.ForeignKey(
        Meeting, models.SET_NULL, null=True, blank=True, related_name="indicators", verbose_name=_("hội nghị")
    )
    label = models.CharField(_("chỉ tiêu"), max_length=300)
    value = models.DecimalField(_("giá trị"), max_digits=24, decimal_places=6)
    unit = models.CharField(_("đơn vị"), max_length=100, blank=True)
    denominator = models.DecimalField(_("mẫu số"), max_digits=24, decimal_places=6, null=True, blank=True)
    qualifier = models.CharField(
        _("ước lượng"), max_length=10, blank=True, help_text=_("gần, trên, hơn, khoảng, ước")
    )
    unit_class = models.CharField(_("loại đơn vị"), max_length=10, choices=UnitClass.choices)
    normalised_value = models.DecimalField(
        _("giá trị chuẩn hóa"),
        max_digits=32,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Tiền tính bằng đồng."),
    )
    text = models.TextField(_("trích dẫn"), blank=True)
    start = models.PositiveIntegerField(_("vị trí đầu"), default=0)
    end = models.PositiveIntegerField(_("vị trí cuối"), default=0)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    locked = models.BooleanField(
        _("đã hiệu đính"), default=False, help_text=_("Trích xuất lại giữ nguyên dòng này.")
    )

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["article", "position"]
        indexes = [
            # The indicators page: filter(unit_class=...) joined to the article's province and period.
            models.Index(fields=["unit_class", "article"], name="indicator_class_idx"),
            # Label words on the indicators page: filter(label__trigram_word_similar=...) / icontains.
            GinIndex(OpClass(Unaccent(Lower("label")), name="gin_trgm_ops"), name="indicator_label_trgm"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(start__lte=F("end")), name="indicator_valid_span"),
            models.CheckConstraint(
                condition=Q(unit_class="ratio", denominator__isnull=False) | ~Q(unit_class="ratio"),
                name="indicator_ratio_has_denominator",
            ),
        ]

    def __str__(self):
        return f"{self.label}: {self.value} {self.unit}"
