from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/setlang/", set_language, name="set_language"),
    path("", include("samraad.web.urls")),
    path("", include("samraad.accounts.urls")),
    path("", include("samraad.signin.urls")),
    path("", include("samraad.audit.urls")),
    path("", include("samraad.absence.urls")),
    path("", include("samraad.followup.urls")),
    path("", include("samraad.analyses.urls")),
    path("", include("samraad.targets.urls")),
    path("", include("samraad.reports.urls")),
    path("", include("samraad.interchange.urls")),
    # committees/new/ and the member pages before a committee's own pages (meetings).
    path("", include("samraad.committees.urls")),
    path("", include("samraad.meetings.urls")),
    path("", include("samraad.measures.urls")),  # after meetings: its file-kind converter
    path("api/", include("samraad.api.urls")),
]
