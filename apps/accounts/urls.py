from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("chuyen-co-quan/", views.switch_agency, name="switch_agency"),
    path("ca-nhan/", views.profile, name="profile"),
    path("doi-mat-khau/", views.password_change, name="password_change"),
    path("doi-mat-khau/xong/", views.password_change_done, name="password_change_done"),
    path("quen-mat-khau/", views.password_reset, name="password_reset"),
    path("quen-mat-khau/da-gui/", views.password_reset_done, name="password_reset_done"),
    path("dat-lai/<uidb64>/<token>/", views.password_reset_confirm, name="password_reset_confirm"),
    path("dat-lai/xong/", views.password_reset_complete, name="password_reset_complete"),
]
