// exceljs's streaming reader reads the zip front to back. A worksheet stored before the shared
// strings and workbook.xml (exceljs's own writer stores workbook.xml last) is parked in a
// temporary file, and entries that arrive while it writes that file can be lost — then the sheet
// is parsed without its workbook and the reader crashes on a valid file, now and then, under load.
// We have the whole file, so we hand the reader its entries in the order it needs: workbook,
// relations, shared strings, styles, the rest, and the worksheets last, each entry's bytes copied
// unchanged. Anything we cannot read as a plain zip is passed through as it is, for the reader
// to judge.

import { open } from 'node:fs/promises';
import { EOCD_WINDOW } from './sniff.ts';

const CHUNK = 64 * 1024;
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

interface RandomAccess {
  size: number;
  read(offset: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

interface Range {
  name: string;
  start: number;
  end: number;
}

async function openSource(source: { path: string } | { buffer: Buffer }): Promise<RandomAccess> {
  if ('buffer' in source) {
    const { buffer } = source;
    return {
      size: buffer.length,
      read: async (offset, length) => buffer.subarray(offset, offset + length),
      close: async () => {},
    };
  }
  const fh = await open(source.path, 'r');
  const { size } = await fh.stat();
  return {
    size,
    read: async (offset, length) => {
      const chunk = Buffer.alloc(length);
      const { bytesRead } = await fh.read(chunk, 0, length, offset);
      return chunk.subarray(0, bytesRead);
    },
    close: () => fh.close(),
  };
}

const rank = (name: string): number => {
  if (name === 'xl/workbook.xml') return 0;
  if (name === 'xl/_rels/workbook.xml.rels') return 1;
  if (name === 'xl/sharedStrings.xml') return 2;
  if (name === 'xl/styles.xml') return 3;
  return /^xl\/worksheets\/sheet\d+\.xml$/.test(name) ? 5 : 4;
};

/** Each entry's byte range (local header, data, descriptor) in reading order, or null. */
async function entryRanges(file: RandomAccess): Promise<{ ranges: Range[]; directory: number } | null> {
  const tailStart = Math.max(0, file.size - EOCD_WINDOW);
  const tail = await file.read(tailStart, file.size - tailStart);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === END_OF_DIRECTORY) {
      at = i;
      break;
    }
  }
  if (at < 0) return null;
  const count = tail.readUInt16LE(at + 10);
  const directorySize = tail.readUInt32LE(at + 12);
  const directory = tail.readUInt32LE(at + 16);
  // ZIP64 or a directory pointing past the end: not a zip we reorder.
  if (count === 0xffff || directory === 0xffffffff || directory + directorySize > file.size) return null;
  const entries = await file.read(directory, directorySize);
  const found: { name: string; start: number }[] = [];
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > entries.length || entries.readUInt32LE(p) !== DIRECTORY_ENTRY) return null;
    const nameLength = entries.readUInt16LE(p + 28);
    const skip = nameLength + entries.readUInt16LE(p + 30) + entries.readUInt16LE(p + 32);
    found.push({
      name: entries.toString('utf8', p + 46, p + 46 + nameLength),
      start: entries.readUInt32LE(p + 42),
    });
    p += 46 + skip;
  }
  found.sort((a, b) => a.start - b.start);
  const ranges = found.map((e, i) => ({ ...e, end: found[i + 1]?.start ?? directory }));
  if (ranges.some((r) => r.end <= r.start)) return null;
  ranges.sort((a, b) => rank(a.name) - rank(b.name) || a.start - b.start);
  return { ranges, directory };
}

async function* bytes(file: RandomAccess, start: number, end: number): AsyncGenerator<Buffer> {
  for (let offset = start; offset < end; offset += CHUNK) {
    yield await file.read(offset, Math.min(CHUNK, end - offset));
  }
}

/** The zip's bytes with the workbook's parts first and its worksheets last. */
export async function* workbookFirst(source: { path: string } | { buffer: Buffer }): AsyncGenerator<Buffer> {
  const file = await openSource(source);
  try {
    const order = await entryRanges(file);
    if (!order) {
      yield* bytes(file, 0, file.size);
      return;
    }
    for (const range of order.ranges) yield* bytes(file, range.start, range.end);
    yield* bytes(file, order.directory, file.size);
  } finally {
    await file.close();
  }
}
