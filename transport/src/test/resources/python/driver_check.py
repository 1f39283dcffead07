"""Connects the DataStax Python driver to a Ringlet native transport and prints what it sees, one fact a line.

Usage: driver_check.py PORT
"""
import logging
import sys

from cassandra import (AlreadyExists, FunctionFailure, InvalidRequest, ReadFailure, ReadTimeout, Unavailable,
                       WriteFailure, WriteTimeout)
from cassandra.cluster import EXEC_PROFILE_DEFAULT, Cluster, ExecutionProfile
from cassandra.policies import FallthroughRetryPolicy, WriteType
from cassandra.query import SimpleStatement

logging.basicConfig(level=logging.WARNING)  # shows the driver's protocol downgrades
port = int(sys.argv[1])
profile = ExecutionProfile(retry_policy=FallthroughRetryPolicy(), request_timeout=30)
cluster = Cluster(['127.0.0.1'], port=port, execution_profiles={EXEC_PROFILE_DEFAULT: profile},
                  connect_timeout=30, control_connection_timeout=30)
session = cluster.connect('ks', wait_for_all_pools=True)
print('protocol', cluster.protocol_version)
print('cluster', cluster.metadata.cluster_name)
print('keyspaces', ','.join(sorted(k for k in cluster.metadata.keyspaces if not k.startswith('system'))))
items = cluster.metadata.keyspaces['ks'].tables['items']
print('primary_key', ','.join(c.name for c in items.primary_key))
print('columns', ','.join(sorted(items.columns)))
print('token_map', cluster.metadata.token_map is not None)

rows = list(session.execute(SimpleStatement('SELECT * FROM ks.items', fetch_size=100)))
print('rows', len(rows), rows[0].pk, rows[-1].pk, rows[-1].v)

prepared = session.prepare('SELECT v FROM ks.items WHERE pk = ? AND ck = ?')
print('prepared_pk_indexes', prepared.routing_key_indexes)
print('prepared_value', session.execute(prepared, (7, 7)).one().v)

def expect(cql, cls):
    try:
        session.execute(cql)
    except cls as e:
        return e
    raise AssertionError('%s did not raise %s' % (cql, cls.__name__))

e = expect('FAIL unavailable', Unavailable)
print('unavailable', e.consistency, e.required_replicas, e.alive_replicas)
e = expect('FAIL write_timeout', WriteTimeout)
print('write_timeout', e.consistency, e.received_responses, e.required_responses,
      WriteType.value_to_name[e.write_type])
e = expect('FAIL read_timeout', ReadTimeout)
print('read_timeout', e.consistency, e.received_responses, e.required_responses, e.data_retrieved)
e = expect('FAIL read_failure', ReadFailure)
print('read_failure', e.consistency, e.received_responses, e.required_responses, e.failures)
e = expect('FAIL write_failure', WriteFailure)
print('write_failure', e.consistency, e.received_responses, e.required_responses, e.failures,
      WriteType.value_to_name[e.write_type])
e = expect('FAIL function_failure', FunctionFailure)
print('function_failure', e.keyspace, e.function, ','.join(e.arg_types))
e = expect('FAIL already_exists_table', AlreadyExists)
print('already_exists', e.keyspace, e.table)
e = expect('FAIL invalid', InvalidRequest)
print('invalid', 'ALLOW FILTERING' in str(e))
print('still_connected', session.execute('SELECT v FROM ks.items WHERE pk = 1 AND ck = 1').one().v)
# Larger than one v5 segment (128 KiB) in both directions.
insert = session.prepare('INSERT INTO ks.scratch (pk, ck, v) VALUES (?, ?, ?)')
session.execute(insert, (1, 1, 'x' * 300000))
print('big_value', len(session.execute('SELECT v FROM ks.scratch WHERE pk = 1 AND ck = 1').one().v))
cluster.shutdown()
print('done')
