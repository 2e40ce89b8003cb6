// exceljs 4.4's streaming reader decodes each zip chunk to text on its own, so a Chinese
// character (3 bytes in UTF-8) that straddles a chunk boundary turns into "��" — in real files,
// a few characters per hundred rows. These wrappers re-cut the bytes at character boundaries
// before exceljs sees them; they are attached to one reader instance (see xlsx-rows.ts).

import { StringDecoder } from 'node:string_decoder';
import { Transform, type TransformCallback } from 'node:stream';

/** An async iterable of byte chunks → the same text as strings that never split a character. */
export async function* utf8Strings(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text !== '') yield text;
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}

/** A stream that passes bytes through, cut only at character boundaries. */
export class Utf8BoundaryStream extends Transform {
  private readonly decoder = new StringDecoder('utf8');
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const text = this.decoder.write(chunk);
    done(null, text === '' ? undefined : Buffer.from(text, 'utf8'));
  }
  override _flush(done: TransformCallback): void {
    const rest = this.decoder.end();
    done(null, rest === '' ? undefined : Buffer.from(rest, 'utf8'));
  }
}
