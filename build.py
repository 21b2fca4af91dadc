#!/usr/bin/env python3
"""Etalase Inovasi's command line: `python build.py --help`."""

import sys
from pathlib import Path

# Runs from a plain checkout too: the package lives under plugins/.
sys.path.insert(0, str(Path(__file__).resolve().parent / "plugins"))

from etalase.cli import main

if __name__ == "__main__":
    main()
