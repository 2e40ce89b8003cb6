// One streaming pass over a CSV file: SHA-256, encoding (UTF-8 or GB18030, or a mix
// that we refuse), byte-order mark, and the numbers of blank lines (which DuckDB skips
// without a word, so we say so ourselves). Lines are split on LF, which never occurs
// inside a multi-byte UTF-8 or GB18030 character.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';

export interface FileScan {
  sha256: string;
  bytes: number;
  encoding: 'utf-8' | 'gb18030';
  bom: boolean;
  lines: number;
  /** 1-based numbers of lines that are empty or only whitespace / commas are NOT included: only truly empty lines. */
  blankLines: number[];
  /** Set when the file mixes UTF-8 and GB18030 lines: a few line numbers of each. */
  mixed?: { utf8Lines: number[]; gbLines: number[] };
}

const MAX_SAMPLES = 5;
const MAX_BLANKS = 100_000;

function hasHighByte(b: Buffer): boolean {
  for (let i = 0; i < b.length; i++) if ((b[i] ?? 0) >= 0x80) return true;
  return false;
}

export async function scanFile(path: string): Promise<FileScan> {
  const hash = createHash('sha256');
  let bytes = 0;
  let carry: Buffer = Buffer.alloc(0);
  let lineNo = 0;
  let utf8 = true;
  let first = true;
  let bom = false;
  const blankLines: number[] = [];
  const utf8Lines: number[] = [];
  const gbLines: number[] = [];

  const onLines = (buf: Buffer) => {
    let pos = 0;
    const chunkUtf8 = isUtf8(buf);
    if (!chunkUtf8) utf8 = false;
    while (pos < buf.length) {
      let nl = buf.indexOf(10, pos);
      if (nl < 0) nl = buf.length;
      lineNo++;
      const end = nl > pos && buf[nl - 1] === 13 ? nl - 1 : nl;
      if (end === pos && blankLines.length < MAX_BLANKS && nl < buf.length) blankLines.push(lineNo);
      // Per-line encoding only matters when some chunk is not valid UTF-8.
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
  };

  for await (const raw of createReadStream(path, { highWaterMark: 4 << 20 })) {
    let chunk = raw as Buffer;
    hash.update(chunk);
    bytes += chunk.length;
    if (first) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        bom = true;
        chunk = chunk.subarray(3);
      }
    }
    const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const last = data.lastIndexOf(10);
    if (last < 0) {
      carry = data;
      continue;
    }
    onLines(data.subarray(0, last + 1));
    carry = Buffer.from(data.subarray(last + 1));
  }
  if (carry.length) onLines(carry);

  // A line that is valid UTF-8 with Chinese in it next to a line that is not: a file
  // pasted together from two sources. Guessing would garble one half, so we refuse.
  let mixed: FileScan['mixed'];
  if (!utf8 && utf8Lines.length > 0 && gbLines.length > 0) mixed = { utf8Lines, gbLines };
  return {
    sha256: hash.digest('hex'),
    bytes,
    encoding: utf8 ? 'utf-8' : 'gb18030',
    bom,
    lines: lineNo,
    blankLines,
    mixed,
  };
}
