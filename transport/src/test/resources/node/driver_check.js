'use strict';
// Connects the Node.js driver (cassandra-driver 4.x, protocol v4 at most) to a Ringlet native transport and
// prints what it sees, one fact a line. usage: node driver_check.js PORT
const cassandra = require('cassandra-driver');

const port = parseInt(process.argv[2], 10);

async function main() {
  const client = new cassandra.Client({
    contactPoints: ['127.0.0.1'], protocolOptions: { port }, localDataCenter: 'datacenter1', keyspace: 'ks',
    // Errors straight to the application, so the test sees what the server sent.
    policies: { retry: new cassandra.policies.retry.FallthroughRetryPolicy() },
  });
  await client.connect();
  try {
    console.log('protocol ' + client.controlConnection.protocolVersion);
    const rs = await client.execute('SELECT v FROM ks.items WHERE pk = ? AND ck = ?', [7, 7], { prepare: true });
    console.log('prepared ' + rs.first().v);
    const paged = await client.execute('SELECT * FROM ks.items', [], { fetchSize: 100 });
    let rows = 0;
    for await (const row of paged) {
      rows += row ? 1 : 0;
    }
    console.log('rows ' + rows);
    try {
      await client.execute('FAIL unavailable');
      console.log('unavailable none');
    } catch (e) {
      console.log('unavailable ' + e.code + ' ' + e.consistencies + ' ' + e.required + ' ' + e.alive);
    }
    try {
      await client.execute('FAIL already_exists_table');
      console.log('already_exists none');
    } catch (e) {
      console.log('already_exists ' + e.code + ' ' + e.keyspace + ' ' + e.table);
    }
  } finally {
    await client.shutdown();
  }
}

main().then(() => console.log('done')).catch((err) => {
  console.error('FAILED ' + (err && err.stack ? err.stack : err));
  process.exit(1);
});
