from django.urls import path

from hub.inbox import views

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("start/", views.start, name="start"),
    path("count.json", views.count, name="inbox-count"),
    path("export/", views.export, name="export"),
    path("requests/<int:pk>/number", views.show_number, name="show-number"),
    path("requests/<int:pk>/claim", views.claim, name="claim"),
    path("requests/<int:pk>/outcome", views.outcome, name="outcome"),
]
