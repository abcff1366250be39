import type { ReactNode } from 'react';
import { Empty, Flex, Spin } from 'antd';
import { useT } from '../i18n/I18nProvider.tsx';

export function EmptyState({ description, children }: { description?: string; children?: ReactNode }) {
  const t = useT();
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? t.common.empty}>
      {children}
    </Empty>
  );
}

export function Loading({ fullPage = false }: { fullPage?: boolean }) {
  const t = useT();
  return (
    <Flex
      role="status"
      aria-live="polite"
      align="center"
      justify="center"
      gap="small"
      className={fullPage ? 'loading loading-full' : 'loading'}
    >
      <Spin />
      <span>{t.common.loading}</span>
    </Flex>
  );
}
