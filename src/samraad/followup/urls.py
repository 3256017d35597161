from django.urls import path

from samraad.followup import views

app_name = "followup"
urlpatterns = [
    path("alerts/", views.alerts, name="alerts"),
    path("alerts/<int:alert_id>/conversation/", views.conversation, name="conversation"),
]
