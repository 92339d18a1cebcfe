"""The site's pages: catalogue, courses, lessons, quizzes, reviews, certificates, accounts
and her data, privacy, health, and offline reading's service worker and web manifest."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import (
    certificate_views,
    offline_views,
    personal_data_views,
    quiz_views,
    revision_views,
    views,
)

account_patterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("signup/", views.signup, name="signup"),
    path("profile/", views.profile, name="profile"),
    path("profile/logout-everywhere/", views.logout_everywhere, name="logout_everywhere"),
    path("profile/cohorts/join/", views.join_cohort, name="join_cohort"),
    # "Mes données": her data to download, and deleting her account.
    path("my-data/", personal_data_views.my_data, name="my_data"),
    path("my-data/download/", personal_data_views.my_data_download, name="my_data_download"),
    path("my-data/delete/", personal_data_views.account_delete, name="account_delete"),
    path("deleted/", personal_data_views.account_deleted, name="account_deleted"),
    path("password/change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

quiz_patterns = [
    path("<int:quiz_id>/", quiz_views.quiz_detail, name="quiz_detail"),
    path("<int:quiz_id>/start/", quiz_views.quiz_start, name="quiz_start"),
    path(
        "attempts/<int:attempt_id>/questions/<int:position>/",
        quiz_views.quiz_question,
        name="quiz_question",
    ),
    path("attempts/<int:attempt_id>/summary/", quiz_views.quiz_summary, name="quiz_summary"),
    path("attempts/<int:attempt_id>/", quiz_views.quiz_results, name="quiz_results"),
]

urlpatterns = [
    path("", views.CatalogueView.as_view(), name="catalogue"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("revisions/", revision_views.revisions, name="revisions"),
    path("revisions/<int:card_id>/", revision_views.revision_card, name="revision_card"),
    path("courses/<slug:course_slug>/", views.course_detail, name="course_detail"),
    path("courses/<slug:course_slug>/enrol/", views.course_enrol, name="course_enrol"),
    path("courses/<slug:course_slug>/quiz/", include(quiz_patterns)),
    path(
        "courses/<slug:course_slug>/certificate/",
        certificate_views.course_certificate,
        name="course_certificate",
    ),
    path("certificates/verify/", certificate_views.certificate_verify, name="certificate_verify"),
    path(
        "certificates/verify/<str:code>/",
        certificate_views.certificate_verify_code,
        name="certificate_verify_code",
    ),
    path("certificates/<str:code>/pdf/", certificate_views.certificate_pdf, name="certificate_pdf"),
    path(
        "courses/<slug:course_slug>/lessons/<slug:lesson_slug>/",
        views.lesson_detail,
        name="lesson_detail",
    ),
    path(
        "courses/<slug:course_slug>/lessons/<slug:lesson_slug>/done/",
        views.lesson_done,
        name="lesson_done",
    ),
    path("accounts/", include(account_patterns)),
    path("confidentialite/", personal_data_views.privacy, name="privacy"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("healthz", views.healthz, name="healthz"),
    # At the root, so that the service worker's scope covers the whole site.
    path("sw.js", offline_views.service_worker, name="service_worker"),
    path("manifest.webmanifest", offline_views.web_manifest, name="web_manifest"),
]
