# argmap: every target sets up what it needs (virtualenv, packages, Graphviz).
# The Python the virtualenv is made from: empty picks the fastest suitable one
# (scripts/make-venv.sh says how). `make clean` first to change it.
PYTHON ?=
VENV   := .venv
BIN    := $(VENV)/bin
MAP    ?= maps/sino-soviet-2020s.yaml
STAMP  := $(VENV)/.installed

.PHONY: demo test export lint bench system clean

$(BIN)/python:
	PYTHON="$(PYTHON)" bash scripts/make-venv.sh $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

system:
	@bash scripts/ensure-graphviz.sh

demo: $(STAMP) system
	$(BIN)/argmap edit $(MAP)

test: $(STAMP) system
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2

export: $(STAMP) system
	$(BIN)/argmap export $(MAP) -f svg
	$(BIN)/argmap export $(MAP) -f png --slide 16:9
	$(BIN)/argmap export $(MAP) -f md

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/argmap validate maps/*.yaml
	$(BIN)/argmap lint maps/*.yaml

bench: $(STAMP) system
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
