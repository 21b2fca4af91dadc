"""A copy of the sample repository with pictures, for the tests and screenshots of images.

The sample content has no pictures (its sources, news articles, provide none), so these are made
here with Pillow: test patterns labelled as such, never presented as a real innovation's photo.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PIL import Image, ImageDraw

from sample_repo import ROOT, copy_sample

INNOVATION = "innovations/kota-batu/adiarta.md"
PHOTO = "images/uji/adiarta-foto.jpg"  # 1600 × 1000, opaque: WebP and JPEG
DIAGRAM = "images/uji/adiarta-bagan.png"  # 500 × 300 with transparency: WebP and PNG
PROGRAM = "content/awards/innovative-government-award/program.yml"
LOGO = "images/uji/logo-uji.png"  # 400 × 400 with transparency, the program's logo
MEDIA = f"""media:
  - image: {PHOTO}
    alt: Gambar uji berwarna dengan tulisan GAMBAR UJI 1600 x 1000
    caption: Gambar uji buatan pengujian (bukan foto inovasi)
  - image: {DIAGRAM}
    alt: Bagan uji transparan dengan tulisan BAGAN UJI
"""


def _photo(path: Path) -> None:
    image = Image.new("RGB", (1600, 1000), "#00695c")
    draw = ImageDraw.Draw(image)
    for i in range(0, 1600, 80):
        draw.rectangle((i, 0, i + 40, 1000), fill=(0, 105 + i % 120, 92 + i % 100))
    draw.ellipse((500, 200, 1100, 800), fill="#ffc107", outline="#3e2723", width=12)
    draw.text((560, 470), "GAMBAR UJI 1600 x 1000", fill="#000000", font_size=48)
    image.save(path, "JPEG", quality=90)


def _diagram(path: Path) -> None:
    image = Image.new("RGBA", (500, 300), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((20, 20, 480, 280), radius=30, fill=(21, 101, 192, 220))
    draw.text((150, 130), "BAGAN UJI", fill="#ffffff", font_size=40)
    image.save(path, "PNG")


def _logo(path: Path) -> None:
    image = Image.new("RGBA", (400, 400), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, 390, 390), fill="#b3541e")
    draw.text((95, 170), "LOGO UJI", fill="#ffffff", font_size=48)
    image.save(path, "PNG")


def with_pictures(target: Path) -> Path:
    """The sample repository copied into `target`, with two pictures on ADIARTA's page and a logo
    for the Innovative Government Award."""
    copy_sample(target)
    shutil.copy(ROOT / "mkdocs.yml", target)
    (target / "content" / PHOTO).parent.mkdir(parents=True)
    _photo(target / "content" / PHOTO)
    _diagram(target / "content" / DIAGRAM)
    _logo(target / "content" / LOGO)
    with (target / PROGRAM).open("a", encoding="utf-8") as program:
        program.write(f"logo: {LOGO}\n")
    page = target / INNOVATION
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("sources:\n", MEDIA + "sources:\n", 1), encoding="utf-8")
    return target
