from django.urls import path

from hub.intake import views

urlpatterns = [
    path("callbacks", views.callbacks, name="api-callbacks"),
    path("heartbeats", views.heartbeats, name="api-heartbeats"),
]
