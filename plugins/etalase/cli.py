"""The command line behind `python build.py`: validate, build, serve, new, import, schema, regions."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import click

from .builddate import source_date_epoch
from .problems import MESSAGE_LIMIT, one_line, render, summary
from .validate import check_repository

ROOT_HELP = "Folder repositori (yang berisi mkdocs.yml, content/ dan innovations/)."


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".", help=ROOT_HELP)
@click.pass_context
def main(ctx: click.Context, root: Path) -> None:
    """Etalase Inovasi: periksa, bangun dan pratinjau situs etalase inovasi."""
    ctx.obj = root.resolve()
    # Validation (the latest year allowed) and the site are dated alike: by the last commit (builddate.py).
    os.environ.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(ctx.obj))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "github", "json"]), default="text",
              help="text untuk dibaca, github untuk anotasi GitHub Actions, json untuk program lain.")
@click.option("--changed-since", "since", metavar="REF", default=None,
              help="Periksa hanya berkas yang berubah sejak revisi git REF (misalnya HEAD atau origin/main) "
                   "beserta berkas yang dirujuknya atau merujuknya.")
@click.pass_obj
def validate(root: Path, fmt: str, since: str | None) -> None:
    """Periksa semua data dan rujukan silangnya; keluar 1 bila ada kesalahan.

    Dengan --format github dan variabel GITHUB_STEP_SUMMARY, daftar masalah juga ditulis ke ringkasan job."""
    started = time.perf_counter()
    checked = check_repository(root) if since is None else _check_changed(root, since)
    if checked.problems or fmt == "json":  # a clean run in JSON is still JSON: []
        click.echo(render(checked.problems, fmt))
    if fmt != "json":
        elapsed = time.perf_counter() - started
        click.echo(f"{summary(checked.problems, checked.content.files_checked)} ({elapsed:.2f} detik)", err=fmt == "github")
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as out:
            out.write(f"## Hasil pemeriksaan data\n\n{summary(checked.problems, checked.content.files_checked)}\n\n"
                      f"{render(checked.problems, 'markdown')}\n\n")
    sys.exit(0 if checked.ok else 1)


def _check_changed(root: Path, since: str):
    from .changes import changes_since, check_changes

    return check_changes(root, _with_git(changes_since, root, since))


def _with_git(function, *args):
    from .changes import GitError

    try:
        return function(*args)
    except GitError as exc:
        click.echo(f"Gagal: {one_line(str(exc), MESSAGE_LIMIT)}", err=True)
        sys.exit(2)  # not 1: nothing was checked


@main.command("summary")
@click.option("--base", metavar="REF", required=True, help="Revisi git pembanding, misalnya origin/main.")
@click.pass_obj
def summary_command(root: Path, base: str) -> None:
    """Ringkasan Markdown data yang ditambah, diubah atau dihapus sejak REF, untuk peninjau."""
    from .review import change_summary

    click.echo(_with_git(change_summary, root, base))


@main.command()
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder hasil (bawaan: site_dir di mkdocs.yml).")
@click.option("--clean", is_flag=True,
              help="Bangun semua halaman dari awal, bukan hanya yang berubah sejak pembangunan sebelumnya.")
@click.pass_obj
def build(root: Path, site_dir: Path | None, clean: bool) -> None:
    """Periksa data, lalu bangun situs statis dengan `mkdocs build --strict`.

    Pembangunan berikutnya ke folder yang sama hanya menulis ulang halaman yang berubah.
    """
    checked = check_repository(root)
    if checked.problems:
        click.echo(render(checked.problems, "text"), err=True)
    if not checked.ok:
        click.echo(summary(checked.problems, checked.content.files_checked) + " Situs tidak dibangun.", err=True)
        sys.exit(1)
    from .site.build import build_site  # MkDocs is imported only by the commands that need it

    sys.exit(build_site(root, site_dir, checked, incremental=not clean))


@main.command()
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, help="Alamat dan port pratinjau.")
@click.option("--cms", "with_cms", is_flag=True,
              help="Jalankan juga penyunting di /admin/ dengan server lokal (127.0.0.1) atas repositori ini.")
@click.pass_obj
def serve(root: Path, dev_addr: str, with_cms: bool) -> None:
    """Pratinjau langsung: dibangun ulang setiap kali berkas di innovations/ atau content/ berubah.

    Data yang tidak valid tidak menghentikan pratinjau: masalahnya dicetak, catatan lain tetap tampil.
    Dengan --cms, penyunting di /admin/ menyimpan ke repositori ini: setiap simpanan menjadi commit di
    cabang cms/..., dan "Terbitkan" menggabungkannya ke cabang yang sedang aktif.
    """
    from .configfile import check_config
    from .site.build import serve_site

    if problems := check_config(root):  # before MkDocs' own loader reads it
        click.echo(render(problems, "text"), err=True)
        sys.exit(1)
    backend = None
    if with_cms:
        from .site.localcms import ENVIRONMENT, LocalCmsError, start

        try:
            backend = start(root)
        except LocalCmsError as exc:
            click.echo(f"Gagal: {exc}", err=True)
            sys.exit(1)
        os.environ[ENVIRONMENT] = backend.url
        # A terminated preview shuts down as after Ctrl+C, so the local backend is stopped with it.
        signal.signal(signal.SIGTERM, signal.default_int_handler)
        click.echo(f"Penyunting: http://{dev_addr}/admin/ (server lokal {backend.url})", err=True)
    try:
        sys.exit(serve_site(root, dev_addr))
    finally:
        if backend is not None:
            backend.stop()


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


@main.command()
@click.pass_obj
def regions(root: Path) -> None:
    """Tulis ulang content/regions.yml dari daftar wilayah resmi di data/idn-area-data/."""
    from .areadata import AREA_DIR, write_regions
    from .loader import REGIONS_FILE

    changed = write_regions(root)
    click.echo(f"{'diperbarui' if changed else 'tidak berubah'}: {REGIONS_FILE} (dari {AREA_DIR}/)")


@main.command("import")
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--template", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Tulis templat lembar kerja kosong (XLSX) ke berkas ini, lalu selesai.")
@click.option("--dry-run", is_flag=True, help="Tampilkan apa yang akan ditulis tanpa menulis apa pun.")
@click.option("--update", is_flag=True, help="Perbarui inovasi yang sudah ada bila isinya di lembar kerja lain.")
@click.option("--format", "fmt", type=click.Choice(["text", "github", "json"]), default="text",
              help="Cara menulis masalah, seperti pada validate.")
@click.pass_obj
def import_command(root: Path, file: Path | None, template: Path | None, dry_run: bool, update: bool,
                   fmt: str) -> None:
    """Buat berkas inovasi dari lembar kerja (CSV atau XLSX), satu baris per inovasi.

    Setiap masalah ditulis sebagai BERKAS:BARIS:KOLOM; baris yang benar tetap diimpor. Inovasi yang sudah
    ada tidak ditimpa tanpa --update. Templat: python build.py import --template inovasi.xlsx"""
    from .importer import Importer
    from .importer import summary as import_summary

    if (file is None) == (template is None):
        raise click.UsageError("beri satu berkas untuk diimpor, atau --template BERKAS untuk menulis templat")
    importer = Importer(root)
    if template is not None:
        from .importtemplate import write_template

        write_template(template, importer.scaffolder.catalog, importer.columns)
        click.echo(f"Templat ditulis: {template}")
        return
    assert file is not None
    outcome = importer.run(file, str(file), dry_run=dry_run, update=update)
    if outcome.problems:
        click.echo(render(outcome.problems, fmt), err=True)
    for line in import_summary(outcome, dry_run):
        click.echo(line)
    sys.exit(0 if outcome.ok else 1)


@main.command()
@click.option("--vendor", is_flag=True,
              help="Salin dulu Decap CMS dari node_modules/ (setelah npm ci) ke dalam plugin; dipakai `make decap`.")
@click.pass_obj
def cms(root: Path, vendor: bool) -> None:
    """Tulis ulang konfigurasi penyunting (content/admin/config.yml) dari model data dan pengaturan cms di mkdocs.yml."""
    from .cms import CONFIG_FILE, CmsError, References
    from .schema import write
    from .site import admin

    if vendor:
        written = admin.vendor(root / "node_modules")
        click.echo(f"Decap CMS {admin.vendored_version()}: {len(written)} berkas disalin ke {admin.VENDOR}")
    plugin = _plugin(root)
    checked = check_repository(root)
    try:
        text = admin.generated(admin.settings(plugin.config, None), References.of(checked.catalog))[f"{admin.PREFIX}/config.yml"]
    except CmsError as exc:
        click.echo(f"Gagal: {exc}", err=True)
        sys.exit(1)
    changed = write(root, {CONFIG_FILE: text})
    click.echo(f"{'diperbarui' if changed else 'tidak berubah'}: {CONFIG_FILE}")


def _plugin(root: Path):
    """The etalase plugin as configured in the repository's mkdocs.yml."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    from .configfile import check_config

    if problems := check_config(root):  # before MkDocs' own loader reads it
        click.echo(render(problems, "text"), err=True)
        sys.exit(1)
    try:
        return load_config(str(root / "mkdocs.yml")).plugins["etalase"]
    except (ConfigurationError, KeyError, OSError) as exc:
        click.echo(f"Gagal membaca pengaturan etalase di {root / 'mkdocs.yml'}: {exc}", err=True)
        sys.exit(1)


