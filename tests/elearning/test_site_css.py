"""The site's Bootstrap (bootstrap.site.css) is what `make css` builds from the templates as
they are: every Bootstrap class a page uses is in it, and nothing else.

`make test` installs the Node tools first (`node_modules/.installed`); after changing the
classes a template uses, run `make css` and commit the file.
"""

import re
import subprocess
from pathlib import Path

import crispy_bootstrap5
from django.conf import settings

BASE = Path(settings.BASE_DIR)
SITE_CSS = BASE / "elearning/static/vendor/bootstrap/bootstrap.site.css"
CRISPY_TEMPLATES = Path(crispy_bootstrap5.__file__).parent / "templates" / "bootstrap5"


def classes_of(css):
    """The class names a stylesheet's selectors name."""
    without_comments = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    selectors = re.findall(r"([^{}]+)\{", without_comments)
    return {
        name for selector in selectors for name in re.findall(r"\.(-?[_a-zA-Z][\w-]*)", selector)
    }


def build():
    """What `make css` writes, built now."""
    node_modules = BASE / "node_modules" / "purgecss"
    assert node_modules.is_dir(), "The Node tools are missing: run `make node_modules/.installed`"
    return subprocess.run(
        ["node", "tools/build-css.mjs", str(CRISPY_TEMPLATES)],
        cwd=BASE,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout


def test_the_committed_site_css_is_what_make_css_builds():
    built, committed = build(), SITE_CSS.read_text()
    missing = sorted(classes_of(built) - classes_of(committed))
    assert not missing, (
        f"Classes the pages use but missing from {SITE_CSS.name}: {', '.join(missing)}. "
        "Run `make css` and commit the result."
    )
    unused = sorted(classes_of(committed) - classes_of(built))
    assert built == committed, (
        f"{SITE_CSS.name} is out of date (classes no page uses any more: "
        f"{', '.join(unused) or 'none'}). Run `make css` and commit the result."
    )


def test_the_pages_load_the_site_css_not_the_whole_of_bootstrap():
    for name in ("base.html", "500.html"):
        template = (BASE / "templates" / name).read_text()
        assert "bootstrap.site.css" in template and "bootstrap.min.css" not in template, name
