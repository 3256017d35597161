from django.urls import path

from samraad.reports import views

app_name = "reports"
urlpatterns = [
    path("units/<str:unit_id>/report/", views.download, name="download"),
    path("units/<str:unit_id>/report/subscribe/", views.subscribe, name="subscribe"),
    path("units/<str:unit_id>/report/unsubscribe/", views.unsubscribe, name="unsubscribe"),
]
