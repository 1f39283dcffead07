#!/usr/bin/env python3
"""A Ringlet node against Apache Cassandra 5.0.6 on this machine, side by side in one run.

Started by bench/node-vs-cassandra.sh (which builds what is needed first). Starts a Ringlet node from the
distribution tarball (bin/ringlet start, default configuration, its own data directory and ports) and a real
Cassandra (the peer's cassandra/start.sh, its own data directory and ports), measures the time until each native
port accepts connections and the idle RSS, then runs the same load generator sequence against both, interleaved
(A B, then B A for the next phase or round). For every run it records ops/s, latency percentiles, the server's
CPU seconds (utime + stime of /proc/<pid>/stat, sampled when the load generator's measured window starts and
ends) per operation, the load generator's own CPU per operation over the same window (it shares the cores), the
throughput ceiling the two imply on this machine's cores, and the server's highest RSS during the run. Prints the
comparison table (markdown) and writes every raw line to the output directory. Stops both servers by the PIDs it
started, also on failure.
"""
import argparse
import json
import os
import re
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")
CORES = os.cpu_count() or 1
PAGE = os.sysconf("SC_PAGE_SIZE")


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def port_open(port, host="127.0.0.1"):
    try:
        with socket.create_connection((host, port), timeout=0.2):
            return True
    except OSError:
        return False


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # fields[0] is the state (field 3); utime and stime are fields 14 and 15
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def loadavg():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def wait_port(port, proc_alive, t0, timeout):
    """Polls every 10 ms until the port accepts; returns seconds since t0."""
    deadline = t0 + timeout
    while time.monotonic() < deadline:
        if port_open(port):
            return time.monotonic() - t0
        if not proc_alive():
            raise RuntimeError(f"server for port {port} exited during startup")
        time.sleep(0.01)
    raise RuntimeError(f"port {port} not open after {timeout} s")


class Server:
    def __init__(self, name, port):
        self.name = name
        self.port = port
        self.pid = None
        self.startup_s = None
        self.rss_at_open_kb = None
        self.idle_rss_kb = None


class Ringlet(Server):
    def __init__(self, args, dist_home, work, name="ringlet", offset=0):
        super().__init__(name, args.ringlet_port + offset)
        self.home = dist_home
        self.data = os.path.join(work, name + "-data")
        self.args = args
        self.storage_port = args.ringlet_storage_port + offset
        self.jmx_port = args.ringlet_jmx_port + offset

    def start(self):
        if port_open(self.port):
            raise RuntimeError(f"port {self.port} is already in use; pick another with --ringlet-port")
        env = dict(os.environ)
        opts = self.args.ringlet_b_java_opts if self.name == "ringlet-b" and self.args.ringlet_b_java_opts is not None \
            else self.args.ringlet_java_opts
        if opts:
            env["RINGLET_JAVA_OPTS"] = opts
        else:
            env.pop("RINGLET_JAVA_OPTS", None)
        cmd = [os.path.join(self.home, "bin", "ringlet"), "start", "--data", self.data,
               "--native-transport-port", str(self.port), "--storage-port", str(self.storage_port),
               "--jmx-port", str(self.jmx_port)]
        extra = self.args.ringlet_b_args if self.name == "ringlet-b" and self.args.ringlet_b_args is not None \
            else self.args.ringlet_args
        cmd += shlex.split(extra or "")
        t0 = time.monotonic()
        launcher = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        pidfile = os.path.join(self.data, "ringlet.pid")

        def alive():
            return launcher.poll() is None or (self.pid is not None and os.path.exists(f"/proc/{self.pid}"))
        # the launcher writes the JVM's pid right after forking it
        while self.pid is None:
            if os.path.exists(pidfile):
                txt = open(pidfile).read().strip()
                if txt.isdigit() and os.path.exists(f"/proc/{txt}/cmdline") and \
                        b"org.ringlet.node.Main" in open(f"/proc/{txt}/cmdline", "rb").read():
                    self.pid = int(txt)
                    break
            if launcher.poll() is not None:
                raise RuntimeError("ringlet start failed:\n" + launcher.stdout.read())
            time.sleep(0.005)
        self.startup_s = wait_port(self.port, alive, t0, 120)
        self.rss_at_open_kb = rss_kb(self.pid)
        out, _ = launcher.communicate(timeout=120)
        if launcher.returncode != 0:
            raise RuntimeError("ringlet start failed:\n" + out)
        log(f"{self.name} up: pid {self.pid}, port {self.port} open after {self.startup_s:.2f} s")

    def evict(self):
        """Drops this server's files from the page cache (its own files only: other processes keep theirs)."""
        n = 0
        for root, _, files in os.walk(self.data):
            for f in files:
                try:
                    fd = os.open(os.path.join(root, f), os.O_RDONLY)
                except OSError:
                    continue
                try:
                    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                    n += 1
                finally:
                    os.close(fd)
        log(f"{self.name}: {n} files dropped from the page cache")

    def flush(self):
        subprocess.run([os.path.join(self.home, "bin", "ringlet"), "nodetool", "-p", str(self.jmx_port),
                        "flush", "loadgen"], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=300)

    def stop(self):
        if self.pid and os.path.exists(f"/proc/{self.pid}"):
            subprocess.run([os.path.join(self.home, "bin", "ringlet"), "stop", "--data", self.data], check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=90)
            if os.path.exists(f"/proc/{self.pid}"):
                os.kill(self.pid, signal.SIGKILL)
            log(f"{self.name} stopped (pid {self.pid})")


