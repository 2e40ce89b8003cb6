// The filtered ledger list under concurrent clients, through the real HTTP server:
//   npx tsx bench/ledger-load.ts --engine postgres --measures 1000000 [--clients 50] [--seconds 20]
//   npx tsx bench/ledger-load.ts --engine pglite --measures 100000
// Seeds the measures with generate_series (so seeding is not what is measured), starts the
// server on 127.0.0.1, signs in as the county office (sees everything: the worst case for
// scope filters) and as a township clerk, then runs a fixed mix of filtered list requests.
import { parseArgs } from 'node:util';
import { actorById, createUnit, createUser, EvidenceStore, initialize } from '@zhenggai/app';
import { openDatabase } from '@zhenggai/db';
import { buildServer } from '@zhenggai/server';
import { freshDatabase } from '../test/databases.ts';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'pglite' },
    measures: { type: 'string', default: '100000' },
    clients: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '20' },
  },
});
const measures = Number(values.measures);
const clients = Number(values.clients);
const seconds = Number(values.seconds);

const database =
  values.engine === 'postgres'
    ? await freshDatabase('postgres')
    : { ...(await openDatabase({})), drop: async () => {} };
const password = 'bench-password';
await initialize(database.db, { demo: false, password, countyName: '基准县' });
const admin = (await actorById(database.db, 1))!;
const towns: number[] = [];
for (let t = 1; t <= 20; t++) {
  const town = await createUnit(database.db, admin, { name: `第${t}镇`, kind: 'township', parentId: 1 });
  towns.push(town.id);
  for (let v = 1; v <= 10; v++)
    await createUnit(database.db, admin, { name: `第${t}镇第${v}村`, kind: 'village', parentId: town.id });
}
await createUser(database.db, admin, {
  username: 'office',
  displayName: '巡察办',
  password,
  unitId: 1,
  grants: [{ role: 'office', unitId: 1 }],
});
await createUser(database.db, admin, {
  username: 'clerk',
  displayName: '联络员',
  password,
  unitId: towns[0]!,
  grants: [{ role: 'clerk', unitId: towns[0]! }],
});

const started = performance.now();
// Ten inspections, four measures per problem, units spread over all villages and townships.
await database.exec(`
  INSERT INTO inspections (name, kind, owner_unit_id, inspected_unit_id)
    SELECT '基准巡察' || g, 'xuncha', 1, 1 FROM generate_series(1, 10) g;
  INSERT INTO categories (inspection_id, position, title)
    SELECT i.id, c, '第' || c || '类问题' FROM inspections i, generate_series(1, 5) c;
  INSERT INTO problems (inspection_id, category_id, position, number, title, finding, leader_name)
    SELECT 1 + (g % 10), (SELECT id FROM categories c WHERE c.inspection_id = 1 + (g % 10) ORDER BY id OFFSET (g % 5) LIMIT 1),
           g, g::text, '基准问题' || g, '问题表现描述' || g, '领导' || (g % 30)
    FROM generate_series(1, ${Math.ceil(measures / 4)}) g;
  INSERT INTO measures (problem_id, inspection_id, position, text, kind, unit_id, person_name, deadline, status, created_at)
    SELECT p.id, p.inspection_id, k, '整改措施' || p.id || '-' || k,
           (ARRAY['deadline','deadline','immediate','ongoing'])[1 + (p.id + k) % 4],
           (SELECT array_agg(id ORDER BY id) FROM units WHERE kind <> 'county')[1 + ((p.id * 7 + k) % 220)],
           '责任人' || (p.id % 97),
           date '2024-01-01' + ((p.id * 13 + k) % 900),
           (ARRAY['not_started','in_progress','pending_review','closed'])[1 + (p.id * 3 + k) % 4],
           now() - interval '60 days'
    FROM problems p, generate_series(1, 4) k
    WHERE (p.position - 1) * 4 + k <= ${measures};
  ANALYZE;
`);
const [{ n }] = (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM measures')) as [
  { n: number },
];
console.log(
  `seeded ${n} measures on ${database.kind} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const app = await buildServer(
  { database, evidence: new EvidenceStore('bench/out/evidence'), maxImportBytes: 1 << 20 },
  { serveWeb: false },
);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const token = async (username: string) =>
  (
    (await (
      await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      })
    ).json()) as { token: string }
  ).token;
const tokens = { office: await token('office'), clerk: await token('clerk') };

// The mix a real office produces: an inspection's page, a status filter, overdue lists,
// a unit's measures, a search, and a clerk's own urgent list.
const QUERIES: [keyof typeof tokens, string][] = [
  ['office', '/api/ledger?inspectionId=3&limit=50'],
  ['office', '/api/ledger?inspectionId=7&status=in_progress,not_started&limit=50'],
  ['office', '/api/ledger?overdue=true&sort=urgency&limit=50'],
  ['office', `/api/ledger?unitId=${towns[4]}&unitSubtree=true&limit=50`],
  ['office', '/api/ledger?q=%E5%9F%BA%E5%87%86%E9%97%AE%E9%A2%98123&limit=50'],
  ['office', '/api/ledger?inspectionId=5&kind=ongoing&limit=50'],
  ['clerk', '/api/ledger?sort=urgency&limit=50'],
  ['clerk', '/api/ledger?status=in_progress&limit=50'],
];

const latencies: number[] = [];
let errors = 0;
const deadline = performance.now() + seconds * 1000;
let next = 0;
async function client() {
  while (performance.now() < deadline) {
    const [who, path] = QUERIES[next++ % QUERIES.length]!;
    const t = performance.now();
    const res = await fetch(base + path, { headers: { authorization: `Bearer ${tokens[who]}` } });
    await res.arrayBuffer();
    if (!res.ok) errors++;
    latencies.push(performance.now() - t);
  }
}
// Warm-up, then the measured run.
await Promise.all(
  QUERIES.map(([who, path]) => fetch(base + path, { headers: { authorization: `Bearer ${tokens[who]}` } })),
);
const runStart = performance.now();
await Promise.all(Array.from({ length: clients }, client));
const elapsed = (performance.now() - runStart) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
console.log(
  `engine=${database.kind} measures=${n} clients=${clients} seconds=${elapsed.toFixed(1)}\n` +
    `requests=${latencies.length} errors=${errors} throughput=${(latencies.length / elapsed).toFixed(0)} req/s\n` +
    `latency ms: p50=${pct(50)} p95=${pct(95)} p99=${pct(99)} max=${latencies.at(-1)!.toFixed(1)}`,
);
await app.close();
await database.drop();
