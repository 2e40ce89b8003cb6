// Contact channels for public supervision, from the closing "欢迎…监督…联系方式" sentence.
// Postal addresses are left out: the ledger has no field for them.

const LABEL = /联系方式|联系电话|电话|热线|邮箱|信箱|E-?mail/i;
const PHONE = /(?<![\d-])(0\d{2,3}[-－—]?\d{7,8}|1[3-9]\d{9}|12388)(?![\d-])/;
// A number without its area code, trusted only right after the word 电话.
const LOCAL_PHONE = /(?:电话|热线)\s*[:：]?\s*(\d{7,8})(?!\d)/;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

export function contactFrom(lines: string[]): { phone: string | null; email: string | null } | null {
  // The closing comes last; read from the end so a number quoted in the body does not win.
  let phone: string | null = null;
  let email: string | null = null;
  for (const line of [...lines].reverse()) {
    if (!LABEL.test(line)) continue;
    phone ??= PHONE.exec(line)?.[1] ?? LOCAL_PHONE.exec(line)?.[1] ?? null;
    email ??= EMAIL.exec(line)?.[0] ?? null;
    if (phone && email) break;
  }
  return phone || email ? { phone, email } : null;
}
