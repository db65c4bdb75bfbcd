"""Public pages. Every view only reads; querysets are built in one place per view."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView, TemplateView

from .models import AdministrativeUnit, Article, Person


class HomeView(TemplateView):
    """Latest articles and the provinces with their article counts."""

    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            latest=Article.objects.public()[:10],
            provinces=AdministrativeUnit.objects.provinces()
            .annotate(article_count=Count("articles"))
            .filter(article_count__gt=0)
            .order_by("name"),
            **kwargs,
        )


class ProvinceView(ListView):
    """A province's articles, newest first."""

    template_name = "articles/article_list.html"
    paginate_by = 20

    def get_queryset(self):
        self.province = get_object_or_404(AdministrativeUnit, slug=self.kwargs["province"], level="province")
        return Article.objects.public().for_province(self.province)

    def get_context_data(self, **kwargs):
        return super().get_context_data(province=self.province, **kwargs)


class ArticleDetailView(DetailView):
    """One article with its meeting, attendees and figures."""

    queryset = Article.objects.public().prefetch_related("meetings", "appearances__person", "indicators")


class PersonDetailView(DetailView):
    """An official and every article that names them."""

    queryset = Person.objects.annotate(
        appearance_count=Count("appearances", filter=Q(appearances__isnull=False))
    )
