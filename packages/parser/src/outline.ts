import { CN_NUMERAL, cnNumber } from './numerals.ts';

// The outline of a report: "一、" sections, "(一)" sub-sections and "1." items. Built with a
// stack that follows the numbering, so a "一、" that restarts inside section "三、" nests there
// and the next "四、" climbs back out (the sequence it continues decides where it belongs).

export type HeadingStyle = 'cn' | 'paren' | 'num';

export interface Heading {
  style: HeadingStyle;
  n: number;
  /** The line after its marker. */
  text: string;
  /** "22," is a real marker in the wild, but a comma is weak evidence: only trust it in sequence. */
  weak: boolean;
}

const CN_HEADING = new RegExp(`^(${CN_NUMERAL})\\s*[、.．]\\s*(.*)$`);
const PAREN_HEADING = new RegExp(`^[(（](${CN_NUMERAL})[)）]\\s*[、.．]?\\s*(.*)$`);
// "1.5万元" is a number, not a marker: the marker is never followed by a digit.
const NUM_HEADING = /^(\d{1,3})\s*([.、．,，])(?!\d)\s*(.*)$/;

export function classify(line: string): Heading | null {
  const cn = CN_HEADING.exec(line);
  if (cn) {
    const n = cnNumber(cn[1] ?? '');
    if (n !== null && (cn[2] ?? '') !== '') return { style: 'cn', n, text: cn[2] ?? '', weak: false };
  }
  const paren = PAREN_HEADING.exec(line);
  if (paren) {
    const n = cnNumber(paren[1] ?? '');
    if (n !== null && (paren[2] ?? '') !== '')
      return { style: 'paren', n, text: paren[2] ?? '', weak: false };
  }
  const num = NUM_HEADING.exec(line);
  if (num && (num[3] ?? '') !== '' && /^[\u3400-\u9fff“"《（(]/.test(num[3] ?? '')) {
    return { style: 'num', n: Number(num[1]), text: num[3] ?? '', weak: /[,，]/.test(num[2] ?? '') };
  }
  return null;
}

export interface OutlineNode {
  heading: Heading | null;
  parent: OutlineNode | null;
  children: OutlineNode[];
  /** Lines under this heading before its first child heading. */
  body: string[];
  /** Position in the document, for keeping order across branches. */
  order: number;
  /** Next number of a "1. 2. 3." list nested inside an item (it belongs to the item's body). */
  sublistNext?: number;
}

export function buildOutline(lines: string[]): OutlineNode {
  const root: OutlineNode = { heading: null, parent: null, children: [], body: [], order: -1 };
  const stack: OutlineNode[] = [root];
  const top = (): OutlineNode => stack[stack.length - 1] ?? root;

  const attach = (parent: OutlineNode, heading: Heading, order: number): void => {
    const node: OutlineNode = { heading, parent, children: [], body: [], order };
    parent.children.push(node);
    while (top() !== parent) stack.pop();
    stack.push(node);
  };
  const findInStack = (pred: (h: Heading) => boolean): OutlineNode | undefined =>
    [...stack].reverse().find((node) => node.heading !== null && pred(node.heading));

  for (const [order, line] of lines.entries()) {
    const h = classify(line);
    const current = top();
    if (!h) {
      current.body.push(line);
      continue;
    }
    const cur = current.heading;
    if (h.style === 'num' && cur?.style === 'num') {
      const continuesList = h.n === cur.n + 1;
      const continuesSublist = h.n === 1 ? !continuesList : current.sublistNext === h.n;
      // "1.问题 1.子项 2.子项 2.问题": the second "2." is still ahead, so this one is the sub-item.
      const ambiguous = continuesList && continuesSublist;
      if (continuesSublist && (!ambiguous || reappears(lines, order, h.n))) {
        current.body.push(line);
        current.sublistNext = h.n + 1;
        continue;
      }
    }
    const predecessor = findInStack((x) => x.style === h.style && x.n === h.n - 1);
    if (predecessor?.parent) {
      attach(predecessor.parent, h, order);
    } else if (h.weak && h.n !== 1) {
      current.body.push(line);
    } else if (h.n === 1) {
      // A new "一、" or "(一)" list never lives inside a numbered item.
      let parent = current;
      while (h.style !== 'num' && parent.heading?.style === 'num' && parent.parent) parent = parent.parent;
      attach(parent, h, order);
    } else {
      // A skipped number ("3." straight after "1."): still a sibling of the same list.
      const sameStyle = findInStack((x) => x.style === h.style);
      attach(sameStyle?.parent ?? current, h, order);
    }
  }
  return root;
}

/** Does the same number come back later, before the next section heading? */
function reappears(lines: string[], from: number, n: number): boolean {
  for (const line of lines.slice(from + 1)) {
    const h = classify(line);
    if (h && h.style !== 'num') return false;
    if (h?.n === n) return true;
  }
  return false;
}

export function* walk(node: OutlineNode): Generator<OutlineNode> {
  yield node;
  for (const child of node.children) yield* walk(child);
}
