"""Staff views of the archive: declarations, plus the ingest, re-extract, merge and split pages."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.postgres.search import SearchQuery
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import ingest
from .admin_forms import (
    AppearanceForm,
    ArticleRowFormSet,
    IndicatorForm,
    IngestForm,
    LockingInlineFormSet,
    SplitPersonForm,
)
from .highlight import Span, highlight
from .ingest_rows import EXTRACTED_FIELDS
from .models import (
    SEARCH_CONFIG,
    AdministrativeUnit,
    Appearance,
    Article,
    Indicator,
    Meeting,
    Person,
    PersonMerge,
    Source,
)
from .templatetags.archive_tags import period_label

INGEST_STATUSES = ("created", "duplicate", "failed")
STATUS_COLOURS = {"ok": "#2e7d32", "partial": "#b26a00", "failed": "#c62828"}
NEEDS_REVIEW = [Article.Status.PARTIAL, Article.Status.FAILED]


def count_of(model, **outer):
    """The number of `model` rows pointing at each outer row, as a correlated subquery.

    A subquery is computed only for the page of rows shown; Count() over joins would aggregate the table.
    """
    (name,) = outer
    rows = model.objects.filter(**{name: OuterRef(outer[name])}).order_by().values(name)
    return Coalesce(Subquery(rows.annotate(n=Count("*")).values("n"), output_field=IntegerField()), 0)


class LocksEditedRows:
    """A row saved from its own change form is a staff correction: lock it, unless staff unticked "locked"."""

    def save_model(self, request, obj, form, change):
        if "locked" not in form.changed_data:
            obj.locked = True
        super().save_model(request, obj, form, change)

    def has_add_permission(self, request):
        # Rows are added by ingestion or in the article's own page, where they belong to it.
        return False


@admin.register(AdministrativeUnit)
class AdministrativeUnitAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "level", "parent", "code", "valid_from", "valid_to", "successor"]
    list_filter = ["level", "type", "valid_to"]
    search_fields = ["name", "code", "slug", "aliases"]
    list_select_related = ["parent", "successor"]
    readonly_fields = ["code"]
    raw_id_fields = ["parent", "successor"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "default_province", "article_count"]
    search_fields = ["name", "domain"]
    list_select_related = ["default_province"]
    autocomplete_fields = ["default_province"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=count_of(Article, source="pk"))

    @admin.display(description=_("số bài"), ordering="article_count")
    def article_count(self, obj):
        return obj.article_count


class MeetingInline(admin.TabularInline):
    model = Meeting
    formset = LockingInlineFormSet
    fields = ["position", "date", "organ", "kind", "locked"]
    extra = 0


class AppearanceInline(admin.TabularInline):
    model = Appearance
    form = AppearanceForm
    formset = ArticleRowFormSet
    fields = ["position", "name", "person", "titles", "roles", "meeting", "start", "end", "locked"]
    autocomplete_fields = ["person"]
    extra = 0


class IndicatorInline(admin.TabularInline):
    model = Indicator
    form = IndicatorForm
    formset = ArticleRowFormSet
    fields = [
        "position",
        "label",
        "value",
        "unit",
        "denominator",
        "qualifier",
        "unit_class",
        "normalised_value",
        "meeting",
        "text",
        "start",
        "end",
        "locked",
    ]
    extra = 0


class ReviewFilter(admin.SimpleListFilter):
    title = _("cần xem lại")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("yes", _("Thiếu một phần hoặc lỗi"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(status__in=NEEDS_REVIEW)
        return queryset


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    # A filtered list of a large table need not count the whole table too.
    show_full_result_count = False
    list_display = [
        "title",
        "status_badge",
        "date",
        "province",
        "period",
        "people_count",
        "indicator_count",
        "source",
    ]
    list_filter = [
        ReviewFilter,
        "status",
        "level",
        "period_kind",
        "is_demo",
        ("source", admin.RelatedOnlyFieldListFilter),
        ("province", admin.RelatedOnlyFieldListFilter),
        ("ingested_by", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["title", "url", "content_hash", "locality_name"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_select_related = ["province", "source"]
    date_hierarchy = "date"
    autocomplete_fields = ["province", "locality", "source"]
    readonly_fields = [
        "evidence",
        "raw_text_display",
        "content_hash",
        "ingested_by",
        "ingested_at",
        "updated_at",
    ]
    inlines = [MeetingInline, AppearanceInline, IndicatorInline]
    actions = ["reextract_selected"]
    fieldsets = [
        (None, {"fields": ["title", "source", "url", "published", "author", "date", "is_demo"]}),
        (_("Cấp ủy"), {"fields": ["province", "locality", "locality_name", "level"]}),
        (
            _("Kỳ báo cáo"),
            {
                "fields": [
                    "period_kind",
                    "period_year",
                    ("period_month", "period_quarter", "period_half", "period_months"),
                    ("period_start", "period_end"),
                ]
            },
        ),
        (_("Trích xuất"), {"fields": ["status", "status_message", "corrected"]}),
        (_("Nội dung và bằng chứng"), {"fields": ["evidence"]}),
        (_("Văn bản gốc"), {"fields": ["raw_text_display", "content_hash"], "classes": ["collapse"]}),
        (_("Nhập liệu"), {"fields": ["ingested_by", "ingested_at", "updated_at"]}),
    ]

    def save_model(self, request, obj, form, change):
        """An extracted field staff change is a correction, which re-extraction keeps (Article.corrected),
        unless they edited that list themselves."""
        if change and "corrected" not in form.changed_data:
            edited = {name for name in form.changed_data if name in EXTRACTED_FIELDS}
            obj.corrected = sorted(set(obj.corrected) | edited)
        super().save_model(request, obj, form, change)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                people_count=count_of(Appearance, article="pk"),
                indicator_count=count_of(Indicator, article="pk"),
            )
        )

    def get_search_results(self, request, queryset, search_term):
        """Title, address or hash as typed, or the words anywhere, without diacritics (as the public search)."""
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term.strip():
            found |= queryset.filter(
                search=SearchQuery(search_term, search_type="websearch", config=SEARCH_CONFIG)
            )
        return found, may_have_duplicates

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("ingest/", view(self.ingest_view), name="articles_article_ingest"),
            path("<path:object_id>/reextract/", view(self.reextract_view), name="articles_article_reextract"),
            *super().get_urls(),
        ]

    @admin.display(description=_("trạng thái"), ordering="status")
    def status_badge(self, obj):
        return format_html(
            '<strong style="color: {}">{}</strong>', STATUS_COLOURS[obj.status], obj.get_status_display()
        )

    @admin.display(description=_("kỳ báo cáo"), ordering="period_start")
    def period(self, obj):
        return period_label(obj) or None

    @admin.display(description=_("số người"), ordering="people_count")
    def people_count(self, obj):
        return obj.people_count

    @admin.display(description=_("số chỉ tiêu"), ordering="indicator_count")
    def indicator_count(self, obj):
        return obj.indicator_count

    @admin.display(description=_("nội dung (đánh dấu người và số liệu)"))
    def evidence(self, obj):
        spans = [
            Span(a.start, a.end, css_class="person", title="; ".join([a.name, *a.titles]))
            for a in obj.appearances.all()
        ] + [
            Span(
                i.start,
                i.end,
                css_class="figure",
                title=f"{i.label}: {i.value.normalize():f} {i.unit}".strip(),
            )
            for i in obj.indicators.all()
        ]
        return format_html('<div class="article-evidence">{}</div>', highlight(obj.body, spans))

    @admin.display(description=_("văn bản gốc"))
    def raw_text_display(self, obj):
        return format_html('<pre class="article-raw">{}</pre>', obj.raw_text)

    def add_view(self, request, form_url="", extra_context=None):
        # Articles enter through the one write path; "add" opens the ingest page.
        return HttpResponseRedirect(reverse("admin:articles_article_ingest"))

    def ingest_view(self, request):
        """Paste a text or upload files; list each as created, duplicate or failed."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = IngestForm(request.POST or None, request.FILES or None)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Nhập bài viết"),
            "form": form,
        }
        if request.method == "POST" and form.is_valid():
            rows = self.ingest(request, form)
            counts = {status: sum(row.status == status for row in rows) for status in INGEST_STATUSES}
            return TemplateResponse(
                request,
                "admin/articles/article/ingest_result.html",
                {**context, "title": _("Kết quả nhập bài viết"), "rows": rows, "counts": counts},
            )
        return TemplateResponse(request, "admin/articles/article/ingest.html", context)

    def ingest(self, request, form):
        source = form.get_source()
        options = {"source": source, "user": request.user, "is_demo": form.cleaned_data["is_demo"]}
        rows = []
        if form.cleaned_data["text"].strip():
            name = str(_("(văn bản dán)"))
            try:
                result = ingest.ingest_text(
                    form.cleaned_data["text"], url=form.cleaned_data["url"], name=name, **options
                )
            except ingest.IngestError as error:
                result = ingest.IngestResult(None, False, "failed", str(error), name=name)
            rows.append(result)
        items = ((upload.name, upload.read()) for upload in form.cleaned_data["files"])
        rows += ingest.ingest_many(items, bulk=True, **options)
        for row in rows:
            if row.created:
                self.log_addition(request, row.article, _("Nhập từ: %s") % row.name)
        return rows

    @admin.action(description=_("Trích xuất lại"), permissions=["change"])
    def reextract_selected(self, request, queryset):
        for article in queryset:
            self.reextract(request, article)
        count = len(queryset)
        self.message_user(
            request,
            ngettext("Đã trích xuất lại %d bài viết.", "Đã trích xuất lại %d bài viết.", count) % count,
        )

    def reextract(self, request, article):
        article = ingest.reextract(article)
        self.log_change(request, article, _("Trích xuất lại (giữ các dòng đã hiệu đính)."))
        return article

    def reextract_view(self, request, object_id):
        """The change page's "Trích xuất lại" button (POST only)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self.get_object(request, unquote(object_id))
        if article is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        self.reextract(request, article)
        self.message_user(request, _("Đã trích xuất lại; các dòng đã hiệu đính được giữ nguyên."))
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))


class PersonMergeInline(admin.TabularInline):
    model = PersonMerge
    fields = ["merged_name", "merged_id", "merged_province", "appearances", "user", "at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    show_full_result_count = False
    list_display = ["name", "province", "appearance_count", "needs_review", "created_at"]
    # Reviewing a flagged person often ends in "this one is fine": untick it in the list.
    list_editable = ["needs_review"]
    list_filter = ["needs_review", ("province", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "key"]
    list_select_related = ["province"]
    readonly_fields = ["key", "appearance_count", "created_at"]
    autocomplete_fields = ["province"]
    inlines = [PersonMergeInline]
    actions = ["merge_selected", "split_selected"]

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/split/", view(self.split_view), name="articles_person_split"),
            *super().get_urls(),
        ]

    @admin.action(
        description=_("Gộp các cán bộ đã chọn (giữ người được nêu tên nhiều nhất)"), permissions=["change"]
    )
    def merge_selected(self, request, queryset):
        keep, *others = queryset.order_by("-appearance_count", "pk")
        if not others:
            self.message_user(request, _("Chọn ít nhất hai cán bộ để gộp."), messages.WARNING)
            return
        for other in others:
            name, pk = other.name, other.pk
            keep = ingest.merge_people(keep, other, user=request.user)
            self.log_change(request, keep, _("Gộp %(name)s (#%(pk)s) vào.") % {"name": name, "pk": pk})
        self.message_user(
            request,
            _("Đã gộp %(count)d cán bộ vào %(name)s.") % {"count": len(others), "name": keep.name},
        )

    @admin.action(description=_("Tách một cán bộ thành hai"), permissions=["change"])
    def split_selected(self, request, queryset):
        if len(queryset) != 1:
            self.message_user(request, _("Chọn đúng một cán bộ để tách."), messages.WARNING)
            return None
        return HttpResponseRedirect(reverse("admin:articles_person_split", args=[queryset[0].pk]))

    def split_view(self, request, object_id):
        """Choose the appearances that belong to another official; they move to a new person."""
        person = self.get_object(request, unquote(object_id))
        if person is None:
            raise Http404
        if not self.has_change_permission(request, person):
            raise PermissionDenied
        form = SplitPersonForm(request.POST or None, person=person)
        if request.method == "POST" and form.is_valid():
            new = ingest.split_person(person, list(form.cleaned_data["appearances"]), user=request.user)
            moved = len(form.cleaned_data["appearances"])
            self.log_addition(
                request, new, _("Tách từ %(name)s (#%(pk)s).") % {"name": person.name, "pk": person.pk}
            )
            self.log_change(
                request,
                person,
                _("Tách %(count)d lần được nêu tên sang #%(pk)s.") % {"count": moved, "pk": new.pk},
            )
            self.message_user(request, _("Đã tách sang cán bộ mới; hãy kiểm tra tên và tỉnh."))
            return HttpResponseRedirect(reverse("admin:articles_person_change", args=[new.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Tách cán bộ %s") % person.name,
            "person": person,
            "original": person,
            "form": form,
        }
        return TemplateResponse(request, "admin/articles/person/split.html", context)


@admin.register(PersonMerge)
class PersonMergeAdmin(admin.ModelAdmin):
    """The merge history, read-only: merges are made by the persons' "Gộp" action."""

    list_display = ["merged_name", "merged_id", "person", "merged_province", "appearances", "user", "at"]
    list_filter = ["at"]
    search_fields = ["merged_name", "person__name"]
    list_select_related = ["person", "merged_province", "user"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Appearance)
