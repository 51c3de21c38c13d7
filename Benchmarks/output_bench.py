#!/usr/bin/env python3
"""Benchmark writing results: `zonecalc area --method planar -o X.csv|.gpkg|.xlsx` and `zonecalc qc -o X.gpkg`.

Same data as area_bench.py (the peer suite's deterministic generator, written into bench-data/), same
run. Every command is a whole process timed with /usr/bin/time -v (wall clock, CPU %, peak RSS), the
page cache dropped before each run; the tools take turns within each repetition so that a drift of the
machine's speed touches all of them alike. The median of --reps runs is reported, and every run listed.

The job, for every tool: read the parcels, make the invalid ones valid, compute the planar area, write
one row per parcel (id and area; a GeoPackage holds the geometry too).
- zonecalc: `zonecalc area PARCELS --method planar -o OUT --timings` (its ledger: sequence, FID, id, the
  area, the note and every source attribute, m² rounded to 2 decimals); the same with `--fields none`
  (the ledger without source attributes, the nearest to the peers' id + area); and, for the cost of
  writing, the same run without -o (`--format json --totals-only`). `--timings` splits the job into opening,
  measuring and output.
- geopandas, duckdb: Benchmarks/output_peers.py (`python3 output_peers.py TOOL …`, whole process,
  interpreter start-up and imports included).
- limit: Benchmarks/output_limit.c built with cc -O2: GDAL/OGR reading on 2 threads (one dataset
  each, half the FID range each), GEOS validity, make-valid and area (re-entrant API, one context per
  thread), GDAL's driver writing id + area. "limit, all fields" writes every source attribute too, as
  ZoneCalc's ledger does (its sequence, FID and note columns aside): the same bytes, give or take 1 %.
  "limit (area only)" leaves out the validity check (a lower bound on the time; its total differs by
  the invalid parcels, so only its rows are checked).
- qc: `zonecalc qc PARCELS -o findings.gpkg` against the same run without -o.

Checks (on the first repetition's files): every tool wrote one row per parcel, and the total of the
area column equals the peer suite's agreed planar total within 1e-9 relative. ZoneCalc's rows are
rounded to 0.01 m², so its total is held to the rounding bound (rows × 0.005 m²) and one extra,
untimed run with --decimals 9 is held to 1e-9.

usage: python3 Benchmarks/output_bench.py [--sizes p100k p1m] [--reps 3] [--formats csv gpkg xlsx]
                                         [--tools zonecalc geopandas duckdb limit] [--suite DIR] [--out FILE]
Needs: the release build (swift build -c release), GNU time, cc and pkg-config with GDAL and GEOS,
`pip install geopandas pyogrio openpyxl duckdb==1.5.5 duckdb-extension-spatial==1.5.5` (and the
generator's numpy, shapely, pyproj, pyarrow). --suite is the peer suite's folder (gen.py, results/);
by default the one area_bench.py uses.
"""
import argparse
import csv
import json
import os
import platform
import re
import sqlite3
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import area_bench  # noqa: E402
from area_bench import DATA, ROOT, ZONECALC, timed  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
LIMIT = os.path.join(DATA, "output_limit")
ID_FIELD = "DKBH"
TOOLS = ["zonecalc", "geopandas", "duckdb", "limit"]
FORMATS = ["csv", "gpkg", "xlsx"]
RELATIVE = 1e-9


def build_limit():
    """Compiles output_limit.c into bench-data/ (cc -O2, GDAL and GEOS from pkg-config)."""
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "gdal", "geos"], capture_output=True, text=True, check=True).stdout.split()
    subprocess.run(["cc", "-O2", "-o", LIMIT, os.path.join(HERE, "output_limit.c")] + flags + ["-lpthread"], check=True)


def commands(tool, fmt, source, out):
    """The (label, command, exit codes taken as success, file written) a tool runs for one output format; none if it has no writer for it."""
    path, layer = source
    if tool == "zonecalc":
        lean = out.replace(f".{fmt}", f"-fields-none.{fmt}")
        return [("zonecalc area -o", [ZONECALC, "area", f"{path}:{layer}", "--method", "planar", "-o", out, "--timings"], (0,), out),
                ("zonecalc area -o --fields none", [ZONECALC, "area", f"{path}:{layer}", "--method", "planar", "-o", lean, "--fields", "none",
                                                    "--timings"], (0,), lean)]
    if tool in ("geopandas", "duckdb"):
        if tool == "duckdb" and fmt == "xlsx":
            return []
        return [(tool, [sys.executable, os.path.join(HERE, "output_peers.py"), tool, path, layer, ID_FIELD, out], (0,), out)]
    every, only = (out.replace(f".{fmt}", f"-{name}.{fmt}") for name in ("all-fields", "area-only"))
    return [("limit (C, GDAL+GEOS, 2 threads)", [LIMIT, path, layer, ID_FIELD, out, "--validity"], (0,), out),
            ("limit, all fields", [LIMIT, path, layer, ID_FIELD, every, "--validity", "--all-fields"], (0,), every),
            ("limit (area only)", [LIMIT, path, layer, ID_FIELD, only], (0,), only)]


