#!/usr/bin/env python3
"""Benchmark `zonecalc area` against the read+area jobs of the geopandas and DuckDB peers.

Same data (the peer suite's generator gen.py, generated into bench-data/), same run, page cache dropped
before every run as in the peers' baseline. Each command is timed whole-process with
/usr/bin/time -v (wall clock, CPU %, peak RSS); the median of --reps runs is reported.

ZoneCalc is timed as a whole process (start-up, reading and all computing included). The peers run
their full scripts; what is compared is their own timers for the a_read and b_area jobs only
(interpreter start-up and imports excluded), which favours the peers.

usage: python3 Benchmarks/area_bench.py [--sizes p100k p1m] [--reps 3] [--peers geopandas duckdb]
                                       [--out Docs/benchmark-results/area.md]
Needs: the release build (swift build -c release), GNU time, and for the peers and the generator
`pip install numpy shapely==2.2.0 pyproj==3.7.2 geopandas==1.2.0 pyogrio==0.13.0 pyarrow==26.0.1
duckdb==1.5.5 duckdb-extension-spatial==1.5.5`.
"""
import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench")
DATA = os.path.join(ROOT, "bench-data")
ZONECALC = os.path.join(ROOT, ".build", "release", "zonecalc")
PARCELS = {"p10k": 10_000, "p100k": 100_000, "p1m": 1_000_000}
METHODS = ["ellipsoidal", "planar", "planar,ellipsoidal", "all"]


def drop_caches():
    subprocess.run(["sync"], check=False)
    try:
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("3\n")
    except OSError:
        pass  # not permitted: runs are warm, say so in the report


def timed(cmd, ok=(0,)):
    """Runs cmd under /usr/bin/time -v; returns (wall s, cpu %, peak RSS MiB, stdout, stderr). Exit codes in `ok` are success."""
    with tempfile.NamedTemporaryFile(mode="r", suffix=".time") as t:
        drop_caches()
        out = subprocess.run(["/usr/bin/time", "-v", "-o", t.name] + cmd, capture_output=True, text=True)
        if out.returncode not in ok:
            sys.exit(f"failed: {' '.join(cmd)}\n{out.stderr}")
        text = t.read()
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", text)
    seconds = (int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3)))
    cpu = int(re.search(r"Percent of CPU this job got: (\d+)%", text).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    return seconds, cpu, rss, out.stdout, out.stderr


def ensure_data(size):
    folder = os.path.join(DATA, size)
    if not os.path.exists(os.path.join(folder, "kfq.gpkg")):
        subprocess.run([sys.executable, os.path.join(SHARED, "gen.py"), "--parcels", str(PARCELS[size]), "--out", folder], check=True)
    return folder


def median_run(cmd, reps):
    runs = [timed(cmd) for _ in range(reps)]  # (wall, cpu, rss, stdout, stderr)
    order = sorted(range(reps), key=lambda i: runs[i][0])
    return runs[order[reps // 2]], [r[0] for r in runs]


def peer_job_times(peer, folder, job, reps):
    """Runs a peer script `reps` times; returns its own timer for `job` and a_read + b_area + job, per run."""
    times, ends = [], []
    for _ in range(reps):
        with tempfile.NamedTemporaryFile(suffix=".json") as j:
            timed([sys.executable, os.path.join(SHARED, "peers", f"{peer}_jobs.py"), folder, "--json", j.name])
            t = json.load(open(j.name))["timings_s"]
            times.append(t[job])
            ends.append(t["a_read"] + t["b_area"] + t[job])
    return times, ends


def bench_arguments():
    """The options every benchmark script takes: sizes, repetitions, peers, output file."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", nargs="+", default=["p100k", "p1m"])
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--peers", nargs="*", default=["geopandas", "duckdb"])
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    if not os.path.exists(ZONECALC):
        sys.exit("build first: swift build -c release")
    return a


def main():
    a = bench_arguments()
    lines = [f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; "
             f"{a.reps} runs each, median; page cache dropped before each run.", ""]
    lines += ["| size | tool | job | wall s (median) | all runs s | job s | CPU % | peak RSS MiB | total m² (ellipsoidal) | total m² (planar) | vs reference; speed-up (whole process / job) |",
              "|---|---|---|---|---|---|---|---|---|---|---|"]
    for size in a.sizes:
        folder = ensure_data(size)
        reference = json.load(open(os.path.join(SHARED, "results", f"reference_{size}.json")))
        peer_seconds = {}
        for peer in a.peers:
            times, jsons = [], []
            for _ in range(a.reps):
                with tempfile.NamedTemporaryFile(suffix=".json") as j:
                    seconds, cpu, rss, _, _ = timed([sys.executable, os.path.join(SHARED, "peers", f"{peer}_jobs.py"), folder, "--json", j.name])
                    result = json.load(open(j.name))
                jsons.append(result)
                times.append(result["timings_s"]["a_read"] + result["timings_s"]["b_area"])
            med = statistics.median(times)
            peer_seconds[peer] = med
            r = jsons[0]["results"]
            lines.append(f"| {size} | {peer} | a_read+b_area (own timers) | {med:.2f} | {', '.join(f'{t:.2f}' for t in times)} | {med:.2f} | – | – | "
                         f"{r['b_total_ellipsoidal_m2']:.6f} | {r['b_total_planar_m2']:.6f} | – |")
        for method in METHODS:
            cmd = [ZONECALC, "area", os.path.join(folder, "kfq.gpkg") + ":zd", "--method", method, "--format", "json", "--totals-only", "--timings"]
            (seconds, cpu, rss, out, err), runs = median_run(cmd, a.reps)
            phases = re.search(r"open ([\d.]+) s, measure ([\d.]+) s, output ([\d.]+) s", err)
            job = sum(float(x) for x in phases.groups())
            total = json.loads(out)["total"]["squareMetres"]
            checks = []
            for key, ref in (("ellipsoidal", "b_total_ellipsoidal_m2"), ("planar", "b_total_planar_m2")):
                if key in total:
                    checks.append(f"{key} {abs(total[key] - reference[ref]) / reference[ref]:.1e}")
            ratios = ", ".join(f"{p} ×{peer_seconds[p] / seconds:.1f} / ×{peer_seconds[p] / job:.1f}" for p in peer_seconds)
            lines.append(f"| {size} | zonecalc | area --method {method} (whole process) | {seconds:.2f} | {', '.join(f'{t:.2f}' for t in runs)} | {job:.2f} | {cpu} | {rss:.0f} | "
                         f"{total.get('ellipsoidal', float('nan')):.6f} | {total.get('planar', float('nan')):.6f} | rel. diff {'; '.join(checks)}; speed-up {ratios} |")
        print("\n".join(lines[-(len(a.peers) + len(METHODS)):]), flush=True)
    text = "\n".join(lines) + "\n"
    if a.out:
        os.makedirs(os.path.dirname(a.out), exist_ok=True)
        with open(a.out, "w") as f:
            f.write(text)
    print(text)


if __name__ == "__main__":
    main()
