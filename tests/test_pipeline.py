"""The publishing pipeline: CI files, the steps they run, partial validation, the change summary.

The workflow steps are read out of the workflow files and run here in the same order, in a real git
repository holding a copy of the sample content, so the test follows any later edit of the files.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from sample_repo import known_warning, unexpected

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
PR_WORKFLOW = WORKFLOWS / "periksa.yml"
DEPLOY_WORKFLOW = WORKFLOWS / "terbitkan.yml"
BIN = Path(sys.executable).parent  # the venv's python, actionlint and shellcheck
GIT_ENV = {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}
PROBLEM_LINE = re.compile(r"^(\S+):(\d+):(\d+): (error|warning): ", re.M)


# -- a git repository with the sample content -----------------------------------------------


class Repo:
    def __init__(self, path: Path):
        self.path = path
        for name in ("build.py", "mkdocs.yml"):
            shutil.copy(ROOT / name, path / name)
        for name in ("content", "innovations", "overrides"):
            if (ROOT / name).is_dir():
                shutil.copytree(ROOT / name, path / name)
        self.git("init", "-q", "-b", "main")
        self.commit("sample content")

    def git(self, *args: str) -> str:
        result = subprocess.run(["git", *args], cwd=self.path, capture_output=True, text=True,
                                env={**os.environ, **GIT_ENV}, check=True)
        return result.stdout.strip()

    def commit(self, message: str) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD")

    def cli(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "build.py", *args], cwd=self.path, capture_output=True, text=True)

    def innovation(self, rel: str, **fields: str) -> Path:
        """A copy of a sample innovation at `rel` with some front matter fields replaced."""
        text = (ROOT / "innovations/kota-batu/tv-desa.md").read_text("utf-8")
        for key, value in fields.items():
            text, count = re.subn(rf"(?m)^{key}: .*$", f"{key}: {value}", text)
            assert count == 1, key
        path = self.path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
        return path

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.path / rel
        text = path.read_text("utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), "utf-8")

    def title(self, rel: str) -> str:
        return re.search(r"(?m)^title: (.*)$", (self.path / rel).read_text("utf-8")).group(1)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    (tmp_path / "repo").mkdir()
    return Repo(tmp_path / "repo")


def problems(result: subprocess.CompletedProcess) -> list[tuple[str, int]]:
    """(file, line) of each problem printed, but the sample's known warnings (sample_repo.known_warning)."""
    return [(m.group(1), int(m.group(2))) for m in PROBLEM_LINE.finditer(result.stdout)
            if not known_warning(m.group(4), result.stdout[m.end():].split("\n", 1)[0])]


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in line)


def break_pull_request(repo: Repo, count: int) -> None:
    """More broken innovations than GitHub annotates, and a deleted innovation an edition still names."""
    for index in range(count):
        repo.innovation(f"innovations/kota-batu/rusak-{index:02d}.md", region='"99.99"')
    (repo.path / "innovations/kota-batu/tv-desa.md").unlink()


# -- the workflow files ----------------------------------------------------------------------


def load_workflow(path: Path) -> dict:
    # YAML 1.1 reads the key `on` as True.
    return {("on" if key is True else key): value for key, value in yaml.safe_load(path.read_text("utf-8")).items()}


