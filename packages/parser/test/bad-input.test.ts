import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ParseError, parseBuffer, parseDocx, parseFile, parseText } from '../src/index.ts';
import { buildDocx, DOCX_LINES, storedZip } from './build-docx.ts';

// Whatever arrives, the answer is a ParseError with a code and a Chinese message — never a crash.

async function failure(promise: Promise<unknown>): Promise<ParseError> {
  const error: unknown = await promise.then(
    () => new Error('expected a ParseError'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ParseError);
  const parseError = error as ParseError;
  expect(parseError.message).toMatch(/[\u4e00-\u9fff]/);
  return parseError;
}

/** Deterministic noise, so a failure can be reproduced. */
function noise(length: number, seed: number, min = 0): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out[i] = min + (x % (256 - min));
  }
  return out;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zhenggai-parser-'));
});

describe('bad input', () => {
  it('an empty or blank file', async () => {
    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '');
    expect((await failure(parseFile(empty))).code).toBe('EMPTY_FILE');
    expect((await failure(parseBuffer(Buffer.from(' \r\n\t\n')))).code).toBe('EMPTY_FILE');
  });

  it('a missing file', async () => {
    const error = await failure(parseFile(join(dir, 'nope.docx')));
    expect(error.code).toBe('READ_FAILED');
    expect(error.message).toContain('文件不存在');
  });

  it('a PDF', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), noise(2000, 7)]);
    const error = await failure(parseBuffer(pdf));
    expect(error.code).toBe('PDF_NOT_SUPPORTED');
    expect(error.message).toContain('PDF');
  });

  it('a corrupt zip named .docx', async () => {
    const path = join(dir, 'broken.docx');
    await writeFile(path, Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), noise(3000, 11)]));
    expect((await failure(parseFile(path))).code).toBe('DOCX_CORRUPT');
  });

  it('a zip that is not a Word document', async () => {
    const excel = storedZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
    const error = await failure(parseBuffer(excel));
    expect(error.code).toBe('NOT_WORD');
    expect(error.message).toContain('Excel');
    const other = storedZip({ 'notes.txt': '整改笔记' });
    expect((await failure(parseBuffer(other))).code).toBe('DOCX_CORRUPT');
  });

  it('a truncated docx', async () => {
    const whole = await buildDocx(DOCX_LINES);
    const half = whole.subarray(0, Math.floor(whole.length / 2));
    expect((await failure(parseDocx(half))).code).toBe('DOCX_CORRUPT');
  });

  it('a password-protected docx (an OLE2 file holding an EncryptedPackage)', async () => {
    const ole = Buffer.from('d0cf11e0a1b11ae1', 'hex');
    const encrypted = Buffer.concat([
      ole,
      Buffer.alloc(500),
      Buffer.from('EncryptedPackage', 'utf16le'),
      Buffer.alloc(500),
    ]);
    const error = await failure(parseBuffer(encrypted));
    expect(error.code).toBe('DOCX_ENCRYPTED');
    expect(error.message).toContain('密码');
    expect((await failure(parseBuffer(Buffer.concat([ole, Buffer.alloc(1000)])))).code).toBe('LEGACY_DOC');
  });

  it('random binary, with and without NUL bytes', async () => {
    for (const seed of [1, 2, 3, 42, 1234]) {
      expect((await failure(parseBuffer(noise(4096, seed)))).code).toBe('BINARY_FILE');
      expect((await failure(parseBuffer(noise(4096, seed, 1)))).code).toBe('BINARY_FILE');
    }
  });

  it('text with no words at all', () => {
    expect(() => parseText('\n \n')).toThrow(ParseError);
  });
});
