# The two commands of the README: `make demo` (main job) and `make test` (the suite).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test venv docs bench lint clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/blocgraph demo

test: $(STAMP)
	$(BIN)/ruff check graph_builder tests
	$(BIN)/pytest -q

docs: $(STAMP)
	$(BIN)/pip install --quiet -e '.[docs]'
	$(BIN)/python -m graph_builder.docs docs/ontology

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

lint: $(STAMP)
	$(BIN)/ruff check graph_builder tests

clean:
	rm -rf $(VENV) .blocgraph out dist
