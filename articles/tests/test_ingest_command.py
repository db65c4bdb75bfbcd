"""`manage.py ingest` reads files and directories, summarises, and exits 1 when anything failed."""

import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from articles.models import Article, Source

from .texts import HTML_PAGE, TRA_VINH, report

pytestmark = pytest.mark.django_db


def ingest(*args):
    out = StringIO()
    call_command("ingest", *map(str, args), stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.txt").write_text(TRA_VINH, encoding="utf-8")
    (tmp_path / "b.html").write_text(HTML_PAGE, encoding="utf-8")
    (tmp_path / "c.htm").write_bytes(report(day="9/9/2024").encode("utf-16"))
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.txt").write_text(report(day="1/8/2024"), encoding="utf-8")
    return tmp_path


def test_a_directory_gives_its_article_files_and_a_summary(folder):
    out = ingest(folder)

    assert out.splitlines() == ["3 created, 0 duplicates, 0 failed"]
    assert Article.objects.count() == 3


def test_recursive_also_reads_subdirectories(folder):
    out = ingest(folder, "--recursive")

    assert out.startswith("4 created")


def test_files_named_are_read_whatever_their_suffix_with_the_source_given(folder):
    out = ingest(folder / "a.txt", folder / "notes.md", "--source", "Báo Trà Vinh")

    assert out.startswith("2 created, 0 duplicates, 0 failed")
    source = Source.objects.get(name="Báo Trà Vinh")
    assert [a.source for a in Article.objects.all()] == [source, source]


def test_duplicates_are_counted_and_bulk_gives_the_same_summary(folder):
    ingest(folder)

    out = ingest(folder, "--recursive", "--bulk")

    assert out.startswith("1 created, 3 duplicates, 0 failed")


def test_failures_are_listed_with_file_and_reason_and_the_command_fails(folder):
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "scan.txt").write_bytes(b"%PDF-1.4 scanned")
    out = StringIO()

    with pytest.raises(CommandError, match="3 failed"):
        call_command("ingest", str(folder), str(folder / "missing.txt"), stdout=out, stderr=StringIO())

    lines = out.getvalue().splitlines()
    assert lines[0] == "3 created, 0 duplicates, 3 failed"
    assert f"failed: {folder / 'missing.txt'}: no such file or directory" in lines
    assert f"failed: {folder / 'empty.txt'}: empty text" in lines
    assert f"failed: {folder / 'scan.txt'}: not a text file: it is a PDF document" in lines
    assert Article.objects.count() == 3


def test_the_command_line_exits_with_status_1_on_failure(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": "postgres://invalid"}  # never reaches the database

    done = subprocess.run(
        [sys.executable, "manage.py", "ingest", str(tmp_path / "nothing-here")],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )

    assert done.returncode == 1
    assert "no such file or directory" in done.stdout
