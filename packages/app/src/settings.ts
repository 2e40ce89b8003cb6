import { sql, type Db } from '@zhenggai/db';
import { forbidden, invalid } from '@zhenggai/core';
import { hasRoleAnywhere, type Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { inTransaction, one } from './tx.ts';

// Workspace-wide settings kept as JSON: the public contact channels printed in every 通报 and
// the offices' own report templates. Changing one is audited like any other change.

export const SETTING_KEYS = ['contact', 'template.tongbao', 'template.progress'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export interface PublicContact {
  phone: string | null;
  email: string | null;
  address: string | null;
}

export async function getSetting<T>(db: Db, key: SettingKey): Promise<T | null> {
  const row = await one<{ value: T }>(db, sql`SELECT value FROM settings WHERE key = ${key}`);
  return row?.value ?? null;
}

export function setSetting(db: Db, actor: Actor, key: SettingKey, value: unknown): Promise<void> {
  if (!SETTING_KEYS.includes(key)) throw invalid(`未知的设置项：${key}`);
  if (!hasRoleAnywhere(actor, 'manage_inspections')) throw forbidden();
  return inTransaction(db, async (tx) => {
    const before = await one<{ value: unknown }>(tx, sql`SELECT value FROM settings WHERE key = ${key}`);
    await tx.execute(
      sql`INSERT INTO settings (key, value) VALUES (${key}, ${JSON.stringify(value)}::jsonb)
          ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    );
    await appendAudit(tx, actor, {
      action: 'setting.update',
      entity: 'setting',
      entityId: key,
      unitId: actor.grants.find((g) => g.role === 'admin' || g.role === 'office')?.unitId ?? null,
      before: before?.value ?? null,
      after: value,
    });
  });
}
