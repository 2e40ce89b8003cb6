// Deterministic fictional county for the cross-check benchmark: N household members and
// the pack's eight other rosters (~1.9 × N rows between them) as UTF-8 CSV.
//   node --import tsx bench/checks/generate.ts --members 500000 --out bench/out/checks-500000
import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const REGIONS = [
  '110105',
  '140202',
  '141002',
  '142602',
  '370102',
  '410102',
  '430102',
  '440524',
  '500101',
  '510104',
  '520102',
  '530102',
  '610102',
  '620102',
  '630102',
  '640104',
  '650102',
  '150102',
  '210102',
  '220102',
];
const VILLAGES = Array.from(
  { length: 240 },
  (_, i) =>
    `${['青石', '柳溪', '松岭', '桃源', '白沙', '石门', '杏花', '梨园'][i % 8]}${Math.floor(i / 8) + 1}村`,
);
const SURNAMES = ['林', '周', '吴', '郑', '冯', '陈', '褚', '卫', '蒋', '沈'];
const GIVEN = ['春生', '秋菊', '建国', '丽华', '小明', '桂英', '国强', '玉兰', '志刚', '秀珍'];
const HEALTH = ['健康', '健康', '健康', '健康', '健康', '健康', '健康', '长期慢性病', '大病', '残疾'];
const LABOUR = [
  '普通劳动力',
  '普通劳动力',
  '普通劳动力',
  '技能劳动力',
  '弱劳动力或半劳动力',
  '丧失劳动力',
  '无劳动力',
];
const BASE_DAY = Date.UTC(1940, 0, 1) / 86_400_000;
const AS_OF_DAY = Date.UTC(2024, 5, 30) / 86_400_000;

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

function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** A unique valid ID for member i: region, birth day and sequence all derive from i. */
export function memberId(i: number): string {
  const region = REGIONS[i % REGIONS.length] ?? '110105';
  const day = BASE_DAY + (Math.floor(i / REGIONS.length) % 25_550);
  const seq = Math.floor(i / (REGIONS.length * 25_550)) % 1000;
  const body = region + isoDay(day).replaceAll('-', '') + String(seq).padStart(3, '0');
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += (body.charCodeAt(k) - 48) * (WEIGHTS[k] ?? 0);
  return body + CHECK.charAt(sum % 11);
}

class Out {
  private buf: string[] = [];
  private size = 0;
  rows = 0;
  private readonly s;
  constructor(file: string, header: string) {
    this.s = createWriteStream(file);
    this.buf.push(header + '\n');
  }
  async line(l: string): Promise<void> {
    this.buf.push(l);
    this.buf.push('\n');
    this.rows++;
    this.size += l.length;
    if (this.size > 1 << 20) await this.flush();
  }
  private async flush(): Promise<void> {
    const ok = this.s.write(this.buf.join(''));
    this.buf = [];
    this.size = 0;
    if (!ok) await once(this.s, 'drain');
  }
  async close(): Promise<void> {
    await this.flush();
    this.s.end();
    await once(this.s, 'close');
  }
}

