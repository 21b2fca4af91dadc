"""`content/regions.yml` made from the official list of areas (`python build.py regions`).

The list is the idn-area-data release copied into `data/idn-area-data/` (ODbL 1.0): every province
and every city and regency with its Kemendagri code, names in capitals. Names are written here as
people write them ("Kabupaten Aceh Selatan"); where the showcase has long used another spelling,
that spelling stays the name (its URLs are built from it) and the official one becomes an alias.
A new regulation is one command: replace the CSV files, run `python build.py regions`.
"""

from __future__ import annotations

import csv
from pathlib import Path

from .loader import REGIONS_FILE

AREA_DIR = "data/idn-area-data"
# The attribution the licence asks for (shown on /data/ and in the README).
SOURCE = {
    "what": "Kode dan nama wilayah (38 provinsi, 514 kota dan kabupaten)",
    "name": "idn-area-data 3.1.2",
    "author": "Fityan Nugroho",
    "url": "https://github.com/fityannugroho/idn-area-data",
    "licence": "Open Database License 1.0",
    "licence_url": "https://opendatacommons.org/licenses/odbl/1-0/",
}

# Established spellings of the showcase that differ from the official name (slugs and URLs follow them).
NAMES = {"34": "DI Yogyakarta", "19.71": "Kota Pangkalpinang"}
# Other ways people write a region, beyond what the name lookup already accepts (regionnames.py).
ALIASES = {"34": ["DIY"]}
_WORDS = {"DKI": "DKI", "DAN": "dan"}

_HEADER = """\
# yaml-language-server: $schema=../schemas/regions.schema.json
# Semua wilayah dengan kode resmi Kemendagri: 38 provinsi, 514 kota dan kabupaten.
# Dibuat oleh `python build.py regions` dari data/idn-area-data/ (idn-area-data 3.1.2,
# github.com/fityannugroho/idn-area-data), di bawah Open Database License 1.0; daftar ini, sebagai
# turunannya, juga di bawah ODbL 1.0. Jangan diubah dengan tangan: ubah data/idn-area-data/ atau
# NAMES/ALIASES di plugins/etalase/areadata.py, lalu jalankan perintah itu lagi.
"""


def people_name(official: str) -> str:
    """`KABUPATEN PANGKAJENE DAN KEPULAUAN` → `Kabupaten Pangkajene dan Kepulauan`."""
    return " ".join(_WORDS.get(word, word.capitalize()) for word in official.split())


def official_regions(root: Path) -> list[dict[str, str]]:
    """Provinces, then cities and regencies, each as the official list gives it (code, name, kind)."""
    folder = root / AREA_DIR
    with open(folder / "provinces.csv", encoding="utf-8", newline="") as file:
        regions = [{"code": row["code"], "name": row["name"], "kind": "provinsi"} for row in csv.DictReader(file)]
    with open(folder / "regencies.csv", encoding="utf-8", newline="") as file:
        regions += [{"code": row["code"], "name": row["name"], "kind": row["name"].split()[0].lower()}
                    for row in csv.DictReader(file)]
    return regions


def regions_text(root: Path) -> str:
    lines = []
    for region in official_regions(root):
        official = people_name(region["name"])
        name = NAMES.get(region["code"], official)
        aliases = ([official] if official != name else []) + ALIASES.get(region["code"], [])
        # Written by hand in the layout editors know, the code quoted ("35.79" unquoted is a number).
        lines += [f"- code: \"{region['code']}\"", f"  name: {name}", f"  kind: {region['kind']}"]
        lines += [f"  aliases: [{', '.join(aliases)}]"] if aliases else []
    return _HEADER + "\n" + "\n".join(lines) + "\n"


def write_regions(root: Path) -> bool:
    """Rewrite content/regions.yml from the official list; whether it changed."""
    target = root / REGIONS_FILE
    text = regions_text(root)
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        return False
    target.write_text(text, encoding="utf-8")
    return True
