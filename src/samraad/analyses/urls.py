from django.urls import path

from samraad.analyses import views

app_name = "analyses"
urlpatterns = [
    path("analyses/", views.index, name="index"),
    path("analyses/<str:unit_id>/", views.unit, name="unit"),
    path("analyses/<str:unit_id>/<slug:slug>/", views.analysis, name="analysis"),
]