export async function generate(
  members: number,
  dir: string,
  seed = 20240630,
): Promise<Record<string, number>> {
  mkdirSync(dir, { recursive: true });
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const files = {
    households: new Out(
      join(dir, 'households.csv'),
      '户编号,身份证号,姓名,与户主关系,所属村,健康状况,劳动技能,务工收入,家庭人口数',
    ),
    vehicles: new Out(join(dir, 'vehicles.csv'), '身份证号,号牌号码'),
    housing: new Out(join(dir, 'housing.csv'), '身份证号,房屋坐落,房屋类型'),
    staff: new Out(join(dir, 'staff.csv'), '身份证号,工作单位'),
    business: new Out(join(dir, 'business.csv'), '身份证号,企业名称,职务'),
    deaths: new Out(join(dir, 'deaths.csv'), '身份证号,死亡日期'),
    disability: new Out(join(dir, 'disability.csv'), '身份证号,残疾等级'),
    posts: new Out(join(dir, 'posts.csv'), '身份证号,岗位,合同截止日期'),
    followups: new Out(join(dir, 'followups.csv'), '身份证号,随访日期'),
  };
  let i = 0;
  let household = 0;
  while (i < members) {
    household++;
    const size = Math.min(1 + Math.floor(r() * 6), members - i);
    const listed = r() < 0.02 && size > 1 ? size - 1 : size;
    const village = pick(VILLAGES);
    for (let m = 0; m < size; m++, i++) {
      const id = memberId(i);
      const health = pick(HEALTH);
      if (m < listed) {
        const u = r();
        // 0.3% wrong check character, 0.1% impossible date, 0.1% empty.
        const shown =
          u < 0.003
            ? id.slice(0, 17) + (id.endsWith('1') ? '2' : '1')
            : u < 0.004
              ? id.slice(0, 10) + '0231' + id.slice(14)
              : u < 0.005
                ? ''
                : id;
        const labour = pick(LABOUR);
        const working = labour !== '丧失劳动力' && labour !== '无劳动力';
        const income = r() < (working ? 0.3 : 0.02) ? Math.floor(r() * 20000) : 0;
        await files.households.line(
          `H${household},${shown},${pick(SURNAMES)}${pick(GIVEN)},${m === 0 ? '户主' : '家庭成员'},${village},${health},${labour},${income},${size}`,
        );
        // 0.2% listed in a second household too.
        if (r() < 0.002)
          await files.households.line(
            `D${household},${id},${pick(SURNAMES)}${pick(GIVEN)},户主,${village},健康,普通劳动力,0,1`,
          );
      }
      // Other departments' lists are mostly about people outside the poverty roster:
      // each line below names a member with the given probability, otherwise an outsider
      // (IDs past the members' range), so the row counts stay realistic and hits rare.
      const who = (pMember: number) =>
        r() < pMember ? id : memberId(members + Math.floor(r() * members * 4));
      if (r() < 0.05)
        await files.vehicles.line(`${who(0.1)},晋K${String(Math.floor(r() * 99999)).padStart(5, '0')}`);
      if (r() < 0.08)
        await files.housing.line(
          `${who(0.1)},城关镇${Math.floor(r() * 500)}号,${pick(['商品房', '门市房', '自建房', '安置房'])}`,
        );
      if (r() < 0.02) await files.staff.line(`${who(0.05)},某镇卫生院`);
      if (r() < 0.03) await files.business.line(`${who(0.1)},某某种植合作社,${pick(['法定代表人', '股东'])}`);
      if (r() < 0.02) await files.deaths.line(`${who(0.1)},${isoDay(AS_OF_DAY - Math.floor(r() * 700))}`);
      if (health === '残疾' || r() < 0.01)
        await files.disability.line(
          `${who(health === '残疾' ? 1 : 0.3)},${pick(['一级', '二级', '三级', '四级'])}`,
        );
      if (r() < 0.05)
        await files.posts.line(
          `${who(0.8)},${pick(['护林员', '保洁员', '道路养护员'])},${isoDay(AS_OF_DAY - 30 + Math.floor(r() * 700))}`,
        );
      if (health === '长期慢性病' || health === '大病') {
        const n = r() < 0.1 ? 1 + Math.floor(r() * 6) : 6 + Math.floor(r() * 5);
        for (let k = 0; k < n; k++)
          await files.followups.line(`${id},${isoDay(AS_OF_DAY - Math.floor(r() * 364))}`);
      } else if (r() < 0.04) {
        await files.followups.line(`${id},${isoDay(AS_OF_DAY - Math.floor(r() * 420))}`);
      }
    }
  }
  const counts: Record<string, number> = {};
  for (const [name, f] of Object.entries(files)) {
    await f.close();
    counts[name] = f.rows;
  }
  return counts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      members: { type: 'string', default: '500000' },
      out: { type: 'string' },
      seed: { type: 'string', default: '20240630' },
    },
  });
  const members = Number(values.members);
  const dir = values.out ?? join('bench', 'out', `checks-${members}`);
  const t = performance.now();
  const counts = await generate(members, dir, Number(values.seed));
  const others = Object.entries(counts)
    .filter(([k]) => k !== 'households')
    .reduce((s, [, n]) => s + n, 0);
  console.log(
    JSON.stringify({
      dir,
      members,
      counts,
      otherRows: others,
      ratio: Math.round((others / members) * 100) / 100,
      seconds: Math.round(performance.now() - t) / 1000,
    }),
  );
}
