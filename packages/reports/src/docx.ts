import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphOptions,
} from 'docx';
import type { DocBlock, DocumentModel } from './document-model.ts';
import {
  CHAR,
  BODY_CHARACTER_SPACING,
  FONT,
  FOOTER_DISTANCE,
  HEADER_DISTANCE,
  LINE_PITCH,
  MARGIN,
  PAGE,
  PAGE_NUMBER_SIDE_SPACE,
  SIZE,
  signatureRightIndents,
} from './layout.ts';

// DocumentModel → .docx in the GB/T 9704 layout (numbers in layout.ts). Formatting is set directly
// on every paragraph and run rather than through named styles, so LibreOffice, WPS and Word all
// show the same thing without depending on how each maps style names.

/** The same face for every script, so Arabic digits in the body stay in 仿宋 as the standard wants. */
export function font(name: string) {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' };
}

function run(text: string, face: string, sizePt: number, characterSpacing = 0): TextRun {
  return new TextRun({
    text,
    font: font(face),
    size: sizePt * 2,
    sizeComplexScript: sizePt * 2,
    ...(characterSpacing === 0 ? {} : { characterSpacing }),
  });
}

const exactLine = { line: LINE_PITCH, lineRule: LineRuleType.EXACT };
/** 首行缩进二字, written both ways: twips for LibreOffice, character units for Word and WPS. */
const firstLineIndent = { firstLine: 2 * CHAR, firstLineChars: 200 };

function paragraphsFor(block: DocBlock): Paragraph[] {
  const body = (text: string, face: string, extra: Partial<IParagraphOptions> = {}) =>
    new Paragraph({
      children: [run(text, face, SIZE.sanhao, BODY_CHARACTER_SPACING)],
      spacing: exactLine,
      indent: firstLineIndent,
      alignment: AlignmentType.JUSTIFIED,
      ...extra,
    });
  switch (block.kind) {
    case 'title':
      // 标题 centred; the blank line under it is spacing, not an empty paragraph.
      return [
        new Paragraph({
          children: [run(block.text, FONT.title, SIZE.erhao)],
          alignment: AlignmentType.CENTER,
          spacing: { ...exactLine, after: LINE_PITCH },
          keepNext: true,
          outlineLevel: 0,
        }),
      ];
    case 'heading1':
      return [body(block.text, FONT.heading1, { keepNext: true, outlineLevel: 1 })];
    case 'heading2':
      return [body(block.text, FONT.heading2, { keepNext: true, outlineLevel: 2 })];
    case 'heading3':
      return [body(block.text, FONT.body, { keepNext: true, outlineLevel: 3 })];
    case 'paragraph':
      return [body(block.text, FONT.body)];
    case 'flushLeft':
      return [body(block.text, FONT.body, { indent: {}, alignment: AlignmentType.LEFT })];
    case 'signature': {
      const indents = signatureRightIndents(block.lines);
      // 正文下空一行 before the 落款; unit and date stay on one page together.
      return block.lines.map(
        (text, i) =>
          new Paragraph({
            children: [run(text, FONT.body, SIZE.sanhao, BODY_CHARACTER_SPACING)],
            alignment: AlignmentType.RIGHT,
            indent: { right: indents[i] ?? 2 * CHAR },
            spacing: { ...exactLine, before: i === 0 ? LINE_PITCH : 0 },
            keepNext: i < block.lines.length - 1,
          }),
      );
    }
  }
}

/** "— 1 —" in 宋体 四号: odd pages on the right, even pages on the left, one character from the edge. */
export function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: PAGE_NUMBER_SIDE_SPACE } : { left: PAGE_NUMBER_SIDE_SPACE },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: font(FONT.pageNumber),
            size: SIZE.sihao * 2,
          }),
        ],
      }),
    ],
  });
}

export function buildDocxDocument(model: DocumentModel): Document {
  return new Document({
    title: model.title,
    creator: 'Zhenggai 整改',
    evenAndOddHeaderAndFooters: true,
    styles: {
      // Anything not formatted directly (e.g. a paragraph added by hand in Word) is body text.
      default: { document: { run: { font: font(FONT.body), size: SIZE.sanhao * 2 } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: MARGIN.top,
              bottom: MARGIN.bottom,
              left: MARGIN.left,
              right: MARGIN.right,
              header: HEADER_DISTANCE,
              footer: FOOTER_DISTANCE,
              gutter: 0,
            },
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: model.blocks.flatMap(paragraphsFor),
      },
    ],
  });
}

export function buildDocx(model: DocumentModel): Promise<Buffer> {
  return Packer.toBuffer(buildDocxDocument(model));
}
