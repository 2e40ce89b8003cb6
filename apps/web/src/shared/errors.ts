import { ApiError } from '../api/client.ts';
import type { Messages } from '../i18n/zh-CN.ts';

// The one mapping from an API failure to what a person reads. The server's message is already
// specific Chinese; in English the code's sentence leads and the server's detail follows.

export function errorText(error: unknown, t: Messages, lang: string): string {
  if (error instanceof ApiError) {
    const general = t.errors[error.code] ?? t.errors.SERVER;
    if (!error.message || error.code === 'NETWORK' || error.code === 'SERVER') return general;
    return lang === 'en' ? `${general} (${error.message})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
