"""Pictures of innovations and programs' logos, resized at build time (Pillow) for `srcset`.

Each image becomes a few widths, in WebP and in its own format (JPEG or PNG) for browsers without
WebP, named by the hash of the file's bytes: an unchanged picture keeps its addresses (and the
visitor's cached copy), and is not processed again. The resized files are kept in the user's cache
folder (`~/.cache/etalase/images`, as the parse cache), never in the repository; deleting it is
always safe. What is written depends only on the file's bytes and Pillow's version, so two builds
are byte-identical.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import PIL
from PIL import Image, ImageDraw, ImageFont, ImageOps

from .parse.cache import cache_home

if TYPE_CHECKING:
    from .records import Innovation, Program

WIDTHS = (320, 640, 1280)
CARD_WIDTH = 320  # the variant shown as an innovation's card on listings
OUTPUT_DIR = "gambar"  # site folder of the resized files
QUALITY = 80
# A change to this code or to Pillow may change the bytes: part of every cache key.
_CODE = hashlib.sha256(Path(__file__).read_bytes() + PIL.__version__.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Variant:
    url: str  # site-relative
    width: int
    height: int


@dataclass(frozen=True)
class Picture:
    image: str  # the file, as the record names it (images/x.jpg)
    alt: str
    caption: Optional[str]
    fallback_type: str  # "image/jpeg" or "image/png"
    webp: tuple[Variant, ...]
    fallback: tuple[Variant, ...]

    @property
    def src(self) -> Variant:
        """The largest fallback: `src`, `width` and `height` of the <img>."""
        return self.fallback[-1]

    @property
    def card(self) -> Variant:
        return next((v for v in self.fallback if v.width >= CARD_WIDTH), self.fallback[-1])

    @staticmethod
    def srcset(variants: tuple[Variant, ...]) -> list[tuple[str, int]]:
        return [(v.url, v.width) for v in variants]


class Pictures:
    """Resizes the images of one repository; `files` collects what the site publishes (path -> bytes)."""

    def __init__(self, content_dir: Optional[Path], cache_dir: Optional[Path] = None):
        self.content_dir = content_dir
        self.cache_dir = cache_dir or cache_home() / "images"
        self.files: dict[str, bytes] = {}
        self.processed = 0  # images resized in this run (not found in the cache)

    def picture(self, image: str, alt: str, caption: Optional[str] = None) -> Optional[Picture]:
        """The resized variants of `content/<image>`; None for a file Pillow cannot read (the
        page then shows the original file as it is)."""
        if self.content_dir is None:
            return None
        try:
            data = (self.content_dir / image).read_bytes()
        except OSError:
            return None
        digest = hashlib.sha256(data).hexdigest()
        key = f"{digest[:32]}-{_CODE}"
        stored = self._cached(key)
        if stored is None:
            try:
                stored = self._resize(data)
            except (OSError, ValueError, Image.DecompressionBombError):
                return None
            self._store(key, stored)
            self.processed += 1
        variants: dict[str, list[Variant]] = {"webp": [], "fallback": []}
        fallback_type = "image/png"
        for name, (width, height, content) in stored.items():
            path = f"{OUTPUT_DIR}/{digest[:16]}-{name}"
            self.files[path] = content
            kind = "webp" if name.endswith(".webp") else "fallback"
            if kind == "fallback" and name.endswith(".jpg"):
                fallback_type = "image/jpeg"
            variants[kind].append(Variant(path, width, height))
        return Picture(image, alt, caption, fallback_type, tuple(variants["webp"]), tuple(variants["fallback"]))

    @staticmethod
    def _resize(data: bytes) -> dict[str, tuple[int, int, bytes]]:
        with Image.open(io.BytesIO(data)) as opened:
            source = ImageOps.exif_transpose(opened)  # a phone's portrait photo stands upright
            opaque = source.mode in ("RGB", "L", "CMYK", "YCbCr", "P") and "transparency" not in source.info
            image = source.convert("RGB" if opaque else "RGBA")
        # Widths up to the original's (never enlarged); a small image keeps its own width only.
        widths = [w for w in WIDTHS if w < image.width] + [min(image.width, WIDTHS[-1])]
        out: dict[str, tuple[int, int, bytes]] = {}
        for width in dict.fromkeys(widths):
            height = max(1, round(image.height * width / image.width))
            resized = image.resize((width, height), Image.Resampling.LANCZOS) if width != image.width else image
            for ext, fmt, options in (("webp", "WEBP", {"quality": QUALITY, "method": 4}),
                                      ("jpg" if opaque else "png", "JPEG" if opaque else "PNG",
                                       {"quality": QUALITY, "optimize": True} if opaque else {"optimize": True})):
                buffer = io.BytesIO()
                resized.save(buffer, fmt, **options)  # no metadata is copied: no camera's GPS position
                out[f"{width}.{ext}"] = (width, height, buffer.getvalue())
        return out

    def _cached(self, key: str) -> Optional[dict[str, tuple[int, int, bytes]]]:
        folder = self.cache_dir / key
        try:
            index = json.loads((folder / "index.json").read_text("utf-8"))
            return {name: (w, h, (folder / name).read_bytes()) for name, (w, h) in index.items()}
        except (OSError, ValueError, TypeError):
            return None

    def _store(self, key: str, stored: dict[str, tuple[int, int, bytes]]) -> None:
        folder = None
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            folder = Path(tempfile.mkdtemp(dir=self.cache_dir))
            for name, (_, _, content) in stored.items():
                (folder / name).write_bytes(content)
            (folder / "index.json").write_text(json.dumps({n: [w, h] for n, (w, h, _) in stored.items()}), "utf-8")
            os.replace(folder, self.cache_dir / key)  # a concurrent build sees all of it or nothing
        except OSError:  # a cache that cannot be written only costs time
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)


class CatalogPictures:
    """The pictures of a catalog's innovations, each resized once per build whichever pages show it."""

    def __init__(self, pictures: Pictures):
        self.pictures = pictures
        self.by_innovation: dict[str, list[Picture]] = {}
        self.published: set[str] = set()

    def of(self, innovation: Innovation) -> list[Picture]:
        found = self.by_innovation.get(innovation.id)
        if found is None:
            found = [picture for media in innovation.media if media.image
                     if (picture := self.pictures.picture(media.image, media.alt or "", media.caption))]
            self.by_innovation[innovation.id] = found
        return found

    def card(self, innovation: Innovation) -> Optional[Variant]:
        """The innovation's first picture at the listings' width."""
        found = self.of(innovation)
        return found[0].card if found else None

    def logo(self, program: Program) -> Optional[Picture]:
        return self.pictures.picture(program.logo, f"Logo {program.name}") if program.logo else None

    def files_of(self, innovation: Innovation) -> dict[str, bytes]:
        """The resized files of the innovation's pictures not yet published with another page."""
        return self.files(self.of(innovation))

    def files(self, pictures: list[Picture]) -> dict[str, bytes]:
        """The resized files of `pictures` not yet published with another page."""
        files = {}
        for picture in pictures:
            for variant in picture.webp + picture.fallback:
                if variant.url not in self.published:
                    self.published.add(variant.url)
                    files[variant.url] = self.pictures.files[variant.url]
        return files