def area_column(names):
    for i, name in enumerate(names):
        if name in ("area_m2", "平面面积（平方米）", "planar area (m²)", "PLANAR_M2"):
            return i
    sys.exit(f"no area column among {names}")


def rows_and_total(out):
    """Rows and the sum of the area column of a written CSV, GeoPackage or workbook."""
    if out.endswith(".csv"):
        with open(out, encoding="utf-8-sig", newline="") as f:
            reader = csv.reader(f)
            column = area_column(next(reader))
            values = [float(row[column]) for row in reader]
    elif out.endswith(".gpkg"):
        con = sqlite3.connect(out)
        table = con.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").fetchone()[0]
        names = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
        name = names[area_column(names)]
        values = [r[0] for r in con.execute(f'SELECT "{name}" FROM "{table}"')]
        con.close()
    else:
        import openpyxl
        book = openpyxl.load_workbook(out, read_only=True)
        rows = book.worksheets[0].iter_rows(values_only=True)
        column = area_column(list(next(rows)))
        values = [float(row[column]) for row in rows]
    return len(values), sum(values)


def check(label, out, parcels, reference, rounding=None):
    rows, total = rows_and_total(out)
    diff = abs(total - reference) / reference
    bound = RELATIVE if rounding is None else RELATIVE + rows * rounding / reference
    ok = rows == parcels and diff <= bound
    text = f"{rows} rows, total {total:.6f} m², rel. diff {diff:.1e}" + ("" if rounding is None else f" (rounding bound {bound:.1e})")
    if not ok:
        print(f"CHECK FAILED: {label} {out}: {text}", flush=True)
    return ("✔ " if ok else "✘ ") + text


def run_one(cmd, ok, out):
    if out and os.path.exists(out):
        os.remove(out)
    seconds, cpu, rss, _, err = timed(cmd, ok)
    return {"wall": seconds, "cpu": cpu, "rss": rss, "stderr": err}


