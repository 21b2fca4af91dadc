"""The editor's local mode (`build.py serve --cms`): decap-server on 127.0.0.1, against the working copy.

It runs `local_backend.js` with Node.js: decap-server's git middleware, so each save in the editor is
a commit on its own `cms/...` branch of the repository, as a pull request would be on GitHub or
GitLab, and "Terbitkan" merges it. The preview of `serve` shows what is on the checked-out branch.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

LAUNCHER = Path(__file__).with_name("local_backend.js")
# The preview passes the backend's address to the plugin (a separate MkDocs configuration load).
ENVIRONMENT = "ETALASE_CMS_LOCAL_BACKEND"


class LocalCmsError(Exception):
    """Why the local backend cannot start, in Indonesian for the editor."""


@dataclass
class LocalBackend:
    process: subprocess.Popen
    url: str

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start(root: Path) -> LocalBackend:
    node = shutil.which("node")
    modules = _node_modules(root)
    if node is None:
        raise LocalCmsError("Node.js tidak ditemukan; pasang dengan: apt-get install nodejs npm")
    if modules is None:
        raise LocalCmsError("decap-server belum terpasang; jalankan sekali: npm ci (di folder repositori)")
    status = subprocess.run(["git", "-C", str(root), "status", "--porcelain"], capture_output=True, text=True)
    if status.returncode != 0:
        raise LocalCmsError(f"{root} bukan repositori git; penyunting lokal menyimpan setiap perubahan sebagai commit")
    if status.stdout.strip():
        # decap-server commits with `git add .`: uncommitted work would slip into the editor's commits.
        raise LocalCmsError("ada perubahan yang belum di-commit; commit atau simpan dulu (git stash), lalu ulangi:\n"
                            + status.stdout.rstrip())
    env = os.environ | {"GIT_REPO_DIRECTORY": str(root), "NODE_PATH": str(modules)}
    process = subprocess.Popen([node, str(LAUNCHER)], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline() if process.stdout else ""
    if not line.startswith("etalase-local-backend "):
        process.wait()
        raise LocalCmsError("server penyunting lokal gagal dijalankan (lihat pesan di atas)")
    return LocalBackend(process, line.split()[1])


def _node_modules(root: Path) -> Path | None:
    for folder in (root, Path(__file__).resolve().parents[3]):  # the repository, or this checkout
        if (folder / "node_modules" / "decap-server").is_dir():
            return folder / "node_modules"
    return None
