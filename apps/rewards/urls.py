from django.urls import path

from .views import contest, council, decisions, movements, nominations, ratings_input, register

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
