"""Learner-facing pages: catalogue, course, lesson, dashboard, accounts and health."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import ListView, UpdateView
from django.views.i18n import set_language as django_set_language

from .forms import EmailAuthenticationForm, ProfileForm, SignupForm
from .models import Course, Enrolment, Lesson, User, percent
from .progress import enrol, mark_lesson_done
from .rendering import render_markdown


class CatalogueView(ListView):
    template_name = "elearning/catalogue.html"
    context_object_name = "courses"

    def get_queryset(self):
        return Course.objects.visible_to(self.request.user).for_learner(self.request.user)


def course_detail(request, course_slug):
    course = get_object_or_404(
        Course.objects.visible_to(request.user).for_learner(request.user), slug=course_slug
    )
    lessons = list(course.lessons.active().with_done(request.user).order_by("position", "pk"))
    done_count = sum(1 for lesson in lessons if lesson.is_done)
    next_lesson = next((lesson for lesson in lessons if not lesson.is_done), None)
    return render(
        request,
        "elearning/course_detail.html",
        {
            "course": course,
            "lessons": lessons,
            "done_count": done_count,
            "lesson_count": len(lessons),
            "percent": percent(done_count, len(lessons)),
            "next_lesson": next_lesson,
        },
    )


def get_lesson_or_404(user, course_slug, lesson_slug):
    return get_object_or_404(
        Lesson.objects.active()
        .with_done(user)
        .select_related("course")
        .filter(course__in=Course.objects.visible_to(user)),
        course__slug=course_slug,
        slug=lesson_slug,
    )


@login_required
def lesson_detail(request, course_slug, lesson_slug):
    lesson = get_lesson_or_404(request.user, course_slug, lesson_slug)
    siblings = list(
        lesson.course.lessons.active().order_by("position", "pk").values_list("slug", "title")
    )
    index = [slug for slug, _title in siblings].index(lesson.slug)
    return render(
        request,
        "elearning/lesson_detail.html",
        {
            "lesson": lesson,
            "body_html": render_markdown(lesson.body),
            "course": lesson.course,
            "number": index + 1,
            "lesson_count": len(siblings),
            "previous": siblings[index - 1] if index > 0 else None,
            "next": siblings[index + 1] if index + 1 < len(siblings) else None,
        },
    )


@require_POST
@login_required
def lesson_done(request, course_slug, lesson_slug):
    lesson = get_lesson_or_404(request.user, course_slug, lesson_slug)
    if mark_lesson_done(request.user, lesson):
        messages.success(request, _("Lesson “%(title)s” marked as done.") % {"title": lesson.title})
    following = Lesson.objects.following(lesson).first()
    if following is not None:
        return redirect(following)
    messages.info(request, _("You have reached the end of this course's lessons."))
    return redirect(lesson.course)


@require_POST
@login_required
def course_enrol(request, course_slug):
    course = get_object_or_404(Course.objects.visible_to(request.user), slug=course_slug)
    enrol(request.user, course)
    first = course.lessons.active().order_by("position", "pk").first()
    return redirect(first or course)


@login_required
def dashboard(request):
    enrolments = list(Enrolment.objects.for_dashboard(request.user))
    for enrolment in enrolments:
        slug = enrolment.next_lesson_slug or enrolment.first_lesson_slug
        enrolment.continue_url = (
            reverse(
                "lesson_detail",
                kwargs={"course_slug": enrolment.course.slug, "lesson_slug": slug},
            )
            if slug
            else enrolment.course.get_absolute_url()
        )
    return render(request, "elearning/dashboard.html", {"enrolments": enrolments})


class LoginView(auth_views.LoginView):
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        remember_language(response, form.get_user().preferred_language)
        return response


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

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your profile has been saved."))
        remember_language(response, self.object.preferred_language)
        return response


profile = login_required(ProfileView.as_view())


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
