#!/usr/bin/env python3
"""PyTorch peer for Minimax's benchmarks W1-W3 (see DESIGN.md, "Workloads").

Usage (normally through run-pytorch.sh, which sets up OpenBLAS):
    python3 pytorch_bench.py [--quick] [--out FILE] [--threads 1,2] [--rounds R]

Each thread count runs in a fresh child process with OMP_NUM_THREADS=t and
torch.set_num_threads(t), so that PyTorch's OpenMP pool and OpenBLAS (OpenMP
build) agree. Every case: warm-up, then R measurement rounds, each timing a loop
of enough iterations to last about --round-seconds; the median and min/max of
the per-round figures are reported.

Output JSON (read by bench's Report):
  {"peer": "pytorch", "version": ..., "blas": ..., "threads_tested": [...],
   "results": [{"workload", "case", "threads", "unit", "median", "min", "max", "rounds"}]}
Units: W1 us/step, W2 ms/iteration, W3 GFLOP/s.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time


# ---------------------------------------------------------------- timing

CPU_PER_WALL = []  # per case: process CPU seconds / wall seconds while measuring (contention check)
OTHER_CPU = []     # per case: cores used by other processes (and steal) while measuring, from /proc/stat


def machine_busy_seconds():
    """Busy CPU seconds of the whole machine (user+nice+system+irq+softirq+steal), or None."""
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        return (v[0] + v[1] + v[2] + v[5] + v[6] + (v[7] if len(v) > 7 else 0)) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None

def measure(step, warmup_s, rounds, round_s):
    """Returns per-round seconds per call of step()."""
    t0 = time.perf_counter()
    n = 0
    while True:
        step()
        n += 1
        el = time.perf_counter() - t0
        if el >= warmup_s and n >= 3:
            break
    per = el / n
    iters = max(1, int(round_s / per))
    out = []
    c0, w0, m0 = time.process_time(), time.perf_counter(), machine_busy_seconds()
    for _ in range(rounds):
        t = time.perf_counter()
        for _ in range(iters):
            step()
        out.append((time.perf_counter() - t) / iters)
    wall, own, m1 = time.perf_counter() - w0, time.process_time() - c0, machine_busy_seconds()
    CPU_PER_WALL.append(round(own / wall, 2))
    OTHER_CPU.append(None if m0 is None or m1 is None else round(max(0.0, (m1 - m0 - own) / wall), 2))
    return out, iters


def busy_note():
    o = OTHER_CPU[-1] if OTHER_CPU else None
    return "" if o is None or o < 0.2 else "; WARNING other processes used %.1f cores" % o


def summarize(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "rounds": values}


# ---------------------------------------------------------------- workloads

def w1(torch, batch):
    nn = torch.nn
    torch.manual_seed(42)
    model = nn.Sequential(nn.Linear(15, 50), nn.Sigmoid(), nn.Linear(50, 1), nn.Sigmoid())
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
    loss_fn = nn.MSELoss()
    x = torch.rand(batch, 15) * 2 - 1
    y = torch.rand(batch, 1)

    def step():
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
    return step


def w2(torch, batch):
    nn = torch.nn
    torch.manual_seed(2)
    G = nn.Sequential(nn.Linear(100, 256), nn.LeakyReLU(0.2), nn.Linear(256, 512), nn.LeakyReLU(0.2),
                      nn.Linear(512, 784), nn.Tanh())
    D = nn.Sequential(nn.Linear(784, 512), nn.LeakyReLU(0.2), nn.Linear(512, 256), nn.LeakyReLU(0.2),
                      nn.Linear(256, 1), nn.Sigmoid())
    opt_g = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999), eps=1e-7)
    opt_d = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999), eps=1e-7)
    bce = nn.BCELoss()
    real = torch.rand(batch, 784) * 2 - 1
    z = torch.randn(batch, 100)  # fixed noise, as in Minimax's W2 benchmark
    ones = torch.ones(batch, 1)
    zeros = torch.zeros(batch, 1)

    def step():
        # The usual PyTorch loop (as in pytorch/examples dcgan): G forward once, reused.
        fake = G(z)
        opt_d.zero_grad()
        loss_d = bce(D(real), ones) + bce(D(fake.detach()), zeros)
        loss_d.backward()
        opt_d.step()
        opt_g.zero_grad()
        loss_g = bce(D(fake), ones)  # non-saturating; only G's optimizer steps
        loss_g.backward()
        opt_g.step()
    return step


def w3(torch, m, n, k):
    torch.manual_seed(3)
    a = torch.rand(m, k)
    b = torch.rand(k, n)
    c = torch.empty(m, n)

    def step():
        torch.mm(a, b, out=c)
    return step


# ---------------------------------------------------------------- child: one thread count

def run_child(args):
    import torch
    t = args.child
    torch.set_num_threads(t)
    torch.set_default_dtype(torch.float32)
    warm, rounds, round_s = args.warmup, args.rounds, args.round_seconds
    results = []

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    for batch in (32, 1024):
        secs, iters = measure(w1(torch, batch), warm, rounds, round_s)
        r = summarize([s * 1e6 for s in secs])
        results.append({"workload": "W1", "case": "batch=%d" % batch, "threads": t, "unit": "us/step", **r})
        log("W1 batch=%-5d threads=%d  %10.2f us/step  [%.2f-%.2f]  (%d iters/round%s)" % (
            batch, t, r["median"], r["min"], r["max"], iters, busy_note()))
    for batch in (64, 256):
        secs, iters = measure(w2(torch, batch), warm, rounds, round_s)
        r = summarize([s * 1e3 for s in secs])
        results.append({"workload": "W2", "case": "batch=%d" % batch, "threads": t, "unit": "ms/iteration", **r})
        log("W2 batch=%-5d threads=%d  %10.3f ms/iter  [%.3f-%.3f]  (%d iters/round%s)" % (
            batch, t, r["median"], r["min"], r["max"], iters, busy_note()))
    with torch.no_grad():
        for (m, n, k) in ((512, 512, 512), (64, 512, 784), (1024, 1024, 1024)):
            secs, iters = measure(w3(torch, m, n, k), warm, rounds, round_s)
            r = summarize([2.0 * m * n * k / s / 1e9 for s in secs])
            results.append({"workload": "W3", "case": "%dx%dx%d" % (m, n, k), "threads": t, "unit": "GFLOP/s", **r})
            log("W3 %-14s threads=%d  %10.2f GFLOP/s [%.2f-%.2f]  (%d iters/round%s)" % (
                "%dx%dx%d" % (m, n, k), t, r["median"], r["min"], r["max"], iters, busy_note()))
    info = {"torch_num_threads": torch.get_num_threads(), "openblas": openblas_info(),
            "cpu_per_wall": {"%s %s" % (r["workload"], r["case"]): u for r, u in zip(results, CPU_PER_WALL)},
            "other_cpu": {"%s %s" % (r["workload"], r["case"]): u for r, u in zip(results, OTHER_CPU)}}
    json.dump({"results": results, "info": info}, sys.stdout)


def openblas_info():
    """Which libblas/libopenblas is mapped into this process, and its config/core (via ctypes)."""
    import ctypes
    paths = []
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                p = line.split()[-1]
                base = os.path.basename(p)
                if ("blas" in base or "lapack" in base) and p.startswith("/") and p not in paths:
                    paths.append(p)
    except OSError:
        pass
    info = {"libraries": paths}
    for p in paths:
        try:
            lib = ctypes.CDLL(p)
            lib.openblas_get_config.restype = ctypes.c_char_p
            lib.openblas_get_corename.restype = ctypes.c_char_p
            info["config"] = lib.openblas_get_config().decode()
            info["corename"] = lib.openblas_get_corename().decode()
            try:
                info["num_threads"] = lib.openblas_get_num_threads()
                info["parallel"] = {0: "sequential", 1: "pthreads", 2: "openmp"}.get(lib.openblas_get_parallel())
            except AttributeError:
                pass
            info["library"] = p
            break
        except (OSError, AttributeError):
            continue
    return info


# ---------------------------------------------------------------- parent

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="short warm-up and rounds")
    ap.add_argument("--out", help="write the JSON results here")
    ap.add_argument("--threads", default="1,2", help="comma-separated thread counts (default 1,2)")
    ap.add_argument("--rounds", type=int, help="measurement rounds (default 7, quick 3)")
    ap.add_argument("--warmup", type=float, help="warm-up seconds per case (default 1.5, quick 0.3)")
    ap.add_argument("--round-seconds", type=float, help="target seconds per round (default 0.5, quick 0.15)")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.rounds is None:
        args.rounds = 3 if args.quick else 7
    if args.warmup is None:
        args.warmup = 0.3 if args.quick else 1.5
    if args.round_seconds is None:
        args.round_seconds = 0.15 if args.quick else 0.5

    if args.child is not None:
        run_child(args)
        return 0

    threads = [int(t) for t in args.threads.split(",") if t.strip()]
    try:
        import torch
        version = torch.__version__
        config = torch.__config__.show()
    except Exception as e:  # reported, not fatal
        return write(args.out, {"peer": "pytorch", "error": "cannot import torch: %s" % e})

    results, infos = [], {}
    load_before = os.getloadavg()
    if load_before[0] > 0.5:
        print("warning: load average %.2f before the run; other processes may distort the timings"
              % load_before[0], file=sys.stderr, flush=True)
    for t in threads:
        env = dict(os.environ, OMP_NUM_THREADS=str(t))
        cmd = [sys.executable, os.path.abspath(__file__), "--child", str(t), "--rounds", str(args.rounds),
               "--warmup", str(args.warmup), "--round-seconds", str(args.round_seconds)]
        print("== PyTorch %s, %d thread(s)" % (version, t), file=sys.stderr, flush=True)
        p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, universal_newlines=True)
        if p.returncode != 0:
            return write(args.out, {"peer": "pytorch", "error": "benchmark child (threads=%d) exited with %d" % (t, p.returncode)})
        child = json.loads(p.stdout)
        results.extend(child["results"])
        infos[str(t)] = child["info"]

    disturbed = sorted("%s threads=%s (%.1f cores)" % (case, t, o) for t, info in infos.items()
                       for case, o in info.get("other_cpu", {}).items() if o is not None and o >= 0.2)
    if disturbed:
        print("warning: other processes used CPU during: " + "; ".join(disturbed), file=sys.stderr)
    ob = infos[str(threads[0])]["openblas"] if threads else {}
    blas_cfg = sorted(set(re.findall(r"(?:BLAS_INFO|LAPACK_INFO|USE_OPENMP|USE_MKLDNN|CPU capability usage)[=:] ?[^,\n]*", config)))
    blas = "%s (core %s, %s) from %s" % (
        ob.get("config", "?"), ob.get("corename", "?"), ob.get("parallel", "?"), ob.get("library", "?")) \
        if ob.get("config") else "unknown; mapped: %s" % ob.get("libraries")
    doc = {
        "peer": "pytorch",
        "version": version,
        "blas": blas,
        "threads_tested": threads,
        "results": results,
        "details": {
            "torch_config_blas": blas_cfg,
            "per_thread_count": infos,
            "python": sys.version.split()[0],
            "cpus": os.cpu_count(),
            "disturbed_cases": disturbed,
            "loadavg_before": load_before, "loadavg_after": os.getloadavg(),
            "env": {k: os.environ.get(k) for k in ("LD_LIBRARY_PATH", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")},
            "rounds": args.rounds, "warmup_s": args.warmup, "round_s": args.round_seconds, "quick": args.quick,
            "w2_loop": "fake=G(z) once (reused for G step); D step on bce(D(real),1)+bce(D(fake.detach()),0); "
                       "G step on bce(D(fake),1); fixed z",
        },
    }
    return write(args.out, doc)


def write(path, doc):
    text = json.dumps(doc, indent=2)
    if path:
        d = os.path.dirname(os.path.abspath(path))
        os.makedirs(d, exist_ok=True)
        tmp = path + ".tmp"
        with open(tmp, "w") as f:
            f.write(text + "\n")
        os.replace(tmp, path)
    else:
        print(text)
    if "error" in doc:
        print("pytorch peer: " + doc["error"], file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
