# Two commands set up a fresh machine: `make run` and `make test`. Both build .venv first.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PYTHON ?= python3
I18N := assets/i18n

.PHONY: run test lint format translations store screenshots bench soak clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,hub,authoring]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/kiosk run --windowed

# The kiosk suite, then the hub's (tests/hub) on SQLite and on a throwaway PostgreSQL cluster,
# each in its own process so that Django is set up for the hub's tests only.
test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest --ignore=tests/hub
	$(PY) -m pytest tests/hub
	HUB_TEST_DATABASE=postgres $(PY) -m pytest tests/hub

lint: $(STAMP)
	$(VENV)/bin/ruff check kiosk hub tests benchmarks docs
	$(VENV)/bin/ruff format --check kiosk hub tests benchmarks docs
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy

format: $(STAMP)
	$(VENV)/bin/ruff check --fix kiosk hub tests benchmarks docs
	$(VENV)/bin/ruff format kiosk hub tests benchmarks docs

# Refresh the .ts files from the code (new strings appear as unfinished), then compile .qm.
translations: $(STAMP)
	for lang in en es; do $(VENV)/bin/pyside6-lupdate -silent -no-obsolete -locations none -target-language $$lang \
		$$(find kiosk/ui -name '*.py' | sort) -ts $(I18N)/kiosk_$$lang.ts; done
	for ts in $(I18N)/*.ts; do $(VENV)/bin/pyside6-lrelease -silent $$ts -qm $${ts%.ts}.qm; done

# The embedded content's prebuilt store (assets/content.db), which a first start copies
# instead of loading the content: run after changing assets/content (a test says when).
store: $(STAMP)
	$(PY) -c 'from pathlib import Path; from kiosk.content.updates.first_start import build_prebuilt; build_prebuilt(Path("assets/content"))'

# The README's pictures, as a README install shows the kiosk (offscreen, DejaVu fonts only).
screenshots: $(STAMP)
	$(PY) docs/screenshots/take.py

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/startup_and_navigation.py
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/callback_send.py
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/picker.py
	$(PY) benchmarks/content_sync.py
	$(PY) benchmarks/search.py

# Thousands of visits in one process (about 7 minutes); fails if memory or objects grow.
soak: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/soak.py --check

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache build dist
