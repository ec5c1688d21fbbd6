#!/usr/bin/env python3
"""PNGs of every page of the web application, in English and Chinese, for a 40-agent desk (the
e-commerce example) and a 600-agent week (the example week with every agent and every contact four
times over), taken with headless Chromium from the real server. Run by `make screenshots` after
`make demo`; the PNGs land in reports/screenshots/web/.

Usage: screenshots.py SHIFTWISE_BINARY DATABASE
"""
import csv
import io
import json
import os
import sys
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_web import Server, browser, command, editor_ready, set_time, check_done, bar  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "reports", "screenshots", "web")


def large_scenario(folder):
    """The example week with four copies of every agent (A…, B…, C…, D…) and four times the contacts."""
    os.makedirs(os.path.join(folder, "data"), exist_ok=True)
    with open(os.path.join(ROOT, "scenarios", "data", "agents.csv"), encoding="utf-8") as f:
        rows = list(csv.reader(f))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(rows[0])
    for copy, letter in enumerate("ABCD"):
        for row in rows[1:]:
            writer.writerow([letter + row[0][1:]] + row[1:])
    with open(os.path.join(folder, "data", "agents.csv"), "w", encoding="utf-8") as f:
        f.write(out.getvalue())
    with open(os.path.join(ROOT, "scenarios", "data", "forecast-w49.csv"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    with open(os.path.join(folder, "data", "forecast.csv"), "w", encoding="utf-8") as f:
        f.write(lines[0] + "\n")
        for line in lines[1:]:
            start, contacts, aht = line.split(",")
            f.write(f"{start},{float(contacts) * 4:.2f},{aht}\n")
    with open(os.path.join(ROOT, "scenarios", "baseline-w49.yaml"), encoding="utf-8") as f:
        yaml = f.read()
    for name in ("rules/bonus-2026.yaml", "data/metrics-2026-11.csv"):
        os.makedirs(os.path.dirname(os.path.join(folder, name)), exist_ok=True)
        with open(os.path.join(ROOT, "scenarios", name), encoding="utf-8") as f, open(os.path.join(folder, name), "w", encoding="utf-8") as g:
            g.write(f.read())
    yaml = yaml.replace("name: baseline-w49", "name: large-600-w49").replace("data/forecast-w49.csv", "data/forecast.csv")
    with open(os.path.join(folder, "large-600-w49.yaml"), "w", encoding="utf-8") as f:
        f.write(yaml)
    return os.path.join(folder, "large-600-w49.yaml")


def shoot(driver, name, height=None):
    if height:
        driver.set_window_size(1400, height)
    path = os.path.join(OUT, name + ".png")
    driver.save_screenshot(path)
    print("wrote", os.path.relpath(path, ROOT))


def main():
    binary, db = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(OUT, exist_ok=True)
    runs = json.loads(subprocess_runs(binary, db))
    rosters = {r["name"]: r["id"] for r in reversed(runs) if r["kind"] == "roster"}
    if "large-600-w49" not in rosters:
        scenario = large_scenario(os.path.join(ROOT, "reports", "screenshots", "large"))
        print("rostering the 600-agent week (a minute or two)…")
        rosters["large-600-w49"] = command(binary, ROOT, "roster", scenario, "--db", db, "--time-limit", "60",
                                           "--out", os.path.join(ROOT, "reports", "screenshots", "large", "out"))
    compare = next((r["id"] for r in runs if r["kind"] == "compare"), None)
    server = Server(binary, db, ROOT)
    driver = browser()
    try:
        for lang in ("en", "zh-CN"):
            driver.set_window_size(1400, 900)
            driver.get(f"{server.url}/?lang={lang}")
            shoot(driver, f"runs-{lang}")
            for label, name in (("40", "电商客服-w49"), ("600", "large-600-w49")):
                if name not in rosters:
                    continue
                driver.set_window_size(1400, 2400)
                driver.get(f"{server.url}/runs/{rosters[name]}?lang={lang}")
                editor_ready(driver)
                shoot(driver, f"roster-{label}-{lang}")
                # An edit into a violation, as the supervisor sees it reported.
                bar(driver, 0).click()
                set_time(driver, "ed-start", "03:00")
                set_time(driver, "ed-end", "11:00")
                driver.find_element(By.ID, "ed-apply").click()
                check_done(driver)
                driver.execute_script("document.getElementById('editor').scrollIntoView()")
                driver.set_window_size(1400, 1000)
                shoot(driver, f"roster-{label}-edit-{lang}")
            driver.set_window_size(1400, 1400)
            # The newest payout run that pays someone (an adjustment run with no change pays no one).
            for payout in [r["id"] for r in runs if r["kind"] == "bonus"]:
                driver.get(f"{server.url}/runs/{payout}?lang={lang}")
                if driver.find_elements(By.CSS_SELECTOR, "#lines details"):
                    break
            driver.find_element(By.CSS_SELECTOR, "#lines details").click()
            shoot(driver, f"payout-{lang}")
            agent = driver.find_element(By.CSS_SELECTOR, "#lines a").get_attribute("href")
            driver.get(agent + f"?lang={lang}")
            shoot(driver, f"statement-{lang}")
            if compare:
                driver.set_window_size(1400, 1600)
                driver.get(f"{server.url}/runs/{compare}?lang={lang}")
                shoot(driver, f"compare-{lang}")
    finally:
        driver.quit()
        server.stop()


def subprocess_runs(binary, db):
    """The runs of the database, from a short-lived server's API."""
    server = Server(binary, db, ROOT)
    try:
        return urllib.request.urlopen(server.url + "/api/runs").read().decode()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
