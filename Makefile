# One entry point. Every target sets itself up: virtual environment, Python packages,
# and the Debian packages it needs (apt-get; sudo is used when not root).
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEBS_SITE := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-dejavu-extra
DEBS_TEST := $(DEBS_SITE) chromium poppler-utils default-jre-headless
# axe-core and the Nu Html Checker (vnu.jar) for the browser tests, pinned in package-lock.json
CHECKERS  := tests/browser/node_modules/.installed
PORT   ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: site zip test serve check bench new-module debs-site debs-test clean

site: $(STAMP) debs-site          ## build site/ with every page and PDF; SITE_URL=https://... puts that address and its QR codes on printouts
	$(PY) -m scoresite build

zip: site                         ## dist/score-5r-DATE.zip (date of the last commit) of a fresh site/, for USB sticks and phones; refused while modules/peserta.csv names participants
	$(PY) -m scoresite zip

test: $(STAMP) debs-test $(CHECKERS) ## lint, type-check, then every test (unit, build, PDF, browser)
	$(PY) -m ruff check scripts tests
	$(PY) -m mypy
	$(PY) -m pytest -q

serve: $(STAMP) debs-site         ## live preview, reloads on YAML and template edits
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:$(PORT)

check: $(STAMP)                   ## validate modules/ and list every problem
	@$(PY) -m scoresite check modules

bench: $(STAMP) debs-test         ## measure build and render times, and the site on slow 3G in chromium
	$(PY) -m scoresite bench

new-module: $(STAMP)              ## scaffold modules/modul-N-ID.yml: make new-module ID=... NUMBER=...
	$(PY) -m scoresite new-module --id "$(ID)" --number "$(NUMBER)"

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
	rm -rf site dist .site.build-* .site.old-* docs/materi .cache tests/browser/node_modules