@main.group()
def new() -> None:
    """Buat berkas data baru yang sah dari beberapa jawaban (ditanyakan bila tidak diberikan)."""


@new.command("innovation")
@click.option("--title", help="Nama inovasi.")
@click.option("--region", help="Kode wilayah Kemendagri (35.79) atau nama daerah (Kota Batu).")
@click.option("--sector", "sectors", multiple=True, help="Id urusan dari content/sectors.yml; boleh diulang.")
@click.option("--type", "type_", help="digital atau non-digital.")
@click.option("--form", help="pelayanan-publik, tata-kelola atau lainnya.")
@click.option("--stage", help="inisiatif, uji-coba atau penerapan.")
@click.option("--summary", help="Ringkasan satu atau dua kalimat.")
@click.option("--unit", help="Perangkat daerah pelaksana.")
@click.pass_obj
def new_innovation(root: Path, /, type_: str | None, **given: object) -> None:
    """Buat berkas inovasi baru di innovations/<daerah>/<nama>.md."""
    from .scaffold import INNOVATION_QUESTIONS, Scaffolder

    scaffolder = Scaffolder(root)
    _scaffold(scaffolder, INNOVATION_QUESTIONS, given | {"type": type_}, scaffolder.check_innovation,
              scaffolder.innovation)


