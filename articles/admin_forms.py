"""Forms behind the staff pages: ingesting texts, correcting extracted rows, splitting a person."""

from django import forms
from django.conf import settings
from django.contrib.postgres.forms import SimpleArrayField
from django.forms.models import BaseInlineFormSet
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .extraction import types as extracted
from .models import Appearance, Indicator, Meeting, Role, Source


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several uploaded files as a list (Django docs, "Uploading multiple files")."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ".txt,.htm,.html,text/plain,text/html"})
        )
        # An empty file goes on to ingestion, which refuses it by name, instead of failing the whole form.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single_file_clean = super().clean
        if isinstance(data, list | tuple):
            return [single_file_clean(item, initial) for item in data]
        return [single_file_clean(data, initial)] if data else []


class IngestForm(forms.Form):
    """One pasted text (with its address) and/or many uploaded files, from one source."""

    text = forms.CharField(
        label=_("Dán văn bản"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "cols": 100}),
        help_text=_("Toàn văn một bài viết, kể cả tiêu đề."),
    )
    url = forms.URLField(
        label=_("Địa chỉ gốc của bài dán"), required=False, max_length=1000, assume_scheme="https"
    )
    files = MultipleFileField(
        label=_("Hoặc tải lên nhiều tệp"),
        required=False,
        help_text=_(".txt hoặc .html; UTF-8, UTF-16 hoặc Windows-1258, có hoặc không có BOM."),
    )
    source = forms.ModelChoiceField(
        label=_("Nguồn"), queryset=Source.objects.all(), required=False, empty_label=_("(không rõ)")
    )
    new_source = forms.CharField(
        label=_("hoặc tên nguồn mới"), required=False, max_length=Source._meta.get_field("name").max_length
    )
    is_demo = forms.BooleanField(label=_("Dữ liệu mẫu"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django refuses a request with more files than this before any view runs.
        limit = settings.DATA_UPLOAD_MAX_NUMBER_FILES
        if limit:
            files = self.fields["files"]
            files.help_text = format_lazy("{} {}", files.help_text, _("Tối đa %d tệp mỗi lần.") % limit)

    def clean(self):
        data = super().clean()
        if not data.get("text", "").strip() and not data.get("files"):
            raise forms.ValidationError(_("Hãy dán một văn bản hoặc chọn ít nhất một tệp."))
        if data.get("source") and data.get("new_source", "").strip():
            raise forms.ValidationError(_("Chọn một nguồn có sẵn hoặc nhập tên nguồn mới, không cả hai."))
        return data

    def get_source(self):
        """The chosen Source, or the new name, which ingestion turns into one (or finds by that name)."""
        return self.cleaned_data["new_source"].strip() or self.cleaned_data["source"]


class LockingInlineFormSet(BaseInlineFormSet):
    """Rows staff add or edit get locked, so re-extraction keeps them; unticking "locked" unlocks a row."""

    def save_new(self, form, commit=True):
        form.instance.locked = True
        return super().save_new(form, commit=commit)

    def save_existing(self, form, obj, commit=True):
        if "locked" not in form.changed_data:
            form.instance.locked = True
        return super().save_existing(form, obj, commit=commit)


class ArticleRowFormSet(LockingInlineFormSet):
    """Appearances or indicators of one article: the meeting select offers that article's meetings only,
    read once for all rows rather than once per row."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting_choices = None

    def _construct_form(self, i, **kwargs):
        return self.limit_meetings(super()._construct_form(i, **kwargs))

    @property
    def empty_form(self):
        return self.limit_meetings(super().empty_form)

    def limit_meetings(self, form):
        field = form.fields.get("meeting")
        if field is not None:
            field.queryset = self.instance.meetings.all() if self.instance.pk else Meeting.objects.none()
            if self.meeting_choices is None:
                self.meeting_choices = list(field.choices)
            field.choices = self.meeting_choices
        return form


class AppearanceForm(forms.ModelForm):
    # Titles often contain commas ("Phó Bí thư, Chủ tịch UBND"), so one title per line.
    titles = SimpleArrayField(
        forms.CharField(max_length=300, required=False),
        delimiter="\n",
        required=False,
        label=_("chức danh"),
        help_text=_("Mỗi dòng một chức danh."),
        widget=forms.Textarea(attrs={"rows": 2, "cols": 40}),
    )
    roles = forms.MultipleChoiceField(
        choices=Role.choices, required=False, label=_("vai trò"), widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Appearance
        fields = [
            "article",
            "meeting",
            "person",
            "name",
            "titles",
            "roles",
            "start",
            "end",
            "position",
            "locked",
        ]

    def clean_titles(self):
        return [title for title in self.cleaned_data["titles"] if title]


class IndicatorForm(forms.ModelForm):
    """A corrected value or unit brings its unit class and normalised value along, unless staff set those."""

    class Meta:
        model = Indicator
        fields = [
            "article",
            "meeting",
            "label",
            "value",
            "unit",
            "denominator",
            "qualifier",
            "unit_class",
            "normalised_value",
            "text",
            "start",
            "end",
            "position",
            "locked",
        ]

    def clean(self):
        data = super().clean()
        changed = set(self.changed_data)
        if changed & {"value", "unit", "denominator"} and data.get("value") is not None:
            # The extractor's own rules, so a corrected figure reads as an extracted one would.
            figure = extracted.Indicator("", data["value"], data.get("unit", ""), data.get("denominator"))
            if "unit_class" not in changed:
                data["unit_class"] = figure.unit_class
            if "normalised_value" not in changed:
                data["normalised_value"] = figure.normalised_value
        return data


class SplitPersonForm(forms.Form):
    """The appearances that belong to another official of the same name."""

    appearances = forms.ModelMultipleChoiceField(
        queryset=Appearance.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Chuyển sang cán bộ mới"),
    )

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["appearances"]
        field.queryset = person.appearances.select_related("article__province").order_by(
            "article__date", "article_id", "position"
        )
        field.label_from_instance = self.describe

    @staticmethod
    def describe(appearance):
        article = appearance.article
        titles = ", ".join(appearance.titles) or "—"
        place = article.province.name if article.province else "—"
        return f"{appearance.name} · {titles} · {article.date or '—'} · {place} · {article.title[:90]}"

    def clean_appearances(self):
        chosen = self.cleaned_data["appearances"]
        if len(chosen) == len(self.fields["appearances"].queryset):
            raise forms.ValidationError(_("Giữ lại ít nhất một lần được nêu tên cho cán bộ hiện tại."))
        return chosen
