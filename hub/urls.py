"""The hub's addresses: the kiosks' API, the specialists' inbox, IT's fleet, what patients
read, the admin."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("api/", include("hub.intake.urls")),
    path("", include("hub.inbox.urls")),
    path("fleet/", include("hub.fleet.urls")),
    path("reading/", include("hub.reading.urls")),
    path("sign-in/", auth_views.LoginView.as_view(), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
]
