import { createHash } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import { DomainError } from '@zhenggai/core';

/**
 * Streams an uploaded file (ledger, roster) to `path` while hashing it. A file cut off by the
 * multipart size limit is removed and refused: half a ledger must never be imported.
 */
export async function saveUpload(
  file: MultipartFile,
  path: string,
  maxBytes: number,
): Promise<{ sha256: string }> {
  const hash = createHash('sha256');
  file.file.on('data', (chunk: Buffer) => hash.update(chunk));
  try {
    await pipeline(file.file, createWriteStream(path));
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
  if (file.file.truncated) {
    rmSync(path, { force: true });
    throw new DomainError(
      'TOO_LARGE',
      `文件 ${file.filename} 超过 ${Math.round(maxBytes / 1048576)} MB 上限`,
    );
  }
  return { sha256: hash.digest('hex') };
}
