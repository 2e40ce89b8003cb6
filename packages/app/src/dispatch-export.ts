import type { Db } from '@zhenggai/db';
import { buildDispatchDocx } from '@zhenggai/reports';
import { writeDispatchComparison } from '@zhenggai/xlsx';
import type { Actor } from './actor.ts';
import { compareSnapshots } from './dispatch.ts';

// The comparison of two 调度 snapshots as a file: .xlsx (one sheet per question) or .docx (调度情况).

export type DispatchExportFormat = 'xlsx' | 'docx';

const CONTENT_TYPES: Record<DispatchExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Characters no file system accepts in a name. */
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\r\n]+/g, '_');

export async function exportDispatchComparison(
  db: Db,
  actor: Actor,
  fromId: number,
  toId: number,
  format: DispatchExportFormat,
) {
  const comparison = await compareSnapshots(db, actor, fromId, toId);
  const body =
    format === 'xlsx' ? await writeDispatchComparison(comparison) : await buildDispatchDocx(comparison);
  return {
    fileName: safeName(
      `${comparison.inspectionName}调度情况（${comparison.from.label}—${comparison.to.label}）.${format}`,
    ),
    contentType: CONTENT_TYPES[format],
    body,
  };
}
