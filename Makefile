# The two set-up commands a newcomer needs: `make run` and `make test`.
# Each creates .venv and installs what it needs (again whenever pyproject.toml changes).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: fuzz run test test-fast lint typecheck unit bench screenshots dist lock doctor \
	install-desktop uninstall-desktop schema precedents translations clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

# The bundle is built in its own environment holding exactly the versions in the lock file
# (hashes checked), so two builds of one commit bundle the same code. It is made anew when the
# lock changes; `make lock` refreshes the lock from pyproject.toml's ranges.
LOCK := requirements.lock
DIST_VENV := build/venv
DIST_STAMP := $(DIST_VENV)/.installed
$(DIST_STAMP): $(LOCK)
	rm -rf $(DIST_VENV)
	$(PYTHON) -m venv $(DIST_VENV)
	$(DIST_VENV)/bin/python -m pip install --quiet --disable-pip-version-check \
		--require-hashes -r $(LOCK)
	touch $(DIST_STAMP)

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

# Rebuild the PA-X precedent index (resources/data/pax/precedents.json.gz) from the CSV
# shipped beside it; deterministic, so an unchanged CSV gives the same bytes.
precedents: $(STAMP)
	$(BIN)/python -m desktop.domain.precedents.build

# Accord's translation catalogue (docs/translation.md): lupdate collects every tr()/translate()
# call under desktop/ui into resources/translations/accord_en.ts, the English plural forms are
# filled in, and lrelease compiles it to accord_en.qm. Both files are committed, so a checkout
# runs without these tools; tests/test_translation.py fails when they are behind the code.
TRANSLATIONS := resources/translations
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -silent -extensions py -recursive desktop/ui desktop/wording \
		desktop/report desktop/cli.py desktop/doctor.py -source-language en \
		-target-language en -locations relative -no-obsolete -ts $(TRANSLATIONS)/accord_en.ts
	$(BIN)/python scripts/english_plurals.py $(TRANSLATIONS)/accord_en.ts
	$(BIN)/pyside6-lrelease -silent $(TRANSLATIONS)/accord_en.ts -qm $(TRANSLATIONS)/accord_en.qm

# Regenerate the published JSON Schema from the pydantic models.
schema: $(STAMP)
	$(BIN)/accord schema -o docs/accord.scenario.schema.json

# Accord itself goes in without dependencies (they come from the lock); pip check fails the
# build when pyproject.toml asks for something the lock does not have (run make lock).
dist: $(DIST_STAMP)
	$(DIST_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps \
		--no-build-isolation -e .
	$(DIST_VENV)/bin/python -m pip check
	$(DIST_VENV)/bin/pyinstaller --noconfirm --clean build.spec

# Resolve pyproject.toml's dependencies (and PyInstaller) to exact versions with hashes, for
# Linux, Windows and macOS at once (uv's universal resolution; pip-compile resolves for this
# machine only). Needs PyPI.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check 'uv>=0.5'
	$(BIN)/uv pip compile pyproject.toml --extra build --universal --python-version 3.11 \
		--generate-hashes --annotation-style line --custom-compile-command 'make lock' \
		-o $(LOCK)

# What this computer lacks to run or test Accord, and how to install it. Standard library
# only: works before .venv exists.
doctor:
	@$(if $(wildcard $(BIN)/python),$(BIN)/python,$(PYTHON)) -m desktop.doctor

# Linux: the desktop entry, the MIME type of .accord files, the icon and the AppStream metadata
# for the current user. ACCORD names the program the menu starts (default: this checkout's
# .venv; for the bundle: make install-desktop ACCORD=$$PWD/dist/accord/accord-gui).
APP_ID := org.accord.Accord
ACCORD ?= $(abspath $(BIN))/accord-gui
XDG_DATA_HOME ?= $(HOME)/.local/share
# The desktop's caches, where their tools are installed (desktops also notice on their own).
REFRESH_DESKTOP = for tool in "update-mime-database $(XDG_DATA_HOME)/mime" \
	"update-desktop-database -q $(XDG_DATA_HOME)/applications" \
	"gtk-update-icon-cache -q -t -f $(XDG_DATA_HOME)/icons/hicolor"; do \
	if command -v $${tool%% *} >/dev/null; then $$tool; fi; done
install-desktop:
	install -d $(XDG_DATA_HOME)/applications $(XDG_DATA_HOME)/mime/packages \
		$(XDG_DATA_HOME)/icons/hicolor/scalable/apps $(XDG_DATA_HOME)/metainfo
	sed -e 's|^Exec=accord-gui |Exec="$(ACCORD)" |' -e 's|^TryExec=.*|TryExec=$(ACCORD)|' \
		resources/linux/$(APP_ID).desktop > $(XDG_DATA_HOME)/applications/$(APP_ID).desktop
	install -m 644 resources/linux/$(APP_ID).mime.xml \
		$(XDG_DATA_HOME)/mime/packages/$(APP_ID).xml
	install -m 644 resources/icons/accord.svg \
		$(XDG_DATA_HOME)/icons/hicolor/scalable/apps/$(APP_ID).svg
	install -m 644 resources/linux/$(APP_ID).metainfo.xml $(XDG_DATA_HOME)/metainfo/
	$(REFRESH_DESKTOP)
	@echo "installed $(APP_ID) in $(XDG_DATA_HOME); the menu entry starts $(ACCORD)"

uninstall-desktop:
	rm -f $(XDG_DATA_HOME)/applications/$(APP_ID).desktop \
		$(XDG_DATA_HOME)/mime/packages/$(APP_ID).xml \
		$(XDG_DATA_HOME)/icons/hicolor/scalable/apps/$(APP_ID).svg \
		$(XDG_DATA_HOME)/metainfo/$(APP_ID).metainfo.xml
	$(REFRESH_DESKTOP)

clean:
	rm -rf build dist .mypy_cache .pytest_cache .ruff_cache
