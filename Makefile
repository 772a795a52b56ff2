# Two commands for readers and authors (see README.md):
#   make serve   build the whole bilingual site and serve it at http://127.0.0.1:8000
#   make test    run the full test suite
# Each sets up .venv from requirements.lock on first use.

VENV := .venv
# Windows (GitHub's runners run this Makefile with Git Bash): no python3, and venvs keep their
# programs in Scripts/.
ifeq ($(OS),Windows_NT)
PYTHON ?= python
BIN := $(VENV)/Scripts
else
PYTHON ?= python3
BIN := $(VENV)/bin
endif
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint benchmark live live-en update-examples lock clean

$(BIN)/.installed: requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	@touch $@

# Both languages at once: most of a build's time is its notebooks' kernels, which wait more than
# they compute. The Chinese build cleans site/, so the English one goes to a folder of its own
# and then into site/en/.
build: $(BIN)/.installed
	@rm -rf .site-en
	@$(BIN)/mkdocs build --strict -q -f mkdocs.en.yml -d .site-en & en=$$!; \
	$(BIN)/mkdocs build --strict -f mkdocs.yml; zh=$$?; \
	wait $$en; en=$$?; \
	if [ $$zh -ne 0 ] || [ $$en -ne 0 ]; then echo "the strict build failed" >&2; exit 1; fi; \
	rm -rf site/en && mv .site-en site/en
	@$(BIN)/python -c "import sys; sys.path.insert(0, 'docs/hooks'); import site_model; site_model.stamp_build(site_model.ROOT / 'site')"

serve: build
	@echo "Serving Chinese at http://127.0.0.1:8000/ and English at http://127.0.0.1:8000/en/"
	$(BIN)/python -m http.server 8000 --bind 127.0.0.1 --directory site

# Three stages, chosen by pytest markers: the main suite (plain pytest); the browser tests (they
# skip, saying so, where there is no Chromium; two workers, one browser each: faster than four on
# two cores, 253 s against 285 s); every example again with each other CPython installed here
# (pyenv's included), which skips, saying so, where there is none. The site is built once, first
# (make build stamps site/ with what it was built from), and the stages test that build
# (tests/conftest.py, built_site).
test: build
	$(BIN)/python -m pytest
	$(BIN)/python -m pytest -m browser -n 2
	$(BIN)/python -m pytest -m other_pythons

# The lint checks alone (CI's lint job, with actionlint installed): ruff on the tests and hooks,
# ruff and black on every example, zizmor and actionlint on .github/.
lint: $(BIN)/.installed
	$(BIN)/python -m pytest tests/test_lint.py tests/test_workflows.py \
		"tests/test_examples.py::test_lint"

benchmarks/node_modules/.installed: benchmarks/package-lock.json
	cd benchmarks && npm ci --ignore-scripts
	@touch $@

# Build, run the tests, and measure the built site against its budgets (see README).
benchmark: $(BIN)/.installed benchmarks/node_modules/.installed
	$(BIN)/python benchmarks/site.py $(ARGS)

# Live reload while writing, one language at a time.
live: $(BIN)/.installed
	$(BIN)/mkdocs serve -f mkdocs.yml

live-en: $(BIN)/.installed
	$(BIN)/mkdocs serve -f mkdocs.en.yml

# Format every example's program and record the transcript under it from a real run (only where
# the program or its output changed); then run the example tests. ARGS="--update-only 'examples/pool/*'"
# records only some.
update-examples: $(BIN)/.installed
	$(BIN)/python -m pytest --update-examples tests/test_examples.py $(ARGS)

# Re-pin requirements.lock (and the CI lint job's requirements-actionlint.lock) after editing pyproject.toml (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml --group dev --generate-hashes --universal \
		--python-version 3.11 --no-header -o requirements.lock
	uv pip compile --group workflows --generate-hashes --universal \
		--python-version 3.11 --no-header -o requirements-actionlint.lock

clean:
	rm -rf site .site-en .pytest_cache
