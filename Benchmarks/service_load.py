#!/usr/bin/env python3
"""Throughput and latency of the intranet service under load, against the command line.

Starts zonecalc-serve (from --bin) on 127.0.0.1 at a free port over the sample zone, in a throw-away
data folder, and for each concurrency level runs that many clients in this second process, each
uploading the sample proposals in turn — the expansion GeoData/demo/kqfw.txt, and the adjustment
kqfw.txt with tqfw.txt taken out — and waiting for its check to be final. Then:
  - checks per minute, latency (upload to final state, each client waiting with the API's `wait`) p50 and p95, the service's peak memory (the
    server and the engines it runs, summed at each 50 ms sample);
  - nothing lost: every accepted upload has its record in the final state `done`, and each output
    it lists downloads with the SHA-256 the record gives;
  - one check through the service (concurrency 1) against the same `zonecalc proposal check -o DIR`
    on the command line, alternated run by run, medians.

    python3 Benchmarks/service_load.py --bin .build/release [--levels 1 4 16] [--checks 32] [--out FILE.md]
"""
import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Scripts"))
from servicekit import ROOT, Service  # noqa: E402

SAMPLE = os.path.join(ROOT, "GeoData", "demo")
PROPOSALS = [(["kqfw.txt"], []), (["kqfw.txt"], ["tqfw.txt"])]


def multipart(fields, files):
    boundary = "zonecalc-bench-" + uuid.uuid4().hex
    body = b""
    for name, value in fields:
        body += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (boundary, name, value)).encode()
    for field, path in files:
        body += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                 "Content-Type: application/octet-stream\r\n\r\n" % (boundary, field, os.path.basename(path))).encode()
        body += open(path, "rb").read() + b"\r\n"
    return "multipart/form-data; boundary=" + boundary, body + ("--%s--\r\n" % boundary).encode()


def call(service, token, path, method="GET", body=None, content_type=None):
    headers = {"Authorization": "Bearer " + token}
    if content_type:
        headers["Content-Type"] = content_type
    request = urllib.request.Request(service.url + path, data=body, method=method, headers=headers)
    with urllib.request.urlopen(request, timeout=600) as response:
        return response.read()


def one_check(service, token, proposal):
    """Uploads one proposal and waits for its check (the API's `wait`, answered when it ends); returns (seconds, record)."""
    pieces, removals = proposal
    content_type, body = multipart([("zone", "demo")], [("pieces", os.path.join(SAMPLE, p)) for p in pieces]
                                   + [("removals", os.path.join(SAMPLE, r)) for r in removals])
    start = time.perf_counter()
    submitted = json.loads(call(service, token, "/api/checks", "POST", body, content_type))
    check_id = submitted["checks"][0]["check"]["id"]
    while True:
        record = json.loads(call(service, token, "/api/checks/%s?wait=60" % check_id))
        if record["check"]["state"] in ("done", "failed", "timed_out"):
            return time.perf_counter() - start, record


def memory_sampler(pid, stop, peak):
    """The peak of the summed resident memory of `pid` and its children, every 50 ms."""
    def rss(p):
        try:
            for line in open("/proc/%d/status" % p):
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def children(p):
        # each thread's children: the engines are started from the server's worker threads
        found = []
        try:
            for task in os.listdir("/proc/%d/task" % p):
                found += [int(c) for c in open("/proc/%d/task/%s/children" % (p, task)).read().split()]
        except OSError:
            pass
        return found

    while not stop.is_set():
        total, stack = 0, [pid]
        while stack:
            p = stack.pop()
            total += rss(p)
            stack.extend(children(p))
        peak[0] = max(peak[0], total)
        time.sleep(0.05)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def load(service, token, clients, total):
    latencies, records, errors = [], [], []
    lock = threading.Lock()
    counter = iter(range(total))

    def client():
        while True:
            with lock:
                index = next(counter, None)
            if index is None:
                return
            try:
                seconds, record = one_check(service, token, PROPOSALS[index % len(PROPOSALS)])
                with lock:
                    latencies.append(seconds)
                    records.append(record)
            except Exception as error:  # counted as lost
                with lock:
                    errors.append(repr(error))

    stop, peak = threading.Event(), [0]
    sampler = threading.Thread(target=memory_sampler, args=(service.process.pid, stop, peak))
    sampler.start()
    start = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    stop.set()
    sampler.join()
    return wall, latencies, records, errors, peak[0]


