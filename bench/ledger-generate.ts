// A deterministic, realistic-looking LedgerDraft of any size, for benchmarks (xlsx here, the
// database import elsewhere) and round-trip tests. Everything is made up: the county 清河县,
// its townships and people do not exist. Same seed and size → the same ledger, byte for byte.

import type { LedgerDraft, MeasureDraft, MeasureKind, MeasureStatus, ProblemDraft } from '@zhenggai/core';

export interface GenerateLedgerOptions {
  measures: number;
  seed?: number;
  title?: string;
}

/** mulberry32: tiny, fast, and the same on every machine. */
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

const CATEGORIES = [
  '（一）贯彻落实上级决策部署方面',
  '（二）基层党组织建设方面',
  '（三）惠民政策落实方面',
  '（四）资金项目管理方面',
  '（五）作风建设方面',
  '（六）安全生产和生态环境方面',
];
const TOPICS = [
  '村级财务报销手续不全',
  '低保对象动态调整不及时',
  '公益性岗位管理不规范',
  '项目资金拨付进度偏慢',
  '会议记录填写不完整',
  '产业帮扶项目收益分配不清',
  '危房改造验收把关不严',
  '理论学习流于形式',
  '集体资产台账登记缺项',
  '河道巡查记录不实',
  '工程质量保证金未按比例预留',
  '家庭医生随访次数不足',
];
const FACTS = [
  '抽查发现部分村的报销凭证缺少经办人签字，个别票据日期与事项不符。',
  '比对名单时发现有农户家庭成员已在县城购房，仍享受相关补助。',
  '部分岗位人员合同到期后未续签，仍在岗领取补贴。',
  '截至检查时，年度项目资金仅拨付过半，影响工程推进。',
  '个别村党支部“三会一课”记录由一人代写，内容雷同。',
];
const ACTIONS = [
  '全面梳理近三年村级财务凭证，逐笔补齐审批手续',
  '组织包村干部入户核实，对不符合条件的及时清退',
  '重新签订岗位协议，建立每月考勤台账',
  '倒排工期，每周调度资金拨付进度',
  '修订学习制度，每季度开展一次专题研讨',
  '建立问题清单，逐项明确责任人和完成时限',
  '开展专项检查，对发现的问题立即督促整改',
];
const TOWNS = ['柳林镇', '石桥乡', '东坪镇', '南湾乡', '白杨镇', '青山乡'];
const OFFICES = ['财政所', '民政所', '党政办', '农业服务中心', '社会事务办', '自然资源所', '应急办'];
const COUNTY_DEPTS = ['县财政局', '县民政局', '县农业农村局', '县住建局', '县卫健局', '县水利局'];
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
const GIVEN = [
  '建国',
  '丽华',
  '志强',
  '海燕',
  '国庆',
  '春梅',
  '立新',
  '晓东',
  '玉兰',
  '德明',
  '秀英',
  '文斌',
];
const PROGRESS = [
  '已完成入户核查，清退不符合条件对象3户。',
  '已召开专题会议2次，制定工作方案。',
  '已拨付资金至合同额的80%，剩余部分待验收后拨付。',
  '已补齐凭证126份，追回违规资金1.2万元。',
  '正在逐村核查，已完成9个村。',
];
const EVIDENCE = ['会议记录、签到表', '核查登记表', '资金拨付凭证', '整改前后对比照片', '制度文件'];

export function generateLedger(options: GenerateLedgerOptions): LedgerDraft {
  const rand = rng(options.seed ?? 20240630);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const person = () => pick(SURNAMES) + pick(GIVEN);
  const unit = () => (rand() < 0.3 ? pick(COUNTY_DEPTS) : pick(TOWNS) + pick(OFFICES));

  const categories = CATEGORIES.map((title) => ({ title, problems: [] as ProblemDraft[] }));
  let made = 0;
  let problemNo = 0;
  while (made < options.measures) {
    problemNo++;
    const category = categories[Math.floor(rand() * categories.length)] ?? categories[0];
    const count = Math.min(options.measures - made, 1 + Math.floor(rand() * 5));
    const measures: MeasureDraft[] = [];
    for (let k = 0; k < count; k++) {
      const r = rand();
      const kind: MeasureKind = r < 0.12 ? 'ongoing' : r < 0.22 ? 'immediate' : 'deadline';
      const s = rand();
      const status: MeasureStatus =
        s < 0.45 ? 'closed' : s < 0.75 ? 'in_progress' : s < 0.9 ? 'not_started' : 'pending_review';
      const month = 1 + Math.floor(rand() * 12);
      const day = 1 + Math.floor(rand() * 28);
      const deadline =
        kind === 'ongoing' && rand() < 0.8
          ? null
          : `${2023 + Math.floor(rand() * 3)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const coop = rand() < 0.25 ? [unit(), ...(rand() < 0.4 ? [unit()] : [])] : [];
      const lead = unit();
      measures.push({
        text: `${['一是', '二是', '三是', '四是', '五是'][k]}${pick(ACTIONS)}（第${problemNo}-${k + 1}项）。`,
        kind,
        deadline,
        status,
        leaderName: rand() < 0.9 ? person() : null,
        unitName: lead,
        cooperatingUnitNames: [...new Set(coop)].filter((u) => u !== lead),
        personName: rand() < 0.85 ? person() : null,
        progress: status === 'not_started' || rand() < 0.1 ? null : pick(PROGRESS),
        evidenceNote: status === 'closed' ? pick(EVIDENCE) : null,
        remark: rand() < 0.05 ? '需县级部门协调' : null,
        at: null,
      });
      made++;
    }
    category?.problems.push({
      number: String(problemNo),
      title: `${pick(TOWNS)}${pick(TOPICS)}问题`,
      text: rand() < 0.9 ? pick(FACTS) : '',
      crossCheckAll: rand() < 0.1,
      measures,
      at: null,
    });
  }
  return {
    title: options.title ?? '清河县2024年巡察反馈问题整改台账',
    categories: categories.filter((c) => c.problems.length > 0),
  };
}
