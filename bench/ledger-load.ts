// The filtered ledger list under concurrent clients, through the real HTTP server:
//   npx tsx bench/ledger-load.ts --engine postgres --measures 1000000 [--clients 50] [--seconds 20]
//   npx tsx bench/ledger-load.ts --engine pglite --measures 100000
// Seeds the measures with generate_series (seeding is not what is measured), starts the
// server on 127.0.0.1, signs in as the county office (sees everything: the worst case for
// scope filters) and as a township clerk, then runs a fixed mix of filtered list requests.
// BENCH_DATABASE_URL reuses (and keeps) a PostgreSQL database seeded by an earlier run.
import { parseArgs } from 'node:util';
import { actorById, createUnit, createUser, EvidenceStore, initialize } from '@zhenggai/app';
import { openDatabase, type Database } from '@zhenggai/db';
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
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const password = 'bench-password';

const reuse = process.env.BENCH_DATABASE_URL;
const database = reuse
  ? { ...(await openDatabase({ url: reuse })), drop: async () => {} }
  : values.engine === 'postgres'
    ? await freshDatabase('postgres')
    : { ...(await openDatabase({})), drop: async () => {} };
const count = async () =>
  (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM measures'))[0]!.n;
if ((await count()) === 0) await seed(database, Number(values.measures));

async function seed(db: Database, measures: number) {
  const started = performance.now();
  await initialize(db.db, { demo: false, password, countyName: '基准县' });
  const admin = (await actorById(db.db, 1))!;
  for (let t = 1; t <= 20; t++) {
    const town = await createUnit(db.db, admin, { name: `第${t}镇`, kind: 'township', parentId: 1 });
    for (let v = 1; v <= 10; v++) {
      await createUnit(db.db, admin, { name: `第${t}镇第${v}村`, kind: 'village', parentId: town.id });
    }
  }
  const firstTown = (
    await db.query<{ id: number }>("SELECT min(id)::int AS id FROM units WHERE kind = 'township'")
  )[0]!.id;
  const grant = (role: 'office' | 'clerk', unitId: number) => ({ role, unitId });
  await createUser(db.db, admin, {
    username: 'office',
    displayName: '巡察办',
    password,
    unitId: 1,
    grants: [grant('office', 1)],
  });
  await createUser(db.db, admin, {
    username: 'clerk',
    displayName: '联络员',
    password,
    unitId: firstTown,
    grants: [grant('clerk', firstTown)],
  });
  // Ten inspections, four measures per problem, units spread over all villages and townships.
  await db.exec(`
    INSERT INTO inspections (name, kind, owner_unit_id, inspected_unit_id)
      SELECT '基准巡察' || g, 'xuncha', 1, 1 FROM generate_series(1, 10) g;
    INSERT INTO categories (inspection_id, position, title)
      SELECT i.id, c, '第' || c || '类问题' FROM inspections i, generate_series(1, 5) c;
    INSERT INTO problems (inspection_id, category_id, position, number, title, finding, leader_name)
      SELECT 1 + (g % 10),
             (SELECT id FROM categories c WHERE c.inspection_id = 1 + (g % 10) ORDER BY id OFFSET (g % 5) LIMIT 1),
             g, g::text, '基准问题' || g, '问题表现描述' || g, '领导' || (g % 30)
      FROM generate_series(1, ${Math.ceil(measures / 4)}) g;
    INSERT INTO measures (problem_id, inspection_id, position, text, kind, unit_id, person_name, deadline, status, created_at)
      SELECT p.id, p.inspection_id, k, '整改措施' || p.id || '-' || k,
             (ARRAY['deadline','deadline','immediate','ongoing'])[1 + ((p.id + k) % 4)::int],
             (SELECT array_agg(id ORDER BY id) FROM units WHERE kind <> 'county')[1 + ((p.id * 7 + k) % 220)::int],
             '责任人' || (p.id % 97),
             date '2024-01-01' + ((p.id * 13 + k) % 900)::int,
             (ARRAY['not_started','in_progress','pending_review','closed'])[1 + ((p.id * 3 + k) % 4)::int],
             now() - interval '60 days'
      FROM problems p, generate_series(1, 4) k
      WHERE (p.position - 1) * 4 + k <= ${measures};
  `);
  // A freshly loaded table has no visibility map yet; autovacuum would write it within minutes.
  await db.exec('VACUUM ANALYZE');
  console.log(`seeded on ${db.kind} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const measures = await count();
const towns = (
  await database.query<{ id: number }>("SELECT id::int AS id FROM units WHERE kind = 'township' ORDER BY id")
).map((t) => t.id);
const app = await buildServer(
  { database, evidence: new EvidenceStore('bench/out/evidence'), maxImportBytes: 1 << 20 },
  { serveWeb: false },
);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
async function signIn(username: string): Promise<string> {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return ((await res.json()) as { token: string }).token;
}
const tokens = { office: await signIn('office'), clerk: await signIn('clerk') };

// The mix a real office produces: an inspection's page, a status filter, overdue lists,
// a township's measures, a search, and a clerk's own urgent list.
const QUERIES: [keyof typeof tokens, string][] = [
  ['office', '/api/ledger?inspectionId=3&limit=50'],
  ['office', '/api/ledger?inspectionId=7&status=in_progress,not_started&limit=50'],
  ['office', '/api/ledger?inspectionId=4&overdue=true&sort=urgency&limit=50'],
  ['office', `/api/ledger?unitId=${towns[4]}&unitSubtree=true&limit=50`],
  ['office', `/api/ledger?inspectionId=2&q=${encodeURIComponent('基准问题1234')}&limit=50`],
  ['office', '/api/ledger?inspectionId=5&kind=ongoing&limit=50'],
  ['clerk', '/api/ledger?sort=urgency&limit=50'],
  ['clerk', '/api/ledger?status=in_progress&limit=50'],
];

const get = async (who: keyof typeof tokens, path: string) => {
  const res = await fetch(base + path, { headers: { authorization: `Bearer ${tokens[who]}` } });
  await res.arrayBuffer();
  return res.ok;
};
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

// Each query alone first (after one warm-up), so a slow one is visible by name.
for (const [who, path] of QUERIES) {
  await get(who, path);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await get(who, path);
    times.push(performance.now() - t);
  }
  console.log(`  single ${who.padEnd(6)} ${path}: median ${times.sort((a, b) => a - b)[2]!.toFixed(1)} ms`);
}

const latencies: number[] = [];
let errors = 0;
let next = 0;
const deadline = performance.now() + seconds * 1000;
async function client() {
  while (performance.now() < deadline) {
    const [who, path] = QUERIES[next++ % QUERIES.length]!;
    const t = performance.now();
    if (!(await get(who, path))) errors++;
    latencies.push(performance.now() - t);
  }
}
const runStart = performance.now();
await Promise.all(Array.from({ length: clients }, client));
const elapsed = (performance.now() - runStart) / 1000;
latencies.sort((a, b) => a - b);
console.log(
  `engine=${database.kind} measures=${measures} clients=${clients} seconds=${elapsed.toFixed(1)}\n` +
    `requests=${latencies.length} errors=${errors} throughput=${(latencies.length / elapsed).toFixed(0)} req/s\n` +
    `latency ms: p50=${percentile(latencies, 50).toFixed(1)} p95=${percentile(latencies, 95).toFixed(1)} ` +
    `p99=${percentile(latencies, 99).toFixed(1)} max=${latencies.at(-1)!.toFixed(1)}`,
);
await app.close();
await database.drop();
