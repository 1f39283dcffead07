#!/usr/bin/python3
"""The tutorial's client program, unchanged but for the port: reads the users of the cityinfo keyspace.

usage: /usr/bin/python3 tutorial.py [PORT] [--protocol-version]     (host 127.0.0.1; default port 9042)
With --protocol-version it also prints the native protocol version the driver negotiated
(cluster.protocol_version) after the users, as "protocol_version N" (5 against Cassandra 5.0.6).
Needs the DataStax Python driver (Debian package python3-cassandra) and the tutorial's data
(conformance/00_tutorial.cql); its output against Cassandra 5.0.6 is tutorial.cassandra-5.0.6.txt.
"""
import sys

from cassandra.cluster import Cluster

ARGS = [a for a in sys.argv[1:] if a != '--protocol-version']
PORT = int(ARGS[0]) if ARGS else 9042

cluster = Cluster(['127.0.0.1'], port=PORT)
session = cluster.connect('cityinfo', wait_for_all_pools=True)
session.execute('USE cityinfo')
rows = session.execute('SELECT * FROM users')
for row in rows:
    print(row.age, row.name, row.username)
if '--protocol-version' in sys.argv[1:]:
    print('protocol_version', cluster.protocol_version)
cluster.shutdown()
