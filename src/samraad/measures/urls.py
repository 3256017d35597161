from django.urls import path

from samraad.measures import views

app_name = "measures"
urlpatterns = [
    path("measures/", views.index, name="index"),
    path("measures/<str:unit_id>/<int:year>/", views.edit, name="edit"),
    path("measures/<str:unit_id>/<int:year>/copy/", views.copy, name="copy"),
    path("measures/<int:year>.<filekind:kind>", views.compiled, name="compiled"),
    path(
        "items/<int:pk>/sickness-statistics/",
        views.statistics_attachment,
        name="statistics_attachment",
    ),
    path(
        "items/<int:pk>/sickness-measures/", views.measures_attachment, name="measures_attachment"
    ),
]