def bench_size(size, a, lines, medians):
    folder = area_bench.ensure_data(size)
    reference = json.load(open(os.path.join(a.suite, "results", f"reference_{size}.json")))
    parcels, planar = reference["n_parcels"], reference["b_total_planar_m2"]
    source = (os.path.join(folder, "kfq.gpkg"), "zd")
    work = os.path.join(DATA, "out")
    os.makedirs(work, exist_ok=True)
    jobs = []  # (format, label, cmd, ok, out)
    for fmt in a.formats:
        for tool in a.tools:
            out = os.path.join(work, f"{tool}.{fmt}")
            jobs += [(fmt, label, cmd, ok, written) for label, cmd, ok, written in commands(tool, fmt, source, out)]
    if "zonecalc" in a.tools:
        jobs.append(("–", "zonecalc area, no -o", [ZONECALC, "area", f"{source[0]}:zd", "--method", "planar", "--format", "json", "--totals-only", "--timings"], (0,), None))
        jobs.append(("gpkg", "zonecalc qc -o", [ZONECALC, "qc", f"{source[0]}:zd", "-o", os.path.join(work, "findings.gpkg"), "--timings"], (0, 1), os.path.join(work, "findings.gpkg")))
        jobs.append(("–", "zonecalc qc, no -o", [ZONECALC, "qc", f"{source[0]}:zd", "--timings"], (0, 1), None))
    runs = {i: [] for i in range(len(jobs))}
    checks = {}
    for rep in range(a.reps):
        for i, (fmt, label, cmd, ok, out) in enumerate(jobs):
            runs[i].append(run_one(cmd, ok, out))
            if rep == 0 and out and "qc" not in label:
                only_rows = label == "limit (area only)"
                if only_rows:
                    n, _ = rows_and_total(out)
                    checks[i] = ("✔ " if n == parcels else "✘ ") + f"{n} rows (total not compared: invalid parcels not made valid)"
                else:
                    checks[i] = check(label, out, parcels, planar, 0.005 if label.startswith("zonecalc") else None)
            if rep == 0 and label == "zonecalc qc -o":
                con = sqlite3.connect(out)
                tables = [r[0] for r in con.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")]
                counts = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
                con.close()
                checks[i] = "findings written: " + ", ".join(f"{t} {n}" for t, n in counts.items())
        print(f"{size}: repetition {rep + 1} of {a.reps} done", flush=True)
    if "zonecalc" in a.tools:
        exact = os.path.join(work, "zonecalc-decimals9.csv")
        if os.path.exists(exact):
            os.remove(exact)
        subprocess.run([ZONECALC, "area", f"{source[0]}:zd", "--method", "planar", "--decimals", "9", "-o", exact], capture_output=True, check=True)
        exact_check = check("zonecalc --decimals 9", exact, parcels, planar)
    for i, (fmt, label, cmd, ok, out) in enumerate(jobs):
        rs = runs[i]
        med = statistics.median(r["wall"] for r in rs)
        medians[(size, fmt, label)] = med
        middle = sorted(rs, key=lambda r: r["wall"])[len(rs) // 2]
        phases = ""
        found = [re.search(r"output ([\d.]+) s", r["stderr"]) for r in rs]
        if all(found):
            phases = "output phase (--timings) " + ", ".join(m.group(1) for m in found) + " s; "
        found = [re.search(r"qc: job ([\d.]+) s", r["stderr"]) for r in rs]
        if all(found):
            phases = "job (--timings) " + ", ".join(m.group(1) for m in found) + " s; "
        size_text = f"{os.path.getsize(out) / 1e6:.1f} MB" if out and os.path.exists(out) else "–"
        walls = ", ".join(f"{r['wall']:.2f}" for r in rs)
        lines.append(f"| {size} | {fmt} | {label} | {med:.2f} | {walls} | {middle['cpu']} | "
                     f"{middle['rss']:.0f} | {size_text} | {phases}{checks.get(i, '')} |")
    if "zonecalc" in a.tools:
        lines.append(f"| {size} | csv | zonecalc area -o, --decimals 9 (untimed) | – | – | – | – | – | {exact_check} |")


def ratio_lines(a, medians):
    out = ["", "Ratios of medians (same run), on equal work: ZoneCalc's ledger without source fields (`--fields none`: "
           "sequence, FID, id, area, note) against the peers and the C limit writing id + area; its full ledger (every source "
           "attribute) against the limit writing every attribute. Speed-up = peer's time / ZoneCalc's; vs the limit = "
           "ZoneCalc's time / the limit's (1.00 = as fast as the C program; the aim is ≤ 1.3).", "",
           "| size | format | ZoneCalc --fields none s | vs geopandas (speed-up) | vs DuckDB (speed-up) | vs limit (×) | "
           "ZoneCalc, all fields s | vs limit, all fields (×) | writing all fields: -o minus no -o, s |",
           "|---|---|---|---|---|---|---|---|---|"]
    for size in a.sizes:
        base = medians.get((size, "–", "zonecalc area, no -o"))
        for fmt in a.formats:
            lean, full = medians.get((size, fmt, "zonecalc area -o --fields none")), medians.get((size, fmt, "zonecalc area -o"))
            if lean is None or full is None:
                continue

            def cell(label, z, invert=False):
                t = medians.get((size, fmt, label))
                return "–" if t is None else f"{(z / t if invert else t / z):.2f}"
            writing = f"{full - base:.2f}" if base is not None else "–"
            out.append(f"| {size} | {fmt} | {lean:.2f} | {cell('geopandas', lean)} | {cell('duckdb', lean)} | "
                       f"{cell('limit (C, GDAL+GEOS, 2 threads)', lean, True)} | {full:.2f} | {cell('limit, all fields', full, True)} | {writing} |")
        qo, qn = medians.get((size, "gpkg", "zonecalc qc -o")), medians.get((size, "–", "zonecalc qc, no -o"))
        if qo is not None and qn is not None:
            out.append(f"| {size} | qc gpkg | – | – | – | – | {qo:.2f} | – | {qo - qn:.2f} (qc -o minus qc) |")
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", nargs="+", default=["p100k"])
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--formats", nargs="+", default=FORMATS, choices=FORMATS)
    ap.add_argument("--tools", nargs="+", default=TOOLS, choices=TOOLS)
    ap.add_argument("--suite", default=area_bench.SHARED, help="the peer suite's folder (gen.py, results/)")
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    area_bench.SHARED = a.suite  # ensure_data runs the suite's generator
    if "zonecalc" in a.tools and not os.path.exists(ZONECALC):
        sys.exit("build first: swift build -c release")
    if "limit" in a.tools:
        build_limit()
    try:
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("3\n")
        cache = "page cache dropped before each run"
    except OSError:
        cache = "page cache NOT dropped (not permitted): warm runs"
    version = subprocess.run([ZONECALC, "--version"], capture_output=True, text=True).stdout.strip() if os.path.exists(ZONECALC) else "–"
    lines = [f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; zonecalc {version}; "
             f"{a.reps} runs each, tools in turn, median; {cache}.", "",
             "| size | format | tool | wall s (median) | all runs s | CPU % | peak RSS MiB | file | checks and phases |",
             "|---|---|---|---|---|---|---|---|---|"]
    medians = {}
    for size in a.sizes:
        bench_size(size, a, lines, medians)
    lines += ratio_lines(a, medians)
    text = "\n".join(lines) + "\n"
    if a.out:
        os.makedirs(os.path.dirname(os.path.join(ROOT, a.out)), exist_ok=True)
        with open(a.out, "w") as f:
            f.write(text)
    print(text)


if __name__ == "__main__":
    main()
