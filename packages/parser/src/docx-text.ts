// mammoth's HTML → plain lines. Raw text would flatten a table into one cell per line and
// lose which cell belongs to which row; here a table row becomes one tab-separated line,
// so a ledger kept as a Word table reads like one pasted from Excel.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
const decode = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e] ?? '');
const stripTags = (s: string): string => s.replace(/<[^>]*>/g, '');

/** Cells of one row, with cells merged from the rows above (rowspan) re-inserted as blanks. */
function rowCells(rowHtml: string, spans: number[]): string[] {
  const cells: string[] = [];
  let column = 0;
  const skipSpanned = (): void => {
    while ((spans[column] ?? 0) > 0) {
      spans[column] = (spans[column] ?? 1) - 1;
      cells.push('');
      column += 1;
    }
  };
  for (const m of rowHtml.matchAll(/<t[dh]([^>]*)>([\s\S]*?)<\/t[dh]>/g)) {
    skipSpanned();
    const attrs = m[1] ?? '';
    const rowspan = Number(/rowspan="(\d+)"/.exec(attrs)?.[1] ?? 1);
    const colspan = Number(/colspan="(\d+)"/.exec(attrs)?.[1] ?? 1);
    cells.push(
      stripTags(m[2] ?? '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    for (let c = 0; c < colspan; c++) {
      if (c > 0) cells.push('');
      spans[column] = rowspan - 1;
      column += 1;
    }
  }
  skipSpanned();
  return cells;
}

export function htmlToText(html: string): string {
  const withRows = html.replace(/<table[^>]*>([\s\S]*?)<\/table>/g, (_, table: string) => {
    const spans: number[] = [];
    const rows = [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
      rowCells(row[1] ?? '', spans),
    );
    // Placeholders keep tabs and newlines safe from the tag stripping below.
    return rows.map((cells) => `\u0001${cells.join('\u0002')}\u0001`).join('');
  });
  return decode(stripTags(withRows.replace(/<\/(?:p|h\d|li)>|<br\s*\/?>/g, '\n')))
    .replaceAll('\u0001\u0001', '\n')
    .replaceAll('\u0001', '\n')
    .replaceAll('\u0002', '\t');
}
