// A small fictional county, built in code with a seeded generator, and the expected hit
// count of every poverty rule computed here in plain TypeScript (never by SQL).
import { validateIdNumber } from '../src/id-number.ts';
import { makeId } from './helpers.ts';

export const AS_OF = '2024-06-30';
const TODAY = AS_OF.replaceAll('-', '');

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Cell = string | number | null;
export interface Roster {
  headers: string[];
  rows: Cell[][];
}

const VILLAGES = ['青石村', '柳溪村', '松岭村', '桃源村', '白沙村'];
const SURNAMES = ['林', '周', '吴', '郑', '冯', '陈', '褚', '卫'];
const GIVEN = ['春生', '秋菊', '建国', '丽华', '小明', '桂英', '国强', '玉兰'];
const HEALTH = ['健康', '健康', '健康', '长期慢性病', '大病', '残疾'];
const LABOUR = ['普通劳动力', '技能劳动力', '弱劳动力或半劳动力', '丧失劳动力', '无劳动力'];

export function buildCounty(seed: number) {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const ids: string[] = [];
  const hh: Roster = {
    headers: [
      '户编号',
      '公民身份号码',
      '姓名',
      '与户主关系',
      '所属村',
      '健康状况',
      '劳动技能',
      '务工收入',
      '家庭人口数',
    ],
    rows: [],
  };
  let seq = 0;
  for (let h = 1; h <= 150; h++) {
    const size = 1 + Math.floor(r() * 5);
    const village = pick(VILLAGES);
    const listed = size - (r() < 0.1 ? 1 : 0); // 10% of households list one member fewer than stated
    for (let m = 0; m < listed; m++) {
      const year = 1940 + Math.floor(r() * 70);
      const id = makeId(
        pick(['110105', '440524', '110103']),
        `${year}0${1 + Math.floor(r() * 9)}1${Math.floor(r() * 9)}`,
        seq++ % 1000,
      );
      ids.push(id);
      let shown: string = id;
      const u = r();
      if (u < 0.03)
        shown = id.slice(0, 17) + (id.endsWith('1') ? '2' : '1'); // wrong check digit
      else if (u < 0.05)
        shown = id.slice(0, 10) + '0230' + id.slice(14); // 30 February
      else if (u < 0.06)
        shown = ''; // missing
      else if (u < 0.08) shown = id.toLowerCase().replace('x', 'x'); // lower-case x is fine
      const labour = pick(LABOUR);
      const income = r() < 0.3 ? Math.floor(r() * 5000) : 0;
      hh.rows.push([
        `H${h}`,
        shown,
        pick(SURNAMES) + pick(GIVEN),
        m === 0 ? '户主' : '子女',
        village,
        pick(HEALTH),
        labour,
        income,
        size,
      ]);
    }
  }
  // Two people listed in a second household, one of them twice.
  for (const k of [3, 17]) {
    const row = hh.rows[k];
    if (row)
      hh.rows.push([
        `H${151 + k}`,
        row[1] ?? null,
        row[2] ?? null,
        '户主',
        pick(VILLAGES),
        '健康',
        '普通劳动力',
        0,
        1,
      ]);
  }
  const some = (p: number) => ids.filter(() => r() < p);
  const vehicles: Roster = {
    headers: ['车主身份证号', '号牌号码'],
    rows: some(0.05).flatMap((id) =>
      r() < 0.2
        ? [
            [id, '晋K1'],
            [id, '晋K2'],
          ]
        : [[id, `晋K${Math.floor(r() * 99999)}`]],
    ),
  };
  // Old 15-digit and full-width forms in another department's list must still match.
  vehicles.rows.push([ids[5]!.slice(0, 6) + ids[5]!.slice(8, 17), '晋K旧号']);
  vehicles.rows.push([
    [...ids[6]!]
      .map((c) => (c >= '0' && c <= '9' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c))
      .join(''),
    '晋K全角',
  ]);
  const housing: Roster = {
    headers: ['权利人身份证号', '房屋坐落', '房屋类型'],
    rows: some(0.08).map((id) => [
      id,
      `城关镇${Math.floor(r() * 100)}号`,
      pick(['商品房', '门市房', '自建房', '安置房']),
    ]),
  };
  const staff: Roster = {
    headers: ['身份证号', '工作单位'],
    rows: some(0.02).map((id) => [id, '某镇卫生院']),
  };
  const business: Roster = {
    headers: ['身份证号', '企业名称', '职务'],
    rows: some(0.03).map((id) => [id, '某某种植合作社', pick(['法定代表人', '股东'])]),
  };
  const deaths: Roster = {
    headers: ['身份证号', '死亡日期'],
    rows: some(0.02).map((id) => [id, `2023-0${1 + Math.floor(r() * 9)}-15`]),
  };
  const disability: Roster = {
    headers: ['身份证号', '残疾等级'],
    rows: some(0.1).map((id) => [id, pick(['一级', '二级', '三级', '四级'])]),
  };
  const posts: Roster = {
    headers: ['身份证号', '岗位', '合同截止日期'],
    rows: some(0.1).map((id) => [
      id,
      pick(['护林员', '保洁员', '道路养护员']),
      pick(['2024-06-29', '2024-06-30', '2024/7/1', '2023-12-31', '', '2025-01-01']),
    ]),
  };
  const followups: Roster = { headers: ['身份证号', '随访日期'], rows: [] };
  for (const id of ids) {
    if (r() < 0.5) continue;
    const n = Math.floor(r() * 9);
    for (let i = 0; i < n; i++)
      followups.rows.push([
        id,
        pick([
          '2023-06-30',
          '2023-07-01',
          '2023-07-02',
          '2023-12-01',
          '2024-03-03',
          '2024-06-30',
          '2024-07-01',
          '2024-01-15',
        ]),
      ]);
  }
  return { households: hh, vehicles, housing, staff, business, deaths, disability, posts, followups };
}

