import type { InspectionKind, MeasureKind, MeasureStatus, Role, UnitKind } from '@zhenggai/core';

// The demo workspace: a fictional county, written by us. Dates are relative to the day the
// demo is created so that every light (green, yellow, red) shows up whenever someone tries it.

export interface DemoUnit {
  key: string;
  name: string;
  kind: UnitKind;
  parent: string | null;
}

export const DEMO_UNITS: DemoUnit[] = [
  { key: 'county', name: '青禾县', kind: 'county', parent: null },
  { key: 'office', name: '县委巡察办', kind: 'department', parent: 'county' },
  { key: 'civil', name: '县民政局', kind: 'department', parent: 'county' },
  { key: 'finance', name: '县财政局', kind: 'department', parent: 'county' },
  { key: 'rural', name: '县乡村振兴局', kind: 'department', parent: 'county' },
  { key: 'dongping', name: '东坪镇', kind: 'township', parent: 'county' },
  { key: 'dpCivil', name: '东坪镇民政所', kind: 'department', parent: 'dongping' },
  { key: 'dpFinance', name: '东坪镇财政所', kind: 'department', parent: 'dongping' },
  { key: 'dpOffice', name: '东坪镇党政办', kind: 'department', parent: 'dongping' },
  { key: 'liutang', name: '柳塘村', kind: 'village', parent: 'dongping' },
  { key: 'shiqiao', name: '石桥村', kind: 'village', parent: 'dongping' },
  { key: 'xixi', name: '西溪镇', kind: 'township', parent: 'county' },
  { key: 'xxFarm', name: '西溪镇农业服务中心', kind: 'department', parent: 'xixi' },
  { key: 'xxCivil', name: '西溪镇民政所', kind: 'department', parent: 'xixi' },
  { key: 'zaolin', name: '枣林村', kind: 'village', parent: 'xixi' },
];

export interface DemoUser {
  username: string;
  displayName: string;
  unit: string;
  grants: { role: Role; unit: string; principal?: boolean }[];
}

export const DEMO_USERS: DemoUser[] = [
  {
    username: 'office',
    displayName: '周明（巡察办）',
    unit: 'office',
    grants: [{ role: 'office', unit: 'county' }],
  },
  {
    username: 'reviewer',
    displayName: '吴芳（审核）',
    unit: 'office',
    grants: [{ role: 'reviewer', unit: 'county' }],
  },
  {
    username: 'discipline',
    displayName: '郑刚（纪委）',
    unit: 'county',
    grants: [{ role: 'discipline', unit: 'county' }],
  },
  {
    username: 'viewer',
    displayName: '王书记（只读）',
    unit: 'county',
    grants: [{ role: 'viewer', unit: 'county' }],
  },
  {
    username: 'dp_leader',
    displayName: '李强（东坪镇分管领导）',
    unit: 'dongping',
    grants: [{ role: 'leader', unit: 'dongping' }],
  },
  {
    username: 'dp_head',
    displayName: '赵敏（东坪镇主要领导）',
    unit: 'dongping',
    grants: [{ role: 'leader', unit: 'dongping', principal: true }],
  },
  {
    username: 'dp_clerk',
    displayName: '陈静（东坪镇联络员）',
    unit: 'dpOffice',
    grants: [{ role: 'clerk', unit: 'dongping' }],
  },
  {
    username: 'xx_clerk',
    displayName: '刘洋（西溪镇联络员）',
    unit: 'xixi',
    grants: [{ role: 'clerk', unit: 'xixi' }],
  },
];

export interface DemoMeasure {
  text: string;
  kind: MeasureKind;
  unit: string;
  person: string;
  leader: string;
  /** Days from today; null for 长期坚持. */
  dueInDays: number | null;
  status: MeasureStatus;
  progress?: string;
}

export interface DemoProblem {
  number: string;
  title: string;
  finding: string;
  crossCheckAll?: boolean;
  measures: DemoMeasure[];
}

export interface DemoInspection {
  name: string;
  kind: InspectionKind;
  issuer: string;
  team: string;
  inspected: string;
  extended: string[];
  startDaysAgo: number;
  endDaysAgo: number;
  feedbackDaysAgo: number;
  categories: { title: string; problems: DemoProblem[] }[];
}

