#!/usr/bin/env python3
"""`make bench-peers`: Shiftwise and HiGHS side by side on the same roster models.

For each benchmark instance, ShiftwiseBench solves it (release build) and exports its compact
model in CPLEX LP format (one binary per agent, day and shift); HiGHS (PyPI `highspy`, one
thread) then solves that model for the same wall time. Printed per instance: Shiftwise's
objective, bound and gap, and HiGHS's best objective, bound and gap at that time.

Usage: bench_peers.py BENCH_BINARY [INSTANCE ...]   (instances: week large night site)
"""
import json
import os
import subprocess
import sys
import tempfile
import time


def run_shiftwise(binary, instance, folder):
    results = os.path.join(folder, "results.jsonl")
    env = dict(os.environ, BENCH_EXPORT_LP=os.path.join(folder, "model"), BENCH_RESULTS=results)
    started = time.monotonic()
    subprocess.run([binary, instance], env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.monotonic() - started
    with open(results, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    row = next(r for r in rows if r["name"] == instance)
    row["wall"] = wall
    return row, os.path.join(folder, f"model-{instance}.lp")


def run_highs(lp_path, seconds):
    import highspy

    # HiGHS prints its banner on creation, below Python: silence the file descriptor meanwhile.
    sys.stdout.flush()
    saved = os.dup(1)
    with open(os.devnull, "w") as null:
        os.dup2(null.fileno(), 1)
        try:
            h = highspy.Highs()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
    h.setOptionValue("time_limit", float(seconds))
    h.setOptionValue("mip_rel_gap", 0.0)
    h.readModel(lp_path)
    started = time.monotonic()
    h.run()
    wall = time.monotonic() - started
    info = h.getInfo()
    has_solution = info.primal_solution_status == 2
    objective = info.objective_function_value if has_solution else None
    bound = info.mip_dual_bound
    gap = (objective - bound) / abs(objective) if objective else None
    return {"objective": objective, "bound": bound, "gap": gap, "wall": wall, "status": h.modelStatusToString(h.getModelStatus())}


def fmt(value, places=2):
    return "-" if value is None else f"{value:,.{places}f}"


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 64
    binary = sys.argv[1]
    instances = sys.argv[2:] or ["week", "large", "night", "site"]
    print("instance | Shiftwise: time, objective, bound, gap | HiGHS 1 thread, same time on the exported model: objective, bound, gap, status")
    for instance in instances:
        with tempfile.TemporaryDirectory() as folder:
            ours, lp = run_shiftwise(binary, instance, folder)
            theirs = run_highs(lp, max(1.0, ours["solve_seconds"] + ours["build_seconds"]))
        ours_gap = f"{100 * ours['gap']:.3f} %"
        their_gap = "-" if theirs["gap"] is None else f"{100 * theirs['gap']:.3f} %"
        cheaper = ""
        if theirs["objective"] is not None:
            diff = theirs["objective"] - ours["objective"]
            cheaper = f"  (HiGHS roster {'+' if diff >= 0 else ''}{100 * diff / ours['objective']:.2f} % against ours)"
        print(f"{instance:6} | {ours['solve_seconds'] + ours['build_seconds']:7.1f} s  {fmt(ours['objective'])}  {fmt(ours['bound'])}  {ours_gap}"
              f" | {theirs['wall']:7.1f} s  {fmt(theirs['objective'])}  {fmt(theirs['bound'])}  {their_gap}  {theirs['status']}{cheaper}")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
