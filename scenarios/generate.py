#!/usr/bin/env python3
"""Generate the Shiftwise example scenario data for week 49 of 2026.

Writes, relative to this script's folder (so it works from any cwd):

  data/forecast-w49.csv   30-minute contact forecast, Mon 2026-11-30 .. Sun 2026-12-06,
                          07:00-22:00 open hours (double-peak intraday curve,
                          Monday-heavy weekday pattern, quiet weekend)
  data/agents.csv         150 agents (contracts, costs, teams, skills, availability
                          and preferences)
  baseline-w49.yaml       baseline scenario
  volume-plus-15.yaml     +15 % volume / 90 % service-level what-if scenario

The output is deterministic: all randomness comes from random.Random(SEED) instances
and only the standard library is used, so running the script twice produces
byte-identical files (LF line endings, UTF-8 without BOM).

After writing, a self-check computes the Erlang C staffing requirement from the
forecast exactly as written and prints a short summary (nothing else is written).
"""

import csv
import io
import math
import os
import random
from datetime import date, datetime, timedelta

SEED = 20261130

HERE = os.path.dirname(os.path.abspath(__file__))
DATA_DIR = os.path.join(HERE, "data")

WEEK_START = date(2026, 11, 30)  # Monday
INTERVAL_MINUTES = 30
OPEN_MINUTE = 7 * 60  # 07:00
CLOSE_MINUTE = 22 * 60  # 22:00
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

# Volume tuning knob: Monday contacts per 30 minutes per unit of intraday shape
# (the weekday shape peaks at about 1.65, so the Monday peak is about 240 contacts).
VOLUME_SCALE = 146.0

# Day-of-week volume factors (Monday busiest, declining to Friday; Sat ~55 %,
# Sun ~45 % of an average weekday).
_WEEKDAY_FACTORS = [1.00, 0.96, 0.94, 0.92, 0.89]
_AVG_WEEKDAY = sum(_WEEKDAY_FACTORS) / len(_WEEKDAY_FACTORS)
DAY_FACTORS = _WEEKDAY_FACTORS + [0.55 * _AVG_WEEKDAY, 0.45 * _AVG_WEEKDAY]

# Staffing parameters (mirrors baseline-w49.yaml) used by the self-check.
SERVICE_LEVEL = 0.80
ANSWER_SECONDS = 20
MAX_OCCUPANCY = 0.85
SHRINKAGE = 0.30
MIN_AGENTS_OPEN = 2

N_AGENTS = 150
N_FULL_TIME = 90  # 60 %
FT_WEEKLY_HOURS = 40
PT_AVG_WEEKLY_HOURS = 25


# --------------------------------------------------------------------------- helpers

