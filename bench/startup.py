#!/usr/bin/env python3
"""Time from `bin/ringlet start` to an open native port, for one or two unpacked distributions, interleaved.

For every round and every build (the order alternates from round to round: A B, B A, ...):
  - fresh:   `bin/ringlet start` on a new, empty data directory;
  - restart: `bin/ringlet start` on a data directory prepared once per build (a keyspace with a few tables and rows
             written through cqlsh, then a clean stop), so the schema, the SSTables and the commit log are loaded.
The time is measured from launching the start command until the native port accepts a TCP connection (polled every
10 ms), as bench/node_vs_cassandra.py does; the node is stopped with `bin/ringlet stop` after each start. Prints the
median (and range) per build and kind, the node's CPU time (user + system) until the port opened (steadier than
the wall time on a busy machine), the RSS at port open, and the 1-minute load average seen during the runs.
"""
import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def port_open(port, host="127.0.0.1"):
    """Whether something listens on the port. A port in the ephemeral range can be connected to itself while
    nothing listens (TCP simultaneous open, when the kernel picks the same port as the source): that is not open,
    and closing it at once frees the port for the node."""
    try:
        with socket.create_connection((host, port), timeout=0.2) as s:
            return s.getsockname() != s.getpeername()
    except OSError:
        return False


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_seconds(pid):
    """utime + stime of the process so far, in seconds (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK
    except OSError:
        return 0.0


def loadavg():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


class Build:
    def __init__(self, label, home, args):
        self.label = label
        self.home = os.path.abspath(home)
        self.args = args
        self.times = {"fresh": [], "restart": []}
        self.rss = {"fresh": [], "restart": []}
        self.cpu = {"fresh": [], "restart": []}

    def ringlet(self):
        return os.path.join(self.home, "bin", "ringlet")

    def start(self, data, fresh=False):
        """Starts the node (on an emptied data directory again when `fresh`); retried (up to 3 times) when its port was taken by another process's connection: the
        assigned ports lie in the kernel's ephemeral range, so any outgoing connection on the machine can hold one."""
        for attempt in range(4):
            try:
                return self.start_once(data)
            except RuntimeError as e:
                if "Address already in use" not in str(e) or attempt == 3:
                    raise
                log(f"{self.label}: a port was in use; starting again")
                if fresh:
                    shutil.rmtree(data, ignore_errors=True)
                time.sleep(1)

    def start_once(self, data):
        port = self.args.port
        if port_open(port):
            raise RuntimeError(f"port {port} is already in use; pick another with --port")
        cmd = [self.ringlet(), "start", "--data", data, "--native-transport-port", str(port),
               "--storage-port", str(self.args.storage_port), "--jmx-port", str(self.args.jmx_port)]
        env = dict(os.environ)
        env.pop("RINGLET_JAVA_OPTS", None)
        opts = self.args.java_opts_b if self.label == "B" and self.args.java_opts_b is not None else self.args.java_opts
        if opts:
            env["RINGLET_JAVA_OPTS"] = opts
        t0 = time.monotonic()
        launcher = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        pidfile = os.path.join(data, "ringlet.pid")
        pid = None
        deadline = t0 + 120
        while True:
            if pid is None and os.path.exists(pidfile):
                txt = open(pidfile).read().strip()
                if txt.isdigit() and os.path.exists(f"/proc/{txt}/cmdline") and \
                        b"org.ringlet.node.Main" in open(f"/proc/{txt}/cmdline", "rb").read():
                    pid = int(txt)
            if port_open(port):
                elapsed = time.monotonic() - t0
                break
            if launcher.poll() is not None and launcher.returncode != 0:
                raise RuntimeError("ringlet start failed:\n" + launcher.stdout.read())
            if time.monotonic() > deadline:
                raise RuntimeError(f"port {port} not open after 120 s")
            time.sleep(0.01)
        rss = rss_kb(pid) if pid else 0
        cpu = cpu_seconds(pid) if pid else 0.0
        out, _ = launcher.communicate(timeout=120)
        if launcher.returncode != 0:
            raise RuntimeError("ringlet start failed:\n" + out)
        return elapsed, rss, cpu, pid

    def stop(self, data, pid):
        subprocess.run([self.ringlet(), "stop", "--data", data], check=False, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=90)
        if pid and os.path.exists(f"/proc/{pid}"):
            os.kill(pid, signal.SIGKILL)
        # the next start needs the ports: wait until the process is gone and nothing listens on the CQL port
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and ((pid and os.path.exists(f"/proc/{pid}")) or port_open(self.args.port)):
            time.sleep(0.05)

    def cqlsh(self, statements):
        subprocess.run([self.ringlet(), "cqlsh", "127.0.0.1", str(self.args.port), "-e", statements], check=True,
                       stdout=subprocess.DEVNULL, timeout=120)


