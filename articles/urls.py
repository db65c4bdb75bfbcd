from django.contrib.sitemaps import views as sitemaps
from django.urls import path

from . import views
from .feeds import ArticleFeed
from .sitemaps import SITEMAPS

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("bai-viet/", views.ArticleListView.as_view(), name="list"),
    path("bai-viet/feed/", ArticleFeed(), name="feed"),
    path("bai-viet/<int:pk>-<str:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("tinh/<slug:province>/", views.ProvinceView.as_view(), name="province"),
    path("tinh/<slug:province>/<int:year>/", views.ProvinceView.as_view(), name="province-year"),
    path("tinh/<slug:province>/<int:year>/<int:month>/", views.ProvinceView.as_view(), name="province-month"),
    path("can-bo/", views.PersonSearchView.as_view(), name="people"),
    path("can-bo/<int:pk>-<str:slug>/", views.PersonDetailView.as_view(), name="person"),
    path("chi-tieu/", views.IndicatorListView.as_view(), name="indicators"),
    path(
        "sitemap.xml",
        sitemaps.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "articles:sitemap-section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemaps.sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("robots.txt", views.RobotsView.as_view(), name="robots"),
]
