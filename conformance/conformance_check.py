#!/usr/bin/python3
"""Runs Ringlet's CQL conformance scenarios against a server and compares each statement's answer with the
answer Apache Cassandra 5.0.6 gave (the recorded NN_topic.cassandra-5.0.6.txt files next to the scenarios).

usage: conformance_check.py [--host 127.0.0.1] [--port 9042] [--record] SCENARIO.cql [...]

Prints one DIFF block per differing statement and a summary line per file; exits 1 if anything differs.
With --record, prints the server's answers in the recorded format instead of comparing.
Needs the DataStax Python driver (Debian package python3-cassandra).
"""
import argparse
import datetime
import decimal
import ipaddress
import re
import sys
import time
import uuid

from cassandra.cluster import Cluster, ExecutionProfile, EXEC_PROFILE_DEFAULT
from cassandra.policies import RoundRobinPolicy
from cassandra.query import UNSET_VALUE, SimpleStatement, tuple_factory
from cassandra.util import Date, Duration, OrderedMap, OrderedMapSerializedKey, SortedSet, Time

ERROR_CODES = {"AlreadyExists": 0x2400, "InvalidRequest": 0x2200, "Unauthorized": 0x2100,
               "Unavailable": 0x1000, "WriteTimeout": 0x1100, "ReadTimeout": 0x1200, "ReadFailure": 0x1300,
               "FunctionFailure": 0x1400, "WriteFailure": 0x1500, "CDCWriteFailure": 0x1600}


