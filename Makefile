# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-test chromium build lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

# Browser tests drive Debian's chromium; install it when it is missing.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "installing Debian chromium for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q chromium; }

build: install
	$(BIN)/cari build

run: build
	$(BIN)/cari serve --host $(HOST) --port $(PORT)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install-test chromium lint
	$(BIN)/python -m pytest -q
	$(BIN)/python -m bench.perf.run_all --short
	$(BIN)/python -m bench.quality.extract_gold --check

# Every benchmark on the shared corpus (about 10 minutes on 2 quiet cores): bench/RESULTS.md.
bench: install
	$(BIN)/python -m bench.perf.run_all


clean:
	rm -rf $(VENV) build *.egg-info
	find index -mindepth 1 ! -name .gitignore -exec rm -rf {} +
