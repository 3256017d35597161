from django.urls import path

from samraad.accounts import views

app_name = "accounts"
urlpatterns = [path("accounts/token/", views.token, name="token")]
