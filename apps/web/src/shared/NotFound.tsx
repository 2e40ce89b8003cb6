import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/index.tsx';

export default function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t.common.notFound}
      extra={
        <Link to="/">
          <Button type="primary">{t.common.backHome}</Button>
        </Link>
      }
    />
  );
}
