# The two set-up commands a newcomer needs: `make run` and `make test`.
# Each creates .venv and installs what it needs (again whenever pyproject.toml changes).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck unit bench screenshots dist schema clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

BUILD_STAMP := $(VENV)/.installed-build
$(BUILD_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,build]'
	touch $(BUILD_STAMP)

run: $(STAMP)
	$(BIN)/accord

test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

# Render the README's screenshots of the real window (look at them after visible changes).
screenshots: $(STAMP)
	$(BIN)/python -m benchmarks.screenshots

# Regenerate the published JSON Schema from the pydantic models.
schema: $(STAMP)
	$(BIN)/accord schema -o docs/accord.scenario.schema.json

dist: $(BUILD_STAMP)
	$(BIN)/pyinstaller --noconfirm --clean build.spec

clean:
	rm -rf build dist .mypy_cache .pytest_cache .ruff_cache
