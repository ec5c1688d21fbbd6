#!/usr/bin/env python3
"""Browser tests of `shiftwise serve` (SPEC §11): the real binary serves a database made by the real
commands, and headless Chromium drives the pages as a supervisor and a payroll clerk would: open a
roster, filter it, edit a shift into a violation and see it reported, make an edit that holds and
save it as a new run, switch the language, approve a payout run through its confirmation.

Usage: test_web.py SHIFTWISE_BINARY   (run by `make test`; needs chromium, chromium-driver, selenium)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import traceback
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# A small week: three agents (one named with markup, which must stay text), two teams.
SCENARIO = """name: tiny-web
week_start: 2026-11-30
interval_minutes: 30
forecast: forecast.csv
agents: agents.csv
staffing:
  service_level: 0.80
  answer_seconds: 20
  max_occupancy: 0.85
  shrinkage: 0.30
  min_agents_open: 1
shifts:
  lengths_hours: [4, 8]
  start_step_minutes: 30
  earliest_start: "08:00"
  latest_end: "20:00"
  breaks:
    - { name: lunch, minutes: 30, paid: false, min_shift_hours: 6, earliest_after_hours: 2, latest_before_end_hours: 2 }
contracts:
  full-time: { min_hours: 30, max_hours: 40, max_days: 5, lengths_hours: [8] }
  part-time: { min_hours: 8, max_hours: 20, max_days: 5, lengths_hours: [4] }
costs:
  currency: CNY
  understaffing_per_agent_hour: 300
"""
FORECAST = "start,contacts,aht_seconds\n2026-11-30T09:00,20,300\n2026-11-30T09:30,30.5,300\n2026-11-30T10:00,40,320\n2026-12-01T09:00,25,300\n"
AGENTS = ("agent_id,name,contract,hourly_cost,team,unavailable,preferred_days_off,preferred_start\n"
          "A1,Ana Silva,full-time,35.50,red,,Sat;Sun,09:00\n"
          "A2,\"Li, Wei\",full-time,36.00,red,2026-12-02,,\n"
          "A3,<script>alert(1)</script>,part-time,28.00,blue,Sun,,\n")


class Server:
    """`shiftwise serve --port 0` on a database of its own; the URL is read from its first line."""

    def __init__(self, binary, db, workdir):
        self.process = subprocess.Popen([binary, "serve", "--port", "0", "--db", db], cwd=workdir, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True, env=dict(os.environ, LANG="C.UTF-8"))
        self.url = None
        ready = threading.Event()

        def read():
            line = self.process.stdout.readline()
            if " at http://" in line:
                self.url = line.split(" at ", 1)[1].split(" ", 1)[0].rstrip("/")
            ready.set()

        threading.Thread(target=read, daemon=True).start()
        if not ready.wait(30) or not self.url:
            self.stop()
            raise RuntimeError("the server did not start: " + (self.process.stderr.read() if self.process.stderr else ""))

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def command(binary, workdir, *args):
    result = subprocess.run([binary, *args], cwd=workdir, capture_output=True, text=True, env=dict(os.environ, LANG="C.UTF-8"))
    if result.returncode != 0:
        raise RuntimeError(f"shiftwise {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return [int(line[4:]) for line in result.stdout.splitlines() if line.startswith("run ")][0]


def browser():
    options = Options()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1800", "--disable-dev-shm-usage"]:
        options.add_argument(flag)
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return webdriver.Chrome(service=Service(executable_path=driver_path), options=options)


def wait(driver, condition, seconds=20):
    # An element the page re-renders between finding it and reading it is stale: the condition is checked again.
    return WebDriverWait(driver, seconds, ignored_exceptions=(StaleElementReferenceException,)).until(condition)


def editor_ready(driver):
    wait(driver, lambda d: d.execute_script("return document.body.dataset.editorReady === '1'"))


def bar(driver, k):
    element = driver.find_element(By.CSS_SELECTOR, f".tl-shift[data-s='{k}']")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    return element


def set_time(driver, element_id, value):
    driver.execute_script("document.getElementById(arguments[0]).value = arguments[1]", element_id, value)


def chosen_shift(driver):
    """The agent id and date of the shift the editor has chosen ("A1 Ana Silva · 2026-11-30 08:00–16:00")."""
    text = driver.find_element(By.ID, "ed-chosen").text
    return text.split(" ")[0], text.split("· ")[1].split(" ")[0]


def has_shift(shifts, agent, date, start, end):
    """Whether the roster holds that agent's shift on that date from start to end (HH:MM)."""
    return any(s["agent_id"] == agent and s["date"] == date and s["start"][11:16] == start and s["end"][11:16] == end
               for s in shifts)


