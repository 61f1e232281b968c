# The two commands of the README: `make demo` (main job) and `make test` (the suite).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test quick venv docs bench lint clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	bash web/setup.sh
	$(BIN)/blocgraph demo

# Every test: tests/setup.sh first installs Chromium, chromedriver and Node when missing
# (as root) and tests/js/node_modules. Two pytest-xdist workers; tests in one xdist_group
# (timed ones, those sharing a module's fixture) stay on one worker (tests/conftest.py).
PARALLEL := -n 2 --dist loadgroup
test: $(STAMP)
	bash tests/setup.sh
	$(BIN)/ruff check graph_builder tests tools benchmarks
	$(BIN)/pytest -q $(PARALLEL)

# The fast tier for everyday work: no slow, browser or Node tests, nothing installed.
quick: $(STAMP)
	$(BIN)/pytest -q $(PARALLEL) -m "not slow and not browser and not node"

# docs/: the ontology page, the seed network picture and the workbench's screenshots
# (headless Chromium: tests/setup.sh installs it); files left as they were when unchanged.
docs: $(STAMP)
	$(BIN)/pip install --quiet -e '.[docs]'
	bash web/setup.sh
	$(BIN)/python -m graph_builder.docs docs

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

lint: $(STAMP)
	$(BIN)/ruff check graph_builder tests tools benchmarks

clean:
	rm -rf $(VENV) .blocgraph out dist .cache
