#!/usr/bin/env python3
"""Benchmark `zonecalc qc` against the d_qc job of the geopandas and DuckDB peers.

The peers' d_qc finds invalid geometries, duplicate ids, overlapping pairs (overlaps predicate, area > 1 m²),
parcels partly or wholly outside the zone, declared areas off by more than 5 % and slivers (4πA/P² < 0.05),
timed after their reading (a_read) and make-valid (b_area). ZoneCalc runs one whole `zonecalc qc` process
(start-up, reading, every check of its catalogue, page cache dropped before), and reports its job time too
(`--timings`: from opening the inputs to the last output, reading included, process start-up excluded).
Ratios against the peers' d_qc timer (whole process / job), and end to end against a_read + b_area + d_qc. PostGIS is not installed on this machine:
its figures come from the shared BASELINE.md (same machine type, load excluded), marked so. The findings of
an extra, untimed run written to CSV are checked against the agreed reference results.

usage: python3 Benchmarks/qc_bench.py [--sizes p100k p1m] [--reps 3] [--peers geopandas duckdb] [--out FILE]
"""
import csv
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from area_bench import SHARED, ZONECALC, bench_arguments, ensure_data, peer_job_times, timed  # noqa: E402

# PostGIS d_qc medians (s) from BASELINE.md, and its load (excluded there).
POSTGIS_BASELINE = {"p10k": 1.95, "p100k": 11.32, "p1m": 102.74}


def zonecalc_command(folder, out=None):
    gpkg = os.path.join(folder, "kfq.gpkg")
    cmd = [ZONECALC, "qc", gpkg + ":zd", "--zone", gpkg + ":kfqfw", "--timings"]
    return cmd + (["-o", out, "--force"] if out else [])


def check(folder, ref):
    """Counts and areas of an untimed run against the reference."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "qc.csv")
        subprocess.run(zonecalc_command(folder, out), capture_output=True, text=True)
        rows = list(csv.DictReader(open(out, encoding="utf-8")))
    by = lambda code: [r for r in rows if r["CODE"] == code]  # noqa: E731
    t01 = by("T01")
    got = {
        "d_invalid": len(by("G01")), "d_dup_records": len(by("A02")) + len({r["FEAT_ID"] for r in by("A02")}),
        "d_overlap_pairs": len(t01), "d_overlap_area_m2": sum(float(r["VALUE"]) for r in t01),
        "d_overlap_parcels": len({r["SEQ"] for r in t01} | {r["OTHER_SEQ"] for r in t01}),
        "d_partly_outside": len(by("Z01")), "d_outside_area_m2": sum(float(r["VALUE"]) for r in by("Z01")),
        "d_fully_outside": len(by("Z02")), "d_area_mismatch": len(by("A04")), "d_slivers": len(by("G07")),
    }
    bad = [f"{k} {v} vs {ref[k]}" for k, v in got.items() if abs(v - ref[k]) > 1e-3 * max(1, abs(ref[k]))]
    return "all equal the reference (" + ", ".join(f"{k.removeprefix('d_')} {round(v, 3)}" for k, v in got.items()) + ")" \
        if not bad else "DIFFERENT: " + "; ".join(bad)


def main():
    a = bench_arguments()
    lines = ["| size | tool | job | s (median) | all runs s | peak RSS MiB | notes |", "|---|---|---|---|---|---|---|"]
    for size in a.sizes:
        folder = ensure_data(size)
        ref = json.load(open(os.path.join(SHARED, "results", f"reference_{size}.json")))
        peer, end = {}, {}
        for name in a.peers:
            times, ends = peer_job_times(name, folder, "d_qc", a.reps)
            peer[name], end[name] = statistics.median(times), statistics.median(ends)
            lines.append(f"| {size} | {name} | d_qc (own timer) | {peer[name]:.2f} | {', '.join(f'{t:.2f}' for t in times)} | – | "
                         f"a_read + b_area + d_qc {end[name]:.2f} s |")
        if size in POSTGIS_BASELINE:
            peer["postgis (BASELINE.md)"] = POSTGIS_BASELINE[size]
            lines.append(f"| {size} | postgis | d_qc (BASELINE.md, load excluded) | {POSTGIS_BASELINE[size]:.2f} | – | – | not run here |")
        runs = [timed(zonecalc_command(folder), ok=(0, 1)) for _ in range(a.reps)]  # 1: findings reported
        times = [r[0] for r in runs]
        jobs = [float(re.search(r"qc: job ([\d.]+) s", r[4]).group(1)) for r in runs]
        med, job = statistics.median(times), statistics.median(jobs)
        ratios = ", ".join(f"{p} ×{peer[p] / med:.1f} / ×{peer[p] / job:.1f}" + (f" (end to end ×{end[p] / med:.1f})" if p in end else "")
                           for p in peer)
        lines.append(f"| {size} | zonecalc | qc, whole process (job: opening the inputs to the last output) | {med:.2f} (job {job:.2f}) | "
                     f"{', '.join(f'{t:.2f}' for t in times)} (job {', '.join(f'{t:.2f}' for t in jobs)}) | "
                     f"{max(r[2] for r in runs):.0f} | {check(folder, ref)}; speed-up whole process / job {ratios} |")
        print("\n".join(lines[-(len(peer) + 1):]), flush=True)
    text = "\n".join(lines) + "\n"
    if a.out:
        with open(a.out, "w") as f:
            f.write(text)
    print(text)


if __name__ == "__main__":
    main()
