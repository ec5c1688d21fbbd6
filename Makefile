# Shiftwise — `make demo` and `make test` work on a fresh Debian machine with the Swift toolchain.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
SCENARIO ?= scenarios/baseline-w49.yaml

.PHONY: demo test bench bench-peers deps browser-deps build release clean scenarios screenshots

# Installs GLPK and SQLite headers through apt when missing.
deps:
	@if [ ! -f /usr/include/glpk.h ] || [ ! -f /usr/include/sqlite3.h ]; then \
		echo "installing libglpk-dev and libsqlite3-dev"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libglpk-dev libsqlite3-dev; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product shiftwise
	$(SWIFT) build -c release --product ShiftwiseBench

demo: build
	.build/debug/shiftwise staff $(SCENARIO)
	.build/debug/shiftwise roster $(SCENARIO)
	.build/debug/shiftwise validate $(SCENARIO) --roster reports/baseline-w49/roster.csv
	@# Thursday's volume rises 10 %: re-roster the week, changing as little of the published roster as pays.
	.build/debug/shiftwise roster scenarios/thursday-plus-10.yaml --baseline reports/baseline-w49/roster.csv
	.build/debug/shiftwise compare $(SCENARIO) scenarios/volume-plus-15.yaml
	@# A forecast made from eight weeks of history (a promotion day left out, a Friday promotion ahead) feeds the example week.
	.build/debug/shiftwise forecast scenarios/data/history-2026-10-05.csv --week 2026-11-30 --special scenarios/data/special-days.csv
	.build/debug/shiftwise roster scenarios/from-history-w49.yaml --time-limit 30
	@# The payout lifecycle: bonus (a draft run) → approve → export (generic, then ADP with the example map) → statements; then one agent's working.
	OUT=$$(.build/debug/shiftwise bonus scenarios/rules/bonus-2026.yaml scenarios/data/metrics-2026-11.csv --period 2026-11 \
		--agents scenarios/data/agents.csv) && printf '%s\n' "$$OUT" && RUN=$$(printf '%s\n' "$$OUT" | sed -n 's/^run //p') && \
	.build/debug/shiftwise payouts approve $$RUN && \
	.build/debug/shiftwise payouts export $$RUN && \
	.build/debug/shiftwise payouts export $$RUN --format adp --map scenarios/payroll-map.yaml && \
	.build/debug/shiftwise payouts statements $$RUN && \
	.build/debug/shiftwise payouts list && \
	.build/debug/shiftwise bonus explain $$RUN A002
	@# The Chinese e-commerce desk (open until midnight, Erlang A, chats two at a time), rostered in Chinese.
	.build/debug/shiftwise roster scenarios/ecommerce-w49.yaml --lang zh-CN
	@# 质检 and the e-commerce desk's 金牌客服 plan: sample contacts for inspection, score the inspected ones, pay the month
	@# (好评 per good review, 阶梯 growth against October, 服务之星, complaint deductions).
	.build/debug/shiftwise qa sample scenarios/data/ecommerce-contacts-2026-11.csv --per-agent 3 --seed 20261130
	.build/debug/shiftwise qa score scenarios/data/ecommerce-qa-forms-2026-11.csv --form scenarios/rules/qa-form.yaml
	.build/debug/shiftwise bonus scenarios/rules/ecommerce-2026.yaml scenarios/data/ecommerce-metrics.csv --period 2026-11 --out reports/payouts/ecommerce-2026-11
	@echo
	@echo "Every run above is in ./shiftwise.sqlite. To see, edit and approve them in a browser, start the web application:"
	@echo "    .build/debug/shiftwise serve"
	@echo "and open http://127.0.0.1:8080/"

# Headless Chromium, its driver and the CJK fonts (Debian), and selenium (PyPI), for the browser tests and screenshots.
browser-deps:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || [ ! -d /usr/share/fonts/opentype/noto ]; then \
		echo "installing chromium, chromium-driver and fonts-noto-cjk"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium chromium-driver fonts-noto-cjk; \
	fi
	@python3 -c "import selenium" 2>/dev/null || python3 -m pip install --quiet selenium

# The Swift suites, then the browser tests driving the real binary's web application.
test: deps browser-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	python3 Tests/browser/test_web.py .build/debug/shiftwise

bench: release
	.build/release/ShiftwiseBench

# Shiftwise beside HiGHS (PyPI highspy, one thread) on each benchmark's exported model, for the same wall time.
bench-peers: release
	python3 -m pip install --quiet highspy
	python3 Sources/ShiftwiseBench/Peers/bench_peers.py .build/release/ShiftwiseBench $(INSTANCES)

# PNGs of the pages a person reads, in English and Chinese, from headless Chromium (with the CJK fonts
# Chinese pages need): run after `make demo`; they land in reports/screenshots/.
SHOT = chromium --headless --no-sandbox --disable-gpu --hide-scrollbars
screenshots: build browser-deps
	@test -f reports/baseline-w49/roster.html || { echo "run make demo first"; exit 1; }
	mkdir -p reports/screenshots
	.build/debug/shiftwise forecast scenarios/data/history-2026-10-05.csv --week 2026-11-30 --out reports/screenshots/forecast-zh --lang zh-CN >/dev/null
	$(SHOT) --window-size=1400,2000 --screenshot=reports/screenshots/roster-en.png "file://$(CURDIR)/reports/baseline-w49/roster.html#view=2" 2>/dev/null
	$(SHOT) --window-size=1400,2000 --screenshot=reports/screenshots/roster-zh.png "file://$(CURDIR)/reports/电商客服-w49/roster.html#view=4" 2>/dev/null
	$(SHOT) --window-size=1300,1500 --screenshot=reports/screenshots/compare-en.png "file://$(CURDIR)/reports/compare/compare.html" 2>/dev/null
	$(SHOT) --window-size=1300,900 --screenshot=reports/screenshots/forecast-en.png "file://$(CURDIR)/reports/forecast/2026-11-30/forecast.html" 2>/dev/null
	$(SHOT) --window-size=1300,900 --screenshot=reports/screenshots/forecast-zh.png "file://$(CURDIR)/reports/screenshots/forecast-zh/forecast.html" 2>/dev/null
	@# Every page of the web application for 40 and 600 agents, in both languages (the 600-agent week is rostered once, here).
	python3 Tests/browser/screenshots.py .build/debug/shiftwise shiftwise.sqlite
	@ls reports/screenshots/*.png reports/screenshots/web/*.png

# Regenerates the example data (deterministic: same bytes every time).
scenarios:
	python3 scenarios/generate.py

clean:
	rm -rf .build reports/*/
