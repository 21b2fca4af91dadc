"""The browser editor's configuration follows the models, the reference data and mkdocs.yml.

`python build.py cms` writes content/admin/config.yml; a build publishes the same text at
/admin/config.yml. These tests fail while either is stale, and show that a change to a model
(a new enum value) makes the committed file stale.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from etalase.cms import CONFIG_FILE, CmsError, CmsSettings, Fields, References, config
from etalase.labels import LABELS
from etalase.records import Innovation
from etalase.schema import BY_NAME, schema_of
from etalase.site import admin
from etalase.validate import check_repository

from sample_repo import ROOT, cli, copy_sample


def cms_repo(tmp_path: Path) -> Path:
    root = copy_sample(tmp_path / "repo")
    shutil.copy(ROOT / "mkdocs.yml", root)
    return root


def run_cms(root: Path) -> subprocess.CompletedProcess:
    run = cli(root, "cms")
    assert "Traceback" not in run.stderr, run.stderr
    return run


def collection(data: dict, name: str) -> dict:
    return next(c for c in data["collections"] if c["name"] == name)


def field(fields: list[dict], name: str) -> dict:
    return next(f for f in fields if f["name"] == name)


def test_committed_config_equals_freshly_generated(tmp_path):
    root = cms_repo(tmp_path)
    (root / CONFIG_FILE).unlink()
    run = run_cms(root)
    assert run.returncode == 0 and f"diperbarui: {CONFIG_FILE}" in run.stdout, run.stdout + run.stderr
    assert (root / CONFIG_FILE).read_bytes() == (ROOT / CONFIG_FILE).read_bytes(), "stale: run python build.py cms"
    assert f"tidak berubah: {CONFIG_FILE}" in run_cms(root).stdout


def test_built_site_publishes_the_committed_config(built_site):
    assert (built_site / "admin" / "config.yml").read_bytes() == (ROOT / CONFIG_FILE).read_bytes()
    page = (built_site / "admin" / "index.html").read_text(encoding="utf-8")
    assert '<script src="decap/decap-cms.js"></script>' in page and 'href="config.yml"' in page
    vendored = built_site / "admin" / "decap"
    assert (vendored / "LICENSE").is_file() and (vendored / "decap-cms.js.LICENSE.txt").is_file()
    assert json.loads((vendored / "package.json").read_text())["version"] == admin.vendored_version()


def test_vendored_decap_is_the_pinned_npm_version():
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"]["decap-cms"]
    assert admin.vendored_version() == pinned, "run make decap after changing package.json"
    assert f"decap-cms {pinned}" in (admin.VENDOR / "decap-cms.js").read_text(encoding="utf-8", errors="replace")
    installed = ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js"
    assert installed.read_bytes() == (admin.VENDOR / "decap-cms.js").read_bytes(), "vendored file = npm's"


def test_a_new_enum_value_makes_the_committed_config_stale(tmp_path):
    """A model gains a value (as another engineer might add one, with its label): the generated file
    changes, the check fails. The change is made to a copy of the package's source."""
    root = cms_repo(tmp_path)
    package = tmp_path / "package" / "etalase"
    shutil.copytree(ROOT / "plugins" / "etalase", package, ignore=shutil.ignore_patterns("decap", "__pycache__"))
    for name, old, new in (
        ("records/innovation.py", 'InnovationType = Literal["digital", "non-digital"]',
         'InnovationType = Literal["digital", "non-digital", "hibrida"]'),
        ("labels.py", '"type": {"digital": "Digital", "non-digital": "Non-digital"}',
         '"type": {"digital": "Digital", "non-digital": "Non-digital", "hibrida": "Hibrida"}'),
    ):
        text = (package / name).read_text(encoding="utf-8")
        assert old in text, f"{name} changed: update this test"
        (package / name).write_text(text.replace(old, new), encoding="utf-8")
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(package.parent)!r})
        from etalase.cli import main
        assert sys.modules["etalase"].__file__.startswith({str(package)!r})  # the changed copy
        sys.argv = ["build.py", "--root", {str(root)!r}, "cms"]
        main()
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert f"diperbarui: {CONFIG_FILE}" in run.stdout, run.stdout + run.stderr
    generated = yaml.safe_load((root / CONFIG_FILE).read_text(encoding="utf-8"))
    options = field(collection(generated, "innovations")["fields"], "type")["options"]
    assert {"label": "Hibrida", "value": "hibrida"} in options
    assert (root / CONFIG_FILE).read_bytes() != (ROOT / CONFIG_FILE).read_bytes(), "the staleness check would fail"