def check_done(driver):
    """The last check's answer has arrived (the status says it holds or how many rules it breaks)."""
    wait(driver, lambda d: d.find_element(By.ID, "ed-status").get_attribute("class") in ("status ok", "status bad")
         and "…" not in d.find_element(By.ID, "ed-status").text)


def test_open_filter_edit_save(driver, url, roster_run, api):
    driver.get(f"{url}/runs/{roster_run}?lang=en")
    editor_ready(driver)
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    # The name with markup is text in the timeline and the table, and no script ran.
    assert "<script>alert(1)</script>" in driver.find_element(By.ID, "agents").text
    assert driver.execute_script("return typeof window.alertCalled") == "undefined"

    # Filters: by team, then by name.
    rows = lambda: [r for r in driver.find_elements(By.CSS_SELECTOR, "#timeline .tl-row:not(.tl-head)")]
    assert len(rows()) == 3, len(rows())
    Select(driver.find_element(By.ID, "team")).select_by_value("red")
    assert len(rows()) == 2
    Select(driver.find_element(By.ID, "team")).select_by_value("")
    driver.find_element(By.ID, "who").send_keys("Li, W")
    assert len(rows()) == 1 and "A2" in rows()[0].text
    driver.find_element(By.ID, "who").clear()
    driver.execute_script("document.getElementById('who').dispatchEvent(new Event('input'))")
    assert len(rows()) == 3

    # A shift moved to 03:00 breaks the opening window: the validator says so at once, naming the agent.
    bar(driver, 0).click()
    chosen = driver.find_element(By.ID, "ed-chosen").text
    agent = chosen.split(" ")[0]
    set_time(driver, "ed-start", "03:00")
    set_time(driver, "ed-end", "11:00")
    driver.find_element(By.ID, "ed-apply").click()
    check_done(driver)
    violations = driver.find_elements(By.CSS_SELECTOR, "#ed-violations li.violation")
    assert violations, "a shift at 03:00 is reported"
    assert all(v.get_attribute("data-agent") == agent for v in violations), [v.text for v in violations]
    assert not driver.find_element(By.ID, "ed-save").is_enabled(), "a roster that breaks a hard rule cannot be saved"
    assert driver.find_elements(By.ID, "ed-objective"), "the objective is recomputed"
    wait(driver, lambda d: d.execute_script("return document.querySelector('.days').dataset.edit !== undefined"))

    # Undo, then find a 30-minute move that keeps every hard rule, and save it as a new run.
    saved = None
    count = driver.execute_script("return DATA.shifts.length")
    for k in range(count):
        for delta in (30, -30):
            driver.find_element(By.ID, "ed-undo").click()
            bar(driver, k).click()
            agent, date = chosen_shift(driver)
            start = driver.find_element(By.ID, "ed-start").get_attribute("value")
            end = driver.find_element(By.ID, "ed-end").get_attribute("value")
            shift = lambda t: "%02d:%02d" % divmod((int(t[:2]) * 60 + int(t[3:]) + delta) % 1440, 60)
            set_time(driver, "ed-start", shift(start))
            set_time(driver, "ed-end", shift(end))
            driver.find_element(By.ID, "ed-apply").click()
            check_done(driver)
            if driver.find_element(By.ID, "ed-save").is_enabled():
                saved = (k, delta)
                moved = (agent, date, shift(start), shift(end))
                break
        if saved:
            break
    assert saved, "some shift can move by half an hour within the rules"
    driver.find_element(By.ID, "ed-save").click()
    link = wait(driver, EC.presence_of_element_located((By.ID, "ed-saved-link")))
    new_run = int(link.get_attribute("href").rstrip("/").split("/")[-1])
    runs = api("/api/runs")
    assert runs[0]["id"] == new_run and runs[0]["outcome"] == "edited", runs[0]
    assert has_shift(api(f"/api/runs/{new_run}/roster")["shifts"], *moved), "the saved run holds the moved shift"
    link.click()
    editor_ready(driver)
    assert f"/runs/{new_run}" in driver.current_url

    # The same kind of move, re-solved around: the edited shift is kept and the result is a new run.
    k, delta = saved
    bar(driver, k).click()
    agent, date = chosen_shift(driver)
    start = driver.find_element(By.ID, "ed-start").get_attribute("value")
    end = driver.find_element(By.ID, "ed-end").get_attribute("value")
    back = lambda t: "%02d:%02d" % divmod((int(t[:2]) * 60 + int(t[3:]) - delta) % 1440, 60)
    set_time(driver, "ed-start", back(start))
    set_time(driver, "ed-end", back(end))
    driver.find_element(By.ID, "ed-apply").click()
    check_done(driver)
    driver.find_element(By.ID, "ed-resolve").click()
    link = wait(driver, EC.presence_of_element_located((By.ID, "ed-resolved-link")), 120)
    resolved = int(link.get_attribute("href").rstrip("/").split("/")[-1])
    shifts = api(f"/api/runs/{resolved}/roster")["shifts"]
    assert has_shift(shifts, agent, date, back(start), back(end)), "the edited shift is kept, for its agent and day"


