#!/usr/bin/python3
"""Watches a keyspace's schema through the DataStax Python driver's metadata, which the driver refreshes when the
server pushes a SCHEMA_CHANGE event (it never polls for schema, and this program runs no statement after it
connects, so only events can bring changes in).

usage: /usr/bin/python3 schema_watch.py PORT KEYSPACE      (host 127.0.0.1)

Prints "protocol_version N", then "ready", then answers each line of standard input:
  keyspace | table T | column T C | type U | no-table T | no-keyspace   -> waits up to 30 s for the metadata to show
  it, then prints "seen LINE" or "timeout LINE"
  quit                                                                 -> prints every event received
                                                                          ("event CHANGE TARGET NAME"), then exits
"""
import sys
import time

from cassandra.cluster import Cluster

port, keyspace = int(sys.argv[1]), sys.argv[2]
cluster = Cluster(['127.0.0.1'], port=port, connect_timeout=30, control_connection_timeout=30)
events = []
cluster.connect()

# The control connection hands each pushed SCHEMA_CHANGE to this method (looked up by name for every event); the
# wrapper records the event, then lets the driver schedule its refresh as usual.
control = cluster.control_connection
handle = control._handle_schema_change


def recording(event):
    events.append(dict(event))
    handle(event)


control._handle_schema_change = recording
print("protocol_version", cluster.protocol_version, flush=True)
print("ready", flush=True)


def table(name):
    ks = cluster.metadata.keyspaces.get(keyspace)
    return ks.tables.get(name) if ks else None


def holds(words):
    ks = cluster.metadata.keyspaces.get(keyspace)
    if words[0] == "keyspace":
        return ks is not None
    if words[0] == "no-keyspace":
        return ks is None
    if words[0] == "table":
        return table(words[1]) is not None
    if words[0] == "no-table":
        return ks is not None and table(words[1]) is None
    if words[0] == "column":
        t = table(words[1])
        return t is not None and words[2] in t.columns
    if words[0] == "type":
        return ks is not None and words[1] in ks.user_types
    raise ValueError("unknown request " + " ".join(words))


for line in sys.stdin:
    words = line.split()
    if not words:
        continue
    if words[0] == "quit":
        break
    deadline = time.monotonic() + 30
    # the driver's own metadata object, in this process: no request goes to the server here
    while not holds(words) and time.monotonic() < deadline:
        time.sleep(0.05)
    print(("seen " if holds(words) else "timeout ") + " ".join(words), flush=True)

for e in events:
    name = e.get("keyspace", "")
    for key in ("table", "type", "function", "aggregate"):
        if e.get(key):
            name += "." + str(e[key])
    print("event", e.get("change_type"), e.get("target_type"), name, flush=True)
print("done", flush=True)
cluster.shutdown()
