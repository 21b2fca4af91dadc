"""The editor's guide (content/panduan/): its examples are real, its pages build cleanly and link."""

import json
import re
import shlex
import typing
import urllib.parse
from pathlib import Path

from bs4 import BeautifulSoup

from etalase.problems import Problem
from etalase.records import Edition, Innovation, InnovationIndex, Program, Region, Sector
from etalase.validate import check_repository

from sample_repo import ROOT, cli, copy_sample, repo, unexpected  # noqa: F401  (repo is a fixture)

GUIDE = ROOT / "content/panduan"
ERROR_LINE = re.compile(r"^\S+:\d+:\d+: (error|warning): ")


def page(name: str) -> str:
    return (GUIDE / name).read_text(encoding="utf-8")


def blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", text, re.S | re.M)


def validate(repo: Path) -> list[dict]:
    run = cli(repo, "validate", "--format", "json")
    return unexpected(json.loads(run.stdout))


def test_complete_example_files_are_valid(repo):
    text = page("menambah-inovasi.md")
    innovation = "innovations/kota-batu/antrean-puskesmas-daring.md"
    assert f"`{innovation}`" in text
    (repo / innovation).write_text(blocks(text, "markdown")[0], encoding="utf-8")
    text = page("menambah-penghargaan.md")
    program, edition = (b for b in blocks(text, "yaml") if "$schema=" in b.splitlines()[0])
    folder = "content/awards/penghargaan-inovasi-contoh"
    assert f"`{folder}/program.yml`" in text and f"`{folder}/2021.yml`" in text
    (repo / folder).mkdir()
    (repo / folder / "program.yml").write_text(program, encoding="utf-8")
    (repo / folder / "2021.yml").write_text(edition, encoding="utf-8")
    assert validate(repo) == []
    catalog = check_repository(repo).catalog
    assert "kota-batu/antrean-puskesmas-daring" in catalog.innovations
    example_awards = [a for a in catalog.awards if a.edition.program == "penghargaan-inovasi-contoh"]
    kinds = {(a.recipient.innovation is not None, a.recipient.unit is not None) for a in example_awards}
    assert kinds == {(True, False), (False, True)} and len(example_awards) == 3


# Each example of membaca-kesalahan.md is the sample content with one line changed.
MUTATIONS = [
    ("innovations/kota-batu/adiarta.md", "type: digital", "type: digitl"),
    ("innovations/kota-batu/adiarta.md", 'region: "35.79"', "region: 35.79"),
    ("innovations/kota-batu/adiarta.md", "summary: >-", "sumary: >-"),
    ("innovations/kota-batu/adiarta.md", "sectors: [kearsipan, pertanahan]", "sectors: [kearsipan, pertanahan"),
    ("content/awards/kompetisi-inovasi-pelayanan-publik-kota-batu/2020.yml", "date: 2021-02-17", "date: 2021-02-30"),
    ("content/awards/kompetisi-inovasi-pelayanan-publik-kota-batu/2020.yml",
     "innovation: kota-batu/adiarta", "innovation: kota-batu/adiartta"),
]


def test_error_examples_are_what_the_validator_prints(tmp_path):
    shown = {line for block in blocks(page("membaca-kesalahan.md"), "text") for line in block.splitlines()
             if ERROR_LINE.match(line)}
    printed = set()
    for index, (rel, old, new) in enumerate(MUTATIONS):
        copy = copy_sample(tmp_path / str(index))
        text = (copy / rel).read_text(encoding="utf-8")
        assert text.count(old) == 1
        (copy / rel).write_text(text.replace(old, new), encoding="utf-8")
        run = cli(copy, "validate", "--format", "json")
        assert run.returncode == 1
        printed |= {Problem(**p).as_text() for p in unexpected(json.loads(run.stdout))}
    assert shown == printed


