from django.urls import path

from .views import movements

app_name = "rewards"

urlpatterns = [
    path("", movements.home, name="home"),
    # movements, contents, contest scoring, registrations, initiatives, ratings input
    # nominations, council, votes, decisions, register, history
]