export type County = ReturnType<typeof buildCounty>;

const norm = (v: Cell): string | null => {
  const n = validateIdNumber(v === null ? '' : String(v), TODAY).normalized;
  return n === '' ? null : n;
};
const idSet = (ro: Roster, col = 0, keep: (row: Cell[]) => boolean = () => true) =>
  new Set(
    ro.rows
      .filter(keep)
      .map((row) => norm(row[col] ?? null))
      .filter((x): x is string => x !== null),
  );
const text = (v: Cell | undefined) =>
  v === null || v === undefined || String(v).trim() === '' ? null : String(v).trim();

/** Distinct people (by normalised ID; a row without an ID counts on its own). */
function people(rows: Cell[][]): number {
  const keys = new Set(rows.map((row, i) => norm(row[1] ?? null) ?? `row${i}`));
  return keys.size;
}

export function expectedCounts(c: County): Record<string, number> {
  const hh = c.households.rows;
  const households = new Map<string, Cell[][]>();
  for (const row of hh) {
    const k = String(row[0]);
    households.set(k, [...(households.get(k) ?? []), row]);
  }
  const byId = new Map<string, Set<string>>();
  for (const row of hh) {
    const id = norm(row[1] ?? null);
    if (id) byId.set(id, (byId.get(id) ?? new Set()).add(String(row[0])));
  }
  const on = (s: Set<string>) => hh.filter((row) => s.has(norm(row[1] ?? null) ?? ''));
  // The 365 days up to and including the as-of date: (as-of − 365 days, as-of].
  const from = Date.parse(AS_OF) - 365 * 86_400_000;
  const to = Date.parse(AS_OF);
  const fuCount = new Map<string, number>();
  for (const [id, d] of c.followups.rows) {
    const t = Date.parse(String(d));
    const k = norm(id ?? null);
    if (k && t > from && t <= to) fuCount.set(k, (fuCount.get(k) ?? 0) + 1);
  }
  const isoDate = (v: Cell | undefined) => {
    const s = text(v);
    if (!s) return null;
    const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s);
    return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
  };
  return {
    'invalid-id': hh.filter((row) => !validateIdNumber(text(row[1]) ?? '', TODAY).ok).length,
    'duplicate-person': [...byId.values()].filter((s) => s.size > 1).length,
    'household-size': [...households.values()].filter((rows) =>
      rows.some((row) => text(row[8]) !== null && Number(row[8]) !== rows.length),
    ).length,
    'owns-vehicle': people(on(idSet(c.vehicles))),
    'owns-housing': people(on(idSet(c.housing, 0, (row) => row[2] === '商品房' || row[2] === '门市房'))),
    'financially-supported': people(on(idSet(c.staff))),
    'business-registered': people(on(idSet(c.business))),
    deceased: people(on(idSet(c.deaths))),
    'disability-marked-healthy': people(on(idSet(c.disability)).filter((row) => row[5] === '健康')),
    'no-labour-with-wages': people(
      hh.filter((row) => (row[6] === '丧失劳动力' || row[6] === '无劳动力') && Number(row[7]) > 0),
    ),
    'post-contract-expired': c.posts.rows.filter((row) => {
      const d = isoDate(row[2]);
      return d !== null && d < AS_OF;
    }).length,
    'followups-below-6': people(
      hh.filter(
        (row) =>
          (row[5] === '长期慢性病' || row[5] === '大病') &&
          (fuCount.get(norm(row[1] ?? null) ?? '') ?? 0) < 6,
      ),
    ),
  };
}