def verify(service, token, records):
    """Every check done, every output it lists downloadable with its checksum."""
    lost = 0
    for record in records:
        check = record["check"]
        outputs = [f for f in check["files"] if f["kind"] == "output"]
        if check["state"] != "done" or not outputs:
            lost += 1
            continue
        for f in outputs:
            data = call(service, token, "/api/checks/%s/files/%s" % (check["id"], urllib.request.quote(f["name"])))
            if hashlib.sha256(data).hexdigest() != f["sha256"]:
                lost += 1
                break
    return lost


def command_line_check(bin_dir, proposal, folder):
    pieces, removals = proposal
    out = os.path.join(folder, "cli-" + uuid.uuid4().hex)
    command = [os.path.join(bin_dir, "zonecalc"), "proposal", "check", os.path.join(SAMPLE, "zone.yaml")]
    command += [os.path.join(SAMPLE, p) for p in pieces]
    for r in removals:
        command += ["--remove", os.path.join(SAMPLE, r)]
    command += ["-o", out, "--format", "json", "--no-pdf"]
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    shutil.rmtree(out, ignore_errors=True)
    return seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--levels", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--checks", type=int, default=32, help="checks per level")
    parser.add_argument("--pairs", type=int, default=10, help="paired single checks, service vs command line")
    parser.add_argument("--out")
    arguments = parser.parse_args()
    bin_dir = os.path.abspath(arguments.bin)
    service = Service(bin_dir, accounts=[("bench", "reviewer")])
    scratch = tempfile.mkdtemp(prefix="zonecalc-bench-")
    lines = []
    try:
        token = service.token("bench")
        one_check(service, token, PROPOSALS[0])  # warm-up: the page cache, the engine's first start
        lines.append("| concurrent uploads | checks | wall s | checks/min | latency p50 s | latency p95 s | peak memory MiB (server + engines) | lost |")
        lines.append("|---|---|---|---|---|---|---|---|")
        for clients in arguments.levels:
            wall, latencies, records, errors, peak = load(service, token, clients, arguments.checks)
            lost = len(errors) + verify(service, token, records)
            lines.append("| %d | %d | %.2f | %.1f | %.3f | %.3f | %.0f | %d |" % (
                clients, arguments.checks, wall, 60 * len(records) / wall, percentile(latencies, 0.5), percentile(latencies, 0.95),
                peak / 2**20, lost))
            print(lines[-1], flush=True)
        service_times, cli_times = [], []
        for index in range(arguments.pairs):
            proposal = PROPOSALS[index % len(PROPOSALS)]
            service_times.append(one_check(service, token, proposal)[0])
            cli_times.append(command_line_check(bin_dir, proposal, scratch))
        ratios = [s / c for s, c in zip(service_times, cli_times)]
        lines.append("")
        lines.append("One check at a time, %d pairs alternated (the two proposals in turn): through the service (upload to final state, "
                     "with the API's wait) median %.3f s, `zonecalc proposal check -o DIR --format json --no-pdf` median %.3f s; "
                     "pairwise ratio median %.3f (min %.3f, max %.3f): the service adds %.1f %%."
                     % (arguments.pairs, statistics.median(service_times), statistics.median(cli_times),
                        statistics.median(ratios), min(ratios), max(ratios), 100 * (statistics.median(ratios) - 1)))
        print(lines[-1], flush=True)
    finally:
        service.stop()
        shutil.rmtree(scratch, ignore_errors=True)
    header = "Machine: %s, %d cores, %s; zonecalc-serve and zonecalc from %s.\n\n" % (
        platform.machine(), os.cpu_count(), platform.platform(), os.path.relpath(bin_dir, ROOT))
    if arguments.out:
        with open(arguments.out, "w") as f:
            f.write(header + "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
