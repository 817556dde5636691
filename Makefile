# corroborate — one command to set up and run the demo, one to run the tests.
# Everything installs into .venv; Debian packages (Chromium for the browser tests) through apt when missing.
PY      ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.setup-stamp
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: setup demo test test-fast install-check lint model model-cnn nlp-eval bench bench-scale fuzz clean-venv apt

setup: $(STAMP)

# Re-run the install only when the dependency list changes: `make setup` is idempotent and cheap.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	# torch first, pinned: the CPU build is on disk; a bare `torch` would pull gigabytes of CUDA packages.
	$(BIN)/python -m pip install -q "torch==2.13.0"
	$(BIN)/python -m pip install -q -e ".[semantic,web,dask,eval,dev]"
	@$(MAKE) --no-print-directory apt
	@touch $(STAMP)

# Chromium drives the browser tests of the HTML report and the web app.
apt:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
	      || echo "warning: could not install chromium; browser tests will skip"; \
	  else echo "note: run 'sudo apt-get install chromium chromium-driver' for the browser tests"; fi; \
	fi

demo: setup
	$(BIN)/corroborate check examples/ --format text
	$(BIN)/corroborate check examples/ --format html -o demo-report.html
	@echo "HTML report written to demo-report.html"

test: setup
	$(BIN)/python -m pytest -q -m "not slow"

test-all: setup
	$(BIN)/python -m pytest -q

# A newcomer's install: a fresh venv from the system Python with its bundled pip, `pip install .` with no extras,
# then `check` on an HTML file and on the seeds. Fails if torch came along (the core must work lexically without
# it). pip reuses its wheel cache; it reaches only the package registries.
INSTALL_VENV ?= $(or $(TMPDIR),/tmp)/corroborate-install-check
SEEDS        ?= ../shared/seeds
install-check:
	rm -rf $(INSTALL_VENV)
	$(PY) -m venv $(INSTALL_VENV)
	$(INSTALL_VENV)/bin/python -m pip install -q .
	@if $(INSTALL_VENV)/bin/python -c "import torch" 2>/dev/null; then \
	  echo "install-check: torch was installed by a plain 'pip install .'"; exit 1; fi
	cd $(INSTALL_VENV) && ./bin/corroborate check $(CURDIR)/examples/coast-wire.html --format json -q > html.json
	$(INSTALL_VENV)/bin/python -c "import json,sys; d=json.load(open(sys.argv[1])); \
	  assert len(d['articles']) == 1 and d['articles'][0]['text'], d; print('install-check: HTML input read')" \
	  $(INSTALL_VENV)/html.json
	cd $(INSTALL_VENV) && ./bin/corroborate check $(abspath $(SEEDS)) --format json -q > seeds.json
	$(INSTALL_VENV)/bin/python -c "import json,sys; d=json.load(open(sys.argv[1])); \
	  assert d['method']['alignment'] == 'lexical' and d['stories'] and not d['errors'], d['method']; \
	  print('install-check: seeds checked on the lexical path,', len(d['stories']), 'story(ies)')" \
	  $(INSTALL_VENV)/seeds.json
	rm -rf $(INSTALL_VENV)

lint: setup
	$(BIN)/ruff check src tests bench train fuzz

# Train the project's own spaCy pipelines from UD/UNER English EWT (fixed seed). `model`: the default
# MiniLM-feature pipeline (about 40 min on 2 cores); `model-cnn`: the torch-free fallback (about 70 min).
model: setup
	$(BIN)/python -m train.build_model --variant minilm

model-cnn: setup
	$(BIN)/python -m train.build_model --variant cnn

nlp-eval: setup
	$(BIN)/corroborate nlp-eval --conllu ../shared/data/ud_english_ewt/en_ewt-ud-test.conllu \
	  --iob2 ../shared/data/uner_english_ewt/en_ewt-ud-test.iob2

bench: setup
	$(BIN)/python -m bench.run_all

bench-scale: setup
	$(BIN)/python -m bench.scale

fuzz: setup
	$(BIN)/python -m pip install -q atheris
	$(BIN)/python -m fuzz.run --seconds 60

clean-venv:
	rm -rf $(VENV)
