import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { queryClient } from '../api/queryClient.ts';
import { SessionProvider } from '../auth/SessionProvider.tsx';
import { I18nProvider, useI18n } from '../i18n/I18nProvider.tsx';
import { router } from './router.tsx';

function Themed({ children }: { children: ReactNode }) {
  const { language } = useI18n();
  return (
    <ConfigProvider
      locale={language === 'vi' ? viVN : enUS}
      theme={{ token: { colorPrimary: '#0b5cad', borderRadius: 6 } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <Themed>
            <RouterProvider router={router} />
          </Themed>
        </SessionProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}
