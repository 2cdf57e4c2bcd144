# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-test chromium axe build lint catalog bench bench-scale clean opensearch opensearch-stop opensearch-jars

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

# The messages people read, extracted from the code and templates (babel.cfg) and merged into
# each language's catalog: new ones arrive untranslated, and tests/test_i18n.py fails until
# they are translated. The catalogs are read as they are (nothing compiled).
catalog: install-test
	mkdir -p build
	$(BIN)/pybabel extract -F babel.cfg -k gettext -k ngettext:1,2 --no-location --omit-header --sort-output -o build/cari.pot .
	$(BIN)/pybabel update -i build/cari.pot -o search/locale/id.po -l id -D cari --no-fuzzy-matching --ignore-obsolete -w 100

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# axe-core for the accessibility check (tests/test_accessibility.py), pinned in tests/js.
axe: tests/js/node_modules/axe-core/axe.min.js
tests/js/node_modules/axe-core/axe.min.js: tests/js/package.json tests/js/package-lock.json
	npm ci --prefix tests/js --no-audit --no-fund

# The tests run both engines: the OpenSearch ones on a 2-node cluster they start and stop
# themselves (CARI_SKIP_OPENSEARCH=1 skips them), from the jars Maven fetches here.
test: install-test chromium axe lint opensearch-jars
	$(BIN)/python -m pytest -q
	$(BIN)/python -m bench.perf.run_all --short
	$(BIN)/python -m bench.perf.archive_scale --articles 20000 --rounds 1
	$(BIN)/python -m bench.quality.extract_gold --check
	$(BIN)/python -m bench.quality.chrome_lines --check
	$(BIN)/python -m bench.quality.judged_sets gold17 gold17b gold17c gold17d

# Every benchmark on the shared corpus (about 10 minutes on 2 quiet cores): bench/RESULTS.md.
bench: install
	$(BIN)/python -m bench.perf.run_all


# A local 2-node OpenSearch 2.19.6 cluster (jars from Maven Central, 127.0.0.1:9200 and 9201,
# 512 MB heap a node, data in a temporary folder); returns once it is green: docs/opensearch.md.
OPENSEARCH_JAR := deploy/opensearch/target/cari-opensearch-node-2.19.6.jar
opensearch-jars: $(OPENSEARCH_JAR)

$(OPENSEARCH_JAR): deploy/opensearch/pom.xml $(wildcard deploy/opensearch/src/main/java/cari/opensearch/*.java)
	mvn -q -B -f deploy/opensearch/pom.xml package -DskipTests

opensearch: $(BIN)/python
	$(BIN)/python deploy/opensearch/cluster.py start

opensearch-stop: $(BIN)/python
	$(BIN)/python deploy/opensearch/cluster.py stop

# Cari, tantivy and SQLite FTS5 on a generated archive of N distinct articles (N=1000000: about
# an hour on 2 cores): bench/results/scale-N.json, figures in bench/RESULTS.md.
N ?= 20000
bench-scale: install-test
	$(BIN)/python -m bench.perf.archive_scale --articles $(N)

clean:
	rm -rf $(VENV) build *.egg-info deploy/opensearch/target
	find index -mindepth 1 ! -name .gitignore -exec rm -rf {} +
