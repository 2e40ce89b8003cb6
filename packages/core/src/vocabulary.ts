// The domain's words: English in code, Chinese labels for people. One place, so the API,
// the database, the Excel ledger and the UI all agree (see docs/GLOSSARY.md).

export const INSPECTION_KINDS = [
  'xunshi',
  'xuncha',
  'special_xuncha',
  'lookback',
  'assessment',
  'audit',
  'supervision',
] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_KIND_LABELS: Record<InspectionKind, string> = {
  xunshi: '巡视',
  xuncha: '巡察',
  special_xuncha: '专项巡察',
  lookback: '回头看',
  assessment: '成效考核',
  audit: '审计',
  supervision: '督查',
};

export const MEASURE_KINDS = ['immediate', 'deadline', 'ongoing'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];
export const MEASURE_KIND_LABELS: Record<MeasureKind, string> = {
  immediate: '立行立改',
  deadline: '限期整改',
  ongoing: '长期坚持',
};

export const MEASURE_STATUSES = ['not_started', 'in_progress', 'pending_review', 'closed'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = {
  not_started: '未启动',
  in_progress: '推进中',
  pending_review: '待审核',
  closed: '已销号',
};

export const PROBLEM_SOURCES = ['feedback', 'cross_check', 'petition', 'look_back', 'self_check'] as const;
export type ProblemSource = (typeof PROBLEM_SOURCES)[number];
export const PROBLEM_SOURCE_LABELS: Record<ProblemSource, string> = {
  feedback: '反馈意见',
  cross_check: '数据比对',
  petition: '信访举报',
  look_back: '回头看',
  self_check: '自查',
};

export const ROLES = ['admin', 'office', 'reviewer', 'leader', 'clerk', 'discipline', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  office: '巡察办/整改办',
  reviewer: '审核人',
  leader: '责任领导',
  clerk: '单位联络员',
  discipline: '纪检监察',
  viewer: '只读领导',
};

export const UNIT_KINDS = ['county', 'township', 'village', 'department'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  county: '县(区)',
  township: '乡镇(街道)',
  village: '村(社区)',
  department: '部门/站所',
};

export const ACCOUNTABILITY_TYPES = [
  'reminder_talk',
  'admonishment_talk',
  'warning_talk',
  'interview',
  'written_review',
  'circulated_criticism',
  'party_warning',
  'party_serious_warning',
  'party_post_removal',
  'party_probation',
  'party_expulsion',
  'administrative_sanction',
  'organizational_handling',
] as const;
export type AccountabilityType = (typeof ACCOUNTABILITY_TYPES)[number];
export const ACCOUNTABILITY_TYPE_LABELS: Record<AccountabilityType, string> = {
  reminder_talk: '提醒谈话',
  admonishment_talk: '诫勉谈话',
  warning_talk: '警示谈话',
  interview: '约谈',
  written_review: '责令书面检查',
  circulated_criticism: '通报批评',
  party_warning: '党内警告',
  party_serious_warning: '党内严重警告',
  party_post_removal: '撤销党内职务',
  party_probation: '留党察看',
  party_expulsion: '开除党籍',
  administrative_sanction: '政务处分',
  organizational_handling: '组织处理',
};

export const VERIFICATION_OUTCOMES = ['pending', 'confirmed', 'not_true', 'rectified'] as const;
export type VerificationOutcome = (typeof VERIFICATION_OUTCOMES)[number];
export const VERIFICATION_OUTCOME_LABELS: Record<VerificationOutcome, string> = {
  pending: '待核实',
  confirmed: '属实',
  not_true: '不属实',
  rectified: '已整改',
};

// 督办单: the channel a supervision notice went out on, and what a 回头看 re-check found.
export const NOTICE_CHANNELS = ['phone', 'network', 'written', 'onsite'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];
export const NOTICE_CHANNEL_LABELS: Record<NoticeChannel, string> = {
  phone: '电话督办',
  network: '网络督办',
  written: '书面督办',
  onsite: '现场督办',
};

export const NOTICE_LEVELS = [1, 2, 3] as const;
export type NoticeLevel = (typeof NOTICE_LEVELS)[number];
export const NOTICE_LEVEL_LABELS: Record<NoticeLevel, string> = {
  1: '一级督办（责任人）',
  2: '二级督办（分管领导）',
  3: '三级督办（主要领导）',
};

export const NOTICE_STATUSES = ['open', 'answered', 'closed'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = {
  open: '待答复',
  answered: '已答复',
  closed: '已办结',
};

export const EXTENSION_STATUSES = ['pending', 'approved', 'refused', 'withdrawn'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];
export const EXTENSION_STATUS_LABELS: Record<ExtensionStatus, string> = {
  pending: '待审批',
  approved: '已同意',
  refused: '不同意',
  withdrawn: '已撤回',
};

export const LOOKBACK_OUTCOMES = ['consolidated', 'rebounded', 'not_done'] as const;
export type LookbackOutcome = (typeof LOOKBACK_OUTCOMES)[number];
export const LOOKBACK_OUTCOME_LABELS: Record<LookbackOutcome, string> = {
  consolidated: '巩固',
  rebounded: '反弹',
  not_done: '整改不到位',
};
