import { extractMeasures } from './measures.ts';
import { headingTitle } from './ledger.ts';
import { classify } from './outline.ts';
import type { ParsedCategory } from './types.ts';

// A ledger pasted from Word or Excel arrives as text with one row per line and cells split
// by tabs (or a run of spaces). The header row names the columns; 问题类别 may be filled only
// on the first row of a merged block, and a row with a lone "一、…" cell is a category heading.

const SPLIT = /\t| {2,}|｜|\|/;

interface Columns {
  number: number;
  problem: number;
  measures: number | null;
  category: number | null;
}

function findColumns(cells: string[]): Columns | null {
  const at = (re: RegExp): number => cells.findIndex((c) => re.test(c));
  const number = at(/^序号$|^编号$/);
  const category = at(/类别|方面|类型/);
  const problem = cells.findIndex((c, i) => i !== category && /问题/.test(c) && !/类别|方面/.test(c));
  const measures = at(/措施/);
  if (number < 0 || problem < 0) return null;
  return {
    number,
    problem,
    measures: measures >= 0 ? measures : null,
    category: category >= 0 ? category : null,
  };
}

const cellsOf = (line: string): string[] =>
  line
    .split(SPLIT)
    .map((c) => c.trim())
    .filter((c, i, all) => c !== '' || i < all.length - 1);

export interface TableLedger {
  categories: ParsedCategory[];
  /** Line index of the header row: what precedes it is the document's opening. */
  headerLine: number;
}

export function parseTable(lines: string[]): TableLedger | null {
  const headerLine = lines.findIndex((line) => SPLIT.test(line) && findColumns(cellsOf(line)) !== null);
  if (headerLine < 0) return null;
  const columns = findColumns(cellsOf(lines[headerLine] ?? ''));
  if (!columns) return null;

  const categories: ParsedCategory[] = [];
  const categoryNamed = (title: string): ParsedCategory => {
    const last = categories[categories.length - 1];
    if (last && last.title === title) return last;
    const created = { title, problems: [] };
    categories.push(created);
    return created;
  };

  for (const line of lines.slice(headerLine + 1)) {
    const cells = cellsOf(line);
    const nonEmpty = cells.filter((c) => c !== '');
    const lone = nonEmpty.length === 1 ? nonEmpty[0] : undefined;
    const heading = lone ? classify(lone) : null;
    if (heading && heading.style !== 'num') {
      categoryNamed(headingTitle(heading.text));
      continue;
    }
    const number = (cells[columns.number] ?? '').replace(/[.、．]$/, '');
    if (!/^\d{1,3}$/.test(number)) {
      if (!SPLIT.test(line)) break; // the table is over: prose follows
      continue;
    }
    const categoryCell = columns.category !== null ? (cells[columns.category] ?? '') : '';
    const category =
      categoryCell !== ''
        ? categoryNamed(categoryCell.replace(/^[(（]?[一二三四五六七八九十]+[)）、]?/, ''))
        : (categories[categories.length - 1] ?? categoryNamed(''));
    const problemText = cells[columns.problem] ?? '';
    const measureText = columns.measures !== null ? (cells[columns.measures] ?? '') : '';
    category.problems.push({
      number,
      title: headingTitle(problemText),
      text: problemText,
      measures: extractMeasures(measureText ? [measureText] : []),
    });
  }
  return categories.some((c) => c.problems.length > 0) ? { categories, headerLine } : null;
}
