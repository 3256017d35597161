from django.urls import path

from samraad.api import views

app_name = "api"
urlpatterns = [
    path("openapi.json", views.openapi, name="openapi"),
    path("v1/units/<str:unit_id>/statistics", views.unit_statistics, name="unit_statistics"),
    path("v1/units/<str:unit_id>/sub-units", views.sub_units, name="sub_units"),
    path("v1/units/<str:unit_id>/employees", views.employees, name="employees"),
    path("v1/units/<str:unit_id>/longest", views.longest, name="longest"),
    path("v1/alerts", views.alerts, name="alerts"),
]
