// The Node.js driver against a Ringlet node: connects (reading system.local, peers and the schema), runs DDL,
// writes with prepared statements, pages and reads the metadata it built. Prints facts, one per line.
const cassandra = require('cassandra-driver');

const port = parseInt(process.argv[2], 10);

async function main() {
  const client = new cassandra.Client({
    contactPoints: ['127.0.0.1:' + port],
    localDataCenter: 'datacenter1',
    socketOptions: { readTimeout: 20000 },
  });
  await client.connect();
  const host = client.hosts.values()[0];
  console.log('version ' + client.getState().getConnectedHosts()[0].getCassandraVersion().join('.'));
  console.log('datacenter ' + host.datacenter);
  console.log('tokens ' + host.tokens.length);
  await client.execute("CREATE KEYSPACE nd WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
  await client.execute('CREATE TABLE nd.t (k int, c int, v text, PRIMARY KEY (k, c))');
  for (let c = 0; c < 250; c++) {
    await client.execute('INSERT INTO nd.t (k, c, v) VALUES (?, ?, ?)', [1, c, 'v' + c], { prepare: true });
  }
  let rows = 0;
  let pages = 0;
  let pageState = null;
  do {
    const rs = await client.execute('SELECT c FROM nd.t WHERE k = ?', [1], { prepare: true, fetchSize: 100, pageState });
    rows += rs.rows.length;
    pages++;
    pageState = rs.pageState;
  } while (pageState);
  console.log('rows ' + rows);
  console.log('pages ' + pages);
  const table = await client.metadata.getTable('nd', 't');
  console.log('partition_key ' + table.partitionKeys.map(c => c.name).join(','));
  console.log('clustering ' + table.clusteringKeys.map(c => c.name).join(','));
  console.log('columns ' + table.columns.map(c => c.name).join(','));
  try {
    await client.execute('SELECT * FROM nd.t WHERE v = ?', ['x']);
  } catch (e) {
    console.log('error ' + e.code + ' ' + e.message);
  }
  await client.shutdown();
}

main().catch(e => {
  console.error('FAILED ' + (e && e.stack ? e.stack : e));
  process.exit(1);
});
