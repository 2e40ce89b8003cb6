import { ACCOUNTABILITY_TYPE_LABELS, type AccountabilityType } from '@zhenggai/core/vocabulary';
import { registerMessages } from '../../i18n/index.tsx';

// This page's words, in both languages. They load with the page instead of with every page;
// registerMessages merges them into useT()'s messages (i18n/index.tsx).

export const accountabilityZh = {
  title: '问责',
  inspection: '巡察',
  chooseInspection: '请选择巡察',
  totals: '问责情况',
  noActions: '本次巡察还没有问责记录',
  totalsText: (summary: string, total: number) => `共问责 ${total} 人次：${summary}`,
  record: '登记问责',
  person: '被问责人',
  personRequired: '请填写被问责人姓名',
  position: '职务',
  unit: '所在单位',
  type: '问责方式',
  typeRequired: '请选择问责方式',
  date: '问责日期',
  dateRequired: '请选择问责日期',
  problem: '关联问题',
  measure: '关联措施',
  none: '不关联',
  note: '备注',
  recorded: '已登记问责',
  deleteConfirm: (name: string) => `确定删除对 ${name} 的问责记录吗？删除会记入审计日志。`,
  deleted: '已删除',
  // The Chinese names are core's vocabulary, the same the reports use.
  types: ACCOUNTABILITY_TYPE_LABELS as Record<string, string>,
  peopleOf: (label: string, n: number) => `${label}${n}人`,
};

const accountabilityEn: typeof accountabilityZh = {
  title: 'Accountability (问责)',
  inspection: 'Inspection',
  chooseInspection: 'Choose an inspection',
  totals: 'Summary',
  noActions: 'No accountability actions for this inspection',
  totalsText: (summary: string, total: number) => `${total} in total: ${summary}`,
  record: 'Record action',
  person: 'Person',
  personRequired: 'Please enter the name',
  position: 'Position',
  unit: 'Unit',
  type: 'Type',
  typeRequired: 'Please choose a type',
  date: 'Date',
  dateRequired: 'Please choose a date',
  problem: 'Problem',
  measure: 'Measure',
  none: 'None',
  note: 'Note',
  recorded: 'Recorded',
  deleteConfirm: (name: string) => `Delete the action against ${name}? The deletion is audited.`,
  deleted: 'Deleted',
  types: {
    reminder_talk: 'Reminder talk',
    admonishment_talk: 'Admonishment talk',
    warning_talk: 'Warning talk',
    interview: 'Interview',
    written_review: 'Written self-criticism',
    circulated_criticism: 'Circulated criticism',
    party_warning: 'Party warning',
    party_serious_warning: 'Serious party warning',
    party_post_removal: 'Removal from party posts',
    party_probation: 'Party probation',
    party_expulsion: 'Expulsion from the party',
    administrative_sanction: 'Administrative sanction',
    organizational_handling: 'Organisational handling',
  } satisfies Record<AccountabilityType, string> as Record<string, string>,
  peopleOf: (label: string, n: number) => `${label}: ${n}`,
};

registerMessages('accountability', accountabilityZh, accountabilityEn);
