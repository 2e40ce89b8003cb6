import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import { decodeText, isEncryptedOffice, sniff, zipContent } from './decode.ts';
import { htmlToText } from './docx-text.ts';
import { ParseError } from './errors.ts';
import { parseText } from './parse-text.ts';
import type { ParsedDocument } from './types.ts';

// Files → text → structure. The format is read from the bytes, never from the file name:
// people rename .doc to .docx and save .txt from anywhere.

export async function parseDocx(buffer: Buffer): Promise<ParsedDocument> {
  if (sniff(buffer) !== 'docx') return parseBuffer(buffer);
  if (zipContent(buffer) === 'excel') {
    throw new ParseError('NOT_WORD', '这是 Excel 文件，不是 Word 文档。整改台账请使用“台账导入”。');
  }
  let text: string;
  try {
    // HTML rather than raw text, so that table rows survive as rows (see docx-text.ts).
    text = htmlToText((await mammoth.convertToHtml({ buffer })).value);
  } catch {
    throw new ParseError(
      'DOCX_CORRUPT',
      '不是有效的 Word(.docx) 文档，或文件已损坏、不完整。请在 Word 中打开后另存为 .docx 再试。',
    );
  }
  if (text.trim() === '') {
    throw new ParseError('NO_TEXT', 'Word 文件中没有可提取的文字（可能只有图片或扫描件）。');
  }
  return parseText(text);
}

export async function parseBuffer(buffer: Buffer): Promise<ParsedDocument> {
  if (buffer.length === 0 || buffer.toString('utf8').trim() === '') {
    throw new ParseError('EMPTY_FILE', '文件为空，没有可解析的内容。');
  }
  switch (sniff(buffer)) {
    case 'docx':
      return parseDocx(buffer);
    case 'pdf':
      throw new ParseError(
        'PDF_NOT_SUPPORTED',
        '暂不支持 PDF 文件：扫描件或 PDF 中没有可直接提取的文字。请提供 Word(.docx) 或文本(.txt) 文件。',
      );
    case 'ole':
      throw isEncryptedOffice(buffer)
        ? new ParseError('DOCX_ENCRYPTED', 'Word 文件设置了打开密码，无法读取。请取消密码保护后重新上传。')
        : new ParseError('LEGACY_DOC', '不支持旧版 .doc 格式。请在 Word 中另存为 .docx 后再试。');
    case 'text':
      return parseText(decodeText(buffer));
  }
}

export async function parseFile(path: string): Promise<ParsedDocument> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹' : '无法读取';
    throw new ParseError('READ_FAILED', `${reason}：${path}`);
  }
  return parseBuffer(buffer);
}