def test_foreign_names_and_origins(driver, url, roster_run, api):
    """Over real HTTP: a page asked for under a foreign Host name (a rebound DNS name) is refused with 421;
    a POST whose Origin is another site is refused with 403, token or not."""
    import http.client
    port = int(url.rsplit(":", 1)[1])
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/", headers={"Host": f"attacker.example:{port}"})
    response = conn.getresponse()
    assert response.status == 421, response.status
    response.read()
    conn.request("GET", "/", headers={"Host": f"localhost:{port}"})
    response = conn.getresponse()
    assert response.status == 200, response.status
    token = response.read().decode().split('name="csrf-token" content="')[1].split('"')[0]
    conn.request("POST", f"/api/runs/{roster_run}/check", body=b"agent_id\n",
                 headers={"Host": f"127.0.0.1:{port}", "Origin": "http://attacker.example", "X-CSRF-Token": token})
    response = conn.getresponse()
    assert response.status == 403, response.status
    response.read()
    conn.request("POST", f"/api/runs/{roster_run}/check", body=b"agent_id\n",
                 headers={"Host": f"127.0.0.1:{port}", "Origin": f"http://127.0.0.1:{port}", "X-CSRF-Token": token})
    response = conn.getresponse()
    assert response.status == 200, response.status
    response.read()
    conn.close()


def test_drag_a_shift(driver, url, roster_run, api):
    """Dragging a shift an hour later (in one day's view) moves it by an hour and has it checked."""
    driver.get(f"{url}/runs/{roster_run}?lang=en")
    editor_ready(driver)
    Select(driver.find_element(By.ID, "view")).select_by_value("0")
    element = bar(driver, 0)
    before = element.get_attribute("title")
    lane = element.find_element(By.XPATH, "..").rect["width"]
    span = driver.execute_script("return DATA.to - DATA.from")
    ActionChains(driver).click_and_hold(element).move_by_offset(int(lane * 60 / span) + 1, 0).release().perform()
    check_done(driver)
    after = driver.find_element(By.CSS_SELECTOR, ".tl-shift[data-s='0']").get_attribute("title")
    start = lambda title: int(title.split(" ")[-1][:2]) * 60 + int(title.split(" ")[-1][3:5])
    assert start(after) - start(before) == 60, (before, after)
    assert "agent-days edited: 1" in driver.find_element(By.ID, "ed-status").text, "one agent-day edited"
    # Dragged back where it was, the shift is no edit any more.
    element = bar(driver, 0)
    ActionChains(driver).click_and_hold(element).move_by_offset(-int(lane * 60 / span) - 1, 0).release().perform()
    check_done(driver)
    assert start(driver.find_element(By.CSS_SELECTOR, ".tl-shift[data-s='0']").get_attribute("title")) == start(before)
    assert "agent-days edited: 0" in driver.find_element(By.ID, "ed-status").text, driver.find_element(By.ID, "ed-status").text