def test_widgets_follow_the_models():
    data = yaml.safe_load((ROOT / CONFIG_FILE).read_text(encoding="utf-8"))
    assert data["publish_mode"] == "editorial_workflow" and data["locale"] == "id"
    assert data["media_folder"] == "content/images" and data["public_folder"] == "images"
    fields = collection(data, "innovations")["fields"]
    assert [f["name"] for f in fields] == [*Innovation.model_fields, "body"], "every field, in the model's order"
    schema = schema_of(BY_NAME["innovation"])
    for name, prop in schema["properties"].items():
        assert field(fields, name)["required"] == (name in schema["required"])
        assert field(fields, name)["hint"] == prop["description"], "the Indonesian description is the hint"
    assert field(fields, "form")["options"] == [{"label": label, "value": value} for value, label in LABELS["form"].items()]
    assert field(fields, "title")["pattern"][0] == r"^[\s\S]{0,120}$"
    assert field(fields, "summary")["widget"] == "text"
    assert field(fields, "sectors")["multiple"] and field(fields, "sectors")["min"] == 1
    media = field(fields, "media")
    assert field(media["fields"], "image")["widget"] == "image" and field(media["fields"], "video")["pattern"]
    assert field(field(fields, "sources")["fields"], "date")["widget"] == "datetime"
    assert [f["file"] for f in collection(data, "programs")["files"]] == sorted(
        p.relative_to(ROOT).as_posix() for p in (ROOT / "content" / "awards").glob("*/program.yml"))
    files = collection(data, "editions")["files"]
    assert sorted(f["file"] for f in files) == sorted(
        p.relative_to(ROOT).as_posix() for p in (ROOT / "content" / "awards").glob("*/[0-9]*.yml"))
    edition = next(f for f in files if f["name"] == "innovative-government-award-2020")["fields"]
    recipients = field(field(edition, "winners")["fields"], "recipients")
    assert recipients["min"] == 1
    assert field(recipients["fields"], "innovation") | {"hint": ""} == field(recipients["fields"], "innovation") | {
        "widget": "relation", "collection": "innovations", "value_field": "{{slug}}", "hint": ""}
    assert field(field(edition, "stages")["fields"], "kind")["options"][0] == {"label": "Sosialisasi", "value": "sosialisasi"}
    # One key, two meanings: each labelled for its record.
    assert field(field(edition, "stages")["fields"], "kind")["label"] == "Jenis tahap"
    evidence = field(fields, "evidence")["fields"]
    assert field(evidence, "kind")["label"] == "Jenis dokumen"
    assert field(evidence, "kind")["options"][0] == {"label": LABELS["evidence_kind"]["sk"], "value": "sk"}


def test_each_year_of_the_innovation_index_is_editable():
    data = yaml.safe_load((ROOT / CONFIG_FILE).read_text(encoding="utf-8"))
    files = collection(data, "indexes")["files"]
    assert [f["file"] for f in files] == sorted(
        (p.relative_to(ROOT).as_posix() for p in (ROOT / "content" / "indeks").glob("[0-9]*.yml")), reverse=True)
    assert files[0]["label"] == "Indeks Inovasi Daerah 2020 (Innovative Government Award 2020)"
    fields = files[0]["fields"]
    assert fields[0]["comment"] == "yaml-language-server: $schema=../../schemas/index.schema.json"
    scores = field(fields, "scores")
    assert scores["required"] and scores["min"] == 1
    assert field(scores["fields"], "region")["options"] == field(collection(data, "innovations")["fields"], "region")["options"]
    assert field(scores["fields"], "score") | {"hint": ""} == {
        "name": "score", "label": "Nilai indeks", "required": False, "widget": "number", "value_type": "float",
        "step": 0.01, "min": 0, "max": 100, "hint": ""}
    assert [o["value"] for o in field(scores["fields"], "predicate")["options"]] == list(LABELS["predicate"])


def test_regions_and_sectors_are_read_from_the_files(tmp_path):
    """The selects offer what content/regions.yml and sectors.yml hold, not a list in the code."""
    root = cms_repo(tmp_path)
    regions = root / "content" / "regions.yml"
    regions.write_text(regions.read_text(encoding="utf-8") + '- code: "34.04"\n  name: Kabupaten Sleman\n  kind: kabupaten\n',
                       encoding="utf-8")
    assert run_cms(root).returncode == 0
    data = yaml.safe_load((root / CONFIG_FILE).read_text(encoding="utf-8"))
    innovations = collection(data, "innovations")
    assert {"label": "Kabupaten Sleman (34.04)", "value": "34.04"} in field(innovations["fields"], "region")["options"]
    assert {"label": "Kabupaten Sleman", "value": "kabupaten-sleman"} in innovations["meta"]["path"]["options"]
    sectors = yaml.safe_load((root / "content" / "sectors.yml").read_text(encoding="utf-8"))
    assert [o["value"] for o in field(innovations["fields"], "sectors")["options"]] == [s["id"] for s in sectors]


def test_backends_from_the_settings_block(tmp_path):
    root = cms_repo(tmp_path)
    mkdocs = root / "mkdocs.yml"
    text = mkdocs.read_text(encoding="utf-8")
    mkdocs.write_text(text.replace("backend: github ", "backend: gitlab\n        app_id: abc123\n        #", 1)
                      .replace("repo: pemilik/repositori", "repo: pemkot/etalase"), encoding="utf-8")
    assert run_cms(root).returncode == 0
    backend = yaml.safe_load((root / CONFIG_FILE).read_text(encoding="utf-8"))["backend"]
    assert backend | {"commit_messages": None} == {"name": "gitlab", "repo": "pemkot/etalase", "branch": "main",
                                                    "squash_merges": True, "auth_type": "pkce", "app_id": "abc123",
                                                    "commit_messages": None}
    mkdocs.write_text(text.replace("backend: github ", "backend: gitlab #", 1), encoding="utf-8")
    run = run_cms(root)
    assert run.returncode == 1 and "cms.app_id wajib untuk backend gitlab" in run.stderr


def test_a_field_type_without_a_widget_fails_loudly():
    refs = References.of(check_repository(ROOT).catalog)
    with pytest.raises(CmsError, match="kolom innovation.where: tipe .*belum punya widget"):
        Fields("innovation", {"properties": {"where": {"type": "object"}}}, refs).widgets()
    with pytest.raises(CmsError, match="tidak punya label"):
        Fields("innovation", {"properties": {"mood": {"enum": ["a", "b"]}}}, refs).widgets()
    # A plain text field added to a model gets a text box, labelled from its key.
    added = Fields("innovation", {"properties": {"budget_source": {"type": "string", "description": "Sumber dana."}}},
                   refs).widgets()
    assert added == [{"name": "budget_source", "label": "Budget source", "required": False, "widget": "string",
                      "hint": "Sumber dana."}]
    assert config(CmsSettings(), refs)["collections"][0]["name"] == "innovations"
