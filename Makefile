# Wijkdiagnose — QGIS plugin. `make help` lists the targets.
#
# Everything a fresh Debian 12 or 13 machine needs is installed by `make deps`
# (apt packages once, then a venv with --system-site-packages: PyQGIS and the
# Python packages from Debian, PyPI only for what Debian lacks or has too old:
# shapely 2 on Debian 12, pytest-qgis, ruff). Idempotent. Tools run as
# `$(PY) -m tool`, so a tool Debian already has (pytest) needs nothing from pip.

PLUGIN      := wijkdiagnose
SYS_PYTHON  := /usr/bin/python3
VENV        := .venv
PY          := $(VENV)/bin/python
BUILD       := .build
PLUGINPATH  := $(BUILD)/plugins
QGIS_PROCESS := /usr/bin/qgis_process.bin
APT_PACKAGES := python3-qgis qgis qgis-providers python3-geopandas python3-rasterio python3-gdal \
                python3-scipy python3-venv python3-pip xvfb xauth poppler-utils \
                qttools5-dev-tools pyqt5-dev-tools zip
# shapely 2.0.x wheels bundle GEOS 3.11, as Debian 12's QGIS has it: a wheel with GEOS 3.13
# (shapely 2.1) crashes qgis_process, both GEOS in one process; 2.2 would also pull in numpy 2.
SHAPELY     := shapely>=2.0,<2.1
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# QGIS runs Debian's /usr/bin/python3 (shapely 1.8 on Debian 12): give it the venv's packages first.
SITE_PACKAGES = $(shell $(PY) -c "import sysconfig; print(sysconfig.get_paths()['purelib'])")
QGIS_ENV    = QT_QPA_PLATFORM=offscreen QGIS_PLUGINPATH=$(CURDIR)/$(PLUGINPATH) \
               PYTHONPATH=$(SITE_PACKAGES) \
               QGIS_CUSTOM_CONFIG_PATH=$(CURDIR)/$(BUILD)/qgis-profile XDG_RUNTIME_DIR=$(CURDIR)/$(BUILD)/xdg
DEMO_OUT    := out

.DEFAULT_GOAL := help
.PHONY: help deps test test-core test-qgis test-compat lint demo demo-online delft-claims calibrate model bench bench-national bench-kernels-national bench-country package translations translations-update clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(BUILD)/apt.stamp:
	@mkdir -p $(BUILD)
	@if dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then echo "apt packages present"; else \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(APT_PACKAGES); fi
	@touch $@

$(VENV)/.stamp: $(BUILD)/apt.stamp requirements-dev.txt
	@[ -x $(PY) ] || $(SYS_PYTHON) -m venv --system-site-packages $(VENV)
	@# pyproj looks for PROJ data under the interpreter prefix; point the venv at Debian's
	@mkdir -p $(VENV)/share && ln -sfn /usr/share/proj $(VENV)/share/proj
	@# shapely 2 only where Debian's is older (Debian 12), asked by capability, not version
	@# (sid's shapely 2.2 calls itself 0+unknown)
	@$(PY) -c 'import shapely; shapely.from_wkb' 2>/dev/null || \
	  $(PY) -m pip install -q --disable-pip-version-check '$(SHAPELY)'
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	@touch $@

$(PLUGINPATH)/$(PLUGIN):
	@mkdir -p $(PLUGINPATH) $(BUILD)/qgis-profile $(BUILD)/xdg
	@chmod 700 $(BUILD)/xdg
	@ln -sfn ../.. $(PLUGINPATH)/$(PLUGIN)

deps: $(VENV)/.stamp $(PLUGINPATH)/$(PLUGIN) translations ## Install everything (apt + venv), idempotent

lint: deps ## ruff over the whole plugin; Qt/QGIS names checked against PyQt6 (QGIS 4)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) scripts/check_qt6.py

test-core: deps ## Pure tests (scoring, the dock's view models), QGIS not started
	$(PY) -m pytest -p no:pytest_qgis tests/scoring tests/scripts tests/core tests/ui_core tests/architecture

test-qgis: deps ## QGIS tests (Processing, qgis_process, dock, translation) offscreen
	$(QGIS_ENV) $(PY) -m pytest tests/processing tests/national tests/bad_input tests/ui tests/test_plugin.py tests/test_i18n.py

test: lint test-core test-qgis ## ruff, then the whole test suite

test-compat: ## The suite and the demo on QGIS 3.40 (Debian 13) and 3.44 (sid), in cached chroots
	@dpkg -s debootstrap >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends debootstrap; }
	@mkdir -p $(BUILD)/compat
	@echo "make demo here (QGIS $$(dpkg-query -W -f '$${Version}' qgis)): the reference koploper table"
	@$(MAKE) -s --no-print-directory demo >$(BUILD)/compat/host-demo.log 2>&1 || \
	  { tail -n 40 $(BUILD)/compat/host-demo.log; exit 1; }
	$(SUDO) scripts/compat/test-compat.sh

demo: deps ## Run the main job on the bundled demo data into out/
	$(QGIS_ENV) $(PY) scripts/demo.py --out $(DEMO_OUT) --qgis-process $(QGIS_PROCESS)

# The claims per unit on ../shared/data (BGT Binnenstad, OSM + BAG Wippolder) into
# out/delft-claims, with the wijkbladen; IMAGES=docs/images refreshes the docs' screenshots.
IMAGES      ?=
delft-claims: deps ## Claims per segment, pand and block on the Delft data, and their wijkbladen
	$(QGIS_ENV) $(PY) scripts/delft_claims.py --out $(DEMO_OUT)/delft-claims $(if $(IMAGES),--images $(IMAGES))