def test_new_innovation_transcript_and_command_are_real(repo, tmp_path):
    text = page("menambah-inovasi.md")
    transcript = next(b for b in blocks(text, "text") if b.startswith("Nama inovasi:"))
    lines = transcript.splitlines()
    asked = [line.split(": ", 1) for line in lines if not line.startswith(("  ", "Berkas", "Lengkapi"))]
    run = cli(repo, "new", "innovation", stdin="".join(answer + "\n" for _, answer in asked))
    assert run.returncode == 0, run.stderr
    refusals = [line.strip() for line in lines if line.startswith("  ")]
    assert refusals and all(refusal in run.stderr for refusal in refusals)
    # Without a terminal the answers are not echoed: the prompts run together, then the result.
    done = [line for line in lines if line.startswith(("Berkas", "Lengkapi"))]
    assert run.stdout == "".join(f"{prompt}: " for prompt, _ in asked) + "\n".join(done) + "\n"

    command = next(b for b in blocks(text, "text") if b.startswith("python build.py new innovation --"))
    args = shlex.split(command.replace("\\\n", " "))[2:]
    other = copy_sample(tmp_path / "other")
    run = cli(other, *args)
    assert run.returncode == 0, run.stderr
    assert "Berkas dibuat: innovations/kota-batu/antrean-puskesmas-daring.md" in run.stdout
    assert validate(other) == []


def test_new_edition_command_is_real(repo):
    command = next(b for b in blocks(page("menambah-penghargaan.md"), "text") if b.startswith("python build.py new"))
    run = cli(repo, *shlex.split(command)[2:])
    assert run.returncode == 0, run.stderr
    assert validate(repo) == []


def test_guide_builds_strictly_and_names_every_field(tmp_path):
    site = tmp_path / "site"
    run = cli(ROOT, "build", "--site-dir", str(site))
    assert run.returncode == 0, run.stderr
    assert "WARNING" not in run.stderr
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    tab = next(a for a in home.select(".md-tabs__link") if a.get_text(strip=True) == "Panduan")
    assert (site / urllib.parse.urljoin("x/", tab["href"]).removeprefix("x/") / "index.html").resolve() == \
        (site / "panduan/index.html").resolve()
    pages = sorted((site / "panduan").glob("**/index.html"))
    # Every page of the guide, and the generated one of open data questions (panduan/pertanyaan-data/).
    assert len(pages) == len(list(GUIDE.glob("*.md"))) + 1
    for html in pages:
        article = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select_one("article")
        for link in article.select("a[href]"):
            href = urllib.parse.urlparse(link["href"])
            if href.scheme or not href.path:
                continue
            target = (html.parent / href.path).resolve()
            assert (target / "index.html" if target.is_dir() else target).is_file(), f"{html}: {link['href']}"
    reference = BeautifulSoup((site / "panduan/referensi-kolom/index.html").read_text(encoding="utf-8"), "html.parser")
    documented = {code.get_text() for row in reference.select("table tr") for code in row.select("td:first-child code")}
    models = [Innovation, Edition, Program, Region, Sector, InnovationIndex]
    fields = {name for model in models for name in _all_fields(model)}
    assert fields <= documented
    type_row = next(row for row in reference.select("table tr") if row.select_one("td:first-child code")
                    and row.select_one("td:first-child code").get_text() == "type")
    assert "non-digital (Non-digital)" in type_row.get_text()


def _all_fields(model) -> set[str]:
    names = set()
    stack = [model]
    while stack:
        current = stack.pop()
        for name, info in current.model_fields.items():
            names.add(name)
            stack += [arg for arg in _types(info.annotation) if isinstance(arg, type) and hasattr(arg, "model_fields")]
    return names


def _types(annotation) -> list:
    found, stack = [], [annotation]
    while stack:
        current = stack.pop()
        found.append(current)
        stack += list(typing.get_args(current))
    return found


def test_every_choice_of_the_records_has_its_labels():
    """The guide and the editor name each allowed value with its label; a type that gains a value keeps its table."""
    from etalase.labels import CHOICES, LABELS

    assert len(CHOICES) == 12  # the innovation, award and reference choices, the evidence, budget, status and index ones
    for values, field in CHOICES.items():
        assert set(values) <= set(LABELS[field]), f"{field}: a value without an Indonesian label"
