from django.urls import path

from .views import movements

app_name = "rewards"

urlpatterns = [
    path("", movements.home, name="home"),
]

# Movements, contents, participants, contest scoring, registrations, initiatives, ratings input, reports.
urlpatterns += []

# Nominations, their dossiers and checks, the council, its sessions and votes.
urlpatterns += []

# Decisions, prizes, documents, certificates, the awards register and each nominee's history.
urlpatterns += []