def test_language_switch(driver, url, roster_run, api):
    driver.get(f"{url}/runs/{roster_run}?lang=en")
    editor_ready(driver)
    driver.find_element(By.ID, "lang-switch").click()
    wait(driver, lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN")
    text = driver.find_element(By.TAG_NAME, "body").text
    assert "调整排班" in text and "Edit the roster" not in text
    # The choice is kept (cookie) for the next page.
    driver.get(f"{url}/")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN"
    driver.get(f"{url}/?lang=en")


def test_approve_payout(driver, url, payout_run, api):
    driver.get(f"{url}/runs/{payout_run}?lang=en")
    assert driver.find_element(By.ID, "status").text == "draft"
    # Dismissing the confirmation changes nothing.
    driver.find_element(By.ID, "approve").click()
    wait(driver, EC.alert_is_present()).dismiss()
    assert [r for r in api("/api/runs") if r["id"] == payout_run][0]["status"] == "draft"
    # Details show each agent's working.
    details = driver.find_element(By.CSS_SELECTOR, "#lines details")
    details.click()
    assert details.find_elements(By.TAG_NAME, "li"), "the working is in view"
    driver.find_element(By.ID, "approve").click()
    wait(driver, EC.alert_is_present()).accept()
    wait(driver, lambda d: d.find_elements(By.ID, "status") and d.find_element(By.ID, "status").text == "approved")
    assert not driver.find_elements(By.ID, "approve")
    assert [r for r in api("/api/runs") if r["id"] == payout_run][0]["status"] == "approved"


def main():
    binary = os.path.abspath(sys.argv[1])
    workdir = tempfile.mkdtemp(prefix="shiftwise-browser-")
    server = driver = None
    failures = 0
    try:
        for name, text in {"tiny-web.yaml": SCENARIO, "forecast.csv": FORECAST, "agents.csv": AGENTS}.items():
            with open(os.path.join(workdir, name), "w", encoding="utf-8") as f:
                f.write(text)
        db = os.path.join(workdir, "runs.sqlite")
        roster_run = command(binary, workdir, "roster", "tiny-web.yaml", "--db", db)
        payout_run = command(binary, workdir, "bonus", f"{ROOT}/scenarios/rules/bonus-2026.yaml", f"{ROOT}/scenarios/data/metrics-2026-11.csv",
                             "--period", "2026-11", "--agents", f"{ROOT}/scenarios/data/agents.csv", "--db", db)
        server = Server(binary, db, workdir)
        api = lambda path: json.load(urllib.request.urlopen(server.url + path))
        driver = browser()
        for test in (test_open_filter_edit_save, test_drag_a_shift, test_language_switch, test_foreign_names_and_origins, test_approve_payout):
            try:
                test(driver, server.url, roster_run if test is not test_approve_payout else payout_run, api)
                print(f"ok   {test.__name__}")
            except Exception:
                failures += 1
                print(f"FAIL {test.__name__}")
                traceback.print_exc()
                driver.save_screenshot(os.path.join(workdir, test.__name__ + ".png"))
                print(f"     screenshot: {os.path.join(workdir, test.__name__ + '.png')}")
    finally:
        if driver:
            driver.quit()
        if server:
            server.stop()
    print(f"browser tests: {5 - failures} passed, {failures} failed")
    if not failures:
        shutil.rmtree(workdir, ignore_errors=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
