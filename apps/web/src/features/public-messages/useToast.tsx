import { message } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../shared/errors.ts';

/** Runs an action and says how it went (antd message, rendered through `holder`). */
export function useToast() {
  const { t, lang } = useI18n();
  const [api, holder] = message.useMessage();
  const run = async <T,>(work: () => Promise<T>, done: string): Promise<T | undefined> => {
    try {
      const result = await work();
      void api.success(done);
      return result;
    } catch (e) {
      void api.error(errorText(e, t, lang));
      return undefined;
    }
  };
  return { run, holder, fail: (e: unknown) => void api.error(errorText(e, t, lang)) };
}
