// The ledger's columns and every name people give them. Header recognition works on these lists:
// an exact (normalised) match first, then a keyword rule for decorated headers like
// "整改时限（完成时间）" or "责任单位\n（牵头）".

export const FIELDS = [
  'seq',
  'category',
  'problem',
  'measure',
  'leader',
  'unit',
  'coop',
  'person',
  'deadline',
  'progress',
  'status',
  'evidence',
  'remark',
  'crossCheck',
  'kind',
] as const;
export type Field = (typeof FIELDS)[number];

/** Exact names, after normalisation (no spaces, no line breaks, half-width brackets). */
const SYNONYMS: Record<Field, readonly string[]> = {
  seq: ['序号', '编号', '问题序号', '序'],
  category: ['问题类别', '类别', '方面', '问题类型', '问题分类', '分类', '所属方面', '问题方面'],
  problem: [
    '问题',
    '存在问题',
    '问题描述',
    '反馈问题',
    '存在的问题',
    '具体问题',
    '问题表现',
    '主要问题',
    '反馈意见',
    '问题清单',
    '问题内容',
  ],
  measure: ['整改措施', '具体措施', '整改举措', '措施', '整改任务', '具体整改措施', '整改措施及目标'],
  leader: ['责任领导', '分管领导', '牵头领导', '包保领导', '领办领导'],
  unit: ['责任单位', '牵头单位', '责任部门', '牵头部门', '责任单位(部门)', '牵头责任单位'],
  coop: ['配合单位', '协办单位', '配合部门', '协同单位'],
  person: ['责任人', '具体责任人', '经办人', '直接责任人'],
  deadline: ['整改时限', '完成时限', '时限要求', '时限', '完成时间', '整改期限', '整改时间'],
  progress: ['整改进展', '进展情况', '整改进度', '推进情况', '整改情况', '进展', '整改落实情况'],
  status: ['完成情况', '整改状态', '状态', '是否完成', '整改结果', '完成状态'],
  evidence: ['佐证材料', '佐证', '证明材料', '佐证资料', '佐证材料清单'],
  remark: ['备注', '说明'],
  crossCheck: ['举一反三', '是否举一反三'],
  kind: ['整改类型', '整改方式', '措施类型', '整改要求'],
};

/**
 * Keyword rules for headers that are not an exact synonym, tried in order. Order matters:
 * "问题类别" must become category before "问题" makes it a problem; "责任单位" before "责任人".
 */
const KEYWORDS: readonly (readonly [Field, RegExp])[] = [
  ['crossCheck', /举一反三/],
  ['category', /类别|类型|方面/],
  ['coop', /配合|协办/],
  ['leader', /领导/],
  ['unit', /单位|部门/],
  ['person', /责任人/],
  ['deadline', /时限|期限|完成时间/],
  ['progress', /进展|进度/],
  ['status', /完成情况|状态/],
  ['evidence', /佐证/],
  ['measure', /措施|举措/],
  ['problem', /问题/],
  ['remark', /备注/],
  ['seq', /序号/],
];

/** Headers are compared without spaces, line breaks or full-width brackets. */
export function normaliseHeader(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[:：*＊]/g, '');
}

const EXACT = new Map<string, Field>();
for (const field of FIELDS) for (const name of SYNONYMS[field]) EXACT.set(name, field);

/** Which field a header cell names, or null. Long text is data, not a header. */
export function matchHeader(text: string): Field | null {
  const norm = normaliseHeader(text);
  if (norm === '') return null;
  const exact = EXACT.get(norm) ?? EXACT.get(norm.replace(/\(.*?\)/g, ''));
  if (exact) return exact;
  if (norm.length > 12) return null;
  for (const [field, re] of KEYWORDS) if (re.test(norm)) return field;
  return null;
}

/** The standard columns the writer produces, in order, with their header text. */
export const STANDARD_COLUMNS: readonly { field: Field; header: string; width: number }[] = [
  { field: 'seq', header: '序号', width: 6 },
  { field: 'category', header: '问题类别', width: 14 },
  { field: 'problem', header: '问题', width: 40 },
  { field: 'measure', header: '整改措施', width: 40 },
  { field: 'leader', header: '责任领导', width: 10 },
  { field: 'unit', header: '责任单位', width: 16 },
  { field: 'person', header: '责任人', width: 10 },
  { field: 'deadline', header: '整改时限', width: 14 },
  { field: 'progress', header: '整改进展', width: 36 },
  { field: 'status', header: '完成情况', width: 10 },
  { field: 'evidence', header: '佐证材料', width: 20 },
  { field: 'remark', header: '备注', width: 14 },
];
