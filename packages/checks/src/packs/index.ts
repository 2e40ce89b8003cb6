// Built-in rule packs are ordinary rule files shipped with the package.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RuleSet } from '../rules/ast.ts';
import { parseRuleFile } from '../rules/parse.ts';

export const PACKS = ['poverty'] as const;
export type PackName = (typeof PACKS)[number];

export function packFile(name: PackName): string {
  return fileURLToPath(new URL(`./${name}.yaml`, import.meta.url));
}

export function loadPack(name: string): RuleSet {
  if (!(PACKS as readonly string[]).includes(name))
    throw new Error(`没有名为“${name}”的规则包（可用：${PACKS.join('、')}）`);
  const file = packFile(name as PackName);
  return parseRuleFile(file, readFileSync(file, 'utf8'));
}
