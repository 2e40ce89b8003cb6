// CSV as people export it from Excel or WPS: UTF-8 with or without a BOM, GB18030 from a Chinese
// Windows Excel ("CSV (逗号分隔)"), or UTF-16 tab-separated ("Unicode 文本"). GB18030, never GBK:
// GBK cannot decode the rare characters that appear in people's names.

import iconv from 'iconv-lite';
import type { SheetRow } from './header.ts';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'gb18030' | 'utf-16le';
}

export function decodeText(buffer: Buffer): DecodedText {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return { text: buffer.subarray(3).toString('utf8'), encoding: 'utf-8' };
  }
  if (buffer[0] === 0xff && buffer[1] === 0xfe) {
    return { text: buffer.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
  }
  try {
    // Valid UTF-8 is practically never valid-looking GB18030 Chinese, so strict UTF-8 decides.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buffer, 'gb18030'), encoding: 'gb18030' };
  }
}

/** Comma, tab or semicolon, whichever the first lines use most. */
function detectDelimiter(text: string): string {
  const sample = text.slice(0, 8192).split('\n').slice(0, 20).join('\n');
  let best = ',';
  let bestCount = -1;
  for (const d of [',', '\t', ';']) {
    const count = sample.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). Row numbers count records. */
export function* parseCsv(text: string): Generator<SheetRow> {
  const delimiter = detectDelimiter(text);
  let cells: (string | null)[] = [];
  let field = '';
  let quoted = false;
  let rowNumber = 0;
  let i = 0;
  const n = text.length;
  const endField = () => {
    cells.push(field === '' ? null : field);
    field = '';
  };
  while (i < n) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // Take the run of ordinary characters at once: far faster than one at a time.
      const next = text.indexOf('"', i);
      const end = next < 0 ? n : next;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === delimiter) {
      endField();
      i++;
    } else if (ch === '\n' || ch === '\r') {
      endField();
      rowNumber++;
      yield { number: rowNumber, cells };
      cells = [];
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      let j = i + 1;
      while (j < n) {
        const c = text[j];
        if (c === delimiter || c === '\n' || c === '\r' || c === '"') break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  if (field !== '' || cells.length > 0) {
    endField();
    rowNumber++;
    yield { number: rowNumber, cells };
  }
}
