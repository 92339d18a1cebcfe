"""Learner-facing pages: catalogue, course, lesson, dashboard, accounts and health."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import ListView, UpdateView
from django.views.i18n import set_language as django_set_language

from quiz import spaced_review

from . import cohorts, selectors
from .accounts import end_every_session
from .forms import EmailAuthenticationForm, JoinCohortForm, ProfileForm, SignupForm
from .models import Course, User
from .progress import enrol, mark_lesson_done, step_after_reading
from .throttling import password_reset_allowed


class CatalogueView(ListView):
    template_name = "elearning/catalogue.html"
    context_object_name = "courses"

    def get_queryset(self):
        return Course.objects.visible_to(self.request.user).with_progress(self.request.user)


def course_detail(request, course_slug):
    return render(
        request,
        "elearning/course_detail.html",
        selectors.course_page(course_slug, request.user),
    )


@login_required
def lesson_detail(request, course_slug, lesson_slug):
    return render(
        request,
        "elearning/lesson_detail.html",
        selectors.lesson_page(course_slug, lesson_slug, request.user),
    )


@require_POST
@login_required
def lesson_done(request, course_slug, lesson_slug):
    lesson = selectors.lesson_or_404(course_slug, lesson_slug, request.user)
    if mark_lesson_done(request.user, lesson):
        messages.success(request, _("Lesson “%(title)s” marked as done.") % {"title": lesson.title})
    next_step = step_after_reading(request.user, lesson)
    if next_step is not None:
        return redirect(next_step)
    messages.info(request, _("You have reached the end of this course's lessons."))
    return redirect(lesson.course)


@require_POST
@login_required
def course_enrol(request, course_slug):
    course = get_object_or_404(Course.objects.visible_to(request.user), slug=course_slug)
    enrol(request.user, course)
    first = course.lessons.in_reading_order().first()
    return redirect(first or course)


@login_required
def dashboard(request):
    return render(
        request,
        "elearning/dashboard.html",
        {
            "courses": selectors.dashboard(request.user),
            # Not cached with the courses: what is due changes with the day.
            "review": spaced_review.queue_summary(request.user),
        },
    )


class LoginView(auth_views.LoginView):
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        remember_language(response, form.get_user().preferred_language)
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset form, throttled per address and per client (``elearning.throttling``):
    beyond the limit the same neutral page, and no mail. Links in e-mails point at the
    canonical address, never at the request's Host."""

    @property
    def extra_email_context(self):
        return {"site_url": settings.SITE_URL}

    def form_valid(self, form):
        if not password_reset_allowed(self.request, form.cleaned_data["email"]):
            return redirect(self.get_success_url())
        return super().form_valid(form)


def remember_language(response, language):
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


def signup(request):
    if not settings.SIGNUP_OPEN:
        return render(request, "registration/signup_closed.html", status=403)
    if request.user.is_authenticated:
        return redirect("dashboard")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request, _("Welcome, %(name)s! Your account is ready.") % {"name": user.first_name}
        )
        response = redirect("catalogue")
        remember_language(response, user.preferred_language)
        return response
    return render(request, "registration/signup.html", {"form": form})


class ProfileView(UpdateView):
    form_class = ProfileForm
    template_name = "registration/profile.html"
    success_url = reverse_lazy("profile")

    def get_object(self, queryset=None):
        return self.request.user

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "cohorts": self.request.user.cohorts.order_by("name"),
            "join_form": kwargs.get("join_form") or JoinCohortForm(prefix="join"),
        }

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your profile has been saved."))
        remember_language(response, self.object.preferred_language)
        return response


profile = login_required(ProfileView.as_view())


@login_required
@require_POST
def join_cohort(request):
    """Join a cohort with the code an instructor shared; back to the profile, with a
    message either way."""
    form = JoinCohortForm(request.POST, prefix="join")
    if not form.is_valid():
        messages.error(request, _("Enter the code your instructor gave you."))
        return redirect("profile")
    try:
        cohort = cohorts.join(request.user, form.cleaned_data["code"])
    except cohorts.JoinRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("You have joined the cohort “%(name)s”.") % {"name": cohort})
    return redirect("profile")


@login_required
@require_POST
def logout_everywhere(request):
    """End every session the user is logged in with, on every device, this one included."""
    end_every_session(request.user)
    logout(request)
    messages.success(request, _("You have been logged out of every device."))
    return redirect("login")


@require_POST
def set_language(request):
    """Django's language switch, which also remembers the choice on the learner's account."""
    response = django_set_language(request)
    language = request.POST.get("language")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        User.objects.filter(pk=request.user.pk).update(preferred_language=language)
    return response


@never_cache
@require_GET
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
