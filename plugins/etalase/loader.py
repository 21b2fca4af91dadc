"""Reading every content file of a repository into records, collecting every problem on the way.

One bad file never hides another: each file (and each item of a list file) is validated on its
own, invalid ones are reported and left out, valid ones are kept.
"""

from __future__ import annotations

import os
import re
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, ContextManager, Iterable, Optional, TypeVar

from pydantic import BaseModel, ValidationError

from .limits import markdown_problem
from .messages import did_you_mean, explain
from .narrative import narrative_problems
from .parse import ContentError, Document, ParseCache, locate, parse_aside, parse_front_matter, parse_yaml, read_text, yaml_part
from .paths import Refused, check_inside, scan
from .problems import Problem, field_path
from .records import Edition, Innovation, InnovationIndex, Program, Region, Sector
from .records.common import FIRST_YEAR, SLUG, Record, last_year

REGIONS_FILE = "content/regions.yml"
SECTORS_FILE = "content/sectors.yml"
CONTENT_DIR = "content"
AWARDS_DIR = "content/awards"
INDEX_DIR = "content/indeks"
INNOVATIONS_DIR = "innovations"

_SLUG = re.compile(SLUG)
_YEAR_FILE = re.compile(r"^(\d{4})\.yml$")
IGNORED = {"README.md", ".gitkeep", ".DS_Store"}  # never records, wherever they are

T = TypeVar("T", bound=Record)


@dataclass
class Content:
    """Everything read from one repository: the valid records and the problems found."""

    regions: list[Region] = field(default_factory=list)
    sectors: list[Sector] = field(default_factory=list)
    programs: list[Program] = field(default_factory=list)
    editions: list[Edition] = field(default_factory=list)
    innovations: list[Innovation] = field(default_factory=list)
    indexes: list[InnovationIndex] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0
    # Records left out (field errors, or a narrative that cannot be published), with their data as
    # written and their place (an item's index in a list file): the cross-record rules still check
    # what they can of them, so every problem comes in one run (rules.py).
    invalid: list[Invalid] = field(default_factory=list)
    # The Markdown pages of content/ (the editor's guide), whose addresses generated pages must not take.
    pages: list[str] = field(default_factory=list)
    # List files that could not be read at all (reported): nothing is "missing" from them.
    unread: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Invalid:
    path: str
    at: tuple[int, ...]
    model: type[BaseModel]
    data: Any