class Cassandra(Server):
    def __init__(self, args, work):
        super().__init__("cassandra", args.cassandra_port)
        self.args = args
        self.data = os.path.join(work, "cassandra-data")
        self.cdir = os.path.join(args.peer, "cassandra")

    def env(self):
        env = dict(os.environ)
        env.update(PEER_PORT=str(self.port), PEER_STORAGE_PORT=str(self.args.cassandra_storage_port),
                   PEER_JMX_PORT=str(self.args.cassandra_jmx_port), PEER_DATA=self.data, PEER_REGISTER="0")
        return env

    def start(self):
        if port_open(self.port):
            raise RuntimeError(f"port {self.port} is already in use; pick another with --cassandra-port")
        t0 = time.monotonic()
        launcher = subprocess.Popen([os.path.join(self.cdir, "start.sh")], env=self.env(), stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, text=True)
        pidfile = os.path.join(self.data, "cassandra.pid")
        while self.pid is None:
            if os.path.exists(pidfile):
                txt = open(pidfile).read().strip()
                if txt.isdigit():
                    self.pid = int(txt)
                    break
            if launcher.poll() is not None:
                raise RuntimeError("cassandra start failed:\n" + launcher.stdout.read())
            time.sleep(0.005)
        self.startup_s = wait_port(self.port, lambda: os.path.exists(f"/proc/{self.pid}"), t0, 300)
        self.rss_at_open_kb = rss_kb(self.pid)
        out, _ = launcher.communicate(timeout=300)
        if launcher.returncode != 0:
            raise RuntimeError("cassandra start failed:\n" + out)
        log(f"cassandra up: pid {self.pid}, port {self.port} open after {self.startup_s:.2f} s")

    def flush(self):
        subprocess.run([os.path.join(self.cdir, "nodetool.sh"), "flush", "loadgen"], env=self.env(), check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)

    def stop(self):
        if self.pid and os.path.exists(f"/proc/{self.pid}"):
            subprocess.run([os.path.join(self.cdir, "stop.sh")], env=self.env(), check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=90)
            if os.path.exists(f"/proc/{self.pid}"):
                os.kill(self.pid, signal.SIGKILL)
            log(f"cassandra stopped (pid {self.pid})")


RESULT_RE = re.compile(r"(\w+)=([^\s]+)")


