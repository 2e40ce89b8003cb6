import { ParseError } from './errors.ts';

// Bytes → text. Chinese offices still save text as GB18030/GBK; anything that is not valid
// UTF-8 is tried as GB18030 (a superset of GBK that keeps rare name characters).

export type FileKind = 'docx' | 'pdf' | 'ole' | 'text';

export function sniff(bytes: Uint8Array): FileKind {
  const head = (n: number): string => Buffer.from(bytes.subarray(0, n)).toString('latin1');
  if (head(4) === 'PK\x03\x04') return 'docx';
  if (head(5) === '%PDF-') return 'pdf';
  // OLE2 compound file: a legacy .doc, or a .docx wrapped by password encryption.
  if (head(8) === '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1') return 'ole';
  return 'text';
}

/** Encrypted Office files store their payload in a stream named "EncryptedPackage" (UTF-16LE). */
export function isEncryptedOffice(bytes: Uint8Array): boolean {
  return Buffer.from(bytes).includes(Buffer.from('EncryptedPackage', 'utf16le'));
}

/**
 * What a zip holds, from the entry names its headers carry in plain bytes: an Excel ledger
 * uploaded as a document deserves its own message, not "corrupt Word file".
 */
export function zipContent(bytes: Uint8Array): 'word' | 'excel' | 'other' {
  const buffer = Buffer.from(bytes);
  if (buffer.includes('word/document.xml')) return 'word';
  return buffer.includes('xl/workbook.xml') ? 'excel' : 'other';
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // Text files have no NUL bytes; images, archives and executables nearly always do.
  if (bytes.subarray(0, 8192).includes(0)) throw notText();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw notText();
    }
  }
  // GB18030 maps almost any byte sequence to something; control characters give binary away.
  let controls = 0;
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) controls += 1;
  if (controls > Math.max(2, text.length * 0.01)) throw notText();
  return text;
}

/** C0 controls other than tab/newline/CR/form feed, DEL, and the replacement character. */
function isControl(code: number): boolean {
  return (code < 0x20 && ![0x09, 0x0a, 0x0b, 0x0c, 0x0d].includes(code)) || code === 0x7f || code === 0xfffd;
}

function notText(): ParseError {
  return new ParseError(
    'BINARY_FILE',
    '无法识别的文件：既不是 Word(.docx) 文档，也不是 UTF-8 或 GB18030 编码的文本文件。',
  );
}