# `make demo-online GEMEENTE=GM0503` (or a name, or several comma-separated): the CBS
# kerncijfers fetched from PDOK (network needed; BASE_URL= for a mirror), scored and exported.
GEMEENTE    ?= GM0503
BASE_URL    ?=
ONLINE_OUT  = $(DEMO_OUT)/online
demo-online: deps ## fetch_cbs, score_transitions, export_wijkbladen for GEMEENTE=GM0503 (network)
	@mkdir -p $(ONLINE_OUT)
	@$(QGIS_ENV) $(QGIS_PROCESS) plugins | grep -q '\* wijkdiagnose' || \
	  $(QGIS_ENV) $(QGIS_PROCESS) plugins enable wijkdiagnose
	$(QGIS_ENV) $(QGIS_PROCESS) run wijkdiagnose:fetch_cbs -- "GEMEENTE=$(GEMEENTE)" \
	  "BASE_URL=$(BASE_URL)" OUTPUT=$(ONLINE_OUT)/kwb.gpkg
	$(QGIS_ENV) $(QGIS_PROCESS) run wijkdiagnose:score_transitions -- \
	  INPUT=$(ONLINE_OUT)/kwb.gpkg OUTPUT=$(ONLINE_OUT)/wijkdiagnose.gpkg
	$(QGIS_ENV) $(QGIS_PROCESS) run wijkdiagnose:export_wijkbladen -- \
	  INPUT=$(ONLINE_OUT)/wijkdiagnose.gpkg OUTPUT_PDF=$(ONLINE_OUT)/wijkbladen.pdf \
	  OUTPUT_OVERVIEW=$(ONLINE_OUT)/overzicht.png

# `make calibrate YEAR=2024`: the kerncijfers of every wijk of NL fetched with fetch_cbs
# (network; YEAR empty: the newest), then scripts/calibrate.py writes the calibration
# resources/calibration/<year>.toml and its plots in docs/images/calibration/ and prints the
# table for docs/method.md (Kalibratie). LEVEL=buurt writes $(CALIBRATION_OUT)/<year>-buurt.toml.
YEAR        ?=
LEVEL       ?= wijk
CALIBRATION_OUT = $(DEMO_OUT)/calibration
CALIBRATION_KWB = $(CALIBRATION_OUT)/kwb-nl-$(LEVEL)en$(if $(YEAR),-$(YEAR)).gpkg
calibrate: deps ## Calibrate the CBS references on all wijken of NL (network): fetch_cbs, calibrate.py
	@mkdir -p $(CALIBRATION_OUT)
	@$(QGIS_ENV) $(QGIS_PROCESS) plugins | grep -q '\* wijkdiagnose' || \
	  $(QGIS_ENV) $(QGIS_PROCESS) plugins enable wijkdiagnose
	$(QGIS_ENV) $(QGIS_PROCESS) run wijkdiagnose:fetch_cbs -- GEMEENTE= LEVEL=$(LEVEL)en \
	  $(if $(YEAR),YEAR=$(YEAR)) "BASE_URL=$(BASE_URL)" OUTPUT=$(CALIBRATION_KWB)
	$(PY) scripts/calibrate.py $(CALIBRATION_KWB) --level $(LEVEL) $(if $(YEAR),--year $(YEAR)) \
	  $(if $(filter buurt,$(LEVEL)),--out $(CALIBRATION_OUT)/$(if $(YEAR),$(YEAR),newest)-buurt.toml)

model: deps ## Rebuild resources/models/wijkdiagnose.model3 from scripts/build_model.py
	$(QGIS_ENV) $(PY) scripts/build_model.py

bench: deps ## Speed of our kernels against QGIS's own algorithms (ratios)
	$(QGIS_ENV) $(PY) -m bench

bench-national: deps ## fetch_cbs of all of NL (local server) against QGIS's OAPIF provider
	$(QGIS_ENV) $(PY) -m bench.national

bench-kernels-national: deps ## The kernels at national size against QGIS and the best known method
	$(QGIS_ENV) $(PY) -m bench.kernels_national

bench-country: deps ## A whole-country diagnosis through qgis_process: seconds and peak memory per step
	$(QGIS_ENV) $(PY) -m bench.country

I18N_SOURCES := $(shell find . -name '*.py' -not -path './.venv/*' -not -path './.build/*' \
                  -not -path './tests/*' -not -path './bench/*' -not -path './scripts/*' | sort)

translations-update: $(BUILD)/apt.stamp ## Refresh resources/i18n/*.ts from the tr() strings
	pylupdate5 -noobsolete $(I18N_SOURCES) -ts resources/i18n/wijkdiagnose_nl.ts

translations: $(patsubst %.ts,%.qm,$(wildcard resources/i18n/*.ts)) ## Compile resources/i18n/*.ts to .qm

resources/i18n/%.qm: resources/i18n/%.ts $(BUILD)/apt.stamp
	lrelease -silent $< -qm $@

package: translations ## Build $(PLUGIN).zip for "Install from ZIP"
	@rm -f $(PLUGIN).zip
	git archive --format=zip --prefix=$(PLUGIN)/ -o $(PLUGIN).zip HEAD
	cd $(BUILD) && rm -rf pkg && mkdir -p pkg/$(PLUGIN)/resources/i18n && \
	  cp ../resources/i18n/*.qm pkg/$(PLUGIN)/resources/i18n/ && cd pkg && zip -qr ../../$(PLUGIN).zip $(PLUGIN)
	@echo "wrote $(PLUGIN).zip"

clean: ## Remove build output (keeps the venv)
	rm -rf $(BUILD)/plugins $(BUILD)/pkg $(DEMO_OUT) $(PLUGIN).zip resources/i18n/*.qm
