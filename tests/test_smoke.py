from dataclasses import asdict
from pathlib import Path

from etalase.validate import check_repository

from sample_repo import unexpected

ROOT = Path(__file__).resolve().parents[1]


def test_sample_content_is_valid():
    checked = check_repository(ROOT)
    assert unexpected([asdict(p) for p in checked.problems]) == []
    assert len(checked.catalog.innovations) == 10
