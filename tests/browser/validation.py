"""The W3C HTML checker (Nu Html Checker, vnu.jar from npm's `vnu-jar`) on every page the
browser tests visit.

The ``page`` fixture hands each HTML document the server sent (as sent, not as the browser
rebuilt it) to the session's ``HtmlChecker``; at the end of the session one run of vnu checks
them all, and any error fails the session, with the page's address, line and message.
`make test` installs vnu-jar (`npm ci`, see the Makefile); it runs with the system's Java 17.
"""

import hashlib
import json
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


class HtmlChecker:
    def __init__(self):
        self.documents = {}  # digest of the HTML -> (first address it was seen at, HTML)

    def add(self, url, html):
        self.documents.setdefault(hashlib.sha256(html).hexdigest(), (url, html))

    def errors(self):
        """vnu's errors, each with the address of the page it was found on."""
        if not self.documents:
            return []
        assert VNU_JAR.is_file(), (
            f"{VNU_JAR} is missing: run `make node_modules/.installed` (npm ci) first"
        )
        with tempfile.TemporaryDirectory() as folder:
            urls = {}
            for number, (digest, (url, html)) in enumerate(sorted(self.documents.items())):
                path = Path(folder) / f"page-{number:04d}-{digest[:8]}.html"
                path.write_bytes(html)
                urls[path.name] = url
            result = subprocess.run(
                ["java", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always",
                 *sorted(str(Path(folder) / name) for name in urls)],
                capture_output=True,
                text=True,
                timeout=600,
            )  # fmt: skip
        try:
            messages = json.loads(result.stderr)["messages"]
        except ValueError:
            raise AssertionError(f"The HTML checker did not run: {result.stderr[-2000:]}") from None
        return [
            {**message, "page": urls.get(Path(message.get("url", "")).name, message.get("url"))}
            for message in messages
            if message["type"] in {"error", "non-document-error"}
        ]


def format_errors(errors):
    lines = [f"{len(errors)} error(s) from the W3C HTML checker:"]
    for error in errors:
        lines.append(f"- {error['page']}, line {error.get('lastLine', '?')}: {error['message']}")
        if error.get("extract"):
            lines.append(f"    {error['extract'].strip()[:160]}")
    return "\n".join(lines)
