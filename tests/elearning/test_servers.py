"""Two app servers behave as one site (issue 16, part 7), on PostgreSQL and Redis.

Runs `bench/servers.py`: two gunicorn servers on two ports of 127.0.0.1, one throw-away
PostgreSQL database and one Redis database, production settings; a learner logs in on one
and continues her attempt on the other, an instructor's edit on one shows on the other at
the next request, and the login lockout is shared. It needs the PostgreSQL server the
PostgreSQL pass of CI uses, and Redis on 127.0.0.1:6379 (both on the CI machine); on SQLite
there is nothing to share between servers and it does not run.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="several app servers share PostgreSQL and Redis (the PostgreSQL pass of CI)",
)
def test_two_servers_behave_as_one_site():
    assert connection.vendor == "postgresql"
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "servers.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    for step in ("== 1.", "== 2.", "== 3.", "== 4.", "behave as one site"):
        assert step in output
    assert "FAILED" not in output