@new.command("edition")
@click.option("--program", help="Nama folder program di content/awards/.")
@click.option("--year", help="Tahun edisi.")
@click.option("--title", help="Nama resmi edisi.")
@click.pass_obj
def new_edition(root: Path, /, **given: object) -> None:
    """Buat berkas edisi penghargaan baru di content/awards/<program>/<tahun>.yml."""
    from .scaffold import EDITION_QUESTIONS, Scaffolder

    scaffolder = Scaffolder(root)
    _scaffold(scaffolder, EDITION_QUESTIONS, given, scaffolder.check_edition, scaffolder.edition)


def _scaffold(scaffolder, questions, given: dict, check, draft) -> None:
    """Check the answers given as options, ask for the missing ones, then write the file."""
    from .scaffold import Refused, split_many

    answers = {q.field: split_many(given[q.field]) if q.many else given[q.field] for q in questions}
    wrong = [f"{q.field}: {m}" for q in questions if answers[q.field] for m in check(q.field, answers[q.field])]
    if wrong:
        click.echo("\n".join(wrong), err=True)
        sys.exit(1)
    # Optional questions are asked only in a conversation, never of a script that gave every required answer.
    asking = any(not answers[q.field] for q in questions if not q.optional)
    for question in questions:
        while not answers[question.field] and not (question.optional and (answers[question.field] == "" or not asking)):
            answer = click.prompt(question.prompt, default="" if question.optional else None, show_default=False)
            value = split_many(answer) if question.many else answer.strip()
            problems = check(question.field, value) if value else []
            for message in problems:
                click.echo(f"  {message}", err=True)
            if not problems:
                answers[question.field] = value
    try:
        path = scaffolder.write(draft(answers))
    except Refused as refused:
        click.echo("\n".join(refused.messages), err=True)
        sys.exit(1)
    click.echo(f"Berkas dibuat: {path.relative_to(scaffolder.root).as_posix()}")
    # The package's console script is `etalase`; this repository runs `python build.py`.
    command = "etalase" if click.get_current_context().find_root().info_name == "etalase" else "python build.py"
    click.echo(f"Lengkapi isinya, lalu periksa dengan: {command} validate")


