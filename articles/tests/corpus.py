"""The labelled corpus and scorer shared beside the project (../shared), for the tests that read them.

Without it those tests skip, saying why; on CI (CI=true) they fail instead, so a missing corpus is
never mistaken for a pass.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared"


def _missing(what: Path) -> None:
    reason = f"{what} not found: the shared labelled corpus lives in ../shared beside the project"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def corpus_dir() -> Path:
    """../shared/corpus, or skip (fail on CI) when it is absent."""
    path = SHARED / "corpus"
    if not path.is_dir():
        _missing(path)
    return path


def corpus_texts() -> dict[str, str]:
    """Every corpus article by file name."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(corpus_dir().glob("*/*.txt"))}


def score(gold_path: Path, predicted_path: Path) -> dict[str, float]:
    """Run ../shared/eval/score.py on a prediction file; return its printed figures by name
    ("score", "fields", "province", ... with accuracies as fractions)."""
    script = SHARED / "eval" / "score.py"
    if not script.is_file():
        _missing(script)
    spec = importlib.util.spec_from_file_location("shared_score", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        module.main(str(gold_path), str(predicted_path))
    figures = {}
    for line in out.getvalue().splitlines():
        name, _, value = line.partition(":")
        value = value.split()[0] if value.split() else ""
        if "/" in value:
            right, total = value.split("/")
            figures[name.strip()] = int(right) / int(total)
        else:
            with contextlib.suppress(ValueError):
                figures[name.strip()] = float(value)
    return figures
