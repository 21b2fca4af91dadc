"""The command line behind `python build.py`: validate, build, serve, new, schema."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from .problems import render, summary
from .validate import check_repository

ROOT_HELP = "Folder repositori (yang berisi mkdocs.yml, content/ dan innovations/)."


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".", help=ROOT_HELP)
@click.pass_context
def main(ctx: click.Context, root: Path) -> None:
    """Etalase Inovasi: periksa, bangun dan pratinjau situs etalase inovasi."""
    ctx.obj = root.resolve()


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "github", "json"]), default="text",
              help="text untuk dibaca, github untuk anotasi GitHub Actions, json untuk program lain.")
@click.pass_obj
def validate(root: Path, fmt: str) -> None:
    """Periksa semua data dan rujukan silangnya; keluar 1 bila ada kesalahan."""
    started = time.perf_counter()
    checked = check_repository(root)
    if checked.problems or fmt == "json":  # a clean run in JSON is still JSON: []
        click.echo(render(checked.problems, fmt))
    if fmt != "json":
        elapsed = time.perf_counter() - started
        click.echo(f"{summary(checked.problems, checked.content.files_checked)} ({elapsed:.2f} detik)", err=fmt == "github")
    sys.exit(0 if checked.ok else 1)


@main.command()
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder hasil (bawaan: site_dir di mkdocs.yml).")
@click.pass_obj
def build(root: Path, site_dir: Path | None) -> None:
    """Periksa data, lalu bangun situs statis dengan `mkdocs build --strict`."""
    checked = check_repository(root)
    if checked.problems:
        click.echo(render(checked.problems, "text"), err=True)
    if not checked.ok:
        click.echo(summary(checked.problems, checked.content.files_checked) + " Situs tidak dibangun.", err=True)
        sys.exit(1)
    from .site.build import build_site  # MkDocs is imported only by the commands that need it

    sys.exit(build_site(root, site_dir))


@main.command()
@click.option("--innovations", type=click.IntRange(min=1), required=True, help="Jumlah inovasi sintetis.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder tujuan repositori sintetis.")
@click.option("--seed", type=int, default=0, show_default=True, help="Benih acak; benih sama, isi sama.")
def generate(innovations: int, out: Path, seed: int) -> None:
    """Tulis repositori sintetis berskala nasional untuk uji kecepatan."""
    from .generate import write_tree

    write_tree(out, innovations, seed)
    click.echo(f"{innovations} inovasi sintetis ditulis ke {out}")


@main.command()
@click.pass_obj
def schema(root: Path) -> None:
    """Tulis ulang skema JSON (schemas/) dan halaman referensi kolom panduan dari model data."""
    from .guide import REFERENCE_PAGE, reference_page
    from .schema import generate, write

    files = generate() | {REFERENCE_PAGE: reference_page()}
    changed = write(root, files)
    for rel in files:
        click.echo(f"{'diperbarui' if rel in changed else 'tidak berubah'}: {rel}")
