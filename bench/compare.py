#!/usr/bin/env python
"""The page benchmark on two versions of the code side by side (`make bench`).

Runs ``bench/pages.py`` on a reference commit (checked out in a git worktree, by default
the code before issue 13) and on this working tree, alternately, one round each at a
time, so that both meet the same machine; then prints, per page, the medians of both:
throughput as a ratio of the trivial view's (each version against its own trivial view,
in the same run), p95 latency, server CPU per request and errors, with the floors the
new code is held to. Exit status: 0 when this tree meets every floor, 1 otherwise, 2 on a
setup error.

    .venv/bin/python bench/compare.py [--reference COMMIT] [--rounds 3] [--duration 10]
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = "6d094db"  # the last commit before issue 13 ("one read path, the Django way")
PAGES = ("trivial", "layout", "dashboard", "course", "lesson", "question", "save")


def git(*args, cwd=ROOT):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)


def run_pages(tree, args, out):
    command = [sys.executable, str(tree / "bench" / "pages.py"), "--rounds", "1"]
    command += ["--duration", str(args.duration), "--warmup", str(args.warmup), "--no-queries"]
    command += ["--json", str(out)]
    done = subprocess.run(command, cwd=tree, capture_output=True, text=True)
    if not out.exists():
        sys.stderr.write(done.stdout[-3000:] + done.stderr[-3000:])
        raise SystemExit(2)
    return json.loads(out.read_text())["pages"]


def median_of(rounds, page, key):
    return statistics.median(r[page][key] for r in rounds)


def summary(rounds):
    rows = {}
    for page in PAGES:
        rps = median_of(rounds, page, "rps")
        rows[page] = {
            "ratio": statistics.median(r[page]["rps"] / r["trivial"]["rps"] for r in rounds),
            "rps": rps,
            "p95_ms": median_of(rounds, page, "p95_us") / 1000,
            "cpu_ms": median_of(rounds, page, "app_cpu_ms") + median_of(rounds, page, "db_cpu_ms"),
            "errors": sum(r[page]["errors"] for r in rounds),
            "target": rounds[0][page]["target_ratio"],
        }
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", default=REFERENCE, help=f"commit (default {REFERENCE})")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10, help="seconds per URL and round")
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--json", metavar="FILE", help="also write both summaries to FILE")
    args = parser.parse_args()

    commit = git("rev-parse", "--short", args.reference).stdout.strip()
    head = git("rev-parse", "--short", "HEAD").stdout.strip()
    dirty = bool(git("status", "--porcelain", "--untracked-files=no").stdout.strip())
    with tempfile.TemporaryDirectory(prefix="elearning-compare-") as tmp:
        tmp = Path(tmp)
        reference = tmp / "reference"
        git("worktree", "add", "--detach", str(reference), commit)
        try:
            runs = {"reference": [], "current": []}
            for number in range(args.rounds):
                for name, tree in (("reference", reference), ("current", ROOT)):
                    print(f"round {number + 1}/{args.rounds}: {name}", flush=True)
                    runs[name].append(run_pages(tree, args, tmp / f"{name}-{number}.json"))
        finally:
            git("worktree", "remove", "--force", str(reference))
    before, after = summary(runs["reference"]), summary(runs["current"])

    print()
    print(f"reference: {commit} (before issue 13)   current: {head}{' + changes' if dirty else ''}")
    print(f"{args.rounds} round(s) of {args.duration} s per URL each, alternated; medians")
    header = (
        f"{'page':<10} {'ratio ref':>9} {'ratio now':>9} {'floor':>6} {'p95 ref':>8} "
        f"{'p95 now':>8} {'cpu ref':>8} {'cpu now':>8} {'errors':>6}  result"
    )
    print(header)
    print("-" * len(header))
    failed = []
    for page in PAGES:
        old, new = before[page], after[page]
        floor = new["target"]
        if floor is None:
            verdict = "reference" if page == "trivial" else "information"
        elif new["errors"] or new["ratio"] < floor or new["p95_ms"] >= 50:
            verdict = "FAIL"
            failed.append(page)
        else:
            verdict = "PASS"
        print(
            f"{page:<10} {old['ratio']:>9.2f} {new['ratio']:>9.2f} "
            f"{'-' if floor is None else f'{floor:.2f}':>6} {old['p95_ms']:>8.1f} "
            f"{new['p95_ms']:>8.1f} {old['cpu_ms']:>8.2f} {new['cpu_ms']:>8.2f} "
            f"{new['errors']:>6}  {verdict}"
        )
    print("(ratio: requests/s against the same code's trivial view; p95 in ms at 8 connections;")
    print(" cpu: server CPU ms per request, gunicorn + PostgreSQL)")
    if args.json:
        Path(args.json).write_text(
            json.dumps({"reference": commit, "current": head, "before": before, "after": after})
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
