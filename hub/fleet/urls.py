from django.urls import path

from hub.fleet import views

urlpatterns = [path("", views.fleet, name="fleet")]
