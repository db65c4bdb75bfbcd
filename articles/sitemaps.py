"""sitemap.xml: provinces that have articles, every article, every official who appears somewhere.

An index of pages of PAGE_SIZE addresses each, so that no request builds tens of thousands of URLs.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef

from .models import AdministrativeUnit, Appearance, Article, Person

PAGE_SIZE = 2000


class ProvinceSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return (
            AdministrativeUnit.objects.filter(level=AdministrativeUnit.Kind.PROVINCE)
            .filter(Exists(Article.objects.filter(province=OuterRef("pk"))))
            .order_by("slug")
        )


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    limit = PAGE_SIZE

    def items(self):
        return Article.objects.order_by("id").only("id", "title", "updated_at")

    def lastmod(self, article):
        return article.updated_at


class PersonSitemap(Sitemap):
    changefreq = "weekly"
    limit = PAGE_SIZE

    def items(self):
        return (
            Person.objects.filter(Exists(Appearance.objects.filter(person=OuterRef("pk"))))
            .order_by("id")
            .only("id", "name")
        )


SITEMAPS = {"provinces": ProvinceSitemap, "articles": ArticleSitemap, "people": PersonSitemap}
