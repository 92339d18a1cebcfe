"""What a production site needs from its settings: a health check probes can reach by the
server's address, and a canonical SITE_URL (checked by ``check --deploy``, never replaced by
a development address on a certificate)."""

import io
import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.checks import run_checks
from pypdf import PdfReader

from elearning.models import Certificate
from tests.elearning.flows import read_all_lessons, take_final
from tests.elearning.test_settings import PRODUCTION_ENV, run_django


def check_deploy(tmp_path, **env):
    production = {k: v for k, v in PRODUCTION_ENV.items() if k != "SITE_URL"}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=settings.BASE_DIR,
        env={
            "PATH": os.environ["PATH"],
            "SQLITE_PATH": str(tmp_path / "db"),
            **production,
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_fails_in_production_without_a_site_url(tmp_path):
    result = check_deploy(tmp_path)
    assert result.returncode != 0
    assert "elearning.E001" in result.stderr
    assert "SITE_URL is unset" in result.stderr


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000",
        "http://localhost:8000",
        "http://[::1]:8000",
        "http://0.0.0.0",
        "https://127.0.1.1",
        "http://formation.localhost",
    ],
)
def test_check_deploy_fails_in_production_with_a_local_site_url(tmp_path, url):
    result = check_deploy(tmp_path, SITE_URL=url)
    assert result.returncode != 0
    assert "elearning.E001" in result.stderr


def test_check_deploy_passes_with_the_school_address(tmp_path):
    result = check_deploy(tmp_path, SITE_URL="https://formation.example.org")
    assert result.returncode == 0, result.stderr


def test_the_site_url_check_is_quiet_in_development(settings):
    settings.DEBUG = True
    settings.SITE_URL = "http://127.0.0.1:8000"
    errors = [e for e in run_checks(include_deployment_checks=True) if e.id == "elearning.E001"]
    assert errors == []


HEALTH_PROBE = """
import json
from django.core.management import call_command
from django.test import Client

call_command("migrate", verbosity=0)
client = Client()
by_address = client.get("/healthz", HTTP_HOST="10.0.0.5:8000")
by_address_https = client.get("/healthz", HTTP_HOST="10.0.0.5", secure=True)
page_by_address = client.get("/", HTTP_HOST="10.0.0.5:8000", secure=True)
print(json.dumps({
    "health": [by_address.status_code, by_address.json()],
    "health_https": by_address_https.status_code,
    "page": page_by_address.status_code,
}))
"""


def test_healthz_answers_a_probe_naming_the_server_by_its_address_in_production(tmp_path):
    result = run_django(HEALTH_PROBE, PRODUCTION_ENV, tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["health"] == [200, {"status": "ok", "database": "ok"}]
    assert report["health_https"] == 200
    # Every other page still refuses a Host that is not the site's.
    assert report["page"] == 400


@pytest.mark.django_db
def test_healthz_answers_whatever_the_host(client):
    assert client.get("/healthz", HTTP_HOST="192.0.2.7:8000").status_code == 200
    assert client.get("/", HTTP_HOST="192.0.2.7:8000").status_code == 400


def pdf_text(response):
    return PdfReader(io.BytesIO(response.content)).pages[0].extract_text()


@pytest.mark.django_db
def test_the_certificate_of_a_production_site_without_site_url_prints_no_local_address(
    client, settings, learner, quiz_course
):
    settings.SITE_URL = ""  # production's value when the variable is unset
    settings.ALLOWED_HOSTS = ["formation.example.org", "testserver"]
    client.force_login(learner)
    host = {"HTTP_HOST": "formation.example.org", "secure": True}
    read_all_lessons(client, quiz_course)
    take_final(client, quiz_course)
    certificate = Certificate.objects.get(learner=learner)
    response = client.get(f"/certificates/{certificate.display_code}/pdf/", **host)
    text = pdf_text(response)
    assert "127.0.0.1" not in text
    assert f"https://formation.example.org/certificates/verify/{certificate.display_code}/" in (
        text.replace("\n", "")
    )


def test_production_has_no_development_site_url_by_default(tmp_path):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SITE_URL"}
    result = run_django("from django.conf import settings\nprint(repr(settings.SITE_URL))", env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "''"
