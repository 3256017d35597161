from django.urls import path

from samraad.targets import views

app_name = "targets"
urlpatterns = [
    path("units/<str:unit_id>/target/", views.set_target, name="set"),
    path("units/<str:unit_id>/target/breakdown/", views.breakdown_page, name="breakdown"),
]
