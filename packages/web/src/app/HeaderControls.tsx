import { useId } from 'react';
import { useLocation, useNavigate } from '@tanstack/react-router';
import { Button, Dropdown, Segmented, Select } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useMe, useSession } from '../auth/SessionProvider.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { languages, type Language } from '../i18n/format.ts';
import { useWorkingUnit } from './WorkingUnit.tsx';

/** The header's org-unit switcher: only the units of the user's own scope. */
export function WorkingUnitSelect({ stacked = false }: { stacked?: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const { unit, units, setUnitId } = useWorkingUnit();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  if (units.length === 0) return null;
  return (
    <div className={stacked ? 'header-field header-field-stacked' : 'header-field'}>
      <label htmlFor={id}>{t.header.orgUnit}</label>
      <Select
        id={id}
        value={unit?.orgUnitId}
        onChange={(next: string) => {
          setUnitId(next);
          // The browser starts from the working unit: show the new one if the user is browsing.
          if (pathname.startsWith('/org-units')) void navigate({ to: '/org-units', search: {} });
        }}
        options={units.map((u) => ({ value: u.orgUnitId, label: u.fullName }))}
        popupMatchSelectWidth={false}
        className="working-unit-select"
      />
    </div>
  );
}

export function LanguageSwitch({ stacked = false }: { stacked?: boolean }) {
  const { t, language, setLanguage } = useI18n();
  const id = useId();
  return (
    <div className={stacked ? 'header-field header-field-stacked' : 'header-field'}>
      <span id={id} className="header-field-label">
        {t.header.language}
      </span>
      <Segmented<Language>
        aria-labelledby={id}
        size="small"
        value={language}
        onChange={setLanguage}
        options={languages.map((value) => ({ value, label: t.languages[value] }))}
      />
    </div>
  );
}

export function UserMenu({ compact }: { compact: boolean }) {
  const { t } = useI18n();
  const me = useMe();
  const { signOut } = useSession();
  const navigate = useNavigate();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'account', icon: <UserOutlined />, label: t.header.account },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t.header.logout, danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'account') void navigate({ to: '/account' });
          if (key === 'logout') {
            void signOut().then(() => navigate({ to: '/login', search: {} }));
          }
        },
      }}
    >
      <Button
        type="text"
        icon={<UserOutlined />}
        aria-label={`${t.header.userMenu}: ${me.user.fullName}`}
        className="user-menu-button"
      >
        {compact ? null : <span className="user-menu-name">{me.user.fullName}</span>}
      </Button>
    </Dropdown>
  );
}
