import { crc32 } from 'node:zlib';
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

/** A minimal zip (stored, no compression) holding the given files. */
export function storedZip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(content);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
