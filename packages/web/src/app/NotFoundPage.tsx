import { useT } from '../i18n/I18nProvider.tsx';
import { ButtonLink, Result } from '../ui/index.ts';

export function NotFoundPage() {
  const t = useT();
  return (
    <Result
      status="404"
      title={<h1 className="result-title">{t.notFound.title}</h1>}
      subTitle={t.notFound.description}
      extra={
        <ButtonLink to="/" buttonType="primary">
          {t.notFound.home}
        </ButtonLink>
      }
    />
  );
}
