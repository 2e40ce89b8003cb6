// Every name a template may use, where it may use it, and whether it can be empty. The template
// compiler checks names against this table before any data is seen, so a typo in an office's
// template is reported with its line instead of silently printing nothing.

export interface FieldSpec {
  /** May be empty for some data: then it must sit inside a guard section. */
  optional: boolean;
  /** Sections that prove the value is present; defaults to the field's own name. */
  guards?: readonly string[];
  /** What it prints, for the README and error messages. */
  zh: string;
}

export interface ScopeSpec {
  fields: Readonly<Record<string, FieldSpec>>;
  /** Loops available in this scope and the scope of one item. */
  lists: Readonly<Record<string, ScopeSpec>>;
}

const required = (zh: string): FieldSpec => ({ optional: false, zh });
const optional = (zh: string, guards?: readonly string[]): FieldSpec =>
  guards === undefined ? { optional: true, zh } : { optional: true, guards, zh };

export const MEASURE_SCOPE: ScopeSpec = {
  fields: {
    'measure.marker': required('措施序号“一是”“二是”…'),
    'measure.numberMarker': required('措施序号“（1）”“（2）”…'),
    'measure.index': required('措施在本问题内的序号 1、2…'),
    'measure.text': required('措施内容，句末补全“。”'),
    'measure.kind': required('措施类型：立行立改 / 限期整改 / 长期坚持'),
    'measure.unit': optional('责任单位'),
    'measure.deadline': optional('整改时限，如“2024年6月30日”'),
    'measure.due': required('整改时限；没有时限时为措施类型（如“长期坚持”）'),
    'measure.status': required('状态：未启动 / 推进中 / 待审核 / 已销号'),
    'measure.progress': optional('最新整改进展，句末补全“。”'),
  },
  lists: {},
};

export const PROBLEM_SCOPE: ScopeSpec = {
  fields: {
    'problem.marker': required('问题序号“1.”“2.”…（全文连续编号）'),
    'problem.index': required('问题在全文中的序号 1、2…'),
    'problem.number': required('台账中的问题编号'),
    'problem.title': required('问题标题（去掉句末标点）'),
    'problem.text': optional('问题表现（反馈原文），句末补全“。”'),
    'problem.status': required('问题状态：整改中 / 已整改'),
    'problem.measureCount': required('本问题的措施数'),
    'problem.closedMeasures': required('本问题已销号的措施数'),
  },
  lists: { measures: MEASURE_SCOPE },
};

export const CATEGORY_SCOPE: ScopeSpec = {
  fields: {
    'category.marker': required('方面序号“（一）”“（二）”…'),
    'category.number': required('方面序号的汉字“一”“二”…'),
    'category.index': required('方面序号 1、2…'),
    'category.title': required('方面标题（去掉句末标点）'),
    'category.problemCount': required('本方面的问题数'),
    'category.measureCount': required('本方面的措施数'),
  },
  lists: { problems: PROBLEM_SCOPE },
};

const ACCOUNTABILITY_GUARDS = ['accountability'];
const LOOKBACK_GUARDS = ['lookback'];
const SUPERVISION_GUARDS = ['supervision'];

export const ROOT_SCOPE: ScopeSpec = {
  fields: {
    reportingUnit: required('报告单位（落款）'),
    reportDate: required('成文日期，如“2024年10月11日”'),
    recipient: optional('主送机关'),
    kind: required('检查类型：巡视 / 巡察 / 专项巡察 / 回头看 / 成效考核 / 审计 / 督查'),
    inspectionName: required('本轮检查的名称'),
    issuer: optional('部署机关，如“县委”'),
    team: optional('检查组，如“县委第四巡察组”'),
    inspectedUnit: required('被检查单位'),
    period: optional('检查期间，如“2023年10月9日至2024年1月14日”', ['period', 'periodStart']),
    periodStart: optional('检查开始日期'),
    periodEnd: optional('检查结束日期'),
    feedbackDate: optional('反馈日期'),
    'totals.categories': required('方面数'),
    'totals.categoriesCn': required('方面数的汉字，如“四”'),
    'totals.problems': required('问题数'),
    'totals.measures': required('整改措施数'),
    'totals.closedMeasures': required('已销号措施数'),
    'totals.openMeasures': required('未销号措施数'),
    'totals.ongoingMeasures': required('长期坚持措施数'),
    'totals.completionRate': required('完成率，如“92.5%”'),
    'totals.problemsClosed': required('措施全部销号的问题数'),
    accountability: optional('问责情况摘要，如“诫勉谈话3人、提醒谈话1人”'),
    'accountability.summary': optional('同 accountability', ACCOUNTABILITY_GUARDS),
    'accountability.total': optional('问责总人数', ACCOUNTABILITY_GUARDS),
    lookback: optional('回头看情况一句话，如“复查已销号措施12项，其中巩固10项、反弹2项…；反复出现的问题2个”'),
    'lookback.checked': optional('回头看已复查措施数', LOOKBACK_GUARDS),
    'lookback.consolidated': optional('认定巩固的措施数', LOOKBACK_GUARDS),
    'lookback.rebounded': optional('认定反弹的措施数', LOOKBACK_GUARDS),
    'lookback.notDone': optional('认定整改不到位的措施数', LOOKBACK_GUARDS),
    'lookback.recurringProblems': optional('反复出现的问题数', LOOKBACK_GUARDS),
    supervision: optional('督办情况摘要，如“一级3份、二级1份，已答复3份、已办结2份”'),
    'supervision.summary': optional('同 supervision', SUPERVISION_GUARDS),
    'supervision.total': optional('督办单总数', SUPERVISION_GUARDS),
    publicFeedback: optional('群众反映办理情况，如“收到群众反映5件，已答复4件、已办结3件”'),
    contact: optional('全部联系方式连成一句，如“电话：…；电子邮箱：…”'),
    'contact.phone': optional('联系电话'),
    'contact.email': optional('电子邮箱'),
    'contact.address': optional('邮政地址'),
  },
  lists: { categories: CATEGORY_SCOPE },
};
