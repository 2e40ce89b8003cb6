// Header → canonical column mapping: suggested from the roster declaration's aliases,
// overridable, and savable as JSON so the same department's file maps the same next time.
import { readFileSync, writeFileSync } from 'node:fs';
import type { RosterDecl } from '../rules/ast.ts';

/** canonical column → source header text */
export type ColumnMapping = Record<string, string>;

export interface SavedMapping {
  roster: string;
  columns: ColumnMapping;
}

/** Generic aliases that hold for any roster, so undeclared rosters still find their IDs. */
const GENERIC: Record<string, string[]> = {
  id_number: ['身份证号', '证件号码', '公民身份号码', '身份证号码', '身份证'],
  name: ['姓名'],
  household_id: ['户编号', '户号'],
  village: ['所属村', '村', '行政村'],
};

export function normalizeHeader(h: string): string {
  let out = '';
  for (const ch of h) {
    const code = ch.charCodeAt(0);
    // Full-width ASCII (！ to ～) → half-width; drop all white space.
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (!/\s/.test(ch)) out += ch;
  }
  return out.replace(/[（(].*?[)）]/g, '').toLowerCase();
}

export function suggestMapping(headers: string[], roster: RosterDecl | undefined): ColumnMapping {
  const norm = headers.map(normalizeHeader);
  const used = new Set<number>();
  const mapping: ColumnMapping = {};
  const columns =
    roster?.columns.map((c) => ({ name: c.name, aliases: c.aliases })) ??
    Object.entries(GENERIC).map(([name, aliases]) => ({ name, aliases }));
  // Exact matches first (canonical name or alias), then headers that contain an alias.
  for (const pass of ['exact', 'contains'] as const) {
    for (const col of columns) {
      if (mapping[col.name] !== undefined) continue;
      const wanted = [col.name, ...col.aliases].map(normalizeHeader);
      const i = norm.findIndex(
        (h, idx) =>
          !used.has(idx) &&
          (pass === 'exact' ? wanted.includes(h) : wanted.some((w) => w.length >= 2 && h.includes(w))),
      );
      const header = headers[i];
      if (i >= 0 && header !== undefined) {
        mapping[col.name] = header;
        used.add(i);
      }
    }
  }
  return mapping;
}

export function saveMapping(file: string, mapping: SavedMapping): void {
  writeFileSync(file, `${JSON.stringify(mapping, null, 2)}\n`);
}

export function loadMapping(file: string): SavedMapping {
  const v = JSON.parse(readFileSync(file, 'utf8')) as Partial<SavedMapping>;
  if (typeof v.roster !== 'string' || typeof v.columns !== 'object' || v.columns === null) {
    throw new Error(`列映射文件 ${file} 格式不对：应为 { "roster": 名单名, "columns": { 列名: 表头 } }`);
  }
  for (const [k, h] of Object.entries(v.columns)) {
    if (typeof h !== 'string') throw new Error(`列映射文件 ${file} 中列“${k}”的表头应为文本`);
  }
  return { roster: v.roster, columns: v.columns };
}