def catalog_pictures(content_dir: Optional[Path] = None) -> CatalogPictures:
    """The pictures of the repository whose content folder is `content_dir`; without one, none
    (the pages then show no pictures, as sections built outside a repository)."""
    return CatalogPictures(Pictures(content_dir))


CARD_SIZE = (1200, 630)  # what Open Graph and Twitter's large cards show


def site_card(name: str, description: str) -> bytes:
    """The link preview picture of pages without one of their own: the site's name and description
    in white on the theme's teal (contrast 5.4:1), in the font Pillow ships (no system font needed)."""
    image = Image.new("RGB", CARD_SIZE, "#00796b")
    draw = ImageDraw.Draw(image)
    title, body = ImageFont.load_default(size=76), ImageFont.load_default(size=38)
    y = 170
    for text, font, gap in ((name, title, 96), *((line, body, 52) for line in _wrap(description, body, draw))):
        draw.text((80, y), text, fill="#ffffff", font=font)
        y += gap
    draw.rectangle((80, 120, 240, 132), fill="#ffc107")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _wrap(text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, draw: ImageDraw.ImageDraw,
          width: int = CARD_SIZE[0] - 160, lines: int = 4) -> list[str]:
    out: list[str] = []
    for word in text.split():
        if out and draw.textlength(f"{out[-1]} {word}", font=font) <= width:
            out[-1] = f"{out[-1]} {word}"
        else:
            out.append(word)
    return out[:lines]
