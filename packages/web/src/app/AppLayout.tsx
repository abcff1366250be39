import { useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from '@tanstack/react-router';
import { Button, Drawer, Grid, Layout, Menu, Typography, type MenuProps } from 'antd';
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  DeploymentUnitOutlined,
  FieldTimeOutlined,
  FlagOutlined,
  FormOutlined,
  LineChartOutlined,
  ProjectOutlined,
  FolderOpenOutlined,
  InboxOutlined,
  OrderedListOutlined,
  HomeOutlined,
  ImportOutlined,
  MenuOutlined,
  MergeCellsOutlined,
  SwapOutlined,
  RadarChartOutlined,
  SendOutlined,
  TeamOutlined,
  UserOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import type { Permission } from '@treem/shared';
import { useSession } from '../auth/SessionProvider.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import type { Messages } from '../i18n/vi.ts';
import { LanguageSwitch, UserMenu, WorkingUnitSelect } from './HeaderControls.tsx';

type NavPath =
  | '/'
  | '/register'
  | '/register/households'
  | '/register/duplicates'
  | '/register/import'
  | '/register/flag-types'
  | '/ecd/action-lists'
  | '/ecd/weighing-day'
  | '/cases/report'
  | '/cases/inbox'
  | '/cases'
  | '/cases/approvals'
  | '/cases/transfers'
  | '/referrals/outgoing'
  | '/referrals/incoming'
  | '/case-settings'
  | '/providers'
  | '/providers/coverage'
  | '/indicators'
  | '/plans'
  | '/data-entry'
  | '/org-units'
  | '/users'
  | '/audit'
  | '/account';

interface NavItem {
  path: NavPath;
  label: (t: Messages) => string;
  icon: ReactNode;
  /** Shown only to roles holding this permission (or one of these); absent = every signed-in user. */
  permission?: Permission | readonly Permission[];
  /** Entries of one capability shown together under its heading. */
  group?: 'ecd' | 'providers' | 'cases' | 'plans' | 'admin';
}

const navItems: readonly NavItem[] = [
  { path: '/', label: (t) => t.nav.home, icon: <HomeOutlined /> },
  { path: '/register', label: (t) => t.nav.register, icon: <BookOutlined />, permission: 'register.read' },
  {
    path: '/register/households',
    label: (t) => t.nav.households,
    icon: <UsergroupAddOutlined />,
    permission: 'register.read',
  },
  {
    path: '/register/duplicates',
    label: (t) => t.nav.duplicates,
    icon: <MergeCellsOutlined />,
    permission: 'register.merge',
  },
  {
    path: '/register/import',
    label: (t) => t.nav.import,
    icon: <CloudUploadOutlined />,
    permission: 'register.import',
  },
  {
    path: '/register/flag-types',
    label: (t) => t.nav.flagTypes,
    icon: <FlagOutlined />,
    permission: 'register.manageCatalogue',
  },
  {
    path: '/ecd/action-lists',
    label: (t) => t.nav.actionLists,
    icon: <OrderedListOutlined />,
    permission: 'ecd.read',
    group: 'ecd',
  },
  {
    path: '/ecd/weighing-day',
    label: (t) => t.nav.weighingDay,
    icon: <DashboardOutlined />,
    permission: 'ecd.write',
    group: 'ecd',
  },
  {
    path: '/cases/report',
    label: (t) => t.cases.nav.report,
    icon: <AlertOutlined />,
    permission: 'case.intake',
    group: 'cases',
  },
  {
    path: '/cases/inbox',
    label: (t) => t.cases.nav.inbox,
    icon: <InboxOutlined />,
    permission: 'case.manage',
    group: 'cases',
  },
  {
    path: '/cases',
    label: (t) => t.cases.nav.mine,
    icon: <FolderOpenOutlined />,
    permission: 'case.read',
    group: 'cases',
  },
  {
    path: '/cases/approvals',
    label: (t) => t.cases.nav.approvals,
    icon: <CheckSquareOutlined />,
    permission: 'case.approve',
    group: 'cases',
  },
  {
    path: '/cases/transfers',
    label: (t) => t.cases.nav.transfers,
    icon: <SwapOutlined />,
    permission: 'case.manage',
    group: 'cases',
  },
  {
    path: '/referrals/outgoing',
    label: (t) => t.cases.nav.referralsOut,
    icon: <SendOutlined />,
    permission: 'referral.send',
    group: 'cases',
  },
  {
    path: '/referrals/incoming',
    label: (t) => t.cases.nav.referralsIn,
    icon: <ImportOutlined />,
    permission: 'referral.respond',
    group: 'providers',
  },
  {
    path: '/providers',
    label: (t) => t.nav.providers,
    icon: <DeploymentUnitOutlined />,
    permission: 'provider.read',
    group: 'providers',
  },
  {
    path: '/providers/coverage',
    label: (t) => t.nav.providerCoverage,
    icon: <RadarChartOutlined />,
    permission: 'provider.read',
    group: 'providers',
  },
  {
    path: '/plans',
    label: (t) => t.nav.plans,
    icon: <ProjectOutlined />,
    permission: 'plan.read',
    group: 'plans',
  },
  {
    path: '/indicators',
    label: (t) => t.nav.indicators,
    icon: <LineChartOutlined />,
    permission: 'indicator.read',
    group: 'plans',
  },
  {
    path: '/data-entry',
    label: (t) => t.nav.dataEntry,
    icon: <FormOutlined />,
    // Those who enter, and the leaders who lock a period once its numbers are checked.
    permission: ['aggregate.enter', 'aggregate.lock'],
    group: 'plans',
  },
  {
    path: '/org-units',
    label: (t) => t.nav.orgUnits,
    icon: <ApartmentOutlined />,
    permission: 'orgUnit.read',
  },
  {
    path: '/users',
    label: (t) => t.nav.users,
    icon: <TeamOutlined />,
    permission: 'user.read',
    group: 'admin',
  },
  {
    path: '/audit',
    label: (t) => t.nav.audit,
    icon: <AuditOutlined />,
    permission: 'audit.read',
    group: 'admin',
  },
  {
    path: '/case-settings',
    label: (t) => t.cases.nav.settings,
    icon: <FieldTimeOutlined />,
    permission: 'caseSettings.manage',
    group: 'admin',
  },
  { path: '/account', label: (t) => t.nav.account, icon: <UserOutlined /> },
];

/** The menu entry of a page: the longest entry path the page's path starts with (`/register/households/x`). */
function selectedPath(pathname: string): NavPath {
  const match = navItems
    .filter((item) => item.path !== '/' && (pathname === item.path || pathname.startsWith(`${item.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)
    .at(0);
  return match?.path ?? '/';
}

function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const { can } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items: NonNullable<MenuProps['items']> = [];
  const allowed = (entry: NavItem) =>
    !entry.permission ||
    (typeof entry.permission === 'string' ? can(entry.permission) : entry.permission.some((p) => can(p)));
  for (const item of navItems.filter(allowed)) {
    const entry = { key: item.path, icon: item.icon, label: item.label(t) };
    if (!item.group) {
      items.push(entry);
      continue;
    }
    // The first entry of a group opens it; the others join it.
    const group = items.find((existing) => existing?.key === `group:${item.group}`);
    if (group && 'children' in group && group.children) group.children.push(entry);
    else
      items.push({
        type: 'group',
        key: `group:${item.group}`,
        label: t.nav.groups[item.group],
        children: [entry],
      });
  }
  return (
    <nav aria-label={t.nav.menu}>
      <Menu
        mode="inline"
        selectedKeys={[selectedPath(pathname)]}
        items={items}
        onClick={({ key }) => {
          onNavigate?.();
          void navigate({ to: key as NavPath });
        }}
      />
    </nav>
  );
}

function Brand({ collapsed = false }: { collapsed?: boolean }) {
  const t = useT();
  return (
    <div className={collapsed ? 'brand brand-collapsed' : 'brand'}>
      <span className="brand-name">{t.app.name}</span>
      {!collapsed && <span className="brand-subtitle">{t.app.subtitle}</span>}
    </div>
  );
}

/**
 * The signed-in frame. Wide screens: collapsible side menu, switchers in the header. Phones (< 768 px): the menu
 * and the switchers move into a drawer so the header keeps only the menu button, the name and the user menu.
 */
export function AppLayout({ children }: { children: ReactNode }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.md;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <Layout className="app-layout">
      {!mobile && (
        <Layout.Sider
          theme="light"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          width={248}
          className="app-sider"
        >
          <Brand collapsed={collapsed} />
          <NavMenu />
        </Layout.Sider>
      )}
      {mobile && (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={300}
          title={<Brand />}
          className="app-drawer"
        >
          <NavMenu onNavigate={() => setDrawerOpen(false)} />
          <div className="drawer-controls">
            <WorkingUnitSelect stacked />
            <LanguageSwitch stacked />
          </div>
        </Drawer>
      )}
      <Layout>
        <Layout.Header className="app-header">
          {mobile && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t.nav.openMenu}
              onClick={() => setDrawerOpen(true)}
            />
          )}
          {mobile && (
            <Typography.Text strong className="header-app-name">
              {t.app.name}
            </Typography.Text>
          )}
          <div className="header-spacer" />
          {!mobile && <WorkingUnitSelect />}
          {!mobile && <LanguageSwitch />}
          <UserMenu compact={mobile} />
        </Layout.Header>
        <Layout.Content className="app-content">
          <main>{children}</main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
