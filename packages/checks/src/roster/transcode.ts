// GB18030 → UTF-8 temp file for DuckDB (which reads UTF-8 only). Always gb18030, never
// gbk: rare characters in names exist only in GB18030.
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';

export async function transcodeToUtf8(from: string, to: string): Promise<void> {
  // The decoder yields strings; the file stream writes them out as UTF-8 itself.
  await pipeline(
    createReadStream(from, { highWaterMark: 4 << 20 }),
    iconv.decodeStream('gb18030', { stripBOM: true }),
    createWriteStream(to, { encoding: 'utf8' }),
  );
}
