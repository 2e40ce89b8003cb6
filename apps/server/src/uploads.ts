import { createHash } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sanitizeFileName, type EvidenceStore, type StoredFile } from '@zhenggai/app';
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

/** Sends a stored evidence file: images and PDFs inline, the rest as an attachment; never sniffed. */
export function sendEvidence(
  reply: FastifyReply,
  store: EvidenceStore,
  file: { sha256: string; fileName: string; mime: string; size: number },
) {
  const inline = file.mime.startsWith('image/') || file.mime === 'application/pdf';
  reply
    .header('content-type', file.mime)
    .header('content-length', file.size)
    .header('x-content-type-options', 'nosniff')
    .header(
      'content-disposition',
      `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    );
  return reply.send(store.read(file.sha256));
}

/**
 * Reads a multipart form whose files are evidence: each file goes into the content-addressed
 * store (type from its first bytes, size capped by the store), every other part is a field.
 */
export async function readEvidenceForm(request: FastifyRequest, store: EvidenceStore) {
  const fields: Record<string, string> = {};
  const evidence: (StoredFile & { fileName: string })[] = [];
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const file = part as MultipartFile;
      const stored = await store.put(file.file);
      evidence.push({ ...stored, fileName: sanitizeFileName(file.filename) });
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  return { fields, evidence };
}
