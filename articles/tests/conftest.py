import pytest

from articles.models import AdministrativeUnit

from .browser import browser, page  # noqa: F401 (fixtures for test_browser.py)
from .factories import make_article


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The default hasher is slow on purpose; tests log users in often and do not test hashing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def tra_vinh(db):
    return AdministrativeUnit.objects.get(slug="tra-vinh")


@pytest.fixture
def dong_thap(db):
    return AdministrativeUnit.objects.get(slug="dong-thap")


@pytest.fixture
def article(db, tra_vinh):
    return make_article(province=tra_vinh)
