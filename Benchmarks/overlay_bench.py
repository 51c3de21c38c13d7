#!/usr/bin/env python3
"""Benchmark `zonecalc overlay` against the c_overlay job of the geopandas and DuckDB peers.

The peers' c_overlay does, in one script: parcels inside the zone by DLBM (covered-by shortcut, else
intersection), parcels hitting permanent farmland and the ecological red line with the summed
intersection areas, and four figures of the expansion polygon (its area, its overlap with farmland and
the red line, its area outside the urban development boundary). ZoneCalc runs two whole processes, both
timed (start-up, reading, validity and make-valid included, page cache dropped before): `zonecalc
overlay` of the parcels with three --b layers (parcels read and checked once), and `zonecalc overlay`
of the expansion with itself, farmland, red line and urban boundary (outside = area − inside).
Two ratios are reported: against the peers' c_overlay timer alone (their reading and make-valid are
timed separately, in a_read and b_area, so this favours the peers), and against a_read + b_area +
c_overlay (what a peer script spends end to end to produce these figures). All figures are checked
against the agreed reference results.

usage: python3 Benchmarks/overlay_bench.py [--sizes p100k p1m] [--reps 3] [--peers geopandas duckdb] [--out FILE]
"""
import json
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from area_bench import SHARED, ZONECALC, bench_arguments, drop_caches, ensure_data, peer_job_times  # noqa: E402

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
    cmd = [ZONECALC, "overlay", "--a", gpkg + ":kqfw"] + [x for layer in ("kqfw", "yjjbnt", "stbhhx", "czkfbj")
                                                         for x in ("--b", f"{gpkg}:{layer}")] + common
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{out.stderr}")
    kq, kq_farm, kq_red, kq_udb = (r["total"]["squareMetres"]["planar"] for r in json.loads(out.stdout))
    expansion = {"c_kq_area_mu": kq / MU, "c_kq_farm_m2": kq_farm, "c_kq_red_m2": kq_red, "c_kq_outside_udb_m2": kq - kq_udb}
    return time.perf_counter() - start, {"zone": zone, "farm": farm, "red": red, "expansion": expansion}


def main():
    a = bench_arguments()
    lines = ["| size | tool | job | s (median) | all runs s | checks |", "|---|---|---|---|---|---|"]
    for size in a.sizes:
        folder = ensure_data(size)
        ref = json.load(open(os.path.join(SHARED, "results", f"reference_{size}.json")))
        peer_seconds, peer_end_to_end = {}, {}
        for peer in a.peers:
            times, ends = peer_job_times(peer, folder, "c_overlay", a.reps)
            peer_seconds[peer] = statistics.median(times)
            peer_end_to_end[peer] = statistics.median(ends)
            lines.append(f"| {size} | {peer} | c_overlay (own timer, incl. 4 expansion figures) | {peer_seconds[peer]:.2f} | "
                         f"{', '.join(f'{t:.2f}' for t in times)} | a_read + b_area + c_overlay {peer_end_to_end[peer]:.2f} s |")
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
        worst_kq = max(abs(v - ref[k]) / max(abs(ref[k]), 1.0) for k, v in res["expansion"].items())
        checks += f"; expansion figures worst diff {worst_kq:.1e}"
        ratios = ", ".join(f"{p} ×{peer_seconds[p] / med:.1f} (end to end ×{peer_end_to_end[p] / med:.1f})" for p in peer_seconds)
        lines.append(f"| {size} | zonecalc | overlay of parcels with 3 layers + expansion with 4 (two whole processes) | {med:.2f} | "
                     f"{', '.join(f'{t:.2f}' for t in times)} | {checks}; speed-up {ratios} |")
        print("\n".join(lines[-(len(a.peers) + 1):]), flush=True)
    text = "\n".join(lines) + "\n"
    if a.out:
        with open(a.out, "w") as f:
            f.write(text)
    print(text)


if __name__ == "__main__":
    main()
