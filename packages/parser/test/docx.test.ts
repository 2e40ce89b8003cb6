import { describe, expect, it } from 'vitest';
import { parseDocx } from '../src/index.ts';
import { buildDocx, DOCX_LINES } from './build-docx.ts';

describe('parseDocx', () => {
  it('reads a Word document built with the docx package', async () => {
    const doc = await parseDocx(await buildDocx(DOCX_LINES));
    expect(doc).toEqual({
      title: '中共北坪镇委员会关于县委巡察反馈意见整改情况的通报',
      kind: 'xuncha',
      inspector: '县委第五巡察组',
      inspectedUnit: '北坪镇党委',
      inspectionPeriod: { start: '2022-03-01', end: '2022-04-15' },
      feedbackDate: '2022-05-10',
      categories: [
        {
          title: '基层治理方面',
          problems: [
            {
              number: '1',
              title: '村级议事规则执行不到位',
              text: '村级议事规则执行不到位。个别村重大事项未经村民代表会议表决。',
              measures: [{ text: '修订村级议事规则' }, { text: '开展一次议事程序专项检查' }],
            },
            {
              number: '2',
              title: '矛盾纠纷排查不及时',
              text: '矛盾纠纷排查不及时。',
              measures: [
                { text: '建立月排查制度' },
                { text: '设立镇调解中心' },
                { text: '每季度通报排查情况' },
              ],
            },
          ],
        },
        {
          title: '干部作风方面',
          problems: [
            {
              number: '3',
              title: '部分干部下村走访流于形式',
              text: '部分干部下村走访流于形式。',
              measures: [{ text: '将走访记录纳入月度考勤' }],
            },
          ],
        },
      ],
      contact: { phone: '0912-6612345', email: 'beiping@example.org' },
      statedTotals: { categories: 2, problems: 3, measures: 6 },
      warnings: [],
    });
  });
});
