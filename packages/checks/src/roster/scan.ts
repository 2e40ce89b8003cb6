// One streaming pass over a CSV file: SHA-256, encoding (UTF-8 or GB18030, or a mix
// that we refuse), byte-order mark, and the numbers of blank lines (which DuckDB skips
// without a word, so we say so ourselves). Lines are split on LF, which never occurs
// inside a multi-byte UTF-8 or GB18030 character.
//
// The common case (valid UTF-8, no blank lines) uses only native calls per 4 MB chunk —
// hash, isUtf8, indexOf — so the importer can run it beside DuckDB's load. Only a file
// with blank lines or non-UTF-8 bytes gets the slower line-by-line pass.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';

export interface FileScan {
  sha256: string;
  bytes: number;
  encoding: 'utf-8' | 'gb18030';
  bom: boolean;
  /** 1-based numbers of truly empty lines (not lines of only commas). */
  blankLines: number[];
  /** Set when the file mixes UTF-8 and GB18030 lines: a few line numbers of each. */
  mixed?: { utf8Lines: number[]; gbLines: number[] };
}

const MAX_SAMPLES = 5;
const MAX_BLANKS = 100_000;
const LF_LF = Buffer.from('\n\n');
const LF_CRLF = Buffer.from('\n\r\n');

function hasHighByte(b: Buffer): boolean {
  for (let i = 0; i < b.length; i++) if ((b[i] ?? 0) >= 0x80) return true;
  return false;
}

/** Streams the file as buffers that end on a line break (the last may not). */
async function* lineChunks(path: string, onRaw?: (b: Buffer) => void): AsyncGenerator<Buffer> {
  let carry: Buffer = Buffer.alloc(0);
  let first = true;
  for await (const raw of createReadStream(path, { highWaterMark: 4 << 20 })) {
    let chunk = raw as Buffer;
    onRaw?.(chunk);
    if (first) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const last = data.lastIndexOf(10);
    if (last < 0) {
      carry = data;
      continue;
    }
    yield data.subarray(0, last + 1);
    carry = Buffer.from(data.subarray(last + 1));
  }
  if (carry.length) yield carry;
}

/** The slow pass: every line, for blank-line numbers and per-line encodings. */
async function lineByLine(
  path: string,
): Promise<Pick<FileScan, 'blankLines'> & { utf8Lines: number[]; gbLines: number[] }> {
  let lineNo = 0;
  const blankLines: number[] = [];
  const utf8Lines: number[] = [];
  const gbLines: number[] = [];
  for await (const buf of lineChunks(path)) {
    const chunkUtf8 = isUtf8(buf);
    let pos = 0;
    while (pos < buf.length) {
      let nl = buf.indexOf(10, pos);
      if (nl < 0) nl = buf.length;
      lineNo++;
      const end = nl > pos && buf[nl - 1] === 13 ? nl - 1 : nl;
      if (end === pos && blankLines.length < MAX_BLANKS && nl < buf.length) blankLines.push(lineNo);
      if (!chunkUtf8 && end > pos) {
        const line = buf.subarray(pos, end);
        if (hasHighByte(line)) {
          if (isUtf8(line)) {
            if (utf8Lines.length < MAX_SAMPLES) utf8Lines.push(lineNo);
          } else if (gbLines.length < MAX_SAMPLES) gbLines.push(lineNo);
        }
      }
      pos = nl + 1;
    }
  }
  return { blankLines, utf8Lines, gbLines };
}

/** Is the start of the file (up to its last whole line in `bytes`) valid UTF-8? */
export async function looksUtf8(path: string, bytes = 1 << 20): Promise<boolean> {
  for await (const raw of createReadStream(path, { start: 0, end: bytes - 1 })) {
    const b = raw as Buffer;
    const last = b.lastIndexOf(10);
    return isUtf8(last >= 0 ? b.subarray(0, last + 1) : b);
  }
  return true;
}

export async function scanFile(path: string): Promise<FileScan> {
  const hash = createHash('sha256');
  let bytes = 0;
  let utf8 = true;
  let blanks = false;
  let bom: boolean | undefined;
  let prevEndedWithLf = false;
  for await (const buf of lineChunks(path, (raw) => {
    if (bom === undefined) bom = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf;
    hash.update(raw);
    bytes += raw.length;
  })) {
    if (utf8 && !isUtf8(buf)) utf8 = false;
    if (!blanks) {
      blanks =
        buf.indexOf(LF_LF) >= 0 ||
        buf.indexOf(LF_CRLF) >= 0 ||
        (prevEndedWithLf && (buf[0] === 10 || (buf[0] === 13 && buf[1] === 10)));
    }
    prevEndedWithLf = buf[buf.length - 1] === 10;
  }
  let blankLines: number[] = [];
  let mixed: FileScan['mixed'];
  if (blanks || !utf8) {
    const slow = await lineByLine(path);
    blankLines = slow.blankLines;
    // A line that is valid UTF-8 with Chinese in it next to a line that is not: a file
    // pasted together from two sources. Guessing would garble one half, so we refuse.
    if (!utf8 && slow.utf8Lines.length > 0 && slow.gbLines.length > 0)
      mixed = { utf8Lines: slow.utf8Lines, gbLines: slow.gbLines };
  }
  return {
    sha256: hash.digest('hex'),
    bytes,
    encoding: utf8 ? 'utf-8' : 'gb18030',
    bom: bom ?? false,
    blankLines,
    mixed,
  };
}
