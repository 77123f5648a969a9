# One entry point. Every target sets itself up: virtual environment, Python packages,
# and the Debian packages it needs (apt-get; sudo is used when not root).
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEBS_SITE := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-dejavu-extra
DEBS_TEST := $(DEBS_SITE) chromium poppler-utils default-jre-headless
# axe-core and the Nu Html Checker (vnu.jar) for the browser tests, pinned in package-lock.json
CHECKERS  := tests/browser/node_modules/.installed
PORT   ?= 8000
OUT    ?= laporan-pemantauan.pdf
REPORT_LANG ?= id
export NO_MKDOCS_2_WARNING := 1

.PHONY: site zip test serve check bench bench-serve report new-module debs-site debs-test clean

site: $(STAMP) debs-site          ## build site/ with every page and PDF; SITE_URL=https://... puts that address and its QR codes on printouts
	$(PY) -m scoresite build

zip: site                         ## dist/score-5r-DATE.zip (date of the last commit) of a fresh site/, for USB sticks and phones; refused while modules/peserta*.csv name participants
	$(PY) -m scoresite zip

test: $(STAMP) debs-test $(CHECKERS) ## lint, type-check, then every test (unit, build, PDF, browser)
	$(PY) -m ruff check scripts tests
	$(PY) -m mypy
	$(PY) -m pytest -q

serve: $(STAMP) debs-site         ## live preview, reloads on YAML and template edits (only the changed pages are built again)
	$(PY) -m mkdocs serve --dirty --dev-addr 127.0.0.1:$(PORT)

check: $(STAMP)                   ## validate modules/ and list every problem
	@$(PY) -m scoresite check modules

bench: $(STAMP) debs-test         ## measure build and render times, and the site on slow 3G in chromium
	$(PY) -m scoresite bench

report: $(STAMP) debs-site        ## the cohort report as an A4 PDF: make report DATA=folder/ [OUT=x.pdf] [REPORT_LANG=en] [AS_OF=2026-11-30]
	$(if $(DATA),,$(error DATA= names the folder of CSV files, e.g. make report DATA=pemantauan/))
	$(PY) -m scoresite report "$(DATA)" --out "$(OUT)" --lang "$(REPORT_LANG)" $(if $(AS_OF),--as-of "$(AS_OF)")

bench-serve: $(STAMP) debs-site   ## measure only save -> reloaded page under mkdocs serve
	$(PY) -m scoresite bench --serve

# ID and NUMBER reach the scaffold as environment values, unexpanded ($(value)) and never
# through a shell, so quotes, backticks and $(...) in them are plain text. Not exported as
# they are: make would expand them (and run a $(shell ...) in them) for every recipe.
unexport ID NUMBER
new-module: export SCORESITE_ID = $(value ID)
new-module: export SCORESITE_NUMBER = $(value NUMBER)
new-module: $(STAMP)              ## scaffold modules/modul-N-ID.yml: make new-module ID=... NUMBER=...
	@$(PY) -m scoresite new-module

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $@

debs-site:
	@missing=$$(for p in $(DEBS_SITE); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; fi

$(CHECKERS): tests/browser/package-lock.json | debs-test
	npm ci --prefix tests/browser --ignore-scripts --no-audit --no-fund
	touch $@

debs-test:
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nodejs npm; }
	@missing=$$(for p in $(DEBS_TEST); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; fi

clean:
	rm -rf site dist .site.build-* .site.old-* .cache tests/browser/node_modules
