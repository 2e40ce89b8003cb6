// Splits one CSV record (the header) into fields, honouring quotes.
export function splitCsvLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** Comma unless the header clearly uses tabs or semicolons instead. */
export function detectDelimiter(header: string): string {
  const count = (c: string) => header.split(c).length - 1;
  const candidates: [string, number][] = [
    [',', count(',')],
    ['\t', count('\t')],
    [';', count(';')],
  ];
  candidates.sort((a, b) => b[1] - a[1]);
  const best = candidates[0];
  return best && best[1] > 0 ? best[0] : ',';
}

/** CSV field text for writing: quoted only when needed. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
