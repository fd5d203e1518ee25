from django.urls import path

from .views import contest, movements, ratings_input

app_name = "rewards"

urlpatterns = [
    path("", movements.home, name="home"),
]

# Movements, contents, participants, contest scoring, registrations, initiatives, ratings input, reports.
urlpatterns += [
    path("phong-trao/moi/", movements.movement_new, name="movement_new"),
    path("ke-hoach/<int:plan_pk>/tao-phong-trao/", movements.movement_from_plan, name="movement_from_plan"),
    path("phong-trao/<int:pk>/", movements.movement, name="movement"),
    path("phong-trao/<int:pk>/dang-ky/", movements.registration, name="registration"),
    path("phong-trao/<int:pk>/thang-diem/tu-ke-hoach/", contest.contest_from_plan, name="contest_from_plan"),
    path("phong-trao/<int:pk>/thang-diem/tai-len/", contest.contest_upload, name="contest_upload"),
    path("thang-diem/<int:pk>/", contest.contest, name="contest"),
    path("thang-diem/<int:pk>/cham/<int:participant_pk>/", contest.contest_score, name="contest_score"),
    path("sang-kien/", movements.initiatives, name="initiatives"),
    path("sang-kien/moi/", movements.initiative_new, name="initiative_new"),
    path("sang-kien/<int:pk>/", movements.initiative, name="initiative"),
    path("sang-kien/<int:pk>/tep/", movements.initiative_file, name="initiative_file"),
    path("xep-loai/", ratings_input.ratings, name="ratings"),
    path("xep-loai/lay-tu-danh-gia/", ratings_input.ratings_from_ratings, name="ratings_from_ratings"),
    path("xep-loai/nhap-excel/", ratings_input.ratings_import, name="ratings_import"),
    path("xep-loai/mau-nhap.xlsx", ratings_input.ratings_template, name="ratings_template"),
]

# Nominations, their dossiers and checks, the council, its sessions and votes.
urlpatterns += []

# Decisions, prizes, documents, certificates, the awards register and each nominee's history.
urlpatterns += []
