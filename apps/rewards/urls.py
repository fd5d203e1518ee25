from django.urls import path

from .views import decisions, movements, register

app_name = "rewards"

urlpatterns = [
    path("", movements.home, name="home"),
]

# Movements, contents, participants, contest scoring, registrations, initiatives, ratings input, reports.
urlpatterns += []

# Nominations, their dossiers and checks, the council, its sessions and votes.
urlpatterns += []

# Decisions, prizes, documents, certificates, the awards register and each nominee's history.
urlpatterns += [
    path("quyet-dinh/", decisions.decision_list, name="decisions"),
    path("quyet-dinh/du-thao/", decisions.decision_create, name="decision_create"),
    path("quyet-dinh/<int:pk>/", decisions.decision_detail, name="decision"),
    path("quyet-dinh/<int:pk>/ban-hanh/", decisions.decision_issue, name="decision_issue"),
    path("quyet-dinh/<int:pk>/quyet-dinh.docx", decisions.decision_docx, name="decision_docx"),
    path("quyet-dinh/<int:pk>/giay-khen.docx", decisions.certificates_docx, name="certificates_docx"),
    path("quyet-dinh/phien-hop/<int:pk>/to-trinh.docx", decisions.proposal_docx, name="proposal_docx"),
    path("quyet-dinh/phien-hop/<int:pk>/bien-ban.docx", decisions.minutes_docx, name="minutes_docx"),
    path("so-khen-thuong/", register.register, name="register"),
    path("so-khen-thuong/so-khen-thuong.xlsx", register.register_xlsx, name="register_xlsx"),
    path("so-khen-thuong/nhap/", register.award_enter, name="award_enter"),
    path("lich-su/ca-nhan/<int:pk>/", register.history_person, name="history_person"),
    path("lich-su/tap-the/<int:pk>/", register.history_unit, name="history_unit"),
    path("lich-su/co-quan/<int:pk>/", register.history_agency, name="history_agency"),
]
