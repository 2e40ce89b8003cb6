import { useState } from 'react';
import { Alert } from 'antd';
import { useI18n } from '../i18n/index.tsx';
import { errorText } from './errors.ts';

/**
 * A dialog's submit: `busy` while it runs, and what went wrong, in the reader's language, when it
 * fails (the dialog stays open so nothing typed is lost).
 */
export function useSubmit() {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(e, t, lang));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

/** The failure of a submit, above the form. */
export function SubmitError({ error }: { error: string | null }) {
  return error ? (
    <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />
  ) : null;
}
