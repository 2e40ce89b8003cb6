import { Document, Packer, Paragraph, TextRun } from 'docx';

// A .docx made the way offices make them: one paragraph per line, headings in bold runs.
export async function buildDocx(lines: string[]): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: lines.map(
          (line) =>
            new Paragraph({
              children: [new TextRun({ text: line, bold: /^[一二三四五六七八九十]+、/.test(line) })],
            }),
        ),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export const DOCX_LINES = [
  '中共北坪镇委员会关于县委巡察反馈意见整改情况的通报',
  '经县委批准，县委第五巡察组于2022年3月1日至4月15日对北坪镇党委开展常规巡察，并于5月10日当面反馈意见。',
  '一、整改工作组织情况',
  '镇党委成立整改领导小组，针对反馈的2个方面3个问题制定整改措施6条。',
  '二、具体问题整改情况',
  '（一）基层治理方面',
  '1.村级议事规则执行不到位。个别村重大事项未经村民代表会议表决。',
  '一是修订村级议事规则；二是开展一次议事程序专项检查。',
  '2.矛盾纠纷排查不及时。',
  '一是建立月排查制度。二是设立镇调解中心。三是每季度通报排查情况。',
  '（二）干部作风方面',
  '3.部分干部下村走访流于形式。',
  '将走访记录纳入月度考勤。',
  '欢迎监督。联系电话：0912-6612345；电子邮箱：beiping@example.org。',
];
