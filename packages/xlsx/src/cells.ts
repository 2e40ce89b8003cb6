// What a cell can hold once exceljs's many shapes (rich text, formulas, hyperlinks, errors) are
// flattened, plus the small helpers every other file needs to talk about cells.

export type Raw = string | number | boolean | Date | { error: string } | null;

/** 0-based column index → Excel letters (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Flattens an exceljs cell value (from either reader) to a Raw. */
export function flattenCellValue(value: unknown): Raw {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return (v.richText as { text?: unknown }[])
        .map((r) => (typeof r.text === 'string' ? r.text : ''))
        .join('');
    }
    if ('formula' in v || 'sharedFormula' in v) return flattenCellValue(v.result);
    if (typeof v.error === 'string') return { error: v.error };
    if ('text' in v) return flattenCellValue(v.text);
  }
  return String(value as string);
}

/** True when a cell carries nothing a person would see. */
export function isBlank(raw: Raw): boolean {
  return raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/** A cell as plain text for messages and text fields (trimmed; numbers without float noise). */
export function rawToText(raw: Raw): string {
  if (raw === null) return '';
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number') return String(Number(raw.toPrecision(15)));
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? '' : raw.toISOString().slice(0, 10);
  return raw.error;
}

/** Full-width digits, letters and punctuation that people type in Chinese IMEs → ASCII. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}
