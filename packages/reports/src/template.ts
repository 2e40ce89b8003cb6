import type { LineStyle } from './document-model.ts';
import { ReportError } from './errors.ts';
import { ROOT_SCOPE, type FieldSpec, type ScopeSpec } from './placeholders.ts';

// The template format (see README.md): one line = one paragraph, its role chosen by a prefix
// (`# `, `## `, `### `, `#### `, `<< `, `>> `); `{{name}}` prints a value; `{{#name}}…{{/name}}` loops over a
// list or shows its content only when the value is present; `{{^name}}…{{/name}}` shows it only
// when absent; `{{! … }}` is a comment. A section either opens and closes inside one line, or its
// open and close tags each stand alone on their own line and enclose whole lines.
//
// Compiling checks every name against placeholders.ts, scope by scope, so mistakes surface with
// their line number before any data is involved.

export type InlineNode =
  | { type: 'text'; text: string }
  | { type: 'value'; name: string }
  | { type: 'section'; name: string; inverted: boolean; children: InlineNode[] };

export type BlockNode =
  | { type: 'line'; style: LineStyle; content: InlineNode[]; line: number }
  | { type: 'section'; name: string; inverted: boolean; children: BlockNode[]; line: number };

export interface CompiledTemplate {
  nodes: BlockNode[];
}

type Tag =
  | { type: 'text'; text: string }
  | { type: 'value'; name: string }
  | { type: 'open'; name: string; inverted: boolean }
  | { type: 'close'; name: string }
  | { type: 'comment' };

/** What is known while compiling inside some sections: the item scopes entered, the values proven present. */
interface Frame {
  name: string;
  scope: ScopeSpec | null;
  guard: string | null;
  line: number;
}

const PREFIXES: ReadonlyArray<[string, LineStyle]> = [
  ['#### ', 'heading3'],
  ['### ', 'heading2'],
  ['## ', 'heading1'],
  ['# ', 'title'],
  ['>> ', 'signature'],
  ['<< ', 'flushLeft'],
];

const NAME = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*$/;

export function compileTemplate(source: string): CompiledTemplate {
  const frames: Frame[] = [];
  const root: BlockNode[] = [];
  const blockStack: Array<{ node: Extract<BlockNode, { type: 'section' }>; frame: Frame }> = [];
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);

  lines.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    const prefix = PREFIXES.find(([p]) => trimmed.startsWith(p) || trimmed === p.trimEnd());
    const body = prefix === undefined ? trimmed : trimmed.slice(prefix[0].length);
    const tags = tokenize(body, line);
    const meaningful = tags.filter(
      (t) => t.type !== 'comment' && !(t.type === 'text' && t.text.trim() === ''),
    );
    if (meaningful.length === 0 && prefix === undefined) return;
    const target = blockStack.at(-1)?.node.children ?? root;
    const only = meaningful[0];

    if (prefix === undefined && meaningful.length === 1 && only !== undefined && only.type === 'open') {
      const frame = openSection(frames, only.name, only.inverted, line);
      const node: Extract<BlockNode, { type: 'section' }> = {
        type: 'section',
        name: only.name,
        inverted: only.inverted,
        children: [],
        line,
      };
      target.push(node);
      blockStack.push({ node, frame });
      frames.push(frame);
      return;
    }
    if (prefix === undefined && meaningful.length === 1 && only !== undefined && only.type === 'close') {
      const open = blockStack.pop();
      if (open === undefined || open.node.name !== only.name) {
        throw mismatchedClose(only.name, open?.node.name ?? null, line, open?.node.line ?? null);
      }
      frames.pop();
      return;
    }
    target.push({
      type: 'line',
      style: prefix?.[1] ?? 'paragraph',
      content: parseInline(tags, frames, line),
      line,
    });
  });

  const unclosed = blockStack.pop();
  if (unclosed !== undefined) {
    throw new ReportError(
      'TEMPLATE_UNCLOSED_SECTION',
      `区段 {{#${unclosed.node.name}}} 没有对应的 {{/${unclosed.node.name}}}`,
      unclosed.node.line,
    );
  }
  return { nodes: root };
}

function tokenize(body: string, line: number): Tag[] {
  const tags: Tag[] = [];
  let rest = body;
  while (rest.length > 0) {
    const start = rest.indexOf('{{');
    const text = start === -1 ? rest : rest.slice(0, start);
    if (text.includes('}}')) {
      throw new ReportError('TEMPLATE_BAD_TAG', `多余的“}}”：${excerpt(text)}`, line);
    }
    if (text !== '') tags.push({ type: 'text', text });
    if (start === -1) break;
    const end = rest.indexOf('}}', start + 2);
    if (end === -1)
      throw new ReportError('TEMPLATE_BAD_TAG', `“{{”没有闭合：${excerpt(rest.slice(start))}`, line);
    tags.push(parseTag(rest.slice(start + 2, end), line));
    rest = rest.slice(end + 2);
  }
  return tags;
}

function parseTag(inner: string, line: number): Tag {
  const content = inner.trim();
  if (content.startsWith('!')) return { type: 'comment' };
  const sigil = content[0];
  const name = (sigil === '#' || sigil === '^' || sigil === '/' ? content.slice(1) : content).trim();
  if (!NAME.test(name)) {
    throw new ReportError(
      'TEMPLATE_BAD_TAG',
      `无法识别的标记 {{${inner}}}：占位符名称只能由英文字母、数字和“.”组成，如 {{inspectedUnit}}`,
      line,
    );
  }
  if (sigil === '#' || sigil === '^') return { type: 'open', name, inverted: sigil === '^' };
  if (sigil === '/') return { type: 'close', name };
  return { type: 'value', name };
}