def prepare_restart_data(build, data, tables):
    """A data directory with a keyspace, `tables` tables and a few rows each (flushed by the clean stop)."""
    _, _, _, pid = build.start(data)
    try:
        stmts = ["CREATE KEYSPACE IF NOT EXISTS bench WITH replication = {'class': 'SimpleStrategy', "
                 "'replication_factor': 1};"]
        for t in range(tables):
            stmts.append(f"CREATE TABLE IF NOT EXISTS bench.t{t} (k int, c int, v text, PRIMARY KEY (k, c));")
            for k in range(5):
                stmts.append(f"INSERT INTO bench.t{t} (k, c, v) VALUES ({k}, {k}, 'value {k}');")
        build.cqlsh(" ".join(stmts))
    finally:
        build.stop(data, pid)


def fmt(values):
    if not values:
        return "-"
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f}, n={len(values)})"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dist", required=True, help="unpacked distribution A (the directory with bin/ and lib/)")
    p.add_argument("--dist-b", help="unpacked distribution B, run interleaved with A")
    p.add_argument("--runs", type=int, default=5, help="starts of each kind per build (default 5)")
    p.add_argument("--kinds", default="fresh,restart", help="fresh, restart or both (default fresh,restart)")
    p.add_argument("--tables", type=int, default=10, help="user tables in the restart data directory (default 10)")
    p.add_argument("--work", help="work directory (default: a new temporary directory, removed at the end)")
    p.add_argument("--port", type=int, default=44142, help="native transport port (default 44142)")
    p.add_argument("--storage-port", type=int, default=44100)
    p.add_argument("--jmx-port", type=int, default=44299)
    p.add_argument("--java-opts", help="RINGLET_JAVA_OPTS for the nodes (both builds unless --java-opts-b)")
    p.add_argument("--java-opts-b", help="RINGLET_JAVA_OPTS for build B")
    args = p.parse_args()

    builds = [Build("A", args.dist, args)]
    if args.dist_b:
        builds.append(Build("B", args.dist_b, args))
    for b in builds:
        if not os.access(b.ringlet(), os.X_OK):
            sys.exit(f"no bin/ringlet in {b.home}")
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    own_work = args.work is None
    work = args.work or tempfile.mkdtemp(prefix="ringlet-startup.")
    os.makedirs(work, exist_ok=True)
    loads = []
    try:
        if "restart" in kinds:
            for b in builds:
                data = os.path.join(work, f"{b.label}-restart")
                shutil.rmtree(data, ignore_errors=True)
                log(f"{b.label}: preparing the restart data directory ({args.tables} tables)")
                prepare_restart_data(b, data, args.tables)
        for r in range(args.runs):
            order = builds if r % 2 == 0 else list(reversed(builds))
            for kind in kinds:
                for b in order:
                    if kind == "fresh":
                        data = os.path.join(work, f"{b.label}-fresh")
                        shutil.rmtree(data, ignore_errors=True)
                    else:
                        data = os.path.join(work, f"{b.label}-restart")
                    loads.append(loadavg())
                    elapsed, rss, cpu, pid = b.start(data, fresh=kind == "fresh")
                    b.stop(data, pid)
                    b.times[kind].append(elapsed)
                    b.rss[kind].append(rss / 1024)
                    b.cpu[kind].append(cpu)
                    log(f"round {r + 1} {kind:7s} {b.label}: port open after {elapsed:.2f} s, "
                        f"node CPU {cpu:.2f} s, RSS {rss // 1024} MiB, load {loads[-1]:.2f}")
    finally:
        if own_work:
            shutil.rmtree(work, ignore_errors=True)

    print()
    print(f"load average (1 min) during the runs: median {statistics.median(loads):.2f}, "
          f"range {min(loads):.2f}-{max(loads):.2f}")
    print("| build | kind | time to open port, s: median (range) | node CPU until then, s: median (range) "
          "| RSS at open, MiB (median) |")
    print("|---|---|---|---|---|")
    for b in builds:
        for kind in kinds:
            print(f"| {b.label} {b.home} | {kind} | {fmt(b.times[kind])} | {fmt(b.cpu[kind])} | "
                  f"{statistics.median(b.rss[kind]):.0f} |")
    if len(builds) == 2:
        for kind in kinds:
            a, bb = statistics.median(builds[0].times[kind]), statistics.median(builds[1].times[kind])
            ca, cb = statistics.median(builds[0].cpu[kind]), statistics.median(builds[1].cpu[kind])
            print(f"{kind}: A/B time {a / bb:.2f}, CPU {ca / cb:.2f}")


if __name__ == "__main__":
    main()
