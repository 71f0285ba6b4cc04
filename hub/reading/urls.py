from django.urls import path

from hub.reading import views

urlpatterns = [path("", views.reading, name="reading")]
