import type { DocBlock, DocumentModel, LineStyle } from './document-model.ts';
import type { ReportData } from './report-data.ts';
import { compileTemplate, type BlockNode, type CompiledTemplate, type InlineNode } from './template.ts';
import { buildView, type ViewScope } from './view.ts';

/** Template text (or an already compiled one) + data → the document's blocks. */
export function renderTemplate(template: string | CompiledTemplate, data: ReportData): DocumentModel {
  const compiled = typeof template === 'string' ? compileTemplate(template) : template;
  const lines: Array<{ style: LineStyle; text: string }> = [];
  renderBlocks(compiled.nodes, [buildView(data)], lines);
  const blocks = toBlocks(lines);
  const title = blocks.find((b) => b.kind === 'title');
  return { title: title?.kind === 'title' ? title.text : '', blocks };
}

function renderBlocks(
  nodes: BlockNode[],
  stack: ViewScope[],
  out: Array<{ style: LineStyle; text: string }>,
): void {
  for (const node of nodes) {
    if (node.type === 'line') {
      out.push({ style: node.style, text: renderInline(node.content, stack) });
    } else {
      for (const scope of sectionScopes(node.name, node.inverted, stack))
        renderBlocks(node.children, scope, out);
    }
  }
}

function renderInline(nodes: InlineNode[], stack: ViewScope[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text') text += node.text;
    else if (node.type === 'value') text += lookupValue(node.name, stack) ?? '';
    else
      for (const scope of sectionScopes(node.name, node.inverted, stack))
        text += renderInline(node.children, scope);
  }
  return text;
}

/** The stacks a section's content is rendered with: one per list item, once, or not at all. */
function sectionScopes(name: string, inverted: boolean, stack: ViewScope[]): ViewScope[][] {
  const list = lookup(stack, (s) => s.lists[name]);
  if (list !== undefined) {
    if (inverted) return list.length === 0 ? [stack] : [];
    return list.map((item) => [...stack, item]);
  }
  // As in Mustache, a count of 0 is "absent": {{#totals.openMeasures}} shows only when some remain.
  const value = lookupValue(name, stack) ?? '';
  const present = value !== '' && value !== '0';
  return present !== inverted ? [stack] : [];
}

function lookupValue(name: string, stack: ViewScope[]): string | null {
  const value = lookup(stack, (s) => (name in s.values ? s.values[name] : undefined));
  // compileTemplate has checked every name against placeholders.ts; reaching this means the view
  // and that table disagree, which a test guards against.
  if (value === undefined) throw new Error(`reports: no value for placeholder ${name}`);
  return value;
}

function lookup<T>(stack: ViewScope[], pick: (scope: ViewScope) => T | undefined): T | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    const scope = stack[i];
    const found = scope === undefined ? undefined : pick(scope);
    if (found !== undefined) return found;
  }
  return undefined;
}

function toBlocks(lines: Array<{ style: LineStyle; text: string }>): DocBlock[] {
  const blocks: DocBlock[] = [];
  for (const { style, text } of lines) {
    // A value may hold several paragraphs (a finding, a progress note): body text keeps them,
    // a heading or signature line cannot.
    const parts =
      style === 'paragraph' || style === 'flushLeft'
        ? text.split(/\s*\n\s*/)
        : [text.replace(/\s*\n\s*/g, '')];
    for (const part of parts.map((p) => p.trim()).filter((p) => p !== '')) {
      const previous = blocks.at(-1);
      if (style === 'signature') {
        if (previous?.kind === 'signature') previous.lines.push(part);
        else blocks.push({ kind: 'signature', lines: [part] });
      } else {
        blocks.push({ kind: style, text: part });
      }
    }
  }
  return blocks;
}
