from django.urls import path

from .views import council, movements, nominations

app_name = "rewards"

urlpatterns = [
    path("", movements.home, name="home"),
]

# Movements, contents, participants, contest scoring, registrations, initiatives, ratings input, reports.
urlpatterns += []

# Nominations, their dossiers and checks, the council, its sessions and votes.
urlpatterns += [
    path("de-nghi/", nominations.nomination_list, name="nomination_list"),
    path("de-nghi/tao/", nominations.nomination_create, name="nomination_create"),
    path("de-nghi/cho-kiem-tra/", nominations.nomination_queue, name="nomination_queue"),
    path("de-nghi/<int:pk>/", nominations.nomination_detail, name="nomination"),
    path("de-nghi/<int:pk>/tai-lieu/", nominations.nomination_document_add, name="nomination_document_add"),
    path("de-nghi/<int:pk>/gui/", nominations.nomination_submit, name="nomination_submit"),
    path("de-nghi/<int:pk>/kiem-tra/", nominations.nomination_check, name="nomination_check"),
    path("de-nghi/<int:pk>/tra-lai/", nominations.nomination_return, name="nomination_return"),
    path("de-nghi/<int:pk>/cho-dua-ra-xet/", nominations.nomination_override, name="nomination_override"),
    path("tai-lieu-de-nghi/<int:pk>/", nominations.nomination_document, name="nomination_document"),
    path("hoi-dong/", council.council_home, name="council"),
    path("hoi-dong/tao/", council.council_create, name="council_create"),
    path("hoi-dong/<int:pk>/thanh-vien/", council.council_member_add, name="council_member_add"),
    path("hoi-dong/<int:pk>/phien-hop/", council.session_create, name="session_create"),
    path("phien-hop/<int:pk>/", council.session_detail, name="session"),
    path("phien-hop/<int:pk>/bo-phieu/", council.session_votes_record, name="session_votes"),
]

# Decisions, prizes, documents, certificates, the awards register and each nominee's history.
urlpatterns += []
