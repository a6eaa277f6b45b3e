# rasd — every target installs what it needs into ./.venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= rasd.db
PORT   ?= 8000

.PHONY: install run test bench fuzz lint format clean

$(BIN)/rasd: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

install: $(BIN)/rasd

run: install
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/rasd ingest sample/ --db $(DB); test $$? -le 1
	$(BIN)/rasd stats --db $(DB)
	$(BIN)/rasd events --db $(DB) --format table
	$(BIN)/rasd serve --db $(DB) --port $(PORT)

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python -m bench

# coverage-guided fuzzing (atheris), FUZZ_SECONDS per target (default 60);
# FUZZ_TARGETS picks some of: text numbers dates decode html feed readers pipeline
fuzz: install
	$(BIN)/python fuzz/run.py $(FUZZ_TARGETS)

lint: install
	$(BIN)/ruff check src tests bench fuzz gold scripts
	$(BIN)/ruff format --check src tests bench fuzz gold scripts

format: install
	$(BIN)/ruff format src tests bench fuzz gold scripts
	$(BIN)/ruff check --fix src tests bench fuzz gold scripts

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info $(DB) $(DB)-wal $(DB)-shm

# the web app over the ingested sample (ingests it first when there is no store)
HOST ?= 127.0.0.1
.PHONY: serve
serve: install
	test -f $(DB) || { $(BIN)/rasd ingest sample/ --db $(DB) || test $$? -le 1; }
	$(BIN)/rasd serve --db $(DB) --host $(HOST) --port $(PORT)