@main.command()
@click.argument("target", type=click.Path(file_okay=False, path_type=Path))
@click.option("--office", help="Nama kantor, misalnya Dinas Komunikasi dan Informatika Kota Batu.")
@click.option("--region", help="Kode wilayah Kemendagri (35.79) atau nama daerah (Kota Batu).")
@click.option("--forge", type=click.Choice(["github", "gitlab"]), help="Tempat repositori dan penerbitannya.")
@click.option("--site-url", help="Alamat situs yang akan terbit, misalnya https://inovasi.batukota.go.id/ (boleh kosong).")
def init(target: Path, office: str | None, region: str | None, forge: str | None, site_url: str | None) -> None:
    """Buat repositori etalase baru untuk satu kantor di folder TARGET (ditanyakan bila tidak diberikan)."""
    from .messages import did_you_mean
    from .skeleton import NotEmpty, Office, find_region, reference_regions
    from .skeleton import init as write_repository

    regions = reference_regions()

    def unknown(answer: str) -> str:
        return (f"'{answer}' tidak ada di content/regions.yml; {did_you_mean(answer, [r.name for r in regions])}"
                "tulis kodenya (35.79) atau nama lengkapnya (Kota Batu)")

    office = office or click.prompt("Nama kantor").strip()
    found = find_region(region, regions) if region else None
    if region and found is None:
        click.echo(f"region: {unknown(region)}", err=True)
        sys.exit(1)
    while found is None:
        answer = click.prompt("Kode wilayah atau nama daerah (misalnya 35.79 atau Kota Batu)")
        found = find_region(answer, regions)
        if found is None:
            click.echo(f"  {unknown(answer)}", err=True)
    forge = forge or click.prompt("Repositori di", type=click.Choice(["github", "gitlab"]), default="github")
    if site_url is None:
        site_url = click.prompt("Alamat situs (boleh kosong)", default="", show_default=False).strip()
    if site_url and not site_url.startswith(("https://", "http://")):
        click.echo(f"site-url: '{site_url}' harus diawali https://", err=True)
        sys.exit(1)
    try:
        written = write_repository(target, Office(office, found, "gitlab" if forge == "gitlab" else "github", site_url or None))
    except NotEmpty as exc:
        click.echo(f"Gagal: {exc}", err=True)
        sys.exit(1)
    click.echo(f"Repositori etalase {found.name} dibuat di {target} ({len(written)} berkas).")
    click.echo(f"Berikutnya: cd {target} && etalase new innovation, lalu etalase validate dan etalase build.")


@main.command()
@click.pass_obj
def upgrade(root: Path) -> None:
    """Pindahkan repositori kantor ke versi mesin yang terpasang dan perbarui berkas milik mesin.

    Isi kantor (inovasi, penghargaan, mkdocs.yml) tidak pernah diubah; berkas milik mesin yang pernah
    diubah kantor tidak ditimpa (versi barunya ditulis ke .etalase/baru/)."""
    from .upgrade import UpgradeError
    from .upgrade import upgrade as run

    try:
        done = run(root)
    except UpgradeError as exc:
        click.echo(f"Gagal: {exc}", err=True)
        sys.exit(1)
    click.echo(f"Mesin Etalase Inovasi: {done.old} → {done.new}")
    for change in done.changes:
        click.echo(f"  {change.path}: {change.what}")
    if not done.changes:
        click.echo("  tidak ada berkas yang berubah")


@main.command()
@click.pass_obj
def collect(root: Path) -> None:
    """Himpun data situs Etalase Inovasi lain yang tercantum di content/sumber.yml ke folder collected/.

    Sumber yang tidak dapat dibaca atau datanya tidak sah dilaporkan (salinan sebelumnya tetap dipakai);
    sumber lain tetap dihimpun. Keluar 1 bila ada sumber yang gagal."""
    from .collect import SOURCES_FILE
    from .collect import collect as run

    if not (root / SOURCES_FILE).is_file():
        click.echo(f"Gagal: {SOURCES_FILE} tidak ada; tulis daftar situs sumber di sana (lihat README)", err=True)
        sys.exit(1)
    reports, problems = run(root)
    if problems:
        click.echo(render(problems, "text"), err=True)
    for report in reports:
        click.echo(f"{'berhasil' if report.ok else 'GAGAL'}: {report.source}: {report.message}", err=not report.ok)
    sys.exit(0 if reports and all(r.ok for r in reports) and not problems else 1)
