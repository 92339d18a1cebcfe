"""Certificates: her download, and the public verification page.

``/courses/<slug>/certificate/`` takes a learner to her certificate's PDF once she has
completed the course, and otherwise says what is left. ``/certificates/<code>/pdf/``
serves the PDF to the learner it belongs to and to the staff who may see her (her
cohorts' instructors, superusers); anyone else gets a 404.
``/certificates/verify/`` checks a code anyone holds, and tells valid, revoked or
unknown, showing nothing of the learner beyond what the certificate states.
"""

from axes.helpers import get_client_ip_address
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import cohorts, completion
from .certificates import CertificateContent, file_name, render_certificate
from .models import Certificate, Enrolment
from .selectors import visible_course_or_404


def certificate_content(certificate, request=None):
    """What the PDF states: the snapshot, in the learner's language."""
    return CertificateContent(
        learner_name=certificate.learner_name,
        course_title=certificate.course_title,
        completed_on=certificate.completed_on,
        score_percent=certificate.score_percent,
        code=certificate.display_code,
        verify_url=completion.verify_url(certificate.code, request),
        # A kept certificate of a deleted account is printed in the site's language.
        language=getattr(certificate.learner, "preferred_language", "") or "fr",
    )


@never_cache
@require_GET
@login_required
def course_certificate(request, course_slug):
    course = visible_course_or_404(course_slug, request.user)
    certificate = Certificate.objects.valid().filter(learner=request.user, course=course).first()
    if certificate is not None:
        return redirect("certificate_pdf", certificate.display_code)
    lessons, quiz_missing = completion.missing_for(request.user, course)
    revoked = None
    completed = Enrolment.objects.filter(
        learner=request.user, course=course, completed_at__isnull=False
    )
    if completed.exists():
        # She completed the course, but her certificate was revoked.
        revoked = Certificate.objects.filter(learner=request.user, course=course).first()
    return render(
        request,
        "elearning/certificate_pending.html",
        {"course": course, "lessons": lessons, "quiz_missing": quiz_missing, "revoked": revoked},
    )


@never_cache
@require_GET
def certificate_pdf(request, code):
    """The PDF, for its learner and for the staff who see her (``cohorts.visible_learners``);
    a 404 for anyone else (and for her, once revoked: a revoked certificate is only shown as
    revoked on the verification page)."""
    normalised = completion.normalise_code(code)
    user = request.user
    if normalised is None or not user.is_authenticated:
        raise Http404
    certificate = (
        Certificate.objects.select_related("learner", "course").filter(code=normalised).first()
    )
    if certificate is None:
        raise Http404
    hers = certificate.learner_id == user.pk and not certificate.is_revoked
    if not hers and not _sees_learner(user, certificate.learner_id):
        raise Http404
    pdf = render_certificate(certificate_content(certificate, request))
    response = HttpResponse(pdf, content_type="application/pdf")
    name = file_name(certificate.course.slug, certificate.display_code)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _sees_learner(user, learner_id):
    """Staff who see her (her cohorts' instructors, superusers); a kept certificate of a
    deleted account (no learner left, hence no cohort) only superusers."""
    if not user.is_staff:
        return False
    if learner_id is None:
        return user.is_superuser
    return cohorts.visible_learners(user).filter(pk=learner_id).exists()


def _client(request):
    return (get_client_ip_address(request) or "unknown")[:64]


@never_cache
@require_GET
def certificate_verify(request):
    """The form: a code as typed, sent to its page (or an error saying what a code is)."""
    typed = request.GET.get("code")
    error = None
    if typed is not None:
        normalised = completion.normalise_code(typed)
        if normalised is not None:
            return redirect("certificate_verify_code", completion.display_code(normalised))
        error = _(
            "A certificate code has 16 letters and digits, for example 7KQ2-M9XD-4HTR-B3WN. "
            "Check what you typed."
        )
    return render(
        request,
        "elearning/certificate_verify.html",
        {"typed": typed or "", "error": error},
        status=400 if error else 200,
    )


@never_cache
@require_GET
def certificate_verify_code(request, code):
    """Valid, revoked or unknown. Too many unknown codes from one client: refused a while."""
    client = _client(request)
    if completion.lookup_refused(client):
        return render(request, "elearning/certificate_verify.html", {"refused": True}, status=429)
    normalised = completion.normalise_code(code)
    if normalised is not None and code != completion.display_code(normalised):
        return redirect("certificate_verify_code", completion.display_code(normalised))
    certificate = None
    if normalised is not None:
        certificate = Certificate.objects.filter(code=normalised).first()
    if certificate is None:
        completion.record_lookup_failure(client)
    return render(
        request,
        "elearning/certificate_verify.html",
        {"typed": code, "checked": True, "certificate": certificate},
        status=200 if certificate else 404,
    )
