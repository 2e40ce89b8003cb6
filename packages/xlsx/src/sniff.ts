// What kind of file we were given, decided from its bytes, never from its name: people rename
// .xls to .xlsx, save CSV as .xlsx, and upload a password-protected workbook (an OLE container,
// D0 CF 11 E0) expecting it to work.

import { open, stat } from 'node:fs/promises';
import { LedgerFileError } from './errors.ts';

export type FileKind = 'xlsx' | 'text';

const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_EMPTY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const ZIP_END = ZIP_EMPTY;
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The end-of-central-directory record sits in the last 22 bytes + up to 64 KiB of comment. */
export const EOCD_WINDOW = 22 + 0xffff;

export interface FileBytes {
  /** The first bytes, enough to tell the kind. */
  head: Buffer;
  /** The last bytes, to check a zip was not cut short. */
  tail: Buffer;
  size: number;
  /** The whole file, when we have it anyway (buffer input, or OLE that must be inspected). */
  whole: Buffer | null;
}

export async function bytesOfPath(path: string): Promise<FileBytes> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (cause) {
    throw new LedgerFileError('FILE_NOT_FOUND', `找不到文件：${path}`, { cause });
  }
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, 8192));
    await fh.read(head, 0, head.length, 0);
    const tailLen = Math.min(size, EOCD_WINDOW);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    return { head, tail, size, whole: null };
  } finally {
    await fh.close();
  }
}

export function bytesOfBuffer(buffer: Buffer): FileBytes {
  return {
    head: buffer.subarray(0, 8192),
    tail: buffer.subarray(Math.max(0, buffer.length - EOCD_WINDOW)),
    size: buffer.length,
    whole: buffer,
  };
}

/**
 * Decides the kind or throws the coded error that explains why the file cannot be opened.
 * `loadWhole` is called only for OLE files, to tell an encrypted xlsx from an old .xls.
 */
export async function sniff(bytes: FileBytes, loadWhole: () => Promise<Buffer>): Promise<FileKind> {
  const { head } = bytes;
  if (bytes.size === 0) throw new LedgerFileError('EMPTY_FILE', '文件是空的（0字节）');
  if (head.subarray(0, 8).equals(OLE)) {
    const whole = bytes.whole ?? (await loadWhole());
    // An encrypted OOXML package keeps its streams in an OLE container next to "EncryptionInfo".
    if (whole.includes(Buffer.from('EncryptionInfo', 'utf16le'))) {
      throw new LedgerFileError(
        'ENCRYPTED_FILE',
        '文件设置了打开密码（已加密），请在Excel中取消密码后另存为.xlsx再导入',
      );
    }
    throw new LedgerFileError(
      'LEGACY_XLS',
      '这是旧版Excel 97-2003（.xls）文件，请在Excel或WPS中“另存为”Excel工作簿（.xlsx）后再导入',
    );
  }
  if (head.subarray(0, 4).equals(ZIP_EMPTY)) {
    throw new LedgerFileError('NOT_A_WORKBOOK', '文件是一个空的压缩包，不是Excel工作簿');
  }
  if (head.subarray(0, 4).equals(ZIP_LOCAL)) {
    if (!bytes.tail.includes(ZIP_END)) {
      throw new LedgerFileError(
        'TRUNCATED_XLSX',
        '文件不完整（可能下载或复制时被截断），请重新获取完整的.xlsx文件',
      );
    }
    return 'xlsx';
  }
  const utf16 = head[0] === 0xff && head[1] === 0xfe;
  if (!utf16 && head.includes(0)) {
    throw new LedgerFileError(
      'UNSUPPORTED_FORMAT',
      '无法识别的文件格式，请上传Excel工作簿（.xlsx）或CSV文件',
    );
  }
  return 'text';
}
