import { useEffect, type ReactNode } from 'react';
import { Breadcrumb, Flex, Typography } from 'antd';
import { useT } from '../i18n/I18nProvider.tsx';

interface PageProps {
  title: string;
  /** Links (router `<Link>` elements) from the top of the hierarchy down to the parent of this page. */
  breadcrumbs?: ReactNode[];
  /** Buttons shown beside the title. */
  extra?: ReactNode;
  children: ReactNode;
}

/** The frame of every page: breadcrumbs, one `h1`, actions, content. Also names the browser tab. */
export function Page({ title, breadcrumbs, extra, children }: PageProps) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} · ${t.app.name}`;
  }, [title, t]);
  return (
    <div className="page">
      {breadcrumbs && breadcrumbs.length > 0 && (
        <Breadcrumb
          className="page-breadcrumbs"
          items={breadcrumbs.map((crumb, index) => ({ key: index, title: crumb }))}
        />
      )}
      <Flex className="page-header" justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={1} className="page-title">
          {title}
        </Typography.Title>
        {extra && (
          <Flex gap="small" wrap>
            {extra}
          </Flex>
        )}
      </Flex>
      <Flex vertical gap="middle">
        {children}
      </Flex>
    </div>
  );
}

/** A titled block inside a page. */
export function Section({
  title,
  extra,
  children,
}: {
  title?: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="page-section" aria-label={title}>
      {(title || extra) && (
        <Flex justify="space-between" align="center" wrap gap="small" className="section-header">
          {title && (
            <Typography.Title level={2} className="section-title">
              {title}
            </Typography.Title>
          )}
          {extra}
        </Flex>
      )}
      {children}
    </section>
  );
}