def test_workflows_pass_actionlint(tmp_path: Path):
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}  # actionlint runs shellcheck on run: steps
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert [f.name for f in files] == ["periksa.yml", "terbitkan.yml"]
    result = subprocess.run([str(BIN / "actionlint"), "-no-color", "-oneline", *map(str, files)],
                            capture_output=True, text=True, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    # The linter and its shell check really run: an unquoted variable in a copy is reported.
    broken = tmp_path / ".github" / "workflows" / "periksa.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(PR_WORKFLOW.read_text("utf-8").replace('"$RUNNER_TEMP/situs"', "$RUNNER_TEMP/situs"), "utf-8")
    result = subprocess.run([str(BIN / "actionlint"), "-no-color", "-oneline", str(broken)],
                            capture_output=True, text=True, env=env, cwd=tmp_path)
    assert result.returncode == 1 and "SC2086" in result.stdout


def test_workflows_are_pinned_cached_and_least_privileged():
    pr, deploy = load_workflow(PR_WORKFLOW), load_workflow(DEPLOY_WORKFLOW)
    assert list(pr["on"]) == ["pull_request"] and deploy["on"]["push"]["branches"] == ["main"]
    for workflow in (pr, deploy):
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                if "uses" in step:
                    assert re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
                if step.get("uses", "").startswith("actions/setup-python@"):
                    assert step["with"]["cache"] == "pip"
    assert pr["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {}
    build, publish = deploy["jobs"]["bangun"], deploy["jobs"]["terbitkan"]
    assert build["permissions"] == {"contents": "read"}
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    assert publish["needs"] == "bangun" and publish["environment"]["name"] == "github-pages"
    actions = [s["uses"].split("@")[0] for job in deploy["jobs"].values() for s in job["steps"] if "uses" in s]
    pages = [a for a in actions if a.endswith("-pages") or a.endswith("-pages-artifact")]
    assert pages == ["actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]


def test_gitlab_ci_publishes_public_from_the_default_branch():
    config = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text("utf-8"))
    stages = config["stages"]
    jobs = {name: job for name, job in config.items() if isinstance(job, dict) and "script" in job}
    assert set(jobs) == {"periksa", "pages"}
    assert all(job["stage"] in stages for job in jobs.values())
    assert stages.index(jobs["periksa"]["stage"]) < stages.index(jobs["pages"]["stage"])
    pages = jobs["pages"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert any("$CI_DEFAULT_BRANCH" in rule["if"] and "$CI_COMMIT_BRANCH" in rule["if"] for rule in pages["rules"])
    assert any("--site-dir public" in line for line in pages["script"])
    review = jobs["periksa"]
    assert any('"merge_request_event"' in rule["if"] for rule in review["rules"])
    # The same commands as the GitHub workflow, in the same order (only the output format differs).
    github = [s["run"] for s in load_workflow(PR_WORKFLOW)["jobs"]["periksa"]["steps"] if "run" in s and "pip" not in s["run"]]
    command = re.compile(r"python build\.py (\w+)")
    assert [command.search(line).group(1) for line in review["script"] if command.search(line)] == \
           [command.search(line).group(1) for line in github]
    assert "pip" in config["variables"]["PIP_CACHE_DIR"] and config["default"]["cache"]["paths"] == [".cache/pip"]


# -- the workflow steps, run here --------------------------------------------------------------


@dataclass
class Step:
    name: str
    ran: bool
    returncode: int = 0
    output: str = ""


def run_workflow(path: Path, repo: Repo, context: dict[str, str], summary_file: Path) -> list[Step]:
    """Run the workflow's `run:` steps as GitHub would: in order, in bash -eo pipefail, stopping at the
    first failure. `uses:` steps prepare the machine (this test's venv and checkout stand in for them);
    the install step is the venv itself."""
    def expand(text: str) -> str:
        return re.sub(r"\$\{\{\s*(.*?)\s*\}\}", lambda m: context[m.group(1)], text)

    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "GITHUB_ACTIONS": "true",
           "GITHUB_STEP_SUMMARY": str(summary_file), "RUNNER_TEMP": context["runner.temp"]}
    steps, failed = [], False
    for job in load_workflow(path)["jobs"].values():
        for step in job["steps"]:
            assert "if" not in step  # every step runs only if all before it succeeded
            name = step.get("name") or step.get("uses") or step["run"]
            if "uses" in step or failed:
                steps.append(Step(name, ran=False))
                continue
            if step.get("id") == "pasang":
                assert "-c constraints.txt" in step["run"]  # installs the pinned versions
                continue
            result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", expand(step["run"])],
                                    cwd=repo.path, capture_output=True, text=True,
                                    env=env | {k: expand(str(v)) for k, v in step.get("env", {}).items()})
            steps.append(Step(name, True, result.returncode, result.stdout + result.stderr))
            failed = result.returncode != 0
    return steps


def step(steps: list[Step], name: str) -> Step:
    return next(s for s in steps if s.name == name)


@pytest.fixture
def pull_request(repo: Repo, tmp_path: Path):
    base = repo.git("rev-parse", "HEAD")
    context = {"github.event.pull_request.base.sha": base, "runner.temp": str(tmp_path / "runner"),
               "steps.pages.outputs.base_url": "https://dinas.github.io/etalase"}
    (tmp_path / "runner").mkdir()
    return repo, context, tmp_path / "step-summary.md"


def test_pull_request_workflow_on_a_good_change(pull_request):
    repo, context, summary = pull_request
    repo.innovation("innovations/kota-batu/sapa-warga.md", title="Sapa Warga Batu")
    repo.commit("Tambah inovasi Sapa Warga Batu")
    steps = run_workflow(PR_WORKFLOW, repo, context, summary)
    assert [(s.name, s.ran, s.returncode) for s in steps if s.ran] == [
        ("Ringkasan perubahan", True, 0), ("Periksa data", True, 0), ("Bangun situs (ketat)", True, 0)]
    assert "::error" not in step(steps, "Periksa data").output
    text = summary.read_text("utf-8")
    assert "**Sapa Warga Batu** (baru)" in text and "Kota Batu" in text
    assert "Hasil pemeriksaan data" in text and "0 kesalahan" in text
    assert (Path(context["runner.temp"]) / "situs" / "index.html").is_file()


def test_pull_request_workflow_on_a_broken_change(pull_request):
    repo, context, summary = pull_request
    break_pull_request(repo, count=12)
    repo.commit("Usulan rusak")
    everything = json.loads(repo.cli("validate", "--format", "json").stdout)
    expected = unexpected(everything)
    assert len(expected) == 13  # 12 unknown regions and the edition naming the deleted tv-desa

    steps = run_workflow(PR_WORKFLOW, repo, context, summary)
    assert [(s.name, s.ran, s.returncode) for s in steps] == [
        (s.name, False, 0) for s in steps[:2]] + [
        ("Ringkasan perubahan", True, 0), ("Periksa data", True, 1), ("Bangun situs (ketat)", False, 0)]
    log = step(steps, "Periksa data").output
    annotations = [line for line in log.splitlines() if line.startswith("::error ")]
    assert len(annotations) == 10  # GitHub shows no more per step
    for problem in expected:  # the full list is in the log and in the job summary
        assert f"{problem['path']}:{problem['line']}:{problem['column']}: error:" in log
    warnings = len(everything) - len(expected)  # the narrative warnings: annotated 10 at most too
    assert f"{3 + warnings - min(10, warnings)} masalah lain tidak ditandai" in log
    edition = next(p for p in expected if p["path"].startswith("content/awards/"))
    assert f"::error file={edition['path']},line={edition['line']}," in log
    text = summary.read_text("utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| ") and "kesalahan" in line]
    assert len(rows) == len(expected)
    assert "**TV Desa** (dihapus)" in text and "masih tercatat sebagai pemenang" in text
    assert not (Path(context["runner.temp"]) / "situs").exists()