def literal(v):
    """A value written the way the recordings write it (close to CQL literals)."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return "'" + v.replace("'", "''").replace("\n", "\\n").replace("\r", "\\r") + "'"
    if isinstance(v, (bytes, bytearray, memoryview)):
        return "0x" + bytes(v).hex()
    if isinstance(v, (int, decimal.Decimal, uuid.UUID)):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, datetime.datetime):
        if v.tzinfo is not None:
            v = v.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        return v.isoformat(timespec="milliseconds") + "Z"
    if isinstance(v, (datetime.date, datetime.time)):
        return v.isoformat()
    if isinstance(v, (Date, Time, Duration, ipaddress.IPv4Address, ipaddress.IPv6Address)):
        return str(v)
    if isinstance(v, (dict, OrderedMap, OrderedMapSerializedKey)):
        return "{" + ", ".join(literal(k) + ": " + literal(x) for k, x in v.items()) + "}"
    if isinstance(v, (set, frozenset)):
        return "{" + ", ".join(sorted(literal(x) for x in v)) + "}"
    if isinstance(v, SortedSet):
        return "{" + ", ".join(literal(x) for x in v) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(literal(x) for x in v) + "]"
    if isinstance(v, tuple) and hasattr(v, "_fields"):
        return "{" + ", ".join(f + ": " + literal(getattr(v, f)) for f in v._fields) + "}"
    if isinstance(v, tuple):
        return "(" + ", ".join(literal(x) for x in v) + ")"
    if hasattr(v, "__dict__") and not callable(v):
        return "{" + ", ".join(k + ": " + literal(x) for k, x in sorted(vars(v).items())) + "}"
    return str(v)


def type_text(t):
    try:
        return t.cql_parameterized_type()
    except Exception:  # noqa: BLE001
        return getattr(t, "typename", str(t))


def error_text(e):
    name = type(e).__name__
    code = getattr(e, "code", None)
    text = str(e)
    if not isinstance(code, int):
        m = re.search(r"code=([0-9a-fA-F]{4})", text)
        code = int(m.group(1), 16) if m else ERROR_CODES.get(name)
    message = getattr(e, "message", None)
    if not isinstance(message, str):
        m = re.search(r'message="(.*)"', text, re.S)
        message = m.group(1) if m else text
    message = message.replace("\n", "\\n")
    code_text = "none" if code is None else "0x%04x" % code
    return 'ERROR %s code=%s message="%s"' % (name, code_text, message)


def read_scenario(path):
    """[(line number, statement, directives)]"""
    statements, pending = [], {}
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.strip()
            if not line:
                continue
            if line.startswith("--!") and line[3:].strip().startswith("bind="):
                # the next statement is prepared and executed with these values (a Python list, see BIND_NAMES)
                pending["bind"] = line[3:].strip()[len("bind="):].strip()
                continue
            if line.startswith("--!"):
                for item in (x.strip() for x in line[3:].split(",")):
                    if not item:
                        continue
                    key, _, value = item.partition("=")
                    key = key.strip()
                    if key == "mask":
                        pending.setdefault("mask", set()).update(c.strip().lower() for c in value.split("|"))
                    else:
                        pending[key] = value.strip() if value else True
                continue
            if line.startswith(("--", "//", "#")):
                continue
            statements.append((number, line[:-1].rstrip() if line.endswith(";") else line, pending))
            pending = {}
    return statements


NAME = r'(?:"[^"]+"|\w+)'


def unquote(name):
    return name[1:-1] if name.startswith('"') else name.lower()


class KnownKeys:
    """Partition keys of the tables a scenario creates, so row order can be normalised per partition."""

    def __init__(self):
        self.keyspace = None
        self.keys = {}

    def table(self, name):
        if "." in name:
            ks, tb = name.split(".", 1)
            return unquote(ks), unquote(tb)
        return self.keyspace, unquote(name)

    def learn(self, stmt):
        m = re.match(r"\s*USE\s+(" + NAME + r")\s*$", stmt, re.I)
        if m:
            self.keyspace = unquote(m.group(1))
            return
        m = re.match(r"\s*CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(" + NAME + r"(?:\." + NAME + r")?)\s*\((.*)\)",
                     stmt, re.I | re.S)
        if not m:
            return
        body, key = m.group(2), None
        composite = re.search(r"PRIMARY\s+KEY\s*\(\s*\(([^)]*)\)", body, re.I)
        simple = re.search(r"PRIMARY\s+KEY\s*\(\s*(" + NAME + r")", body, re.I)
        inline = re.search(r"(" + NAME + r")\s+[\w<>, ]+?\s+(?:STATIC\s+)?PRIMARY\s+KEY", body, re.I)
        if composite:
            key = [unquote(c.strip()) for c in composite.group(1).split(",") if c.strip()]
        elif simple:
            key = [unquote(simple.group(1))]
        elif inline:
            key = [unquote(inline.group(1))]
        table = self.table(m.group(1))
        if key and table not in self.keys:
            self.keys[table] = key

    def key_of_select(self, stmt):
        m = re.match(r"\s*SELECT\b.*?\bFROM\s+(" + NAME + r"(?:\." + NAME + r")?)", stmt, re.I | re.S)
        return self.keys.get(self.table(m.group(1))) if m else None


def normalise(stmt, directives, columns, rows, known):
    if directives.get("sort"):
        return sorted(rows), "sorted"
    if directives.get("ordered") or re.search(r"\bORDER\s+BY\b", stmt, re.I) or len(rows) <= 1:
        return rows, "server order"
    key = known.key_of_select(stmt)
    lower = [c.lower() for c in columns]
    if key and all(c in lower for c in key):
        positions = [lower.index(c) for c in key]
        groups = {}
        for r in rows:
            groups.setdefault(tuple(r[i] for i in positions), []).append(r)
        return [r for k in sorted(groups) for r in groups[k]], "partitions sorted, clustering order kept"
    if key:
        parts = re.split(r"\bWHERE\b", stmt, maxsplit=1, flags=re.I)
        if len(parts) == 2 and all(re.search(r"\b" + re.escape(c) + r"\s*=", parts[1], re.I) for c in key):
            return rows, "single partition, server order"
    return sorted(rows), "sorted"


# What `--! bind=[...]` values may use besides Python literals: no builtins, nothing else.
BIND_NAMES = {"None": None, "True": True, "False": False, "UNSET": UNSET_VALUE, "Decimal": decimal.Decimal,
              "UUID": uuid.UUID, "datetime": datetime.datetime, "date": datetime.date, "Time": Time,
              "Duration": Duration, "blob": bytes.fromhex}


def execute(session, stmt, directives, timeout, lines):
    """Runs a statement: simply, or prepared and bound with `--! bind` values (printing the bind markers)."""
    fetch = int(directives.get("fetch", 5000))
    if "bind" not in directives:
        return session.execute(SimpleStatement(stmt, fetch_size=fetch), timeout=timeout)
    prepared = session.prepare(stmt)
    lines.append("bind: " + ", ".join("%s %s" % (c.name, type_text(c.type)) for c in prepared.column_metadata))
    values = eval(directives["bind"], {"__builtins__": {}}, dict(BIND_NAMES))  # noqa: S307 - scenario files only
    bound = prepared.bind(values)
    bound.fetch_size = fetch
    return session.execute(bound, timeout=timeout)


def run(path, host, port, timeout):
    """[(header, [answer lines])] in the recorded format."""
    profile = ExecutionProfile(load_balancing_policy=RoundRobinPolicy(), request_timeout=timeout,
                               row_factory=tuple_factory)
    cluster = Cluster([host], port=port, execution_profiles={EXEC_PROFILE_DEFAULT: profile},
                      connect_timeout=timeout, control_connection_timeout=timeout)
    session = cluster.connect()
    known = KnownKeys()
    answers = []
    try:
        for number, stmt, directives in read_scenario(path):
            if "sleep" in directives:
                time.sleep(float(directives["sleep"]))
            lines = []
            try:
                result = execute(session, stmt, directives, timeout, lines)
                warnings = getattr(getattr(result, "response_future", None), "warnings", None) or []
                if result.column_names is None:
                    lines.append("OK")
                else:
                    columns, types = result.column_names, result.column_types or []
                    if types:
                        lines.append("columns: " + ", ".join("%s %s" % (c, type_text(t))
                                                             for c, t in zip(columns, types)))
                    else:
                        lines.append("columns: " + ", ".join(columns))
                    masked = directives.get("mask", set())
                    rows = [[("<set>" if v is not None else "null") if c.lower() in masked else literal(v)
                             for c, v in zip(columns, r)] for r in result]
                    rows, how = normalise(stmt, directives, columns, rows, known)
                    lines.extend("row: " + " | ".join(r) for r in rows)
                    lines.append("(%d rows%s)" % (len(rows), "" if len(rows) <= 1 else "; " + how))
                lines.extend("warning: " + str(w).replace("\n", "\\n") for w in warnings)
            except Exception as e:  # noqa: BLE001 - every error is an answer to compare
                lines.append(error_text(e))
            known.learn(stmt)
            answers.append(("[%d] %s" % (number, stmt), lines))
    finally:
        cluster.shutdown()
    return answers


def read_recording(path):
    answers = []
    with open(path, encoding="utf-8") as f:
        for line in f.read().splitlines():
            if line.startswith("[") and answers is not None:
                answers.append((line, []))
            elif line.startswith("  ") and answers:
                answers[-1][1].append(line[2:])
    return answers


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenarios", nargs="+")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9042)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args(argv)
    if not args.host.startswith("127."):
        parser.error("only loopback hosts are allowed")
    failed = 0
    for scenario in args.scenarios:
        answers = run(scenario, args.host, args.port, args.timeout)
        if args.record:
            for header, lines in answers:
                print(header)
                for line in lines:
                    print("  " + line)
            continue
        expected = read_recording(re.sub(r"\.cql$", ".cassandra-5.0.6.txt", scenario))
        same = differ = 0
        for (want_header, want), (got_header, got) in zip(expected, answers):
            if want_header == got_header and want == got:
                same += 1
                continue
            differ += 1
            print("DIFF %s %s" % (scenario.rsplit("/", 1)[-1], want_header))
            for line in want:
                print("  cassandra: " + line)
            for line in got:
                print("  ringlet:   " + line)
        if len(expected) != len(answers):
            differ += 1
            print("DIFF %s: %d recorded statements, %d run" % (scenario, len(expected), len(answers)))
        print("%s: %d same, %d differ" % (scenario.rsplit("/", 1)[-1], same, differ))
        failed += differ
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
