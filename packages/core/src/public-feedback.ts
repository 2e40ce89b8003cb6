// Messages from the public (群众反映): vocabulary and the state table.

export const PUBLIC_MESSAGE_CHANNELS = ['web', 'phone', 'letter', 'visit', 'email'] as const;
export type PublicMessageChannel = (typeof PUBLIC_MESSAGE_CHANNELS)[number];
export const PUBLIC_MESSAGE_CHANNEL_LABELS: Record<PublicMessageChannel, string> = {
  web: '网上反映',
  phone: '电话',
  letter: '来信',
  visit: '来访',
  email: '电子邮件',
};

export const PUBLIC_MESSAGE_CATEGORIES = ['opinion', 'complaint', 'clue', 'inquiry'] as const;
export type PublicMessageCategory = (typeof PUBLIC_MESSAGE_CATEGORIES)[number];
export const PUBLIC_MESSAGE_CATEGORY_LABELS: Record<PublicMessageCategory, string> = {
  opinion: '意见建议',
  complaint: '投诉',
  clue: '问题线索',
  inquiry: '咨询',
};

export const PUBLIC_MESSAGE_STATUSES = ['new', 'assigned', 'answered', 'closed', 'rejected'] as const;
export type PublicMessageStatus = (typeof PUBLIC_MESSAGE_STATUSES)[number];
export const PUBLIC_MESSAGE_STATUS_LABELS: Record<PublicMessageStatus, string> = {
  new: '待分办',
  assigned: '办理中',
  answered: '已答复',
  closed: '已办结',
  rejected: '不予受理',
};

export type PublicMessageAction = 'triage' | 'link' | 'assign' | 'answer' | 'close' | 'reject';

/** From which statuses each action is allowed. Linking and notes stay possible until the end. */
export const PUBLIC_MESSAGE_FROM: Record<PublicMessageAction, readonly PublicMessageStatus[]> = {
  triage: ['new', 'assigned', 'answered'],
  link: ['new', 'assigned', 'answered', 'closed'],
  // Assigning again hands it to another unit, or sends an answer back for more work.
  assign: ['new', 'assigned', 'answered'],
  answer: ['assigned', 'answered'],
  close: ['answered'],
  reject: ['new', 'assigned'],
};

/** Limits on what the public form accepts. */
export const PUBLIC_LIMITS = {
  bodyMin: 5,
  bodyMax: 5000,
  contactMax: 200,
  files: 3,
  fileBytes: 5 * 1024 * 1024,
} as const;

/** Days a unit has to answer, counted from the assignment: one calendar month. */
export function defaultDueDate(assignedOn: string): string {
  const [y, m, d] = assignedOn.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const due = new Date(Date.UTC(y, m, Math.min(d, lastDay)));
  return due.toISOString().slice(0, 10);
}
