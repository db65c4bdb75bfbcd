"""Staff views of the archive, written as declarations."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import AdministrativeUnit, Appearance, Article, Indicator, Meeting, Person, Source


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
    list_display = ["name", "domain", "default_province"]
    search_fields = ["name", "domain"]
    list_select_related = ["default_province"]
    autocomplete_fields = ["default_province"]


class MeetingInline(admin.TabularInline):
    model = Meeting
    fields = ["position", "date", "organ", "kind", "locked"]
    extra = 0


class AppearanceInline(admin.TabularInline):
    model = Appearance
    fields = ["position", "name", "person", "titles", "roles", "meeting", "start", "end", "locked"]
    raw_id_fields = ["person", "meeting"]
    extra = 0


class IndicatorInline(admin.TabularInline):
    model = Indicator
    fields = [
        "position",
        "label",
        "value",
        "unit",
        "denominator",
        "qualifier",
        "unit_class",
        "text",
        "locked",
    ]
    extra = 0


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "date",
        "province",
        "level",
        "period_kind",
        "period_year",
        "status",
        "source",
        "is_demo",
    ]
    list_filter = [
        "status",
        "level",
        "period_kind",
        "is_demo",
        "source",
        ("province", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["title", "url", "content_hash"]
    list_select_related = ["province", "source"]
    date_hierarchy = "date"
    raw_id_fields = ["province", "locality", "ingested_by"]
    readonly_fields = ["content_hash", "raw_text", "ingested_by", "ingested_at", "updated_at"]
    inlines = [MeetingInline, AppearanceInline, IndicatorInline]
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
        (_("Trích xuất"), {"fields": ["status", "status_message"]}),
        (_("Văn bản"), {"fields": ["body", "raw_text", "content_hash"], "classes": ["collapse"]}),
        (_("Nhập liệu"), {"fields": ["ingested_by", "ingested_at", "updated_at"]}),
    ]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "province", "needs_review", "created_at"]
    list_filter = ["needs_review", ("province", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "key"]
    list_select_related = ["province"]
    readonly_fields = ["key", "created_at"]
    raw_id_fields = ["province"]


@admin.register(Appearance)
class AppearanceAdmin(admin.ModelAdmin):
    list_display = ["name", "person", "article", "roles", "locked"]
    list_filter = ["locked"]
    search_fields = ["name", "person__name", "article__title"]
    list_select_related = ["person", "article"]
    raw_id_fields = ["article", "meeting", "person"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["label", "value", "unit", "qualifier", "unit_class", "article", "locked"]
    list_filter = ["unit_class", "qualifier", "locked"]
    search_fields = ["label", "text", "article__title"]
    list_select_related = ["article"]
    raw_id_fields = ["article", "meeting"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["organ", "kind", "date", "article", "locked"]
    list_filter = ["kind", "locked"]
    search_fields = ["organ", "article__title"]
    list_select_related = ["article"]
    raw_id_fields = ["article"]
    date_hierarchy = "date"
