import { describe, expect, it } from 'vitest';
import { buildDocx, generateReport, renderTemplate } from '../src/index.ts';
import {
  BODY_CHARACTER_SPACING,
  CHARS_PER_LINE,
  LINE_PITCH,
  MARGIN,
  PAGE,
  signatureRightIndents,
} from '../src/layout.ts';
import { buildReportData, buildSampleLedger } from './builders.ts';
import { attributesOf, docxPart, docxParts, docxText } from './docx-reader.ts';

describe('generated .docx', async () => {
  const tongbao = await generateReport('tongbao', buildSampleLedger());
  const progress = await generateReport('progress', buildSampleLedger());
  const documentXml = await docxPart(tongbao, 'word/document.xml');

  it('is a zip that mammoth reads, with every number filled in', async () => {
    const text = await docxText(tongbao);
    expect(text).toContain('中共青石镇委员会关于县委第三轮巡察整改进展情况的通报');
    for (const expected of [
      '三个方面6个问题',
      '整改措施10条',
      '已完成并销号7条',
      '完成率70.0%',
      '2个问题的整改措施已全部完成',
      '长期坚持的2条',
      '诫勉谈话2人、提醒谈话3人',
      '0551-1234567',
      'qsz_zg@example.cn',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(
      /（一）关于贯彻落实上级决策部署方面\s+1\.理论学习与实际工作结合不紧问题。\s+一是修订/,
    );
    expect(text.trimEnd()).toMatch(/中共青石镇委员会\s+2024年11月8日$/);
  });

  it('addresses the progress report to the upper level and states its numbers', async () => {
    const text = await docxText(progress);
    expect(text).toContain('县委巡察工作领导小组办公室：');
    expect(text).toContain('整改完成率70.0%');
    expect(text).toContain('尚有3条措施正在推进');
    expect(text).toContain('（责任单位：镇民政所；时限：2024年6月30日；已销号）');
    expect(text).toContain('特此报告。');
  });

  it('is A4 with the GB/T 9704 margins, in twips', () => {
    expect(attributesOf(documentXml, 'pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(attributesOf(documentXml, 'pgMar')).toMatchObject({
      'w:top': '2098', // 37 mm
      'w:bottom': '1984', // 35 mm
      'w:left': '1587', // 28 mm
      'w:right': '1474', // 26 mm
    });
  });

  it('names the official fonts for East Asian text, at 二号 and 三号', () => {
    for (const font of ['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312']) {
      expect(documentXml).toContain(`w:eastAsia="${font}"`);
    }
    expect(documentXml).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/);
    expect(documentXml).toMatch(
      /w:eastAsia="仿宋_GB2312"[^>]*\/><w:spacing w:val="-5"\/><w:sz w:val="32"\/>/,
    );
    expect(documentXml).toMatch(/w:eastAsia="黑体"[^>]*\/><w:spacing w:val="-5"\/><w:sz w:val="32"\/>/);
  });

  it('sets body paragraphs at an exact 28.95 pt line with a two-character first-line indent', () => {
    const body =
      /<w:p><w:pPr>(.*?)<\/w:pPr><w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312"/.exec(documentXml)?.[1] ?? '';
    expect(body).toContain('w:line="579" w:lineRule="exact"');
    expect(body).toContain('w:firstLine="640" w:firstLineChars="200"');
    expect(body).toContain('<w:jc w:val="both"/>');
    const title =
      /<w:p><w:pPr>(.*?)<\/w:pPr><w:r><w:rPr><w:rFonts w:ascii="方正小标宋简体"/.exec(documentXml)?.[1] ?? '';
    expect(title).toContain('<w:jc w:val="center"/>');
    // A problem's heading (三级标题, 1.) stays on the page of its first measure.
    const problem =
      /<w:p><w:pPr>((?:(?!<w:p>).)*?)<\/w:pPr>(?:(?!<w:p>).)*?1\.理论学习/.exec(documentXml)?.[1] ?? '';
    expect(problem).toContain('<w:keepNext/>');
    expect(problem).toContain('w:firstLine="640"');
  });

  it('puts "— n —" page numbers in 宋体 四号 on the outer side of odd and even pages', async () => {
    const settings = await docxPart(tongbao, 'word/settings.xml');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    expect(documentXml).toMatch(
      /<w:footerReference w:type="default" r:id="(\w+)"\/><w:footerReference w:type="even"/,
    );
    const footers = (await docxParts(tongbao)).filter((p) => /^word\/footer\d+\.xml$/.test(p));
    expect(footers).toHaveLength(2);
    const xml = await Promise.all(footers.map((f) => docxPart(tongbao, f)));
    for (const footer of xml) {
      expect(footer).toMatch(/<w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
      expect(footer).toContain('— ');
      expect(footer).toContain(' —');
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
    expect(xml.some((f) => f.includes('<w:jc w:val="right"/>') && f.includes('w:right="280"'))).toBe(true);
    expect(xml.some((f) => f.includes('<w:jc w:val="left"/>') && f.includes('w:left="280"'))).toBe(true);
  });

  it('right-aligns the signature, one blank line below the text', () => {
    const unit =
      /<w:p><w:pPr>((?:(?!<w:p>).)*?)<\/w:pPr><w:r>(?:(?!<w:p>).)*?<w:t xml:space="preserve">中共青石镇委员会<\/w:t><\/w:r><\/w:p><w:p>/.exec(
        documentXml,
      )?.[1] ?? '';
    expect(unit).toContain('<w:jc w:val="right"/>');
    expect(unit).toContain('w:before="579"');
  });

  it('uses a custom template when given one', async () => {
    const docx = await generateReport('tongbao', buildReportData(), {
      template: '# 自定义\n本单位共{{totals.measures}}条措施。',
    });
    expect((await docxText(docx)).trim()).toBe('自定义\n\n本单位共1条措施。');
  });

  it('builds from a document model directly', async () => {
    const model = renderTemplate('<< 顶格\n正文', buildReportData());
    const xml = await docxPart(await buildDocx(model), 'word/document.xml');
    const flush = /<w:p><w:pPr>(.*?)<\/w:pPr>(?:(?!<w:p>).)*?顶格/.exec(xml)?.[1] ?? '';
    expect(flush).not.toContain('w:firstLine');
    expect(flush).toContain('<w:jc w:val="left"/>');
  });
});

describe('the GB/T 9704 grid', () => {
  it('fits 22 lines of 28 characters into the text block', () => {
    const width = PAGE.width - MARGIN.left - MARGIN.right;
    const height = PAGE.height - MARGIN.top - MARGIN.bottom;
    const pitch = 320 + BODY_CHARACTER_SPACING; // 三号 = 320 twips, condensed
    expect(CHARS_PER_LINE * pitch).toBeLessThanOrEqual(width);
    expect((CHARS_PER_LINE + 1) * pitch).toBeGreaterThan(width);
    expect(22 * LINE_PITCH).toBeLessThanOrEqual(height);
    expect(23 * LINE_PITCH).toBeGreaterThan(height);
  });
});

describe('signature indents (GB/T 9704 7.3.5.2)', () => {
  const CHAR = 320;
  it('moves the unit left when the date is nearly as long', () => {
    // unit 8 characters, date 6.5 (digits are half width): the date keeps two characters from the
    // margin and starts two characters right of the unit.
    expect(signatureRightIndents(['中共青石镇委员会', '2024年11月8日'])).toEqual([2.5 * CHAR, 2 * CHAR]);
  });
  it('keeps the unit two characters from the margin when the unit is long', () => {
    expect(signatureRightIndents(['中共某某县某某镇委员会办公室', '2024年1月8日'])).toEqual([
      2 * CHAR,
      8 * CHAR,
    ]);
  });
  it('indents any other block two characters', () => {
    expect(signatureRightIndents(['甲', '乙', '丙'])).toEqual([640, 640, 640]);
  });
});
