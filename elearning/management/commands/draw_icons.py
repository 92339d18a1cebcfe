"""Draw the web manifest's PNG icons (``elearning/static/elearning/icons/``) from the
site's favicon design: a pulse line on the brand colour. The PNGs are committed; run this
again after changing the design (``tests/elearning/test_offline.py`` checks they match)."""

from pathlib import Path

from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parents[2] / "static" / "elearning" / "icons"
BRAND = "#0b4f5c"
# favicon.svg's path "M6 20h5l3-9 4 14 3-8h5" in its 32-unit box, and its stroke width.
PULSE = [(6, 20), (11, 20), (14, 11), (18, 25), (21, 17), (26, 17)]
STROKE = 2.5
SUPERSAMPLE = 4

# file name -> (size in pixels, maskable): a maskable icon fills its square and keeps the
# drawing inside the safe zone (the central 80 %), since the platform cuts its own shape.
FILES = {
    "icon-192.png": (192, False),
    "icon-512.png": (512, False),
    "icon-maskable-512.png": (512, True),
}


def draw_icon(size, maskable=False):
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable:
        draw.rectangle((0, 0, big, big), fill=BRAND)
        scale, offset = big * 0.8 / 32, big * 0.1
    else:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 6 / 32, fill=BRAND)
        scale, offset = big / 32, 0
    points = [(offset + x * scale, offset + y * scale) for x, y in PULSE]
    width = round(STROKE * scale)
    draw.line(points, fill="white", width=width, joint="curve")
    for x, y in (points[0], points[-1]):  # round line caps
        draw.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill="white")
    return image.resize((size, size), Image.Resampling.LANCZOS)


class Command(BaseCommand):
    help = "Draw the web manifest's PNG icons from the favicon's design."

    def handle(self, *args, **options):
        ICONS.mkdir(parents=True, exist_ok=True)
        for name, (size, maskable) in FILES.items():
            draw_icon(size, maskable).save(ICONS / name, optimize=True)
            self.stdout.write(f"{ICONS / name}")