def test_deploy_workflow_builds_what_it_uploads_and_stops_on_errors(pull_request):
    repo, context, summary = pull_request
    steps = run_workflow(DEPLOY_WORKFLOW, repo, context, summary)
    assert [s.name for s in steps if s.ran] == ["Periksa data", "Bangun situs (ketat)"]
    assert all(s.returncode == 0 for s in steps)
    upload = next(s for job in load_workflow(DEPLOY_WORKFLOW)["jobs"].values() for s in job["steps"]
                  if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    uploaded = Path(re.sub(r"\$\{\{\s*runner.temp\s*\}\}", context["runner.temp"], upload["with"]["path"]))
    home = BeautifulSoup((uploaded / "index.html").read_text("utf-8"), "html.parser")
    assert home.find("link", rel="canonical")["href"] == context["steps.pages.outputs.base_url"] + "/"
    shutil.rmtree(uploaded)

    break_pull_request(repo, count=1)
    repo.commit("rusak")
    steps = run_workflow(DEPLOY_WORKFLOW, repo, context, summary)
    assert step(steps, "Periksa data").returncode == 1
    assert not step(steps, "Bangun situs (ketat)").ran and not uploaded.exists()


# -- validate --changed-since ----------------------------------------------------------------


def test_changed_since_checks_changed_files_and_ignores_untouched_ones(repo: Repo):
    untouched = repo.innovation("innovations/kota-batu/lama-rusak.md", type="analog")
    base = repo.commit("an old mistake nobody touches in this change")
    changed = repo.innovation("innovations/kota-batu/baru-rusak.md", stage="selesai")
    result = repo.cli("validate", "--changed-since", base)
    assert result.returncode == 1
    assert problems(result) == [("innovations/kota-batu/baru-rusak.md", line_of(changed, "stage:"))]
    full = repo.cli("validate")
    assert ("innovations/kota-batu/lama-rusak.md", line_of(untouched, "type:")) in problems(full)
    # An untracked new file counts as changed (pre-commit sees staged files the same way).
    repo.commit("commit both")
    assert repo.cli("validate", "--changed-since", "HEAD").returncode == 0


def test_changed_since_catches_a_deleted_innovation_an_edition_names(repo: Repo):
    edition = repo.path / "content/awards/kompetisi-inovasi-pelayanan-publik-kota-batu/2020.yml"
    (repo.path / "innovations/kota-batu/tv-desa.md").unlink()
    result = repo.cli("validate", "--changed-since", "HEAD")
    assert result.returncode == 1
    assert problems(result) == [(edition.relative_to(repo.path).as_posix(), line_of(edition, "kota-batu/tv-desa"))]
    assert "kota-batu/tv-desa" in result.stdout and "tidak ditemukan" in result.stdout


def test_changed_since_checks_what_a_changed_edition_names(repo: Repo):
    rel = "content/awards/kompetisi-inovasi-pelayanan-publik-kota-batu/2020.yml"
    repo.edit(rel, "innovation: kota-batu/tv-desa", "innovation: kota-batu/tv-desaa")
    result = repo.cli("validate", "--changed-since", "HEAD")
    assert result.returncode == 1
    assert problems(result) == [(rel, line_of(repo.path / rel, "kota-batu/tv-desaa"))]
    assert "maksud Anda 'kota-batu/tv-desa'" in result.stdout


def test_changed_since_rechecks_everything_when_reference_data_changes(repo: Repo):
    full = repo.cli("validate")
    repo.edit("content/regions.yml", 'code: "35.79"', 'code: "35.97"')  # Kota Batu gets another code
    result = repo.cli("validate", "--changed-since", "HEAD")
    assert result.returncode == 1
    assert {path for path, _ in problems(result)} >= {"innovations/kota-batu/tv-desa.md", "innovations/kota-batu/adiarta.md"}
    assert full.stdout.splitlines()[-1].split(" berkas")[0] == result.stdout.splitlines()[-1].split(" berkas")[0]


def test_changed_since_an_unknown_revision_is_explained(repo: Repo):
    result = repo.cli("validate", "--changed-since", "cabang-tidak-ada")
    assert result.returncode == 2
    assert "cabang-tidak-ada" in result.stderr and "Traceback" not in result.stderr


def test_pre_commit_hook_runs_the_partial_validation(repo: Repo):
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    [hook] = [h for r in config["repos"] if r["repo"] == "local" for h in r["hooks"]]
    assert hook["language"] == "system" and hook["pass_filenames"] is False
    assert re.search(hook["files"], "innovations/kota-batu/adiarta.md") and re.search(hook["files"], "content/regions.yml")
    assert not re.search(hook["files"], "README.md")
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}

    def commit_hook() -> subprocess.CompletedProcess:
        return subprocess.run(hook["entry"], shell=True, cwd=repo.path, capture_output=True, text=True, env=env)

    repo.innovation("innovations/kota-batu/baru.md", sectors="[kearsipann]")
    repo.git("add", "-A")
    result = commit_hook()
    assert result.returncode == 1 and "innovations/kota-batu/baru.md" in result.stdout and "kearsipan" in result.stdout
    repo.innovation("innovations/kota-batu/baru.md", sectors="[kearsipan]")
    repo.git("add", "-A")
    assert commit_hook().returncode == 0


