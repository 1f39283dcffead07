#!/usr/bin/env python3
"""One Ringlet node as its data grows: populate N keys, then read, for every N of --sizes, on the same node.

Uses the server handling and load generator runner of node_vs_cassandra.py. Starts one node from an unpacked
distribution (default configuration), then for each size in turn (e.g. 1000000,10000000): populates keys 0..N-1
at concurrency --concurrency (keys written by a smaller size before are written again), flushes, waits until
compaction is idle (at most --settle-max seconds), records the node's SSTables and data size (nodetool tablestats),
its live heap (after a full collection, jcmd GC.run) and RSS, then reads random keys of [0, N) for --duration
seconds. Every run records ops/s, p99, server CPU µs per operation (utime + stime of /proc/<pid>/stat around the
measured window), the load average, and the key cache and chunk cache lines of nodetool info after the reads.
Stops the node by its PID at the end, also on failure. Raw output goes to --work (loadgen.log, scaling.json).

With --reads-only the node starts on the data a previous run left in --work (populated to the largest of --sizes)
and only reads, once per size: a way to measure another build, or other settings, on the same data without
loading it again. Its first read run starts with caches as empty as a restart leaves them; --read-warmup gives it
more warm-up.

    python3 bench/node_scaling.py --dist <unpacked tarball> --work /tmp/scale-node --sizes 1000000,10000000 \
        --ringlet-port 46142 --ringlet-storage-port 46100 --ringlet-jmx-port 46299
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import node_vs_cassandra as nvc  # noqa: E402


def nodetool(server, *cmd, timeout=300):
    r = subprocess.run([os.path.join(server.home, "bin", "ringlet"), "nodetool", "-p", str(server.jmx_port), *cmd],
                       capture_output=True, text=True, timeout=timeout)
    return r.stdout + r.stderr


def settle(server, limit):
    """Waits until nodetool compactionstats shows no pending or running compaction; returns seconds waited."""
    t0 = time.monotonic()
    quiet = 0
    while time.monotonic() - t0 < limit and quiet < 3:
        out = nodetool(server, "compactionstats")
        m = re.search(r"pending tasks\s*:?\s*(\d+)", out)
        pending = int(m.group(1)) if m else 0
        running = len([ln for ln in out.splitlines() if "Compaction" in ln and "%" in ln])
        quiet = quiet + 1 if pending == 0 and running == 0 else 0
        time.sleep(2)
    return time.monotonic() - t0


def pick(text, *labels):
    lines = []
    for label in labels:
        lines += [ln.strip() for ln in text.splitlines() if ln.strip().startswith(label)]
    return lines


def du_mib(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(root, f))
            except OSError:
                pass
    return total >> 20


def components(path):
    """Bytes per SSTable component (Data, Index, Filter, Summary) of the loadgen keyspace, and the SSTable sizes."""
    comp, tables = {}, {}
    for root, _, files in os.walk(os.path.join(path, "data", "loadgen")):
        for f in files:
            m = re.match(r"(.*-\d+)-(\w+)\.db$", f)
            if m:
                size = os.path.getsize(os.path.join(root, f))
                comp[m.group(2)] = comp.get(m.group(2), 0) + size
                tables[m.group(1)] = tables.get(m.group(1), 0) + size
    return {k: round(v / 1048576, 1) for k, v in comp.items()}, sorted((v >> 20 for v in tables.values()), reverse=True)


def live_heap(server):
    subprocess.run(["jcmd", str(server.pid), "GC.run"], capture_output=True, timeout=120)
    out = subprocess.run(["jcmd", str(server.pid), "GC.heap_info"], capture_output=True, text=True,
                         timeout=60).stdout
    m = re.search(r"used (\d+)K", out)
    return (int(m.group(1)) >> 10) if m else -1


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dist", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--sizes", default="1000000,10000000")
    p.add_argument("--concurrency", type=int, default=128)
    p.add_argument("--duration", type=int, default=30, help="measured seconds of each read run")
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--settle-max", type=int, default=600)
    p.add_argument("--loadgen", default="/work/shared/peer/loadgen/target/loadgen.jar")
    p.add_argument("--ringlet-port", type=int, default=46142)
    p.add_argument("--ringlet-storage-port", type=int, default=46100)
    p.add_argument("--ringlet-jmx-port", type=int, default=46299)
    p.add_argument("--ringlet-java-opts", default=os.environ.get("RINGLET_JAVA_OPTS", ""))
    p.add_argument("--ringlet-b-java-opts", default=None)
    p.add_argument("--ringlet-args", default="",
                   help="more arguments of `ringlet start`, e.g. \"--concurrent-reads 64\"")
    p.add_argument("--ringlet-b-args", default=None)
    p.add_argument("--reads-only", action="store_true",
                   help="read the data a previous run left in --work; no populate, flush or compaction wait")
    p.add_argument("--read-warmup", type=int, default=None, help="warm-up seconds of each read run (default --warmup)")
    args = p.parse_args()
    if args.read_warmup is None:
        args.read_warmup = args.warmup
    os.makedirs(args.work, exist_ok=True)
    server = nvc.Ringlet(args, args.dist, args.work)
    rows = []
    logf = open(os.path.join(args.work, "loadgen.log"), "a")
    try:
        server.start()
        time.sleep(10)
        nvc.log(f"idle RSS {nvc.rss_kb(server.pid) >> 10} MiB")
        for n in [int(x.replace("_", "")) for x in args.sizes.split(",")]:
            row = {"keys": n}
            if args.reads_only:
                rd = nvc.run_loadgen(args, server, "read", args.concurrency, n, args.duration, args.read_warmup, [],
                                     logf)
                row["read"] = rd
                row["info_after_read"] = pick(nodetool(server, "info"), "Heap Memory", "Key Cache", "Chunk Cache")
                nvc.log(f"{n:,} keys (reads only): read {rd['ops_per_s']:,.0f} ops/s p99 {rd['p99_us']:,} us "
                        f"cpu {rd['cpu_us_per_op']:.1f} us/op cores {rd['server_cores']} misses {rd['misses']} "
                        f"load {rd['loadavg_before']:.1f}; {row['info_after_read']}")
                rows.append(row)
                continue
            pop = nvc.run_loadgen(args, server, "populate", args.concurrency, n, 3600, 0, [], logf)
            row["populate"] = pop
            nvc.log(f"{n:,} keys: populate {pop['ops_per_s']:,.0f} ops/s p99 {pop['p99_us']:,} us "
                    f"cpu {pop['cpu_us_per_op']:.1f} us/op rss max {pop['rss_max_kb'] >> 10} MiB "
                    f"load {nvc.loadavg():.1f}")
            t = time.monotonic()
            server.flush()
            row["flush_s"] = round(time.monotonic() - t, 1)
            row["settle_s"] = round(settle(server, args.settle_max), 1)
            stats = nodetool(server, "tablestats", "loadgen.kv")
            row["tablestats"] = pick(stats, "SSTable count", "Space used (live)", "Bloom filter space used",
                                     "Bloom filter off heap", "Index summary off heap", "Number of partitions")
            row["data_mib"] = du_mib(server.data)
            row["components_mib"], row["sstables_mib"] = components(server.data)
            row["live_heap_mib"] = live_heap(server)
            row["rss_mib"] = nvc.rss_kb(server.pid) >> 10
            nvc.log(f"{n:,} keys: flush {row['flush_s']} s, compaction idle after {row['settle_s']} s; "
                    f"{row['tablestats']}; SSTables (MiB) {row['sstables_mib']}, components (MiB) {row['components_mib']}; "
                    f"data dir {row['data_mib']} MiB; live heap {row['live_heap_mib']} MiB, "
                    f"RSS {row['rss_mib']} MiB")
            rd = nvc.run_loadgen(args, server, "read", args.concurrency, n, args.duration, args.read_warmup, [],
                                 logf)
            row["read"] = rd
            row["info_after_read"] = pick(nodetool(server, "info"), "Heap Memory", "Off Heap", "Key Cache",
                                          "Chunk Cache")
            nvc.log(f"{n:,} keys: read {rd['ops_per_s']:,.0f} ops/s p99 {rd['p99_us']:,} us "
                    f"cpu {rd['cpu_us_per_op']:.1f} us/op misses {rd['misses']} rss max {rd['rss_max_kb'] >> 10} MiB"
                    f" load {rd['loadavg_before']:.1f}; {row['info_after_read']}")
            rows.append(row)
    finally:
        server.stop()
        logf.close()
        with open(os.path.join(args.work, "scaling-reads.json" if args.reads_only else "scaling.json"), "w") as f:
            json.dump(rows, f, indent=1)
    print()
    if args.reads_only:
        print("| keys | read ops/s | p50 µs | p99 µs | server CPU µs/op | node's cores |")
        print("|---|---|---|---|---|---|")
        for r in rows:
            rd = r["read"]
            print(f"| {r['keys']:,} | {rd['ops_per_s']:,.0f} | {rd['p50_us']:,} | {rd['p99_us']:,} | "
                  f"{rd['cpu_us_per_op']:.1f} | {rd['server_cores']} |")
        return
    print("| keys | populate ops/s | p99 µs | CPU µs/op | read ops/s | p99 µs | CPU µs/op | SSTables | data MiB |"
          " live heap MiB | RSS MiB (max during read) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        po, rd = r["populate"], r["read"]
        sst = next((x.split(":")[1].strip() for x in r["tablestats"] if x.startswith("SSTable count")), "?")
        print(f"| {r['keys']:,} | {po['ops_per_s']:,.0f} | {po['p99_us']:,} | {po['cpu_us_per_op']:.1f} | "
              f"{rd['ops_per_s']:,.0f} | {rd['p99_us']:,} | {rd['cpu_us_per_op']:.1f} | {sst} | {r['data_mib']:,} | "
              f"{r['live_heap_mib']:,} | {rd['rss_max_kb'] >> 10:,} |")


if __name__ == "__main__":
    main()
