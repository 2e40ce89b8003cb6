import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/index.tsx';

export function LanguageSwitch({ dark }: { dark?: boolean }) {
  const { t, lang, setLang } = useI18n();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}
      style={dark ? { color: '#fff' } : undefined}
      aria-label={t.lang.switchTo}
      data-testid="lang-switch"
    >
      {t.lang.switchTo}
    </Button>
  );
}
