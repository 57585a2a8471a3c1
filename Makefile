# wtsa-extract — developer entry points. `make help` lists them.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SEED   := samples/000_4ba82f9e94ba416a.txt
OUT    := out

.PHONY: help demo test lint bench fuzz reliability golden clean bytecode

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

# The install is editable, so pip compiles nothing; and where PYTHONDONTWRITEBYTECODE is set (as in
# some CI images) Python would then compile every module again in every process (~100 ms a start).
bytecode: $(VENV)/.installed
	@$(PY) -m compileall -q src/wtsa_extract

demo: $(VENV)/.installed bytecode ## Install into .venv, parse the bundled seed document, print a summary
	@mkdir -p $(OUT)
	$(VENV)/bin/wtsa-extract parse $(SEED) -o $(OUT)/seed.json --quiet
	$(VENV)/bin/wtsa-extract parse $(SEED) -o $(OUT)/seed.csv --quiet
	@$(PY) -m wtsa_extract.summary $(OUT)/seed.json
	@echo "JSON: $(OUT)/seed.json   CSV: $(OUT)/seed.csv   (findings: $(VENV)/bin/wtsa-extract check $(SEED))"

test: $(VENV)/.installed-dev bytecode ## Install dev extras and run the test suite (on every core)
	$(PY) -m pytest -q -n auto

lint: $(VENV)/.installed-dev ## Static checks (ruff)
	$(VENV)/bin/ruff check src tests bench

bench: $(VENV)/.installed-dev bytecode ## Measure speed; writes docs/performance.md (not part of `make test`)
	$(PY) bench/run.py --write docs/performance.md

fuzz: $(VENV)/.installed-dev ## Fuzz the readers and parsers for FUZZ_SECONDS (default 60)
	$(PY) fuzz/run.py --seconds $(or $(FUZZ_SECONDS),60)

reliability: $(VENV)/.installed-dev bytecode ## Time and memory on each hostile input class; writes docs/reliability.md
	$(PY) bench/reliability.py --write docs/reliability.md

golden: $(VENV)/.installed-dev ## Regenerate tests/golden/* and docs/schema.json (review the diff!)
	UPDATE_GOLDEN=1 $(PY) -m pytest -q tests/test_golden.py tests/test_schema.py tests/test_diff.py::test_published_diff_schema_is_the_generated_one

clean: ## Remove the virtual environment and outputs
	rm -rf $(VENV) $(OUT) .pytest_cache