export const DEMO_INSPECTIONS: DemoInspection[] = [
  {
    name: '县委第二巡察组对东坪镇党委常规巡察',
    kind: 'xuncha',
    issuer: '中共青禾县委',
    team: '县委第二巡察组',
    inspected: 'dongping',
    extended: ['liutang', 'shiqiao'],
    startDaysAgo: 200,
    endDaysAgo: 140,
    feedbackDaysAgo: 100,
    categories: [
      {
        title: '落实惠民政策方面',
        problems: [
          {
            number: '1',
            title: '低保动态管理不及时',
            finding: '部分低保户家庭收入已明显变化，但未按期复核调整。',
            crossCheckAll: true,
            measures: [
              {
                text: '对全镇低保户开展一次入户复核，建立复核台账',
                kind: 'deadline',
                unit: 'dpCivil',
                person: '赵敏',
                leader: '李强',
                dueInDays: -20,
                status: 'closed',
                progress: '已复核全部低保户312户，调整退出9户14人',
              },
              {
                text: '每季度与县民政局数据比对一次，发现变化及时调整',
                kind: 'ongoing',
                unit: 'dpCivil',
                person: '赵敏',
                leader: '李强',
                dueInDays: null,
                status: 'in_progress',
                progress: '第一季度比对完成，发现疑点户6户，已核实',
              },
            ],
          },
          {
            number: '2',
            title: '公益性岗位管理松散',
            finding: '个别公益性岗位人员合同到期后仍在岗领取补贴。',
            measures: [
              {
                text: '清理到期岗位合同，逐人签订或终止',
                kind: 'immediate',
                unit: 'dpFinance',
                person: '孙磊',
                leader: '李强',
                dueInDays: -5,
                status: 'in_progress',
                progress: '已清理合同41份，尚有3人待处理',
              },
              {
                text: '追回不应发放的补贴资金',
                kind: 'deadline',
                unit: 'dpFinance',
                person: '孙磊',
                leader: '李强',
                dueInDays: 5,
                status: 'pending_review',
                progress: '已追回补贴资金1.2万元，缴回财政专户',
              },
            ],
          },
        ],
      },
      {
        title: '基层组织建设方面',
        problems: [
          {
            number: '3',
            title: '村级财务公开不规范',
            finding: '两个村的财务公开栏内容陈旧，未按季度更新。',
            measures: [
              {
                text: '柳塘村按季度更新财务公开栏并留存照片',
                kind: 'deadline',
                unit: 'liutang',
                person: '钱伟',
                leader: '李强',
                dueInDays: 20,
                status: 'not_started',
              },
              {
                text: '石桥村补公开上一年度收支明细',
                kind: 'deadline',
                unit: 'shiqiao',
                person: '何军',
                leader: '李强',
                dueInDays: 45,
                status: 'in_progress',
                progress: '已整理收支凭证，待村务监督委员会审核',
              },
            ],
          },
        ],
      },
    ],
  },
  {
    name: '乡村振兴成效考核反馈问题整改（西溪镇）',
    kind: 'assessment',
    issuer: '青禾县乡村振兴领导小组',
    team: '县考核组',
    inspected: 'xixi',
    extended: ['zaolin'],
    startDaysAgo: 120,
    endDaysAgo: 110,
    feedbackDaysAgo: 90,
    categories: [
      {
        title: '产业帮扶方面',
        problems: [
          {
            number: '1',
            title: '帮扶项目资金拨付进度偏慢',
            finding: '年度帮扶项目资金拨付率不足六成。',
            measures: [
              {
                text: '倒排拨付计划，按月通报进度',
                kind: 'deadline',
                unit: 'xxFarm',
                person: '冯涛',
                leader: '高敏',
                dueInDays: -12,
                status: 'not_started',
              },
              {
                text: '项目竣工验收后按合同预留质量保证金',
                kind: 'deadline',
                unit: 'xxFarm',
                person: '冯涛',
                leader: '高敏',
                dueInDays: 3,
                status: 'in_progress',
                progress: '已对4个项目核对合同条款',
              },
            ],
          },
        ],
      },
      {
        title: '数据质量方面',
        problems: [
          {
            number: '2',
            title: '健康状况标识与残疾人名单不一致',
            finding: '枣林村有残疾人补贴名单中的人员被标为健康。',
            measures: [
              {
                text: '逐人核实并更正系统标识',
                kind: 'immediate',
                unit: 'zaolin',
                person: '韩梅',
                leader: '高敏',
                dueInDays: -30,
                status: 'closed',
                progress: '已核实8人，全部更正',
              },
            ],
          },
        ],
      },
    ],
  },
];
