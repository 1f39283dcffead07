#!/usr/bin/python3
"""The tutorial's client program, unchanged but for the port: reads the users of the cityinfo keyspace.

usage: /usr/bin/python3 tutorial.py [PORT]     (host 127.0.0.1; default port 9042)
Needs the DataStax Python driver (Debian package python3-cassandra) and the tutorial's data
(conformance/00_tutorial.cql); its output against Cassandra 5.0.6 is tutorial.cassandra-5.0.6.txt.
"""
import sys

from cassandra.cluster import Cluster

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 9042

cluster = Cluster(['127.0.0.1'], port=PORT)
session = cluster.connect('cityinfo', wait_for_all_pools=True)
session.execute('USE cityinfo')
rows = session.execute('SELECT * FROM users')
for row in rows:
    print(row.age, row.name, row.username)
cluster.shutdown()