def _hm(minute):
    return "%02d:%02d" % (minute // 60, minute % 60)


def _csv_text(header, rows):
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def _gauss_bump(x, centre, width):
    return math.exp(-0.5 * ((x - centre) / width) ** 2)


# --------------------------------------------------------------------------- forecast

def intraday_shape(hour, weekend):
    """Relative volume at a fractional hour of day (weekday max about 1.65)."""
    if weekend:
        # Later, flatter morning; afternoon peak relatively stronger.
        morning = 1.00 * _gauss_bump(hour, 11.25, 1.9)
        afternoon = 0.91 * _gauss_bump(hour, 15.0, 1.65)
    else:
        morning = 1.00 * _gauss_bump(hour, 10.75, 1.6)
        afternoon = 0.85 * _gauss_bump(hour, 15.0, 1.4)
    # Background level: ramps up after opening, tapers through the evening.
    ramp = min(1.0, 0.45 + 0.55 * (hour - 7.0) / 2.0)
    taper = 1.0 if hour < 17.0 else max(0.45, 1.0 - 0.08 * (hour - 17.0))
    background = 0.65 * ramp * taper
    # Lunch dip (12:00-13:30).
    dip = 1.0 - 0.22 * _gauss_bump(hour, 12.75, 0.5)
    return (morning + afternoon + background) * dip


def _interval_hours():
    return [(m + INTERVAL_MINUTES / 2.0) / 60.0
            for m in range(OPEN_MINUTE, CLOSE_MINUTE, INTERVAL_MINUTES)]


# Scale the (broader) weekend curve so that DAY_FACTORS hold for daily totals.
WEEKEND_NORM = (sum(intraday_shape(h, False) for h in _interval_hours())
                / sum(intraday_shape(h, True) for h in _interval_hours()))


def aht_for(hour, rng):
    """Average handle time in seconds: shorter early, longer in the evening."""
    base = 325.0
    base += 25.0 * _gauss_bump(hour, 10.75, 1.5)  # busy-morning complexity
    base += 60.0 * max(0.0, min(1.0, (hour - 15.0) / 5.0))  # evening calls run longer
    base += rng.uniform(-12.0, 12.0)
    return int(max(300, min(420, round(base))))


def build_forecast(rng):
    rows = []
    for d in range(7):
        day = WEEK_START + timedelta(days=d)
        weekend = d >= 5
        day_noise = 1.0 + rng.uniform(-0.02, 0.02)
        for minute in range(OPEN_MINUTE, CLOSE_MINUTE, INTERVAL_MINUTES):
            hour = (minute + INTERVAL_MINUTES / 2.0) / 60.0  # interval midpoint
            noise = 1.0 + rng.gauss(0.0, 0.035)
            shape = intraday_shape(hour, weekend) * (WEEKEND_NORM if weekend else 1.0)
            contacts = VOLUME_SCALE * DAY_FACTORS[d] * day_noise * shape * noise
            contacts = max(0.5, contacts)
            aht = aht_for(hour, rng)
            start = datetime(day.year, day.month, day.day, minute // 60, minute % 60)
            rows.append([start.strftime("%Y-%m-%dT%H:%M"), "%.2f" % contacts, str(aht)])
    rows.sort(key=lambda r: r[0])
    return _csv_text(["start", "contacts", "aht_seconds"], rows)


HISTORY_WEEKS = 8
# Days of the history that were not ordinary: a promotion (双11) far above normal and a day the
# telephony logged only partly; the forecaster must cope with both.
HISTORY_PROMOTION = date(2026, 11, 11)
HISTORY_LOGGING_GAP = date(2026, 10, 21)


def build_history(rng):
    """Eight weeks of interval history before the example week, in the forecast format: the same
    intraday shape with week-to-week drift and interval noise, for `shiftwise forecast`."""
    rows = []
    for w in range(HISTORY_WEEKS):
        week_level = 1.0 + rng.uniform(-0.04, 0.04)
        for d in range(7):
            day = WEEK_START - timedelta(days=7 * (HISTORY_WEEKS - w) - d)
            weekend = d >= 5
            day_noise = 1.0 + rng.uniform(-0.05, 0.05)
            if day == HISTORY_PROMOTION:
                day_noise *= 1.7
            if day == HISTORY_LOGGING_GAP:
                day_noise *= 0.25
            for minute in range(OPEN_MINUTE, CLOSE_MINUTE, INTERVAL_MINUTES):
                hour = (minute + INTERVAL_MINUTES / 2.0) / 60.0
                shape = intraday_shape(hour, weekend) * (WEEKEND_NORM if weekend else 1.0)
                mean = VOLUME_SCALE * DAY_FACTORS[d] * week_level * day_noise * shape
                contacts = max(0, int(round(mean * (1.0 + rng.gauss(0.0, 0.08)))))
                aht = aht_for(hour, rng)
                start = datetime(day.year, day.month, day.day, minute // 60, minute % 60)
                rows.append([start.strftime("%Y-%m-%dT%H:%M"), str(contacts), str(aht)])
    return _csv_text(["start", "contacts", "aht_seconds"], rows)


SPECIAL_DAYS_CSV = """date,kind,factor
2026-11-11,exclude,
2026-12-04,adjust,1.15
"""

FROM_HISTORY_YAML = """# The example week staffed from a forecast that `shiftwise forecast` made from eight weeks of history:
#   shiftwise forecast scenarios/data/history-2026-10-05.csv --week 2026-11-30 --special scenarios/data/special-days.csv
extends: baseline-w49.yaml
name: from-history-w49
forecast: ../reports/forecast/2026-11-30/forecast.csv
"""


# --------------------------------------------------------------------------- e-commerce desk (Chinese)

ZH_SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"]
ZH_GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平",
            "刚", "桂英", "晓东", "雨萱", "子涵", "欣怡", "浩然", "梓轩", "思远", "佳琪"]
ZH_TEAMS = ["售前组", "售后组", "直播组"]
ECOM_AGENTS = 40

ECOMMERCE_PLAN_YAML = """# 金牌客服激励方案: an e-commerce service desk's monthly incentive plan (SPEC §4.5):
# 好评奖励 per good review with a cap, 阶梯 growth against last month, a service scorecard,
# 服务之星 for the best two of each team, complaint deductions that never take pay below zero.
plan: 金牌客服激励方案
version: "2026.11"
currency: CNY
effective: { from: 2026-01-01, to: 2026-12-31 }
rounding: { scale: 2, mode: half-up }
metrics:
  csat_rate: csat_satisfied / csat_responses
  sales_growth: sales_amount - prev(sales_amount)
eligibility: [ "hours_worked >= 80" ]
gates:
  quality: "qa_score >= 70"
components:
  - name: 好评奖励
    earnings_code: BONREV
    metric: good_reviews
    tiers: { mode: graduated, bands: [ {from: 0, rate: 3}, {from: 100, rate: 5} ] }
    cap: 800
  - name: 销售增长阶梯
    earnings_code: BONGROW
    metric: sales_growth
    missing: zero                       # no row last month (a new hire): growth counted as 0
    requires: [quality]
    tiers: { mode: step, bands: [ {from: 2000, amount: 100}, {from: 5000, amount: 300}, {from: 10000, amount: 800} ] }
  - name: 服务评分
    earnings_code: BONSCORE
    scorecard:
      measures:
        - { metric: csat_rate, weight: 0.5, points: [ {from: 0.85, points: 60}, {from: 0.92, points: 80}, {from: 0.97, points: 100} ] }
        - { metric: qa_score, weight: 0.5, points: [ {from: 70, points: 60}, {from: 85, points: 80}, {from: 95, points: 100} ] }
      grades: [ {from: 90, grade: A, coefficient: 1.5}, {from: 75, grade: B, coefficient: 1.0}, {from: 60, grade: C, coefficient: 0.5} ]
      base_amount: 600
proration: { metric: hours_worked, full_at: 174 }
cap_per_agent: 3000
deductions:
  - { name: 投诉扣罚, earnings_code: DEDCOMP, metric: upheld_complaints, per_unit: 100, cap: 500 }
floor_per_agent: 0
honours:
  - { name: 服务之星, rank_by: 服务评分, top: 2, within: team, min_score: 85, amount: 300, earnings_code: BONSTAR }
"""

QA_FORM_YAML = """# 质检评分表: the e-commerce desk's quality-inspection form (SPEC §10); weights sum to 100,
# a contact with 规范用语 (compliant wording) scored 0 fails outright.
form: 客服质检评分表
criteria:
  - { name: 服务态度, weight: 30 }
  - { name: 问题解决, weight: 40 }
  - { name: 规范用语, weight: 30, auto_fail: true }
"""


def ecommerce_agents(rng):
    agents = []
    used = set()
    for i in range(ECOM_AGENTS):
        while True:
            name = rng.choice(ZH_SURNAMES) + rng.choice(ZH_GIVEN)
            if name not in used:
                used.add(name)
                break
        agents.append(("E%03d" % (i + 1), name, ZH_TEAMS[i % 3]))
    return agents


def build_ecommerce_metrics(rng):
    """October and November rows for 40 agents (four of them new in November)."""
    header = ["agent_id", "period", "name", "team", "hours_worked", "good_reviews", "sales_amount", "csat_responses",
              "csat_satisfied", "qa_score", "upheld_complaints"]
    rows = []
    for agent_id, name, team in ecommerce_agents(random.Random(SEED + 7)):
        base_sales = rng.uniform(20000, 60000) if team != "售后组" else rng.uniform(2000, 8000)
        new_hire = agent_id in ("E037", "E038", "E039", "E040")
        for period, growth in (("2026-10", 1.0), ("2026-11", rng.uniform(0.9, 1.35))):
            if period == "2026-10" and new_hire:
                continue
            hours = rng.choice([174, 174, 174, 168, 160, 150, 120, 90]) if period == "2026-11" else 174
            responses = rng.randint(60, 220)
            satisfied = int(round(responses * rng.uniform(0.82, 0.995)))
            rows.append([agent_id, period, name, team, "%.1f" % hours, str(rng.randint(20, 180)), "%.2f" % (base_sales * growth),
                         str(responses), str(satisfied), "%.1f" % rng.uniform(62, 99), str(rng.choice([0, 0, 0, 0, 1, 1, 2, 3, 6]))])
    return _csv_text(header, rows)


def build_ecommerce_contacts(rng):
    """Handled contacts of November: 12 to 30 per agent."""
    rows = []
    for agent_id, _, _ in ecommerce_agents(random.Random(SEED + 7)):
        for k in range(rng.randint(12, 30)):
            day = rng.randint(1, 30)
            minute = rng.randint(9 * 60, 23 * 60 + 59)
            rows.append(["C%s-%03d" % (agent_id, k + 1), agent_id, "2026-11-%02dT%02d:%02d" % (day, minute // 60, minute % 60), rng.choice(["chat", "phone"])])
    return _csv_text(["contact_id", "agent_id", "start", "channel"], rows)


def build_ecommerce_qa_forms(rng):
    """Inspectors' scores for three contacts of each agent (one fails on wording now and then)."""
    rows = []
    for agent_id, _, _ in ecommerce_agents(random.Random(SEED + 7)):
        for k in range(3):
            wording = 0 if rng.random() < 0.05 else rng.choice([80, 90, 100])
            rows.append(["C%s-%03d" % (agent_id, k + 1), agent_id, str(rng.choice([70, 80, 90, 100])), str(rng.choice([60, 70, 80, 90, 100])), str(wording)])
    return _csv_text(["contact_id", "agent_id", "服务态度", "问题解决", "规范用语"], rows)


ECOMMERCE_YAML = """\
# 电商客服中心（第49周）: a Chinese e-commerce service desk open 09:00 to midnight, busiest in the
# evening live-stream hours, 40 agents with Chinese names, the 金牌客服 plan for its bonus budget.
name: 电商客服-w49
week_start: 2026-11-30
interval_minutes: 30
forecast: data/ecommerce-forecast-w49.csv
agents: data/ecommerce-agents.csv
staffing:
  model: erlang_a                # shoppers hang up when kept waiting
  patience_seconds: 120
  service_level: 0.85
  answer_seconds: 30
  max_occupancy: 0.85
  shrinkage: 0.20
  concurrency: 2                 # chat: two conversations at once
  min_agents_open: 2
shifts:
  lengths_hours: [5, 9]
  start_step_minutes: 30
  earliest_start: "09:00"
  latest_end: "24:00"
  breaks:
    - { name: 用餐, minutes: 60, paid: false, min_shift_hours: 6, earliest_after_hours: 2.5, latest_before_end_hours: 2 }
contracts:
  全职: { min_hours: 40, max_hours: 40, max_days: 5, lengths_hours: [9] }
  兼职: { min_hours: 15, max_hours: 25, max_days: 5, lengths_hours: [5] }
rules:
  min_rest_hours: 11
  max_consecutive_days: 6
costs:
  currency: CNY
  understaffing_per_agent_hour: 200
  preference_weight: 10
solver:
  time_limit_seconds: 30
  mip_gap: 0.005
bonus:
  plan: rules/ecommerce-2026.yaml
  metrics: data/ecommerce-metrics.csv
  period: 2026-11
  project: true
"""


def build_ecommerce_agents():
    rows = []
    for i, (agent_id, name, team) in enumerate(ecommerce_agents(random.Random(SEED + 7))):
        full = i % 4 != 3
        rows.append([agent_id, name, "全职" if full else "兼职", "32.00" if full else "26.00", team, "", "", ""])
    return _csv_text(["agent_id", "name", "contract", "hourly_cost", "team", "unavailable", "preferred_days_off", "preferred_start"], rows)


def build_ecommerce_forecast(rng):
    """Chats per half hour, 09:00 to midnight: a daytime plateau and the evening live-stream peak."""
    rows = []
    for d in range(7):
        day = WEEK_START + timedelta(days=d)
        level = [1.0, 0.95, 0.95, 1.0, 1.1, 1.25, 1.2][d]
        for minute in range(9 * 60, 24 * 60, 30):
            hour = minute / 60.0 + 0.25
            shape = 0.55 + 0.35 * _gauss_bump(hour, 14.5, 2.5) + 1.0 * _gauss_bump(hour, 21.5, 1.3)
            contacts = 42.0 * level * shape * (1.0 + rng.gauss(0.0, 0.04))
            aht = int(round(420 + 60 * _gauss_bump(hour, 21.5, 1.5) + rng.uniform(-15, 15)))
            start = datetime(day.year, day.month, day.day, minute // 60, minute % 60)
            rows.append([start.strftime("%Y-%m-%dT%H:%M"), "%.2f" % contacts, str(aht)])
    return _csv_text(["start", "contacts", "aht_seconds"], rows)


# --------------------------------------------------------------------------- agents

FIRST_NAMES = [
    "Aisha", "Alejandro", "Amara", "Anders", "Ana", "Arjun", "Beatriz", "Bilal", "Camille",
    "Chen", "Chiara", "Dmitri", "Elif", "Emeka", "Emma", "Fatima", "Felipe", "Freya",
    "Gabriel", "Hana", "Hiroshi", "Ibrahim", "Ingrid", "Isabela", "Jae-won", "James",
    "Jin", "João", "Kateryna", "Kenji", "Kwame", "Lars", "Layla", "Lei", "Lucas", "Maya",
    "Mateo", "Mei", "Mohammed", "Nadia", "Naveen", "Nia", "Noah", "Olga", "Omar", "Priya",
    "Rafael", "Rania", "Rohan", "Sakura", "Samir", "Sara", "Sebastian", "Siobhan", "Sofia",
    "Sun-hee", "Tariq", "Thanh", "Tomasz", "Valentina", "Wei", "Xin", "Yara", "Yuki",
    "Yusuf", "Zainab", "Zhang Wei", "Zoe", "Liam", "Ines", "Ravi", "Leila", "Marek",
    "Ngozi", "Pablo", "Qing", "Rosa", "Sven", "Tendai", "Uma",
]

LAST_NAMES = [
    "Abebe", "Adeyemi", "Ahmed", "Andersen", "Bakker", "Banerjee", "Becker", "Chen",
    "Costa", "Da Silva", "Dubois", "Eriksson", "Fernández", "Fischer", "García", "Gupta",
    "Hansen", "Hoang", "Huang", "Ivanova", "Jensen", "Kaur", "Kim", "Kowalski", "Kumar",
    "Lee", "Li", "Liu", "Lopez", "Martin", "Mensah", "Moreau", "Müller", "Nakamura",
    "Nguyen", "Novak", "O'Brien", "Okafor", "Olsen", "Park", "Patel", "Petrov", "Pereira",
    "Rossi", "Sato", "Schmidt", "Shah", "Silva", "Singh", "Suzuki", "Tanaka", "Wang",
    "Wu", "Yamamoto", "Yilmaz", "Zhang", "Zhao", "Zhou", "Haddad", "Kovač", "Mwangi",
    "Rahman", "Santos", "Varga", "Walsh",
]

TEAMS = ["team-amber", "team-birch", "team-cedar", "team-delta", "team-ember"]

# Single days off and pairs, weighted towards weekends.
DAYS_OFF_CHOICES = [
    ["Sat", "Sun"], ["Sat", "Sun"], ["Sat", "Sun"], ["Sun"], ["Sun"], ["Sat"],
    ["Fri", "Sat"], ["Sun", "Mon"], ["Wed"], ["Mon"], ["Fri"], ["Tue", "Wed"], ["Thu"],
]

FT_PREFERRED_STARTS = ["07:00", "07:00", "07:30", "08:00", "08:00", "08:30", "09:00",
                       "09:00", "10:00", "11:00", "12:00", "13:00", "13:00"]
PT_PREFERRED_STARTS = ["07:00", "08:00", "09:00", "10:00", "12:00", "14:00", "16:00",
                       "17:00", "18:00"]


def _minutes(hhmm):
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def _sorted_days(days):
    return sorted(set(days), key=WEEKDAYS.index)


def build_agents(rng):
    ids = ["A%03d" % (i + 1) for i in range(N_AGENTS)]

    # Unique names.
    combos = [(f, l) for f in FIRST_NAMES for l in LAST_NAMES]
    names = []
    used_first = {}
    while len(names) < N_AGENTS:
        first, last = rng.choice(combos)
        if used_first.get(first, 0) >= 3 or "%s %s" % (first, last) in names:
            continue
        used_first[first] = used_first.get(first, 0) + 1
        names.append("%s %s" % (first, last))

    contracts = ["full-time"] * N_FULL_TIME + ["part-time"] * (N_AGENTS - N_FULL_TIME)
    rng.shuffle(contracts)
    teams = [TEAMS[i % len(TEAMS)] for i in range(N_AGENTS)]
    rng.shuffle(teams)

    costs = []
    skills = []
    for c in contracts:
        if c == "full-time":
            costs.append("%.2f" % (32.0 + 0.5 * rng.randint(0, 16)))  # 32.00 .. 40.00
        else:
            costs.append("%.2f" % (26.0 + 0.5 * rng.randint(0, 12)))  # 26.00 .. 32.00
        skills.append("voice;chat" if rng.random() < 0.35 else "voice")

    pt_idx = [i for i, c in enumerate(contracts) if c == "part-time"]
    earliest = [""] * N_AGENTS
    latest = [""] * N_AGENTS
    # A few part-timers with time windows: school hours and afternoon/evening only.
    windowed = rng.sample(pt_idx, 7)
    for k, i in enumerate(windowed):
        if k < 4:
            latest[i] = "15:00"
            if k < 2:
                earliest[i] = "09:00"
        elif k < 6:
            earliest[i] = "12:00"
        else:
            earliest[i] = "16:00"

    # ~10 % unavailable: one or two dates or weekdays.
    unavailable = [""] * N_AGENTS
    week_dates = [(WEEK_START + timedelta(days=d)).isoformat() for d in range(7)]
    for i in sorted(rng.sample(range(N_AGENTS), 15)):
        n = 1 if rng.random() < 0.6 else 2
        if rng.random() < 0.65:
            unavailable[i] = ";".join(sorted(rng.sample(week_dates, n)))
        else:
            unavailable[i] = ";".join(_sorted_days(rng.sample(WEEKDAYS, n)))

    # ~40 % preferred days off.
    days_off = [""] * N_AGENTS
    for i in sorted(rng.sample(range(N_AGENTS), 60)):
        # Don't prefer a day off that is already unavailable.
        blocked = {WEEKDAYS[date.fromisoformat(u).weekday()] if "-" in u else u
                   for u in unavailable[i].split(";") if u}
        choices = [c for c in DAYS_OFF_CHOICES if not blocked.intersection(c)]
        days_off[i] = ";".join(_sorted_days(rng.choice(choices)))

    # ~30 % preferred start, compatible with contract and time window.
    preferred = [""] * N_AGENTS
    for i in sorted(rng.sample(range(N_AGENTS), 45)):
        if contracts[i] == "full-time":
            preferred[i] = rng.choice(FT_PREFERRED_STARTS)
            continue
        lo = _minutes(earliest[i]) if earliest[i] else OPEN_MINUTE
        hi = (_minutes(latest[i]) if latest[i] else CLOSE_MINUTE) - 4 * 60  # 4 h shift fits
        options = [s for s in PT_PREFERRED_STARTS if lo <= _minutes(s) <= hi]
        preferred[i] = rng.choice(options)

    rows = []
    for i in range(N_AGENTS):
        rows.append([ids[i], names[i], contracts[i], costs[i], teams[i], skills[i],
                     unavailable[i], days_off[i], preferred[i], earliest[i], latest[i]])
    header = ["agent_id", "name", "contract", "hourly_cost", "team", "skills", "unavailable",
              "preferred_days_off", "preferred_start", "earliest_start", "latest_end"]
    return _csv_text(header, rows)


# --------------------------------------------------------------------------- scenarios

BASELINE_YAML = """\
# Shiftwise example: baseline plan for week 49 (generated by generate.py).
name: baseline-w49
week_start: 2026-11-30
interval_minutes: 30
forecast: data/forecast-w49.csv
agents: data/agents.csv
staffing:
  service_level: 0.80
  answer_seconds: 20
  max_occupancy: 0.85
  shrinkage: 0.30
  min_agents_open: 2
shifts:
  lengths_hours: [4, 6, 8, 9]
  start_step_minutes: 30
  earliest_start: "07:00"
  latest_end: "22:00"
  breaks:
    - { name: lunch, minutes: 60, paid: false, min_shift_hours: 6, earliest_after_hours: 2.5, latest_before_end_hours: 2 }
contracts:
  full-time: { min_hours: 40, max_hours: 40, max_days: 5, lengths_hours: [9] }
  part-time: { min_hours: 20, max_hours: 30, max_days: 5, lengths_hours: [4, 6] }
rules:
  min_rest_hours: 11
  max_consecutive_days: 6
costs:
  currency: CNY
  understaffing_per_agent_hour: 300
  overstaffing_per_agent_hour: 0
  preference_weight: 10
solver:
  time_limit_seconds: 60
  mip_gap: 0.005
bonus:                       # what-ifs can compare bonus spend too
  plan: rules/bonus-2026.yaml
  metrics: data/metrics-2026-11.csv
  period: 2026-11
"""

VOLUME_PLUS_15_YAML = """\
# What-if: +15 % contacts, 90 % service level, five extra part-timers.
extends: baseline-w49.yaml
name: volume-plus-15
adjust: { volume_factor: 1.15, aht_factor: 1.0 }
staffing: { service_level: 0.90 }
hires: [ { contract: part-time, count: 5, hourly_cost: 28.00 } ]
"""


BONUS_PLAN_YAML = """\
# Example bonus plan (SPEC 4.5): tiers, a scorecard, gates, caps, proration and a team pool.
plan: Service Excellence
version: "2026.1"
currency: CNY
effective: { from: 2026-01-01, to: 2026-12-31 }
rounding: { scale: 2, mode: half-up }
metrics:
  csat_rate: csat_satisfied / csat_responses
  contacts_per_hour: contacts_handled / hours_worked
eligibility: [ "hours_worked >= 40" ]
gates:
  quality: "qa_score >= 80"
components:
  - name: productivity
    earnings_code: BONPROD
    metric: contacts_per_hour
    requires: [quality]
    tiers: { mode: step, bands: [ {from: 8, amount: 300}, {from: 10, amount: 600}, {from: 12, amount: 1000} ] }
  - name: good_reviews
    earnings_code: BONREV
    metric: good_reviews
    tiers: { mode: graduated, bands: [ {from: 0, rate: 5}, {from: 20, rate: 8}, {from: 50, rate: 10} ] }
    cap: 800
  - name: satisfaction
    earnings_code: BONCSAT
    metric: csat_rate
    requires_min: { csat_responses: 30 }
    tiers: { mode: step, bands: [ {from: 0.90, amount: 200}, {from: 0.95, amount: 500} ] }
  - name: sales
    earnings_code: BONSALES
    metric: sales_amount
    tiers: { mode: retroactive, bands: [ {from: 0, rate: 0.01}, {from: 10000, rate: 0.015} ] }
  - name: scorecard
    earnings_code: BONSCORE
    scorecard:
      measures:
        - { metric: csat_rate, weight: 0.4, missing: zero, points: [ {from: 0.85, points: 60}, {from: 0.90, points: 80}, {from: 0.95, points: 100} ] }
        - { metric: aht_seconds, weight: 0.3, better: lower, points: [ {to: 420, points: 60}, {to: 360, points: 80}, {to: 300, points: 100} ] }
        - { metric: qa_score, weight: 0.3, points: [ {from: 80, points: 60}, {from: 90, points: 100} ] }
      grades: [ {from: 90, grade: A, coefficient: 1.5}, {from: 75, grade: B, coefficient: 1.0}, {from: 60, grade: C, coefficient: 0.5} ]
      base_amount: 1000
proration: { metric: hours_worked, full_at: 160 }
cap_per_agent: 3000
team_pools:
  - { name: team-bonus, earnings_code: BONTEAM, amount_per_team: 5000, split: by_score, min_team_score: 75, score_component: scorecard }
"""


def build_metrics(agents_text, rng):
    """A month of performance metrics for every agent of the example desk (period 2026-11)."""
    rows = []
    for rec in csv.DictReader(io.StringIO(agents_text)):
        full_time = rec["contract"] == "full-time"
        skill = rng.gauss(0, 1)
        hours = round(rng.uniform(150, 172) if full_time else rng.uniform(70, 118), 1)
        if rng.random() < 0.04:
            hours = round(rng.uniform(20, 39), 1)          # long leave: not eligible
        cph = max(4.0, rng.gauss(10.2 + 1.2 * skill, 1.1))
        contacts = int(round(hours * 0.8 * cph))
        aht = int(round(min(480, max(240, rng.gauss(345 - 18 * skill, 30)))))
        qa = round(min(100, max(60, rng.gauss(86 + 3 * skill, 5))), 1)
        responses = int(max(0, rng.gauss(contacts * 0.06, 8)))
        if rng.random() < 0.03:
            responses = 0                                     # no survey answers: csat_rate undefined
        sat_share = min(0.995, max(0.75, rng.gauss(0.925 + 0.02 * skill, 0.03)))
        satisfied = int(round(responses * sat_share))
        good = int(max(0, rng.gauss(18 + 8 * skill + hours / 20, 9)))
        bad = int(max(0, rng.gauss(3 - skill, 2)))
        fcr = round(min(0.95, max(0.55, rng.gauss(0.76 + 0.04 * skill, 0.05))), 3)
        adherence = round(min(0.99, max(0.8, rng.gauss(0.92, 0.03))), 3)
        sales = round(max(0.0, rng.gauss(9000 + 3500 * skill, 4000)) if "chat" in rec["skills"] or rng.random() < 0.5 else 0.0, 2)
        rows.append([rec["agent_id"], "2026-11", rec["name"], rec["team"], "%.1f" % hours, contacts, aht, "%.3f" % fcr, "%.1f" % qa,
                     responses, satisfied, good, bad, "%.3f" % adherence, "%.2f" % sales])
    header = ["agent_id", "period", "name", "team", "hours_worked", "contacts_handled", "aht_seconds", "fcr_rate", "qa_score",
              "csat_responses", "csat_satisfied", "good_reviews", "bad_reviews", "adherence", "sales_amount"]
    return _csv_text(header, rows)


def thursday_plus(forecast_text, factor=1.10):
    """The same forecast with Thursday's contacts scaled by `factor` (a re-plan of one day)."""
    lines = forecast_text.splitlines()
    out = [lines[0]]
    for line in lines[1:]:
        start, contacts, aht = line.split(",")
        if start.startswith("2026-12-03T"):
            contacts = "%.2f" % (float(contacts) * factor)
        out.append(",".join([start, contacts, aht]))
    return "\n".join(out) + "\n"


THURSDAY_YAML = """\
# Thursday's volume 10 % above the published week's forecast: re-roster it with
#   shiftwise roster scenarios/thursday-plus-10.yaml --baseline reports/baseline-w49/roster.csv
# and change_weight keeps the other days as published.
extends: baseline-w49.yaml
name: thursday-plus-10
forecast: data/forecast-w49-thu10.csv
costs: { change_weight: 20 }
"""

FAIR_YAML = """\
# The baseline week with fairness priced: late shifts (ending after 21:00) and weekend days
# spread evenly within each contract.
extends: baseline-w49.yaml
name: fair-w49
costs: { fairness_weight: 50, late_shift_after: "21:00" }
"""


def _yaml_text(value):
    """A YAML double-quoted scalar (names may hold accents, apostrophes, spaces)."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def build_payroll_map(agents_text):
    """The example `--map` for `payouts export`: every agent's ids in the payroll systems and the
    plan's earnings codes in each (ADP codes, Paychex pay components, Gusto columns)."""
    rows = list(csv.DictReader(io.StringIO(agents_text)))
    lines = [
        "# Who each agent is in the payroll system, and what each earnings code is called there",
        "# (`shiftwise payouts export RUN --format adp|paychex|gusto --map scenarios/payroll-map.yaml`).",
        'company_code: "3AB"          # ADP Co Code; Paychex Client ID',
        'batch_id: "BON11"            # ADP Batch ID',
        "pay_date: 2026-12-05         # Paychex Line Date",
        "employees:",
    ]
    for i, row in enumerate(rows):
        first, _, last = row["name"].partition(" ")
        lines.append("  %s: { file_number: \"%06d\", worker_id: \"W%04d\", first_name: %s, last_name: %s }"
                     % (row["agent_id"], 100 + i + 1, i + 1, _yaml_text(first), _yaml_text(last or first)))
    lines += [
        "earnings:",
        '  BONPROD:  { adp: "PR", paychex: "Productivity Bonus", gusto: bonus }',
        '  BONREV:   { adp: "RV", paychex: "Review Bonus", gusto: bonus }',
        '  BONCSAT:  { adp: "CS", paychex: "CSAT Bonus", gusto: bonus }',
        '  BONSALES: { adp: "SL", paychex: "Sales Commission", gusto: commission }',
        '  BONSCORE: { adp: "SC", paychex: "Scorecard Bonus", gusto: bonus }',
        '  BONTEAM:  { adp: "TM", paychex: "Team Bonus", gusto: bonus }',
    ]
    return "\n".join(lines) + "\n"


def build_all():
    """Return {relative path: text} for every generated file."""
    agents = build_agents(random.Random(SEED + 1))
    forecast = build_forecast(random.Random(SEED))
    return {
        "payroll-map.yaml": build_payroll_map(agents),
        "rules/ecommerce-2026.yaml": ECOMMERCE_PLAN_YAML,
        "ecommerce-w49.yaml": ECOMMERCE_YAML,
        "data/ecommerce-agents.csv": build_ecommerce_agents(),
        "data/ecommerce-forecast-w49.csv": build_ecommerce_forecast(random.Random(SEED + 11)),
        "rules/qa-form.yaml": QA_FORM_YAML,
        "data/ecommerce-metrics.csv": build_ecommerce_metrics(random.Random(SEED + 8)),
        "data/ecommerce-contacts-2026-11.csv": build_ecommerce_contacts(random.Random(SEED + 9)),
        "data/ecommerce-qa-forms-2026-11.csv": build_ecommerce_qa_forms(random.Random(SEED + 10)),
        "data/history-2026-10-05.csv": build_history(random.Random(SEED + 3)),
        "data/special-days.csv": SPECIAL_DAYS_CSV,
        "from-history-w49.yaml": FROM_HISTORY_YAML,
        "data/forecast-w49.csv": forecast,
        "data/forecast-w49-thu10.csv": thursday_plus(forecast),
        "thursday-plus-10.yaml": THURSDAY_YAML,
        "fair-w49.yaml": FAIR_YAML,
        "data/agents.csv": agents,
        "data/metrics-2026-11.csv": build_metrics(agents, random.Random(SEED + 2)),
        "rules/bonus-2026.yaml": BONUS_PLAN_YAML,
        "baseline-w49.yaml": BASELINE_YAML,
        "volume-plus-15.yaml": VOLUME_PLUS_15_YAML,
    }


# --------------------------------------------------------------------------- self-check

def erlang_c_agents(a, aht, service_level, answer_seconds, max_occupancy):
    """Least integer N > A meeting the service level and occupancy targets."""
    if a <= 0:
        return 0
    n = int(math.floor(a)) + 1
    while True:
        b = 1.0
        for k in range(1, n + 1):
            b = a * b / (k + a * b)
        c = n * b / (n - a * (1.0 - b))
        sl = 1.0 - c * math.exp(-(n - a) * answer_seconds / aht)
        if sl >= service_level and a / n <= max_occupancy:
            return n
        n += 1


def requirement(forecast_text, volume_factor=1.0, service_level=SERVICE_LEVEL):
    """Per-interval (start, scheduled agents) from the forecast text."""
    out = []
    for row in csv.DictReader(io.StringIO(forecast_text)):
        contacts = float(row["contacts"]) * volume_factor
        aht = int(row["aht_seconds"])
        a = contacts * aht / (INTERVAL_MINUTES * 60.0)
        n = erlang_c_agents(a, aht, service_level, ANSWER_SECONDS, MAX_OCCUPANCY)
        n = max(n, MIN_AGENTS_OPEN)
        scheduled = math.ceil(n / (1.0 - SHRINKAGE) - 1e-9)
        out.append((row["start"], scheduled))
    return out


def self_check(files):
    forecast = files["data/forecast-w49.csv"]
    agents = list(csv.DictReader(io.StringIO(files["data/agents.csv"])))
    total_contacts = sum(float(r["contacts"]) for r in csv.DictReader(io.StringIO(forecast)))

    req = requirement(forecast)
    hours = INTERVAL_MINUTES / 60.0
    req_hours = sum(s for _, s in req) * hours
    weekday_req = [(t, s) for t, s in req if date.fromisoformat(t[:10]).weekday() < 5]
    peak_t, peak = max(weekday_req, key=lambda x: x[1])

    n_ft = sum(1 for a in agents if a["contract"] == "full-time")
    n_pt = len(agents) - n_ft
    capacity = n_ft * FT_WEEKLY_HOURS + n_pt * PT_AVG_WEEKLY_HOURS
    ratio = req_hours / capacity

    print("Shiftwise w49 example data (seed %d)" % SEED)
    print("  total contacts          : %.2f" % total_contacts)
    print("  weekday peak scheduled  : %d agents (%s)" % (peak, peak_t))
    print("  required agent-hours    : %.1f h" % req_hours)
    print("  contracted capacity     : %d h (%d full-time x %d h + %d part-time x %d h)"
          % (capacity, n_ft, FT_WEEKLY_HOURS, n_pt, PT_AVG_WEEKLY_HOURS))
    print("  required / capacity     : %.1f %%" % (100.0 * ratio))
    per_day = []
    for d in range(7):
        day = (WEEK_START + timedelta(days=d)).isoformat()
        vals = [s for t, s in req if t.startswith(day)]
        per_day.append("%s %d/%d/%d" % (WEEKDAYS[d], vals[0], max(vals), vals[-1]))
    print("  open/peak/close by day  : " + ", ".join(per_day))

    # What-if scenario, for information only.
    req15 = requirement(forecast, volume_factor=1.15, service_level=0.90)
    req15_hours = sum(s for _, s in req15) * hours
    cap15 = capacity + 5 * PT_AVG_WEEKLY_HOURS
    print("  volume-plus-15          : %.1f h required vs %d h capacity (%.1f %%)"
          % (req15_hours, cap15, 100.0 * req15_hours / cap15))

    problems = []
    if not 0.80 <= ratio <= 0.88:
        problems.append("required/capacity %.3f outside 0.80-0.88" % ratio)
    if not 70 <= peak <= 85:
        problems.append("weekday peak %d outside 70-85" % peak)
    for p in problems:
        print("  WARNING: " + p)
    return not problems


def main():
    files = build_all()
    if build_all() != files:
        raise SystemExit("non-deterministic output")
    os.makedirs(DATA_DIR, exist_ok=True)
    os.makedirs(os.path.join(HERE, "rules"), exist_ok=True)
    for rel, text in files.items():
        with open(os.path.join(HERE, rel), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    self_check(files)


if __name__ == "__main__":
    main()