def run_loadgen(args, server, workload, concurrency, keys, duration, warmup, extra, logf):
    cmd = ["java", "-jar", args.loadgen, "--port", str(server.port), "--workload", workload, "--keys", str(keys),
           "--duration", str(duration), "--concurrency", str(concurrency)]
    if workload != "populate":
        cmd += ["--warmup", str(warmup)]
    cmd += extra
    logf.write(f"\n### {server.name}: {' '.join(cmd)}\n")
    samples = {"rss_max": 0}
    stop = threading.Event()

    def sample_rss():
        while not stop.is_set():
            try:
                samples["rss_max"] = max(samples["rss_max"], rss_kb(server.pid))
            except OSError:
                pass
            stop.wait(0.5)
    sampler = threading.Thread(target=sample_rss, daemon=True)
    sampler.start()
    la0 = loadavg()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    cpu_start = cpu_seconds(server.pid) if workload == "populate" else None
    client_start = cpu_seconds(proc.pid) if workload == "populate" else None
    t_start = time.monotonic() if workload == "populate" else None
    cpu_end = client_end = t_end = None
    result = None
    for line in proc.stdout:
        logf.write(line)
        if line.startswith("loadgen: warmup done"):
            cpu_start, client_start, t_start = cpu_seconds(server.pid), cpu_seconds(proc.pid), time.monotonic()
        elif line.startswith("throughput:"):
            cpu_end, client_end, t_end = cpu_seconds(server.pid), cpu_seconds(proc.pid), time.monotonic()
        elif line.startswith("RESULT "):
            result = dict(RESULT_RE.findall(line[7:]))
    proc.wait()
    stop.set()
    sampler.join()
    logf.flush()
    if result is None or "ops" not in result:
        raise RuntimeError(f"loadgen against {server.name} gave no RESULT (exit {proc.returncode})")
    if cpu_end is None:
        # the load generator has exited: its CPU is no longer readable, so this run has no client figure
        cpu_end, t_end = cpu_seconds(server.pid), time.monotonic()
    ops = int(result["ops"])
    cpu = cpu_end - cpu_start
    client_us = round((client_end - client_start) * 1e6 / max(ops, 1), 2) if client_end is not None else 0.0
    server_us = cpu * 1e6 / max(ops, 1)
    # every core busy with nothing but this client and this server: CORES s of CPU per second / CPU s per op
    ceiling = round(CORES * 1e6 / (client_us + server_us)) if client_us and server_us else 0
    return {
        "server": server.name, "workload": workload, "concurrency": concurrency,
        "ops_per_s": float(result["ops_per_s"]), "ops": ops, "errors": int(result["errors"]),
        "misses": int(result["misses"]), "p50_us": int(result["p50_us"]), "p99_us": int(result["p99_us"]),
        "p999_us": int(result["p999_us"]), "max_us": int(result["max_us"]),
        "server_cpu_s": round(cpu, 2), "server_cores": round(cpu / (t_end - t_start), 2),
        "cpu_us_per_op": round(server_us, 2), "client_cpu_us_per_op": client_us, "ceiling_ops_per_s": ceiling,
        "rss_max_kb": samples["rss_max"],
        "loadavg_before": la0,
    }


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--mode", choices=["quick", "full"], default="quick")
    p.add_argument("--rounds", type=int, help="rounds of every load phase (quick 1, full 2)")
    p.add_argument("--keys", type=int, help="keys (quick 200000, full 1000000)")
    p.add_argument("--duration", type=int, help="measured seconds per run (quick 10, full 30)")
    p.add_argument("--warmup", type=int, help="warm-up seconds per run (quick 3, full 5)")
    p.add_argument("--idle-seconds", type=float, default=10, help="idle time before the idle RSS is read")
    p.add_argument("--servers", default="ringlet,cassandra", help="which servers (ringlet,cassandra)")
    p.add_argument("--phases", help="comma list of workload:concurrency (default: the whole sequence)")
    p.add_argument("--work", required=True, help="scratch directory (data of both servers, logs, results)")
    p.add_argument("--dist", required=True, help="unpacked Ringlet distribution (with bin/ringlet)")
    p.add_argument("--dist-b", help="a second unpacked Ringlet distribution, server name ringlet-b (A/B of builds)")
    p.add_argument("--peer", default="/work/shared/peer")
    p.add_argument("--loadgen", default="/work/shared/peer/loadgen/target/loadgen.jar")
    p.add_argument("--ringlet-port", type=int, default=39142)
    p.add_argument("--ringlet-storage-port", type=int, default=37100)
    p.add_argument("--ringlet-jmx-port", type=int, default=37299)
    p.add_argument("--ringlet-java-opts", default=os.environ.get("RINGLET_JAVA_OPTS", ""))
    p.add_argument("--ringlet-b-java-opts", help="RINGLET_JAVA_OPTS of ringlet-b (default: as ringlet)")
    p.add_argument("--ringlet-args", default="",
                   help="settings appended to `ringlet start`, e.g. \"--file-cache-size 64MiB --concurrent-reads 32\"")
    p.add_argument("--ringlet-b-args", help="settings of ringlet-b's start (default: as ringlet)")
    p.add_argument("--evict-before-reads", action="store_true",
                   help="before every read or mixed run, drop the server's data files from the operating system's "
                        "page cache (posix_fadvise DONTNEED on its own files only), so that chunk-cache misses read "
                        "the disk")
    p.add_argument("--cassandra-port", type=int, default=39042)
    p.add_argument("--cassandra-storage-port", type=int, default=37000)
    p.add_argument("--cassandra-jmx-port", type=int, default=37199)
    args = p.parse_args()
    quick = args.mode == "quick"
    rounds = args.rounds or (1 if quick else 2)
    keys = args.keys or (200_000 if quick else 1_000_000)
    duration = args.duration or (10 if quick else 30)
    warmup = args.warmup if args.warmup is not None else (3 if quick else 5)
    os.makedirs(args.work, exist_ok=True)

    servers = []
    names = args.servers.split(",")
    if "ringlet" in names:
        servers.append(Ringlet(args, args.dist, args.work))
    if "ringlet-b" in names:
        if not args.dist_b:
            p.error("ringlet-b needs --dist-b (a second unpacked distribution, e.g. the build before a change)")
        servers.append(Ringlet(args, args.dist_b, args.work, "ringlet-b", 1))
    if "cassandra" in names:
        servers.append(Cassandra(args, args.work))

    def cleanup(*_):
        for s in servers:
            try:
                s.stop()
            except Exception as e:  # noqa: BLE001 - best effort on the way out
                log(f"stopping {s.name}: {e}")
    signal.signal(signal.SIGTERM, lambda *a: (cleanup(), sys.exit(143)))
    results = []
    meta = {"mode": args.mode, "rounds": rounds, "keys": keys, "duration": duration, "warmup": warmup,
            "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "ringlet_java_opts": args.ringlet_java_opts}
    logf = open(os.path.join(args.work, "loadgen.log"), "a")
    try:
        for s in servers:
            s.start()
            time.sleep(args.idle_seconds)
            s.idle_rss_kb = rss_kb(s.pid)
            log(f"{s.name}: RSS at port open {s.rss_at_open_kb // 1024} MiB, after {args.idle_seconds:.0f} s idle "
                f"{s.idle_rss_kb // 1024} MiB")
        # the sequence of ../shared/peer/BASELINE.md
        sequence = [("write", 32, ["--drop"]), ("write", 128, []), ("populate", 128, []), ("flush", 0, []),
                    ("read", 32, []), ("read", 128, []), ("mixed", 32, []), ("mixed", 128, [])]
        if args.phases:
            wanted = [tuple(x.split(":")) for x in args.phases.split(",")]
            sequence = [ph for ph in sequence if (ph[0], str(ph[1])) in wanted or ph[0] == "flush"
                        and any(w[0] == "flush" for w in wanted)]
        flip = 0
        for workload, conc, extra in sequence:
            if workload == "flush":
                for s in servers:
                    t = time.monotonic()
                    s.flush()
                    log(f"{s.name}: flush took {time.monotonic() - t:.1f} s")
                time.sleep(5)
                continue
            phase_rounds = 1 if workload == "populate" else rounds
            for r in range(phase_rounds):
                order = servers if flip % 2 == 0 else list(reversed(servers))
                flip += 1
                for s in order:
                    dur = 3600 if workload == "populate" else duration
                    ex = extra if r == 0 else [e for e in extra if e != "--drop"]
                    if args.evict_before_reads and workload in ("read", "mixed") and hasattr(s, "evict"):
                        s.evict()
                    res = run_loadgen(args, s, workload, conc, keys, dur, warmup, ex, logf)
                    res["round"] = r + 1
                    results.append(res)
                    log(f"{s.name:9s} {workload:8s} c{conc:<3d} r{r + 1}: {res['ops_per_s']:>9,.0f} ops/s "
                        f"p99 {res['p99_us']:>6,d} us  cpu {res['cpu_us_per_op']:6.1f} us/op "
                        f"({res['server_cores']:.2f} cores)  client {res['client_cpu_us_per_op']:5.1f} us/op  "
                        f"ceiling {res['ceiling_ops_per_s']:>9,d} ops/s  rss {res['rss_max_kb'] // 1024} MiB  "
                        f"errors {res['errors']} misses {res['misses']}  load {res['loadavg_before']:.1f}")
    finally:
        cleanup()
        logf.close()
        with open(os.path.join(args.work, "results.json"), "w") as f:
            json.dump({"meta": meta, "servers": [vars(s) | {"args": None} for s in servers], "runs": results}, f,
                      indent=1, default=str)
    print_table(servers, results, meta)


def fmt_ratio(a, b):
    return f"{a / b:.2f}" if a and b else "—"


def print_table(servers, results, meta):
    print()
    print(f"## Ringlet vs Cassandra 5.0.6 — mode {meta['mode']}, {meta['keys']:,} keys, {meta['duration']} s runs "
          f"(+{meta['warmup']} s warm-up), {meta['rounds']} round(s), started {meta['started']}")
    print()
    by = {s.name: s for s in servers}
    if len(servers) == 2:
        a, b = servers
        print(f"| | {a.name} | {b.name} | ratio |")
        print("|---|---|---|---|")
        print(f"| startup to open native port (s) | {a.startup_s:.2f} | {b.startup_s:.2f} | "
              f"{fmt_ratio(a.startup_s, b.startup_s)} |")
        print(f"| RSS at port open (MiB) | {a.rss_at_open_kb // 1024} | {b.rss_at_open_kb // 1024} | "
              f"{fmt_ratio(a.rss_at_open_kb, b.rss_at_open_kb)} |")
        print(f"| idle RSS (MiB) | {a.idle_rss_kb // 1024} | {b.idle_rss_kb // 1024} | "
              f"{fmt_ratio(a.idle_rss_kb, b.idle_rss_kb)} |")
        print()
    else:
        for s in servers:
            print(f"{s.name}: startup {s.startup_s:.2f} s, RSS at open {s.rss_at_open_kb // 1024} MiB, idle RSS "
                  f"{s.idle_rss_kb // 1024} MiB")
        print()
    phases = []
    for r in results:
        key = (r["workload"], r["concurrency"])
        if key not in phases:
            phases.append(key)
    names = [s.name for s in servers]
    head = "| phase |"
    for metric in ("ops/s", "p99 µs", "CPU µs/op", "client CPU µs/op", f"ceiling ops/s ({CORES} cores)",
                   "max RSS MiB"):
        for n in names:
            head += f" {n} {metric} |"
        if len(names) == 2:
            head += f" ratio |"
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for wl, conc in phases:
        row = f"| {wl} c{conc} |"
        runs = {n: [r for r in results if r["server"] == n and r["workload"] == wl and r["concurrency"] == conc]
                for n in names}
        for field, agg in (("ops_per_s", statistics.median), ("p99_us", statistics.median),
                           ("cpu_us_per_op", statistics.median), ("client_cpu_us_per_op", statistics.median),
                           ("ceiling_ops_per_s", statistics.median), ("rss_max_kb", max)):
            vals = {}
            for n in names:
                xs = [r.get(field, 0) for r in runs[n]]
                v = agg(xs) if xs else 0
                if field == "rss_max_kb":
                    v //= 1024
                vals[n] = v
                spread = f" ({min(xs):,.0f}–{max(xs):,.0f})" if len(xs) > 1 and field != "rss_max_kb" else ""
                row += f" {v:,.1f}{spread} |" if field.endswith("us_per_op") else f" {v:,.0f}{spread} |"
            if len(names) == 2:
                row += f" {fmt_ratio(vals[names[0]], vals[names[1]])} |"
        print(row)
    print()
    print(f"Values: median over rounds (range). Ratios: {names[0]} / {names[-1]} (goal against Cassandra: ops/s ≥ 2, "
          "p99 ≤ 0.5, CPU/op ≤ 0.25).")
    print(f"Client CPU µs/op: the load generator's utime+stime over the measured window per operation. Ceiling: "
          f"{CORES} cores' CPU seconds per second / (client + server CPU per operation), the throughput this client "
          "and server could reach on this machine's cores with nothing else running.")


if __name__ == "__main__":
    main()
