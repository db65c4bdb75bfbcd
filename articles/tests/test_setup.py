"""Settings and the two-command setup: what a newcomer and production rely on."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def import_settings(show: str = "", **env):
    """Import the settings in a new process with `env`, printing the repr of the setting `show`."""
    environ = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG", "DATABASE_URL")}
    environ.update(env)
    code = "import archive.settings" + (f"; print(repr(archive.settings.{show}))" if show else "")
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
    )


def test_settings_refuse_to_start_without_secret_key_when_debug_is_off():
    result = import_settings(DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY is required when DEBUG is off" in result.stderr


def test_settings_start_in_production_mode_with_a_secret_key():
    result = import_settings(DEBUG="0", SECRET_KEY="x" * 50, DATABASE_URL="postgres://u:p@db:5432/archive")
    assert result.returncode == 0, result.stderr


def test_settings_refuse_a_database_other_than_postgresql():
    result = import_settings(DATABASE_URL="sqlite:///db.sqlite3")
    assert "DATABASE_URL must point to PostgreSQL" in result.stderr


def test_a_database_url_keeps_its_own_connection_options():
    url = "postgres://u:p@db:5432/archive?sslmode=require&options=-c%20statement_timeout%3D5000"

    result = import_settings("DATABASES['default']['OPTIONS']", DATABASE_URL=url)

    assert result.returncode == 0, result.stderr
    assert ast.literal_eval(result.stdout) == {
        "sslmode": "require",
        "options": "-c statement_timeout=5000 -c max_parallel_workers_per_gather=0",
    }


def test_settings_name_a_bad_boolean():
    result = import_settings(DEBUG="maybe")
    assert "DEBUG must be a boolean" in result.stderr


@pytest.mark.django_db
def test_home_page_and_admin_login_are_served(client):
    assert client.get("/").status_code == 200
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_ensure_admin_creates_the_account_once():
    from io import StringIO

    from django.contrib.auth.models import User
    from django.core.management import call_command

    out = StringIO()
    call_command("ensure_admin", stdout=out)
    assert "password" in out.getvalue()
    call_command("ensure_admin", stdout=StringIO())
    assert User.objects.filter(is_superuser=True).count() == 1


def test_embedded_server_forgets_processes_that_died_without_leaving(tmp_path):
    import json

    from archive.localdb.base import HANDLES, forget_dead_handles

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp_path / HANDLES).write_text(json.dumps([os.getpid(), dead.pid]))
    forget_dead_handles(tmp_path)
    assert json.loads((tmp_path / HANDLES).read_text()) == [os.getpid()]


def test_production_collects_static_files_with_hashed_names(tmp_path):
    # The manifest storage follows every reference inside CSS and JS (a vendored file's source map
    # too) and refuses to build when one is missing: this is the Dockerfile's build step.
    environ = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "x" * 50,
        "DATABASE_URL": "postgres://u:p@localhost:5432/none",
        "STATIC_ROOT": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert "css/site.css" in manifest and "vendor/chart.js/chart.umd.min.js" in manifest
