"""Root URLs: the admin, then the site's own pages (``elearning.urls``)."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("elearning.urls")),
]