# -- the change summary ------------------------------------------------------------------------


def test_summary_lists_added_changed_and_removed_records_by_title(repo: Repo):
    base = repo.git("rev-parse", "HEAD")
    repo.innovation("innovations/kota-batam/sapa-batam.md", title="Sapa Batam", region='"21.71"')
    changed_title = repo.title("innovations/kota-batu/adiarta.md")
    repo.edit("innovations/kota-batu/adiarta.md", "\nsummary: ", "\nsummary: Ringkasan baru. ")
    removed_title = repo.title("innovations/kota-batam/wanderlink.md")
    (repo.path / "innovations/kota-batam/wanderlink.md").unlink()
    rel = "content/awards/kompetisi-inovasi-pelayanan-publik-kota-batu/2020.yml"
    repo.edit(rel, "innovation: kota-batu/tv-desa", "innovation: kota-batu/penakk-pkk")
    repo.commit("perubahan")

    result = repo.cli("summary", "--base", base)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "**Sapa Batam** (baru)  \n  Kota Batam" in text
    assert f"**{changed_title}** (diubah)" in text and "Yang berubah: kolom summary" in text
    assert f"**{removed_title}** (dihapus)" in text
    penakk, tv_desa = repo.title("innovations/kota-batu/penakk-pkk.md"), repo.title("innovations/kota-batu/tv-desa.md")
    assert re.search(rf"Pemenang baru: [^\n]*{re.escape(penakk)} \(Kota Batu\)", text)
    assert re.search(rf"Pemenang dihapus: [^\n]*inovasi kota-batu/tv-desa|Pemenang dihapus: [^\n]*{re.escape(tv_desa)}", text)
    assert "4 berkas: 1 baru, 2 diubah, 1 dihapus." in text


def test_summary_escapes_markdown_from_content(repo: Repo):
    base = repo.git("rev-parse", "HEAD")
    repo.innovation("innovations/kota-batu/jahil.md", title='"[klik](javascript:alert(1)) <img src=x onerror=alert(1)>"')
    result = repo.cli("summary", "--base", base)
    html = BeautifulSoup(markdown.markdown(result.stdout), "html.parser")
    assert html.find("a") is None and html.find("img") is None
    assert "[klik](javascript:alert(1)) <img src=x onerror=alert(1)>" in html.get_text()  # shown as written
