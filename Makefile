# The two set-up commands a newcomer needs: `make run` and `make test`.
# Each creates .venv and installs what it needs (again whenever pyproject.toml changes).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: fuzz run test test-fast lint typecheck unit bench screenshots dist schema clean

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

# The edit-test loop: lint, types and every test but the slow fault-injection ones (about a
# minute less). `make test` stays the full suite, and is what CI runs.
test-fast: lint typecheck
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

# Fuzz the rule parser with atheris (libFuzzer) for FUZZ_SECONDS, seeded with the default
# scenario's rules. atheris is not a dependency; this installs it into .venv.
FUZZ_SECONDS ?= 300
fuzz: $(STAMP)
	$(BIN)/pip install --quiet atheris
	mkdir -p benchmarks/results/fuzz
	$(BIN)/python -m benchmarks.fuzz_rules --seeds=benchmarks/results/fuzz/seeds \
		-max_total_time=$(FUZZ_SECONDS) -max_len=4200 -artifact_prefix=benchmarks/results/fuzz/

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
