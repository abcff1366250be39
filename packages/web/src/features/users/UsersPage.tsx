import { useEffect, useId, useState } from 'react';
import { getRouteApi } from '@tanstack/react-router';
import { Role, roles, type User, UserStatus } from '@treem/shared';
import type { UsersSearch } from '../../app/search.ts';
import { useMe, useSession } from '../../auth/SessionProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { format, formatInstant } from '../../i18n/format.ts';
import {
  Button,
  Card,
  DataTable,
  FieldFrame,
  Flex,
  Input,
  Page,
  Select,
  SidePanel,
  Tag,
  Typography,
  type DataColumns,
} from '../../ui/index.ts';
import { useUserList } from './queries.ts';
import { UserActions } from './UserActions.tsx';
import { UserForm } from './UserForm.tsx';

const route = getRouteApi('/app/users');

type Editing = { kind: 'create' } | { kind: 'edit'; user: User } | null;

export function UsersPage() {
  const t = useT();
  const me = useMe();
  const { can } = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [pageSize, setPageSize] = useState(50);
  const [searchText, setSearchText] = useState(search.q ?? '');
  const [editing, setEditing] = useState<Editing>(null);
  const ids = { search: useId(), role: useId(), status: useId() };
  const manage = can('user.manage');

  useEffect(() => setSearchText(search.q ?? ''), [search.q]);

  const list = useUserList({
    search: search.q,
    role: search.role,
    status: search.status,
    page: search.page ?? 1,
    pageSize,
  });
  const go = (next: Partial<UsersSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, page: undefined, ...next }) });

  const columns: DataColumns<User> = [
    {
      key: 'name',
      title: t.users.fullName,
      render: (_, user) => (
        <div className="unit-name-cell">
          <Typography.Text strong>{user.fullName}</Typography.Text>
          <Typography.Text type="secondary">{user.username}</Typography.Text>
        </div>
      ),
    },
    {
      key: 'role',
      title: t.users.role,
      render: (_, user) => (
        <>
          {t.roles[user.role]}
          {user.sector && <Typography.Text type="secondary"> · {t.sectors[user.sector]}</Typography.Text>}
        </>
      ),
    },
    {
      key: 'scope',
      title: t.users.scope,
      render: (_, user) => user.scope.map((unit) => unit.fullName).join('; '),
    },
    {
      key: 'status',
      title: t.users.status,
      render: (_, user) => (
        <span className="tag-group">
          <Tag color={user.status === 'active' ? 'green' : 'red'}>{t.userStatuses[user.status]}</Tag>
          {user.lockedUntil && new Date(user.lockedUntil) > new Date() && (
            <Tag color="orange">{format(t.users.locked, { until: formatInstant(user.lockedUntil) })}</Tag>
          )}
        </span>
      ),
    },
    { key: 'mfa', title: t.users.mfa, render: (_, user) => (user.mfaEnabled ? t.common.yes : t.common.no) },
    {
      key: 'lastLogin',
      title: t.users.lastLogin,
      render: (_, user) => (user.lastLoginAt ? formatInstant(user.lastLoginAt) : t.users.never),
    },
    ...(manage
      ? [
          {
            key: 'actions',
            title: t.common.actions,
            render: (_: unknown, user: User) =>
              user.id === me.user.id ? (
                <Typography.Text type="secondary">{t.users.self}</Typography.Text>
              ) : (
                <UserActions user={user} onEdit={() => setEditing({ kind: 'edit', user })} />
              ),
          },
        ]
      : []),
  ];

  return (
    <Page
      title={t.users.title}
      extra={
        manage ? (
          <Button type="primary" onClick={() => setEditing({ kind: 'create' })}>
            {t.users.create}
          </Button>
        ) : undefined
      }
    >
      <Card>
        <Flex gap="middle" wrap align="end">
          <div className="grow-field">
            <FieldFrame id={ids.search} label={t.users.search} hint={t.users.searchHint}>
              <Input.Search
                id={ids.search}
                value={searchText}
                onChange={(event) => setSearchText(event.target.value)}
                onSearch={(value) => go({ q: value.trim() || undefined })}
                enterButton={t.common.search}
                allowClear
              />
            </FieldFrame>
          </div>
          <div className="filter-field">
            <FieldFrame id={ids.role} label={t.users.filterRole}>
              <Select
                id={ids.role}
                value={search.role ?? ''}
                onChange={(value: string) => {
                  const role = Role.safeParse(value);
                  go({ role: role.success ? role.data : undefined });
                }}
                options={[
                  { value: '', label: t.common.all },
                  ...roles.map((value) => ({ value, label: t.roles[value] })),
                ]}
                popupMatchSelectWidth={false}
              />
            </FieldFrame>
          </div>
          <div className="filter-field">
            <FieldFrame id={ids.status} label={t.users.filterStatus}>
              <Select
                id={ids.status}
                value={search.status ?? ''}
                onChange={(value: string) => {
                  const status = UserStatus.safeParse(value);
                  go({ status: status.success ? status.data : undefined });
                }}
                options={[
                  { value: '', label: t.common.all },
                  ...UserStatus.options.map((value) => ({ value, label: t.userStatuses[value] })),
                ]}
              />
            </FieldFrame>
          </div>
        </Flex>
      </Card>
      <DataTable<User>
        label={t.users.title}
        columns={columns}
        data={list.data}
        rowKey={(user) => user.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        onPageChange={(page, size) => {
          setPageSize(size);
          void navigate({ search: (previous) => ({ ...previous, page: page > 1 ? page : undefined }) });
        }}
        emptyText={t.users.noUsers}
      />
      <SidePanel
        open={editing !== null}
        title={
          editing?.kind === 'edit'
            ? format(t.users.editTitle, { name: editing.user.fullName })
            : t.users.createTitle
        }
        onClose={() => setEditing(null)}
      >
        {editing && (
          <UserForm
            key={editing.kind === 'edit' ? editing.user.id : 'new'}
            user={editing.kind === 'edit' ? editing.user : undefined}
            onDone={() => setEditing(null)}
          />
        )}
      </SidePanel>
    </Page>
  );
}
