# Two commands on a fresh machine: `make run` and `make test`.
# With no DATABASE_URL the project runs its own PostgreSQL in .pgdata/ (archive/localdb).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000

.PHONY: run test setup lint format bench clean-db

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

setup: $(VENV)/.installed
	$(BIN)/python manage.py migrate --noinput

run: setup
	$(BIN)/python manage.py ensure_admin
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py runserver $(HOST)

test: setup
	$(BIN)/pytest
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Removes the local database (data in .pgdata/); the next command creates it anew.
clean-db:
	rm -rf .pgdata
