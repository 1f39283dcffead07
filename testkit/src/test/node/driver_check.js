'use strict';
// Connects to a node with the Node.js driver, creates a table, writes and reads with a prepared statement and
// prints what it read. usage: node driver_check.js HOST PORT
const cassandra = require('cassandra-driver');

const host = process.argv[2] || '127.0.0.1';
const port = parseInt(process.argv[3] || '9042', 10);

async function main() {
  const client = new cassandra.Client({
    contactPoints: [host], protocolOptions: { port }, localDataCenter: 'datacenter1',
  });
  await client.connect();
  try {
    console.log('protocol ' + client.getState().getConnectedHosts().length + ' host(s), version ' +
      client.controlConnection.protocolVersion);
    await client.execute("CREATE KEYSPACE IF NOT EXISTS nodecheck WITH replication = " +
      "{'class': 'SimpleStrategy', 'replication_factor': 1}");
    await client.execute('CREATE TABLE IF NOT EXISTS nodecheck.kv (k text PRIMARY KEY, v int)');
    for (let i = 0; i < 3; i++) {
      await client.execute('INSERT INTO nodecheck.kv (k, v) VALUES (?, ?)', ['key' + i, i], { prepare: true });
    }
    const rs = await client.execute('SELECT k, v FROM nodecheck.kv WHERE k = ?', ['key1'], { prepare: true });
    for (const row of rs.rows) {
      console.log('row ' + row.k + ' ' + row.v);
    }
    const all = await client.execute('SELECT count(*) FROM nodecheck.kv', [], { prepare: true });
    console.log('count ' + all.first().count.toString());
  } finally {
    await client.shutdown();
  }
}

main().catch((err) => {
  console.error('FAILED ' + (err && err.stack ? err.stack : err));
  process.exit(1);
});
