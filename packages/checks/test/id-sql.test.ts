// The SQL validation used at import must agree with validateIdNumber on every input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb, type DuckDbHandle } from '../src/engine/duckdb.ts';
import { validateIdNumber } from '../src/id-number.ts';
import { importRoster } from '../src/roster/import.ts';
import type { RosterDecl } from '../src/rules/ast.ts';
import { makeId, tempDir, writeCsv } from './helpers.ts';

const roster: RosterDecl = {
  name: 'people',
  title: 'people',
  columns: [{ name: 'id_number', type: 'id', aliases: ['身份证号'], required: true }],
};

function corpus(): string[] {
  const out: string[] = [
    '',
    ' ',
    'abc',
    '１１０１０５１９４９１２３１００２ｘ',
    '11010519491231002x',
    ' 11010519491231002X ',
    '110105491231002',
    '110105490230002',
    '11010549123100X',
  ];
  const dates = [
    '19491231',
    '19990230',
    '20000229',
    '19000229',
    '19001301',
    '18991231',
    '20991231',
    '20240630',
    '19850615',
    '00000000',
  ];
  const regions = ['110105', '110103', '999999', '440524', '652201'];
  let seq = 0;
  for (const r of regions) {
    for (const d of dates) {
      const good = makeId(r, d, seq++ % 1000);
      out.push(
        good,
        good.slice(0, 17) + (good.endsWith('0') ? '1' : '0'),
        good.slice(0, 17),
        good + '1',
        good.toLowerCase(),
        good.slice(0, 6) + good.slice(8, 17),
      );
    }
  }
  return out;
}

describe('ID validation in SQL', () => {
  let h: DuckDbHandle;
  const t = tempDir();
  beforeAll(async () => {
    h = await openDuckDb(t.dir);
  });
  afterAll(() => {
    h.conn.closeSync();
    h.instance.closeSync();
    t.cleanup();
  });

  it('gives the same normalised number and the same first error as validateIdNumber', async () => {
    const ids = corpus();
    const file = writeCsv(
      t.dir,
      'ids.csv',
      ['身份证号', '序号'],
      ids.map((id, i) => [id, i]),
    );
    await importRoster(h.conn, {
      name: 'people',
      file,
      roster,
      importedBy: 'test',
      tmpDir: t.dir,
      today: '2024-06-30',
    });
    const rows = (
      await h.conn.runAndReadAll('SELECT "序号", id_number, _err_id_number FROM people ORDER BY rowid')
    ).getRowObjectsJS();
    expect(rows.length).toBe(ids.length);
    for (const r of rows) {
      const input = ids[Number(r['序号'])] ?? '';
      const ts = validateIdNumber(input, '20240630');
      expect({ input, id: r.id_number ?? '', err: r._err_id_number ?? undefined }).toEqual({
        input,
        id: ts.normalized,
        err: ts.errors[0],
      });
    }
  });
});
