// One check run: load the rule set, import the rosters, run every rule on the chosen
// engine, write the hits. The CLI and the benchmark both call this.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { duckdbEngine, openDuckDb, type DuckDbHandle } from './engine/duckdb.ts';
import type { RuleEngine } from './engine/engine.ts';
import { connectPostgres, copyRosterToPostgres, postgresEngine } from './engine/postgres.ts';
import { toHit, type Hit } from './output/hits.ts';
import { openHitsJsonl, writeRuleHits, type OutputFormat } from './output/write.ts';
import { loadPack } from './packs/index.ts';
import { quoteIdent as q } from './quote.ts';
import type { RuleClass, RuleSet } from './rules/ast.ts';
import { compileRule, rostersNeeded } from './rules/compile.ts';
import { parseRuleFile } from './rules/parse.ts';
import { importRoster } from './roster/import.ts';
import { saveMapping, type ColumnMapping } from './roster/mapping.ts';
import type { RosterProvenance } from './roster/provenance.ts';

export interface RosterInput {
  name: string;
  file: string;
  mapping?: ColumnMapping;
}

export interface CheckOptions {
  pack?: string;
  rulesFiles?: string[];
  rosters: RosterInput[];
  /** YYYY-MM-DD; defaults to today (UTC). */
  asOf?: string;
  engine?: 'duckdb' | 'postgres';
  dataDir: string;
  outDir?: string;
  unmask?: boolean;
  splitByVillage?: boolean;
  formats?: OutputFormat[];
  databaseUrl?: string;
  pgSchema?: string;
  importedBy?: string;
  memoryLimit?: string;
  /** Keep every hit in the result (tests); the CLI and the benchmark only need the files. */
  keepHits?: boolean;
  onProgress?: (step: string, done: number, total: number) => void;
}

export interface RuleResult {
  id: string;
  class: RuleClass;
  title: string;
  hits: number;
  skipped?: string;
}

export interface CheckResult {
  asOf: string;
  engine: 'duckdb' | 'postgres';
  rosters: RosterProvenance[];
  rules: RuleResult[];
  hits: Hit[];
}

export function loadRuleSet(pack: string | undefined, files: string[] = []): RuleSet {
  let set: RuleSet | undefined = pack ? loadPack(pack) : undefined;
  for (const f of files) set = parseRuleFile(f, readFileSync(f, 'utf8'), set);
  return set ?? { context: undefined, rosters: [], rules: [] };
}

