import { createReadStream, createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { pipeline as nodePipeline, Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { DomainError } from '@zhenggai/core';
import { TABLES_IN_ORDER, type Database } from '@zhenggai/db';
import { EvidenceStore } from './evidence-store.ts';

// One file holding the database and the evidence: gzip'd JSON lines, a header first, then
// every row of every table (foreign-key order), then every evidence file. Sessions are left out:
// a restored system starts with everybody signed out.

const FORMAT = 'zhenggai-backup';
const VERSION = 1;
const PAGE = 5000;
const SKIPPED = new Set(['sessions']);
const KEY: Record<string, string> = { evidence_files: 'sha256', settings: 'key', scheduler_days: 'day' };

type Line =
  | { format: string; version: number; createdAt: string; migrations: string[] }
  | { table: string; rows: unknown[] }
  | { evidence: string; data: string };

export interface BackupSummary {
  tables: Record<string, number>;
  evidenceFiles: number;
}

export async function backup(database: Database, evidenceDir: string, file: string): Promise<BackupSummary> {
  const summary: BackupSummary = { tables: {}, evidenceFiles: 0 };
  async function* lines(): AsyncGenerator<string> {
    const migrations = await database.query<{ version: string }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    const header: Line = {
      format: FORMAT,
      version: VERSION,
      createdAt: new Date().toISOString(),
      migrations: migrations.map((m) => m.version),
    };
    yield JSON.stringify(header) + '\n';
    for (const table of TABLES_IN_ORDER) {
      if (SKIPPED.has(table)) continue;
      const key = KEY[table] ?? 'id';
      let after: unknown = null;
      let count = 0;
      for (;;) {
        const page: { k: unknown; row: unknown }[] = await database.query(
          `SELECT ${key} AS k, to_jsonb(t) AS row FROM ${table} t ${after === null ? '' : `WHERE ${key} > $1`} ORDER BY ${key} LIMIT ${PAGE}`,
          after === null ? [] : [after],
        );
        if (page.length === 0) break;
        count += page.length;
        after = page.at(-1)!.k;
        yield JSON.stringify({ table, rows: page.map((p) => p.row) } satisfies Line) + '\n';
      }
      summary.tables[table] = count;
    }
    const store = new EvidenceStore(evidenceDir);
    for (const { sha256 } of await database.query<{ sha256: string }>(
      'SELECT sha256 FROM evidence_files ORDER BY sha256',
    )) {
      if (!store.has(sha256)) throw new DomainError('NOT_FOUND', `佐证材料文件缺失：${sha256}`);
      const chunks: Buffer[] = [];
      for await (const chunk of store.read(sha256)) chunks.push(chunk as Buffer);
      summary.evidenceFiles++;
      yield (
        JSON.stringify({ evidence: sha256, data: Buffer.concat(chunks).toString('base64') } satisfies Line) +
        '\n'
      );
    }
  }
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
  return summary;
}

/** Restores into an empty database (migrated here) and an evidence folder. */
export async function restore(database: Database, evidenceDir: string, file: string): Promise<BackupSummary> {
  if (!existsSync(file)) throw new DomainError('NOT_FOUND', `备份文件不存在：${file}`);
  const [{ n }] = (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM units')) as [
    { n: number },
  ];
  if (n > 0) throw new DomainError('CONFLICT', '目标数据库不是空的：恢复只能写入新的空数据库或空数据目录');
  const summary: BackupSummary = {
    tables: Object.fromEntries(TABLES_IN_ORDER.filter((t) => !SKIPPED.has(t)).map((t) => [t, 0])),
    evidenceFiles: 0,
  };
  let header = false;
  try {
    await database.transaction(async (q) => {
      // Open the file only now, right before the loop: readline emits lines from the moment it
      // exists, and lines emitted while the transaction was still beginning were lost — the end
      // with them, so the loop waited forever.
      const input = createGunzip();
      nodePipeline(createReadStream(file), input, () => {}); // a read error reaches the loop through `input`
      const reader = createInterface({ input, crlfDelay: Infinity });
      for await (const text of reader) {
        if (!text) continue;
        const line = JSON.parse(text) as Line;
        if (!header) {
          if (!('format' in line) || line.format !== FORMAT || line.version !== VERSION) {
            throw new DomainError('VALIDATION', '不是 Zhenggai 备份文件，或版本不受支持');
          }
          header = true;
        } else if ('table' in line) {
          if (!(TABLES_IN_ORDER as readonly string[]).includes(line.table)) {
            throw new DomainError('VALIDATION', `备份中有未知的表：${line.table}`);
          }
          await q.query(
            `INSERT INTO ${line.table} SELECT * FROM jsonb_populate_recordset(NULL::${line.table}, $1::jsonb)`,
            [JSON.stringify(line.rows)],
          );
          summary.tables[line.table] = (summary.tables[line.table] ?? 0) + line.rows.length;
        } else if ('evidence' in line) {
          const target = new EvidenceStore(evidenceDir).pathOf(line.evidence);
          mkdirSync(join(target, '..'), { recursive: true });
          writeFileSync(target, Buffer.from(line.data, 'base64'));
          summary.evidenceFiles++;
        }
      }
      if (!header) throw new DomainError('VALIDATION', '备份文件为空');
      for (const table of TABLES_IN_ORDER) {
        if (KEY[table] || SKIPPED.has(table)) continue;
        await q.query(
          `SELECT setval(pg_get_serial_sequence('${table}', 'id'), GREATEST((SELECT max(id) FROM ${table}), 1))`,
        );
      }
    });
  } catch (error) {
    // Not JSON, not gzip, or cut off (Z_DATA_ERROR, Z_BUF_ERROR): the transaction wrote nothing.
    if (error instanceof SyntaxError || /^Z_/.test(String((error as NodeJS.ErrnoException).code))) {
      throw new DomainError('VALIDATION', '备份文件已损坏，无法读取');
    }
    const code = String((error as NodeJS.ErrnoException).code);
    if (['EISDIR', 'EACCES', 'EPERM', 'ENOENT'].includes(code)) {
      throw new DomainError('VALIDATION', `无法读取备份文件：${file}（${code}）`);
    }
    throw error;
  }
  return summary;
}
