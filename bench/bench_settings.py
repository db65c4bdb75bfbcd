"""The project's settings with DEBUG off, as in production, but static URLs without a manifest.

The benchmarks time pages, not static files, so they need no `collectstatic` run beforehand.
"""

from archive.settings import *  # noqa: F403
from archive.settings import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
