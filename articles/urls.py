from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("bai-viet/<int:pk>-<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("tinh/<slug:province>/", views.ProvinceView.as_view(), name="province"),
    path("can-bo/<int:pk>-<slug:slug>/", views.PersonDetailView.as_view(), name="person"),
]
