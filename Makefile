# corroborate — one command to set up and run the demo, one to run the tests.
# Everything installs into .venv; Debian packages (Chromium for the browser tests) through apt when missing.
PY      ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.setup-stamp
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: setup demo test test-fast lint model model-cnn nlp-eval bench bench-scale fuzz clean-venv apt

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