class Loader:
    def __init__(self, root: Path, cache: Optional[ParseCache] = None):
        self.root = root
        self.cache = cache  # parsed YAML of earlier runs (see parse/cache.py)
        self.content = Content()
        self._edition_paths: Optional[set[Path]] = None
        self._prefix = os.path.join(str(root), "")
        self._refused: set[str] = set()  # links and special files, reported once (see paths.py)

    def load(self, innovation_paths: Optional[list[Path]] = None, edition_paths: Optional[set[Path]] = None) -> Content:
        """Read the reference data, every program, and the editions and innovations (all, or only those given)."""
        self._edition_paths = edition_paths
        self._check_pages()
        if innovation_paths is None:
            innovations = self._read_innovations(self._innovation_files(), listed=True)
        else:
            innovations = self._read_innovations(innovation_paths, listed=False)
        # Innovations are read first so that a second process parses them while the awards load.
        with self._parsing_aside(innovations) as ready:
            self._load_list(REGIONS_FILE, Region, self.content.regions)
            self._load_list(SECTORS_FILE, Sector, self.content.sectors)
            self._load_awards()
            self._load_indexes()
            self._load_innovations(innovations, ready)
        return self.content

    def load_innovations(self, paths: Iterable[Path | str]) -> None:
        """Read more innovations into the same content (a partial check adds what its records name)."""
        innovations = self._read_innovations(paths, listed=False)
        with self._parsing_aside(innovations) as ready:
            self._load_innovations(innovations, ready)

    # -- reference data --------------------------------------------------------------------

    def load_list(self, rel: str, model: type[T]) -> list[T]:
        """The valid items of one list file (such as content/sumber.yml); its problems join the content's."""
        into: list[T] = []
        self._load_list(rel, model, into)
        return into

    def _load_list(self, rel: str, model: type[T], into: list[T]) -> None:
        document = self._read(self.root / rel, parse_yaml)
        if document is None or not isinstance(document.data, list):
            self.content.unread.add(rel)
            if document is not None:
                self._problem(rel, 1, 1, "", "berkas ini harus berupa daftar; setiap butir diawali '- '")
            return
        for index, item in enumerate(document.data):
            record = self._validate(model, item, document, rel, prefix=(index,))
            if record is not None:
                into.append(record)

    # -- awards ----------------------------------------------------------------------------

    def _load_awards(self) -> None:
        awards = self.root / AWARDS_DIR
        if not awards.is_dir():
            return
        if self._blocked(AWARDS_DIR):
            return
        for entry in sorted(awards.iterdir()):
            rel = self._rel(entry)
            if entry.name in IGNORED or self._blocked(rel):
                continue
            if not entry.is_dir():
                self._problem(rel, 1, 1, "", f"berkas di tempat yang salah; setiap program penghargaan punya folder "
                              f"sendiri: {AWARDS_DIR}/<program>/program.yml dan {AWARDS_DIR}/<program>/<tahun>.yml")
                continue
            if not self._check_slug(rel, "folder program", entry.name):
                continue
            self._load_program(entry)

    def _load_program(self, folder: Path) -> None:
        program_file = folder / "program.yml"
        program = None
        if program_file.is_file():
            program = self._load_record(program_file, Program, parse_yaml)
        else:
            programs = [p.name for p in folder.parent.iterdir() if p != folder and (p / "program.yml").is_file()]
            self._problem(self._rel(folder), 1, 1, "", f"folder program '{folder.name}' belum punya program.yml; "
                          f"{did_you_mean(folder.name, programs)}pindahkan berkas edisinya ke folder program yang "
                          "benar, atau buat program.yml (nama, penyelenggara, tingkat)")
        if program is not None:
            program._id = folder.name
            self.content.programs.append(program)
        for path in sorted(folder.iterdir()):
            if path.name in IGNORED or path.name == "program.yml" or self._blocked(self._rel(path)):
                continue
            if self._edition_paths is not None and path not in self._edition_paths:
                continue
            if not self._year_file(path, "di folder program hanya ada program.yml dan satu berkas per edisi"):
                continue
            edition = self._load_record(path, Edition, parse_yaml)
            if edition is not None:
                edition._program, edition._year = folder.name, int(path.stem)
                self.content.editions.append(edition)

    def _year_file(self, path: Path, rule: str) -> bool:
        """Whether `path` is a file named after a possible year, e.g. 2020.yml (a problem is reported if not)."""
        match = _YEAR_FILE.match(path.name)
        if not match or not path.is_file():
            self._problem(self._rel(path), 1, 1, "", f"berkas di tempat yang salah; {rule} bernama tahunnya, "
                          "misalnya 2020.yml")
            return False
        last = last_year()
        if not FIRST_YEAR <= int(match.group(1)) <= last:
            self._problem(self._rel(path), 1, 1, "", f"tahun {match.group(1)} pada nama berkas di luar rentang yang "
                          f"diizinkan ({FIRST_YEAR}–{last}); beri nama berkas sesuai tahunnya, misalnya 2020.yml")
            return False
        return True

    # -- the innovation index ---------------------------------------------------------------

    def _load_indexes(self) -> None:
        folder = self.root / INDEX_DIR
        if not folder.is_dir() or self._blocked(INDEX_DIR):
            return
        for path in sorted(folder.iterdir()):
            if path.name in IGNORED or self._blocked(self._rel(path)):
                continue
            if not self._year_file(path, f"di {INDEX_DIR}/ hanya ada satu berkas per tahun penilaian"):
                continue
            index = self._load_record(path, InnovationIndex, parse_yaml)
            if index is not None:
                index._year = int(path.stem)
                self.content.indexes.append(index)

    # -- innovations -----------------------------------------------------------------------

    def _innovation_files(self) -> list[str]:
        """Every regular file under innovations/ (not in IGNORED), in the order of their paths' parts;
        links and special files are reported (paths.py)."""
        files, refused = scan(self.root, INNOVATIONS_DIR)
        self._report_refused(refused)
        return [path for parts, path in files if parts[-1] not in IGNORED]

    def _check_pages(self) -> None:
        """The site's own pages under content/ (the guide): readable, and within Markdown's bounds."""
        files, refused = scan(self.root, CONTENT_DIR)
        self._report_refused(refused)
        for parts, path in files:
            if parts[-1].endswith(".md") and parts[0] != "awards":
                rel = self._rel(path)
                self.content.pages.append(rel)
                text = self._text(path, rel, listed=True)
                if text is None:
                    continue
                try:  # MkDocs reads a page's front matter with PyYAML's own (recursive) loader: ours judges it first
                    if (front := yaml_part(text)) is not None:
                        parse_yaml(front, line_offset=1)
                except ContentError as exc:
                    self._problem(rel, exc.line, exc.column, "", exc.message)
                if (bound := markdown_problem(text)) is not None:
                    self._problem(rel, bound[0], 1, "", bound[1])

    def _report_refused(self, refused: list[tuple[str, str]]) -> None:
        for rel, message in refused:
            self._refused.add(rel)
            self._problem(rel, 1, 1, "", message)

    def _blocked(self, rel: str) -> bool:
        """Whether `rel` is, or lies under, an entry already refused."""
        parts = rel.split("/")
        return any("/".join(parts[:end]) in self._refused for end in range(1, len(parts) + 1))

    def _placed(self, rel: str) -> bool:
        """Whether an innovation file is where one belongs (a problem is reported if not)."""
        parts = rel.split("/")
        if len(parts) != 3 or os.path.splitext(parts[2])[1] != ".md":
            self._problem(rel, 1, 1, "", "berkas di tempat yang salah; setiap inovasi adalah berkas .md di "
                          f"{INNOVATIONS_DIR}/<daerah>/<nama-inovasi>.md, misalnya innovations/kota-batu/adiarta.md")
            return False
        # Reported on the file itself, so each file of a misnamed folder gets its annotation.
        return (self._check_slug(rel, "folder daerah", parts[1])
                and self._check_slug(rel, "nama berkas", os.path.splitext(parts[2])[0]))

    def _read_innovations(self, paths: Iterable[Path | str], listed: bool) -> list[tuple[str, str]]:
        """(path relative to the root, text) of every innovation file that is in its place and readable.

        `listed`: the paths are files found by `_innovation_files`."""
        placed = [(path, rel) for path, rel in ((p, self._rel(p)) for p in paths) if self._placed(rel)]
        return [(rel, text) for path, rel in placed if (text := self._text(path, rel, listed)) is not None]

    def _parsing_aside(self, innovations: list[tuple[str, str]]) -> ContextManager[Callable[[int], None]]:
        if self.cache is None:
            return nullcontext(lambda index: None)
        return parse_aside([yaml_part(text) for _, text in innovations], self.cache)

    def _load_innovations(self, innovations: list[tuple[str, str]], ready: Callable[[int], None]) -> None:
        """Empties `innovations` on the way: a text is let go once its record is made (held to the
        end, the texts of every innovation would add to the peak memory)."""
        innovations.reverse()
        for index in range(len(innovations)):
            rel, text = innovations.pop()
            ready(index)
            self._load_innovation(rel, text)

    def _load_innovation(self, rel: str, text: str) -> None:
        document = self._parse(rel, text, parse_front_matter)
        if document is None:
            return
        innovation = self._validate(Innovation, document.data, document, rel)
        wrong = list(narrative_problems(document.body))
        for line, message in wrong:
            self._problem(rel, document.body_line + line - 1, 1, "narasi", message)
        if wrong and innovation is not None:
            self.content.invalid.append(Invalid(rel, (), Innovation, document.data))
        elif innovation is not None:
            innovation._id = rel[len(INNOVATIONS_DIR) + 1:-3]
            innovation._body = document.body
            innovation._closing_line = document.line_offset + document.source.count("\n") + 1
            self.content.innovations.append(innovation)

    # -- shared steps ----------------------------------------------------------------------

    def _load_record(self, path: Path, model: type[T], parse: Callable[..., Document]) -> Optional[T]:
        document = self._read(path, parse)
        return None if document is None else self._validate(model, document.data, document, self._rel(path))

    def _read(self, path: Path, parse: Callable[..., Document]) -> Optional[Document]:
        rel = self._rel(path)
        text = self._text(path, rel)
        return None if text is None else self._parse(rel, text, parse)

    def _text(self, path: Path | str, rel: str, listed: bool = False) -> Optional[str]:
        """The file's text, or None once the reason it cannot be read is reported."""
        self.content.files_checked += 1
        if self._blocked(rel):
            return None
        if not listed:
            try:
                check_inside(self.root, rel)
            except Refused as refused:
                self._report_refused([(refused.rel, refused.message)])
                return None
        if not (listed or os.path.isfile(path)):
            self._problem(rel, 1, 1, "", "berkas wajib ini tidak ditemukan")
            return None
        try:
            return read_text(path)
        except ContentError as exc:
            self._problem(rel, exc.line, exc.column, "", exc.message)
            return None

    def _parse(self, rel: str, text: str, parse: Callable[..., Document]) -> Optional[Document]:
        try:
            document = parse(text, cache=self.cache)
        except ContentError as exc:
            self._problem(rel, exc.line, exc.column, "", exc.message)
            return None
        if document.data is None:
            self._problem(rel, 1, 1, "", "berkas tidak berisi data; isi sesuai contoh di panduan editor")
            return None
        return document

    def _validate(self, model: type[T], data: Any, document: Document, rel: str, prefix: tuple[int, ...] = ()) -> Optional[T]:
        try:
            record = model.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors():
                loc = prefix + tuple(error["loc"])
                line, column = locate(document.tree(), loc, document.line_offset, at_key=error["type"] == "extra_forbidden")
                self._problem(rel, line, column, field_path(loc), explain(error, _adapter_root(model, prefix)))
            self.content.invalid.append(Invalid(rel, prefix, model, data))
            return None
        record._path = rel
        return record

    def _check_slug(self, rel: str, what: str, name: str) -> bool:
        if _SLUG.match(name):
            return True
        self._problem(rel, 1, 1, "", f"{what} '{name}' hanya boleh berisi huruf kecil, angka dan tanda "
                      "hubung (tanpa spasi), karena menjadi bagian alamat halaman")
        return False

    def _problem(self, rel: str, line: int, column: int, field_name: str, message: str) -> None:
        self.content.problems.append(Problem(rel, line, column, "error", field_name, message))

    def _rel(self, path: Path | str) -> str:
        # Plain string slicing: pathlib's relative_to is slow, and this runs three times per file.
        text = os.fspath(path)
        if text.startswith(self._prefix):
            return text[len(self._prefix):].replace(os.sep, "/")
        return Path(path).relative_to(self.root).as_posix()


def _adapter_root(model: type[BaseModel], prefix: tuple[int, ...]) -> Any:
    # Items of a list file are explained against list[model] so the index in `loc` resolves.
    return list[model] if prefix else model  # type: ignore[valid-type]

