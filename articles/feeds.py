"""Atom feed of any filtered article list: /bai-viet/feed/ takes the article list's parameters."""

import datetime as dt

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from .filters import ArticleFilter
from .highlight import headline_html
from .models import Article

FEED_SIZE = 50


class ArticleFeed(Feed):
    feed_type = Atom1Feed
    title = _("Lưu trữ tin hội nghị — bài viết mới")
    subtitle = _("Tin hội nghị sơ kết, tổng kết, giao ban của các cấp ủy Đảng.")

    def get_object(self, request):
        return ArticleFilter(request.GET or None, queryset=Article.objects.public(), request=request)

    def link(self, filterset):
        query = filterset.data.urlencode() if filterset.is_bound else ""
        return reverse("articles:list") + (f"?{query}" if query else "")

    def items(self, filterset):
        if filterset.is_bound and not filterset.is_valid():
            return []
        return filterset.qs[:FEED_SIZE]

    def item_title(self, article):
        return article.title  # Atom titles are text: the feed generator escapes them

    def item_description(self, article):
        # The summary is HTML (type="html"), so the article's text is escaped into it first.
        snippet = getattr(article, "snippet", None)
        if snippet is not None:
            return headline_html(snippet)
        return escape(Truncator(article.body).words(60))

    def item_pubdate(self, article):
        day = article.date or article.published
        return timezone.make_aware(dt.datetime.combine(day, dt.time(12))) if day else article.ingested_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_categories(self, article):
        return [article.province.name] if article.province else []
