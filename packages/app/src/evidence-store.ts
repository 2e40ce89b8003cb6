import { createHash, randomBytes } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '@zhenggai/core';

// Evidence files (佐证材料) live under <data>/evidence/<aa>/<sha256>, stored once however often
// they are attached. Their type is read from the first bytes, never trusted from the name.

export const DEFAULT_MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

export interface StoredFile {
  sha256: string;
  size: number;
  mime: string;
}

const SIGNATURES: { mime: string; test: (b: Buffer) => boolean }[] = [
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: 'image/png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { mime: 'image/gif', test: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  {
    mime: 'image/webp',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  { mime: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  // Office Open XML (docx/xlsx/pptx) and plain zip archives share the zip signature.
  { mime: 'application/zip', test: (b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) },
  // Legacy .doc/.xls (OLE compound file).
  {
    mime: 'application/x-ole-storage',
    test: (b) => b.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])),
  },
];

export function detectMime(head: Buffer): string | null {
  return SIGNATURES.find((s) => s.test(head))?.mime ?? null;
}

/** Keeps only a safe base name: no directories, no control characters, at most 120 characters. */
export function sanitizeFileName(name: string): string {
  const base = name.replace(/\\/g, '/').split('/').pop() ?? '';
  const cleaned = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && !'<>:"|?*'.includes(ch))
    .join('')
    .replace(/^\.+/, '')
    .trim();
  return (cleaned || '未命名文件').slice(0, 120);
}

export class EvidenceStore {
  constructor(
    readonly dir: string,
    readonly maxBytes = DEFAULT_MAX_EVIDENCE_BYTES,
  ) {}

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new DomainError('VALIDATION', '文件标识无效');
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  /** Streams to a temporary file while hashing; refuses oversize or unknown content. */
  async put(source: Readable): Promise<StoredFile> {
    mkdirSync(join(this.dir, 'tmp'), { recursive: true });
    const tmp = join(this.dir, 'tmp', randomBytes(12).toString('hex'));
    const hash = createHash('sha256');
    let size = 0;
    const max = this.maxBytes;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > max)
          return done(new DomainError('TOO_LARGE', `文件超过 ${Math.round(max / 1048576)} MB 上限`));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(tmp));
      // @fastify/multipart marks a stream that hit its own limit as truncated instead of failing it.
      if ((source as Readable & { truncated?: boolean }).truncated) {
        throw new DomainError('TOO_LARGE', `文件超过 ${Math.round(max / 1048576)} MB 上限`);
      }
      if (size === 0) throw new DomainError('VALIDATION', '文件为空');
      const head = Buffer.alloc(16);
      const fh = await open(tmp, 'r');
      await fh.read(head, 0, 16, 0);
      await fh.close();
      const mime = detectMime(head);
      if (!mime)
        throw new DomainError(
          'UNSUPPORTED_TYPE',
          '不支持的文件类型：仅接受图片(JPG/PNG/GIF/WEBP)、PDF 和 Office 文档',
        );
      const sha256 = hash.digest('hex');
      const target = this.pathOf(sha256);
      mkdirSync(join(this.dir, sha256.slice(0, 2)), { recursive: true });
      if (existsSync(target)) rmSync(tmp);
      else renameSync(tmp, target);
      return { sha256, size, mime };
    } catch (error) {
      rmSync(tmp, { force: true });
      throw error;
    }
  }

  /** Stored files last written before `cutoff` (ms since the epoch), by content hash. */
  *storedBefore(cutoff: number): Generator<string> {
    for (const prefix of this.subfolders())
      for (const name of readdirSync(join(this.dir, prefix)))
        if (/^[0-9a-f]{64}$/.test(name) && statSync(join(this.dir, prefix, name)).mtimeMs < cutoff)
          yield name;
  }

  remove(sha256: string): void {
    rmSync(this.pathOf(sha256), { force: true });
  }

  /** Removes half-written uploads older than `cutoff` (a crash or a killed request leaves them). */
  removeTempBefore(cutoff: number): number {
    const tmp = join(this.dir, 'tmp');
    if (!existsSync(tmp)) return 0;
    let removed = 0;
    for (const name of readdirSync(tmp)) {
      if (statSync(join(tmp, name)).mtimeMs >= cutoff) continue;
      rmSync(join(tmp, name), { force: true });
      removed++;
    }
    return removed;
  }

  private subfolders(): string[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir).filter((name) => /^[0-9a-f]{2}$/.test(name));
  }

  read(sha256: string): Readable {
    return createReadStream(this.pathOf(sha256));
  }
}