function parseInline(tags: Tag[], frames: Frame[], line: number): InlineNode[] {
  const root: InlineNode[] = [];
  const stack: Array<Extract<InlineNode, { type: 'section' }>> = [];
  const depth = frames.length;
  try {
    for (const tag of tags) {
      const target = stack.at(-1)?.children ?? root;
      switch (tag.type) {
        case 'comment':
          break;
        case 'text':
          target.push({ type: 'text', text: tag.text });
          break;
        case 'value':
          checkValue(frames, tag.name, line);
          target.push({ type: 'value', name: tag.name });
          break;
        case 'open': {
          frames.push(openSection(frames, tag.name, tag.inverted, line));
          const node: Extract<InlineNode, { type: 'section' }> = {
            type: 'section',
            name: tag.name,
            inverted: tag.inverted,
            children: [],
          };
          target.push(node);
          stack.push(node);
          break;
        }
        case 'close': {
          const open = stack.pop();
          if (open === undefined) {
            throw new ReportError(
              'TEMPLATE_SECTION_SPANS_LINES',
              `{{/${tag.name}}} 与其他内容在同一行；跨行的区段，其开始和结束标记须各自单独占一行`,
              line,
            );
          }
          if (open.name !== tag.name) throw mismatchedClose(tag.name, open.name, line, line);
          frames.pop();
          break;
        }
      }
    }
    const unclosed = stack.at(-1);
    if (unclosed !== undefined) {
      throw new ReportError(
        'TEMPLATE_SECTION_SPANS_LINES',
        `{{#${unclosed.name}}} 在本行没有结束；同一行内开始的区段须在同一行内用 {{/${unclosed.name}}} 结束，否则开始和结束标记须各自单独占一行`,
        line,
      );
    }
  } finally {
    // Inline sections never outlive their line.
    frames.length = depth;
  }
  return root;
}

function openSection(frames: Frame[], name: string, inverted: boolean, line: number): Frame {
  const list = findList(frames, name);
  if (list !== undefined) return { name, scope: inverted ? null : list, guard: null, line };
  if (findField(frames, name) !== undefined)
    return { name, scope: null, guard: inverted ? null : name, line };
  throw unknownName(frames, name, line);
}

function checkValue(frames: Frame[], name: string, line: number): void {
  const field = findField(frames, name);
  if (field === undefined) {
    if (findList(frames, name) !== undefined) {
      throw new ReportError(
        'TEMPLATE_LIST_AS_VALUE',
        `{{${name}}} 是一个列表，须写成 {{#${name}}}…{{/${name}}} 逐项输出`,
        line,
      );
    }
    throw unknownName(frames, name, line);
  }
  if (!field.optional) return;
  const guards = field.guards ?? [name];
  if (!frames.some((f) => f.guard !== null && guards.includes(f.guard))) {
    throw new ReportError(
      'TEMPLATE_UNGUARDED_OPTIONAL',
      `{{${name}}}（${field.zh}）可能为空，须放在 {{#${guards[0] ?? name}}}…{{/${guards[0] ?? name}}} 之内`,
      line,
    );
  }
}

function visibleScopes(frames: Frame[]): ScopeSpec[] {
  return [ROOT_SCOPE, ...frames.flatMap((f) => (f.scope === null ? [] : [f.scope]))];
}

function findField(frames: Frame[], name: string): FieldSpec | undefined {
  return visibleScopes(frames)
    .map((s) => s.fields[name])
    .find((f) => f !== undefined);
}

function findList(frames: Frame[], name: string): ScopeSpec | undefined {
  return visibleScopes(frames)
    .map((s) => s.lists[name])
    .find((s) => s !== undefined);
}

function unknownName(frames: Frame[], name: string, line: number): ReportError {
  const visible = visibleScopes(frames).flatMap((s) => [...Object.keys(s.fields), ...Object.keys(s.lists)]);
  const suggestion = closest(name, visible);
  const elsewhere = whereDefined(name);
  const hint =
    elsewhere !== null
      ? `；它只能在 {{#${elsewhere}}}…{{/${elsewhere}}} 之内使用`
      : suggestion !== null
        ? `；是否应为 {{${suggestion}}}？`
        : '';
  return new ReportError('TEMPLATE_UNKNOWN_PLACEHOLDER', `未知的占位符 {{${name}}}${hint}`, line);
}

/** The loop that makes a name visible, when the name is real but used outside its loop. */
function whereDefined(name: string, scope: ScopeSpec = ROOT_SCOPE): string | null {
  for (const [listName, item] of Object.entries(scope.lists)) {
    if (name in item.fields || name in item.lists) return listName;
    const deeper = whereDefined(name, item);
    if (deeper !== null) return deeper;
  }
  return null;
}

function closest(name: string, candidates: string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 4)) ? best : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function mismatchedClose(
  name: string,
  open: string | null,
  line: number,
  openLine: number | null,
): ReportError {
  const message =
    open === null
      ? `{{/${name}}} 没有对应的 {{#${name}}}`
      : `{{/${name}}} 与第${openLine}行的 {{#${open}}} 不匹配，应先写 {{/${open}}}`;
  return new ReportError('TEMPLATE_MISMATCHED_CLOSE', message, line);
}

function excerpt(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}