class AppearanceAdmin(LocksEditedRows, admin.ModelAdmin):
    show_full_result_count = False
    form = AppearanceForm
    list_display = ["name", "person", "article", "titles", "roles", "locked"]
    list_filter = ["locked", "roles", ("article__province", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "person__name", "article__title"]
    list_select_related = ["person", "article"]
    autocomplete_fields = ["article", "person"]
    raw_id_fields = ["meeting"]


@admin.register(Indicator)
class IndicatorAdmin(LocksEditedRows, admin.ModelAdmin):
    show_full_result_count = False
    form = IndicatorForm
    list_display = ["label", "value", "unit", "qualifier", "unit_class", "article", "locked"]
    list_filter = ["unit_class", "qualifier", "locked"]
    search_fields = ["label", "text", "article__title"]
    list_select_related = ["article"]
    autocomplete_fields = ["article"]
    raw_id_fields = ["meeting"]


@admin.register(Meeting)
class MeetingAdmin(LocksEditedRows, admin.ModelAdmin):
    show_full_result_count = False
    list_display = ["organ", "kind", "date", "article", "locked"]
    list_filter = ["kind", "locked"]
    search_fields = ["organ", "article__title"]
    list_select_related = ["article"]
    autocomplete_fields = ["article"]
    date_hierarchy = "date"
