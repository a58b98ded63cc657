# Two commands for a newcomer (both create .venv and install everything first):
#   make demo   check the bundled sample drafts and scan the sample exports into an HTML report
#   make test   lint, type-check and run the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
OUT := out

.PHONY: install demo test lint typecheck unit bench browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "postcheck needs Python 3.11+"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,web]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	@echo "== postcheck check: sample drafts (corpora/samples/drafts.jsonl) =="
	@$(BIN)/python scripts/demo_drafts.py corpora/samples/drafts.jsonl
	@echo "== postcheck scan: sample exports of every platform (corpora/exports/) =="
	@mkdir -p $(OUT)
	@$(BIN)/postcheck scan corpora/exports -o $(OUT)/report.html -o $(OUT)/scan.jsonl --fail-on never
	@echo "HTML report: $(OUT)/report.html   JSONL: $(OUT)/scan.jsonl"

test: install lint typecheck unit

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: install
	$(BIN)/mypy src

unit: install
	$(BIN)/pytest -q

bench: install
	$(BIN)/python benchmarks/throughput.py

# Browser tests need Debian's chromium (root on CI; a no-op when it is already there).
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

clean:
	rm -rf $(VENV) $(OUT) dist build .mypy_cache .pytest_cache .ruff_cache