export async function runCheck(o: CheckOptions): Promise<CheckResult> {
  const asOf = o.asOf ?? new Date().toISOString().slice(0, 10);
  const engineName = o.engine ?? 'duckdb';
  const set = loadRuleSet(o.pack, o.rulesFiles);
  const progress = o.onProgress ?? (() => {});
  const steps = o.rosters.length + set.rules.length + (engineName === 'postgres' ? o.rosters.length : 0);
  let done = 0;
  const tmp = join(o.dataDir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  const duck: DuckDbHandle = await openDuckDb(o.dataDir, o.memoryLimit ? { memoryLimit: o.memoryLimit } : {});
  let engine: RuleEngine | undefined;
  try {
    const provenance: RosterProvenance[] = [];
    for (const r of o.rosters) {
      progress(`导入名单 ${r.name}`, done, steps);
      const decl = set.rosters.find((d) => d.name === r.name);
      const p = await importRoster(duck.conn, {
        name: r.name,
        file: r.file,
        ...(decl ? { roster: decl } : {}),
        ...(r.mapping ? { mapping: r.mapping } : {}),
        importedBy: o.importedBy ?? userInfo().username,
        tmpDir: tmp,
        today: asOf,
      });
      if (!decl) p.warnings.push(`规则中没有声明名单“${r.name}”，所有列按文本导入`);
      provenance.push(p);
      done++;
    }
    await saveProvenance(duck, provenance);
    const loaded = new Set(provenance.map((p) => p.name));

    if (engineName === 'postgres') {
      const url = o.databaseUrl ?? process.env.DATABASE_URL;
      if (!url) throw new Error('使用 PostgreSQL 需要设置环境变量 DATABASE_URL');
      const schema = o.pgSchema ?? 'zhenggai_checks';
      const client = await connectPostgres(url);
      engine = postgresEngine(client, schema);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${q(schema)}`);
      for (const name of loaded) {
        progress(`复制名单 ${name} 到 PostgreSQL`, done, steps);
        await copyRosterToPostgres(duck, client, schema, name, tmp);
        done++;
      }
    } else engine = duckdbEngine(duck);

    const results: RuleResult[] = [];
    const allHits: Hit[] = [];
    const keep = o.keepHits ?? true;
    const jsonl = o.outDir ? openHitsJsonl(o.outDir, o.unmask ?? false) : undefined;
    for (const rule of set.rules) {
      progress(`规则 ${rule.id}`, done, steps);
      const missing = rostersNeeded(rule).filter((n) => !loaded.has(n));
      const base = { id: rule.id, class: rule.class, title: rule.title };
      if (missing.length > 0) {
        results.push({ ...base, hits: 0, skipped: `缺少名单：${missing.join('、')}` });
        done++;
        continue;
      }
      const { sql, params } = compileRule(rule, set, { dialect: engine.dialect, asOf, loaded });
      const rows = await engine.query(sql, params);
      const prov = provenance.find((p) => p.name === rule.roster);
      const hits = rows.map((r) => toHit(rule, r, prov ?? { headerLine: 1, skippedLines: [] }));
      if (o.outDir) {
        await writeRuleHits(rule.id, rule.title, hits, {
          outDir: o.outDir,
          unmask: o.unmask ?? false,
          splitByVillage: o.splitByVillage ?? false,
          formats: o.formats ?? ['csv', 'xlsx'],
        });
      }
      results.push({ ...base, hits: hits.length });
      if (jsonl) await jsonl.write(hits);
      // A loop, not push(...hits): a spread of 100,000s of items overflows the stack.
      if (keep) for (const h of hits) allHits.push(h);
      done++;
    }
    progress('完成', done, steps);
    if (jsonl) await jsonl.close();
    if (o.outDir)
      writeRunFiles(o.outDir, {
        asOf,
        engine: engineName,
        rosters: provenance,
        rules: results,
        hits: allHits,
      });
    return { asOf, engine: engineName, rosters: provenance, rules: results, hits: allHits };
  } finally {
    if (engine && engine.dialect.name === 'postgres') await engine.close();
    duck.conn.closeSync();
    duck.instance.closeSync();
  }
}

async function saveProvenance(duck: DuckDbHandle, list: RosterProvenance[]): Promise<void> {
  await duck.conn.run(
    `CREATE TABLE IF NOT EXISTS ${q('_provenance')} (name VARCHAR PRIMARY KEY, sha256 VARCHAR, imported_at VARCHAR, record JSON)`,
  );
  for (const p of list) {
    await duck.conn.run(`INSERT OR REPLACE INTO ${q('_provenance')} VALUES ($1, $2, $3, $4)`, [
      p.name,
      p.sha256,
      p.importedAt,
      JSON.stringify(p),
    ]);
  }
}

function writeRunFiles(outDir: string, r: CheckResult): void {
  mkdirSync(join(outDir, 'mappings'), { recursive: true });
  for (const p of r.rosters)
    saveMapping(join(outDir, 'mappings', `${p.name}.json`), { roster: p.name, columns: p.mapping });
  const summary = { asOf: r.asOf, engine: r.engine, rosters: r.rosters, rules: r.rules };
  writeFileSync(join(outDir, 'run.json'), `${JSON.stringify(summary, null, 2)}\n`);
}

/** Exactly the `--json` shape of the CLI. */
export function summaryJson(r: CheckResult): {
  rosters: { name: string; rows: number; rejected: number }[];
  rules: { id: string; class: RuleClass; hits: number; skipped?: string }[];
} {
  return {
    rosters: r.rosters.map((p) => ({ name: p.name, rows: p.rows, rejected: p.rejected })),
    rules: r.rules.map((x) =>
      x.skipped !== undefined
        ? { id: x.id, class: x.class, hits: x.hits, skipped: x.skipped }
        : { id: x.id, class: x.class, hits: x.hits },
    ),
  };
}
