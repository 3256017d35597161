from django.urls import path

from samraad.followup import long_absences, views

app_name = "followup"
urlpatterns = [
    path("alerts/", views.alerts, name="alerts"),
    path("alerts/<int:alert_id>/conversation/", views.conversation, name="conversation"),
    path("units/<str:unit_id>/longest/", long_absences.longest_absences, name="longest"),
]
