"""Helpers for the browser tests: axe checks, keyboard focus, names in both languages."""

import re
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

COURSE_SLUG = "secousses-dans-la-jambe-fasciculations"
COURSE_TITLE = "Secousses dans la jambe (fasciculations)"
STRONG_PASSWORD = "Perfusion-Garde-2024!"

# Accessible names that hold in English and in French, compiled catalogues or not.
SIGN_UP = re.compile(r"^\s*(Sign up|S['’]inscrire|Inscription|Créer un compte)\s*$", re.I)
CREATE_ACCOUNT = re.compile(r"Create my account|Créer mon compte", re.I)
LOG_IN = re.compile(r"^\s*(Log in|Se connecter|Connexion)\s*$", re.I)
START_COURSE = re.compile(r"Start the course|Commencer le cours", re.I)
MARK_DONE = re.compile(r"Mark as done|Marquer comme terminée", re.I)
MY_DASHBOARD = re.compile(r"My dashboard|Mon tableau de bord", re.I)
PERCENT_100 = re.compile(r"100\s*%")

_axe = Axe()


# A phone, as the pages are checked on it: 390 x 844 CSS pixels, touch, French.
PHONE = {"width": 390, "height": 844}
PHONE_CONTEXT = {
    "locale": "fr-FR",
    "viewport": PHONE,
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}


class AxeGuard:
    """Records the documents a page loads, the ones axe checked, and any 5xx answer."""

    def __init__(self, page):
        self.unchecked = []
        self.checked = []
        self.exempt_paths = []
        self.server_errors = []
        self.console_errors = []
        self.documents = []  # (address, HTML as the server sent it), for the HTML checker
        page.axe_guard = self
        page.on("load", self._on_load)
        page.on("response", self._on_response)
        # Scripts that fail, and anything the Content-Security-Policy blocks, land here.
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        page.on("console", self._on_console)

    def _on_load(self, loaded):
        path = urlsplit(loaded.url).path
        if not any(path.startswith(prefix) for prefix in self.exempt_paths):
            self.unchecked.append(loaded.url)

    def _on_console(self, message):
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location.get('url')})")

    def _on_response(self, response):
        if response.status >= 500:
            self.server_errors.append(f"{response.status} {response.url}")
        is_html = response.headers.get("content-type", "").startswith("text/html")
        redirect = 300 <= response.status < 400
        if response.request.resource_type == "document" and is_html and not redirect:
            self.documents.append((response.url, response.body()))

    def mark_checked(self, url):
        self.checked.append(url)
        self.unchecked.clear()


def exempt_admin_from_axe(page):
    """From now on, the page's admin documents (under /admin/) need no axe check.

    The issue puts the admin aside: its markup is Django's, not the site's. Server errors
    and console errors (a script failing, a CSP block) on admin pages still fail the test.
    """
    page.axe_guard.exempt_paths.append("/admin/")


def format_violations(url, violations):
    lines = [f"{len(violations)} WCAG 2.1 A/AA violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact')}): {violation['help']}")
        lines.append(f"  {violation.get('helpUrl', '')}")
        for node in violation["nodes"]:
            lines.append(f"    target: {', '.join(map(str, node['target']))}")
            lines.append(f"      html: {node.get('html', '')[:200]}")
            summary = node.get("failureSummary")
            if summary:
                lines.append("      " + summary.replace("\n", "\n      "))
    return "\n".join(lines)


def assert_accessible(page):
    """Run axe on the page as it is now; fail with a readable list of any violation."""
    page.wait_for_load_state("load")
    results = _axe.run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    guard = getattr(page, "axe_guard", None)
    if guard is not None:
        guard.mark_checked(page.url)
    violations = results.response["violations"]
    assert not violations, format_violations(page.url, violations)


def is_focused(locator):
    return locator.evaluate("element => element === document.activeElement")


def describe_focus(page):
    return page.evaluate(
        "() => document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : null"
    )


def tab_to(page, target, max_presses=100, backwards=False):
    """Press Tab (or Shift+Tab) until ``target`` has the focus; return the presses needed.

    ``target`` is a Locator matching one element, or a callable taking the page.
    """
    matches = target if callable(target) else (lambda _page: is_focused(target))
    key = "Shift+Tab" if backwards else "Tab"
    for presses in range(max_presses + 1):
        if matches(page):
            return presses
        page.keyboard.press(key)
    raise AssertionError(
        f"{target} not reached after {max_presses} presses of {key}; "
        f"the focus is on {describe_focus(page)}"
    )


def assert_visible_focus(page):
    """The focused element matches :focus-visible and draws an outline or a box-shadow."""
    style = page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {
                html: el.outerHTML.slice(0, 120),
                outlineStyle: style.outlineStyle,
                outlineWidth: parseFloat(style.outlineWidth) || 0,
                boxShadow: style.boxShadow,
                focusVisible: el.matches(':focus-visible'),
            };
        }"""
    )
    outline = style["outlineStyle"] != "none" and style["outlineWidth"] > 0
    shadow = style["boxShadow"] not in ("", "none")
    assert style["focusVisible"], f"The focused element does not match :focus-visible: {style}"
    assert outline or shadow, f"The focused element shows no focus indicator: {style}"


def url_is(base_url, path):
    """A matcher for the page's URL: exactly this path on the live server, no query string."""
    return re.compile("^" + re.escape(base_url + path) + "$")


def log_in(page, base_url, email, password, then="/dashboard/"):
    """Log in through the login form (checked with axe), and wait for the page ``then``."""
    page.goto("/accounts/login/")
    assert_accessible(page)
    form = page.locator("main form")
    form.locator("input[name=username]").fill(email)
    form.locator("input[name=password]").fill(password)
    form.get_by_role("button", name=LOG_IN).click()
    page.wait_for_url(url_is(base_url, then))
