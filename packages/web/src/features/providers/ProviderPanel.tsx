import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import {
  api,
  ProviderCoverageInput,
  ProviderDeactivate,
  type ProviderDetail,
  type ProviderMember,
} from '@treem/shared';
import type { z } from 'zod';
import { isApiError } from '../../api/ApiError.ts';
import { call } from '../../api/client.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { issueText } from '../../i18n/errorText.ts';
import { format, formatInstant } from '../../i18n/format.ts';
import {
  Alert,
  AppForm,
  Button,
  ConfirmButton,
  Descriptions,
  Dialog,
  ErrorAlert,
  FieldFrame,
  Flex,
  FormActions,
  List,
  Loading,
  Select,
  SidePanel,
  SubmitButton,
  Tag,
  TextAreaField,
  Typography,
  useNotify,
} from '../../ui/index.ts';
import { useServerErrors } from '../../ui/serverErrors.ts';
import { ecdDomainName } from '../ecd/catalogue.ts';
import { OrgUnitPickerField } from '../orgUnits/OrgUnitPicker.tsx';
import { useUserList } from '../users/queries.ts';
import { domainColour, levelName, referralServiceName, sectorName, telHref } from './catalogue.ts';
import { ProviderForm } from './ProviderForm.tsx';
import { useInvalidateProviders, useProvider } from './queries.ts';

type Mode = 'view' | 'edit' | 'coverage' | 'members';

function Phone({ value }: { value: string | null }) {
  return value ? <a href={telHref(value)}>{value}</a> : null;
}

function ProviderView({ provider }: { provider: ProviderDetail }) {
  const { t, language } = useI18n();
  const f = t.providers.fields;
  return (
    <Flex vertical gap="middle">
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={f.status}>
          {provider.active ? (
            <Tag color="green">{t.providers.statuses.active}</Tag>
          ) : (
            <Tag>{t.providers.statuses.inactive}</Tag>
          )}
          {provider.open24Hours && <Tag color="blue">{t.providers.open24Hours}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={f.sector}>{sectorName(provider.sector, language)}</Descriptions.Item>
        <Descriptions.Item label={f.level}>{levelName(provider.level, language)}</Descriptions.Item>
        <Descriptions.Item label={f.ownerUnit}>{provider.ownerUnit.fullName}</Descriptions.Item>
        <Descriptions.Item label={f.address}>{provider.address ?? ''}</Descriptions.Item>
        <Descriptions.Item label={f.phone}>
          <Phone value={provider.phone} />
        </Descriptions.Item>
        <Descriptions.Item label={f.email}>
          {provider.email ? <a href={`mailto:${provider.email}`}>{provider.email}</a> : ''}
        </Descriptions.Item>
        <Descriptions.Item label={f.contactPerson}>
          <Flex gap="small" wrap>
            <span>{provider.contactPerson ?? ''}</span>
            <Phone value={provider.contactPhone} />
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={f.openingHours}>{provider.openingHours ?? ''}</Descriptions.Item>
        <Descriptions.Item label={f.domains}>
          <Flex gap="small" wrap>
            {provider.domains.map((domain) => (
              <Tag key={domain} color={domainColour[domain]}>
                {ecdDomainName(domain, language)}
              </Tag>
            ))}
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={f.services}>
          <ul className="provider-list">
            {provider.services.map((code) => (
              <li key={code}>{referralServiceName(code, language)}</li>
            ))}
          </ul>
        </Descriptions.Item>
        <Descriptions.Item label={f.coverage}>
          <Flex gap="small" wrap>
            {provider.coverage.map((unit) => (
              <Tag key={unit.id}>{`${unit.fullName} · ${t.orgLevels[unit.level]}`}</Tag>
            ))}
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={f.notes}>
          <span className="provider-wrap">{provider.notes ?? ''}</span>
        </Descriptions.Item>
        <Descriptions.Item label={f.updatedAt}>{formatInstant(provider.updatedAt)}</Descriptions.Item>
      </Descriptions>
      <div>
        <Typography.Title level={3} className="section-title">
          {f.members}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{f.membersHint}</Typography.Paragraph>
        <List<ProviderMember>
          size="small"
          bordered
          dataSource={provider.members}
          locale={{ emptyText: t.providers.noMembers }}
          renderItem={(member) => (
            <List.Item>
              <List.Item.Meta
                title={member.fullName}
                description={`${member.username} · ${t.roles[member.role]}${
                  member.status === 'active' ? '' : ` · ${t.userStatuses[member.status]}`
                }`}
              />
            </List.Item>
          )}
        />
      </div>
    </Flex>
  );
}

type CoverageValues = z.input<typeof ProviderCoverageInput>;

function CoverageForm({ provider, onDone }: { provider: ProviderDetail; onDone: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const invalidate = useInvalidateProviders();
  const form = useForm<CoverageValues, unknown, z.output<typeof ProviderCoverageInput>>({
    resolver: zodResolver(ProviderCoverageInput),
    defaultValues: { unitIds: provider.coverage.map((unit) => unit.id) },
  });
  const applyErrors = useServerErrors(form.setError, ['unitIds']);
  const save = useMutation({
    mutationFn: (body: z.output<typeof ProviderCoverageInput>) =>
      call(api.providers.setCoverage, { params: { id: provider.id }, body }),
    onSuccess: async () => {
      notify.success(t.providers.coverageSaved);
      await invalidate();
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm label={t.providers.editCoverage} onSubmit={form.handleSubmit((body) => save.mutate(body))}>
      <OrgUnitPickerField
        control={form.control}
        name="unitIds"
        label={t.providers.fields.coverage}
        hint={t.providers.fields.coverageEditHint}
        allowedLevels={['province', 'commune', 'village']}
        known={provider.coverage}
        multiple
      />
      <ErrorAlert error={save.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={save.isPending}>{t.common.save}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

/**
 * Who acts for the provider in treem. Users are found among the accounts the caller administers (`user.read`);
 * members added by someone else stay listed by name even when the caller cannot look them up.
 */
function MembersForm({ provider, onDone }: { provider: ProviderDetail; onDone: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const invalidate = useInvalidateProviders();
  const pickerId = useId();
  const [members, setMembers] = useState<{ userId: string; label: string }[]>(() =>
    provider.members.map((m) => ({ userId: m.userId, label: `${m.fullName} (${m.username})` })),
  );
  const [search, setSearch] = useState('');
  const users = useUserList({ search: search || undefined, status: 'active', page: 1, pageSize: 50 });
  const chosen = new Set(members.map((m) => m.userId));
  const save = useMutation({
    mutationFn: () =>
      call(api.providers.setMembers, {
        params: { id: provider.id },
        body: { userIds: members.map((m) => m.userId) },
      }),
    onSuccess: async () => {
      notify.success(t.providers.membersSaved);
      await invalidate();
      onDone();
    },
  });
  return (
    <AppForm label={t.providers.editMembers} onSubmit={() => save.mutate()}>
      <FieldFrame id={pickerId} label={t.providers.addMember} hint={t.providers.fields.membersHint}>
        <Select
          id={pickerId}
          showSearch={{ filterOption: false, onSearch: (value) => setSearch(value.trim()) }}
          value={null}
          placeholder={t.providers.memberSearch}
          loading={users.isFetching}
          notFoundContent={t.common.empty}
          options={(users.data?.items ?? [])
            .filter((user) => !chosen.has(user.id))
            .map((user) => ({
              value: user.id,
              label: `${user.fullName} (${user.username}) · ${t.roles[user.role]}`,
            }))}
          onChange={(userId: string) => {
            const user = users.data?.items.find((u) => u.id === userId);
            if (user)
              setMembers((previous) => [
                ...previous,
                { userId, label: `${user.fullName} (${user.username})` },
              ]);
          }}
        />
      </FieldFrame>
      {members.length === 0 ? (
        <Typography.Paragraph type="secondary">{t.providers.noMembers}</Typography.Paragraph>
      ) : (
        <Flex gap="small" wrap aria-label={t.providers.fields.members} className="member-tags">
          {members.map((member) => (
            <Tag
              key={member.userId}
              closable
              closeIcon
              aria-label={format(t.providers.removeMember, { name: member.label })}
              onClose={() => setMembers((previous) => previous.filter((m) => m.userId !== member.userId))}
            >
              {member.label}
            </Tag>
          ))}
        </Flex>
      )}
      <ErrorAlert error={save.error} />
      {isApiError(save.error) && save.error.issues.length > 0 && (
        <ul className="provider-list member-problems">
          {save.error.issues.map((issue) => {
            const member = members[Number(issue.path.split('.')[2])];
            return (
              <li key={issue.path}>
                <Typography.Text type="danger">
                  {member ? `${member.label}: ` : ''}
                  {issueText(issue.code, t)}
                </Typography.Text>
              </li>
            );
          })}
        </ul>
      )}
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={save.isPending}>{t.common.save}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

type DeactivateValues = z.input<typeof ProviderDeactivate>;

function DeactivateDialog({
  provider,
  open,
  onClose,
}: {
  provider: ProviderDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const notify = useNotify();
  const invalidate = useInvalidateProviders();
  const form = useForm<DeactivateValues, unknown, z.output<typeof ProviderDeactivate>>({
    resolver: zodResolver(ProviderDeactivate),
    defaultValues: { reason: '' },
  });
  const applyErrors = useServerErrors(form.setError, ['reason']);
  const deactivate = useMutation({
    mutationFn: (body: z.output<typeof ProviderDeactivate>) =>
      call(api.providers.deactivate, { params: { id: provider.id }, body }),
    onSuccess: async () => {
      notify.success(t.providers.deactivated);
      await invalidate();
      onClose();
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <Dialog open={open} title={t.providers.deactivateTitle} onClose={onClose}>
      <AppForm
        label={t.providers.deactivateTitle}
        onSubmit={form.handleSubmit((body) => deactivate.mutate(body))}
      >
        <Typography.Paragraph>
          {format(t.providers.deactivateQuestion, { name: provider.name })}
        </Typography.Paragraph>
        <TextAreaField
          control={form.control}
          name="reason"
          label={t.providers.deactivateReason}
          hint={t.providers.deactivateHint}
        />
        <ErrorAlert error={deactivate.error} />
        <FormActions>
          <Button onClick={onClose}>{t.common.cancel}</Button>
          <SubmitButton danger loading={deactivate.isPending}>
            {t.providers.deactivate}
          </SubmitButton>
        </FormActions>
      </AppForm>
    </Dialog>
  );
}

function ProviderActions({ provider, onMode }: { provider: ProviderDetail; onMode: (mode: Mode) => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const notify = useNotify();
  const invalidate = useInvalidateProviders();
  const [deactivating, setDeactivating] = useState(false);
  const reactivate = useMutation({
    mutationFn: () => call(api.providers.reactivate, { params: { id: provider.id } }),
    onSuccess: async () => {
      notify.success(t.providers.reactivated);
      await invalidate();
    },
  });
  if (!provider.editable)
    return (
      <Alert
        type="info"
        showIcon
        title={format(t.providers.readOnly, { unit: provider.ownerUnit.fullName })}
      />
    );
  return (
    <Flex vertical gap="small">
      <Flex gap="small" wrap>
        <Button type="primary" onClick={() => onMode('edit')}>
          {t.providers.edit}
        </Button>
        <Button onClick={() => onMode('coverage')}>{t.providers.editCoverage}</Button>
        {can('user.read') && <Button onClick={() => onMode('members')}>{t.providers.editMembers}</Button>}
        {provider.active ? (
          <Button danger onClick={() => setDeactivating(true)}>
            {t.providers.deactivate}
          </Button>
        ) : (
          <ConfirmButton
            question={format(t.providers.reactivateQuestion, { name: provider.name })}
            onConfirm={() => reactivate.mutateAsync()}
            loading={reactivate.isPending}
          >
            {t.providers.reactivate}
          </ConfirmButton>
        )}
      </Flex>
      <ErrorAlert error={reactivate.error} />
      <DeactivateDialog provider={provider} open={deactivating} onClose={() => setDeactivating(false)} />
    </Flex>
  );
}

function PanelBody({ id }: { id: string }) {
  const { t } = useI18n();
  const detail = useProvider(id);
  const [mode, setMode] = useState<Mode>('view');
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const provider = detail.data;
  const back = () => setMode('view');
  switch (mode) {
    case 'edit':
      return <ProviderForm provider={provider} onDone={back} />;
    case 'coverage':
      return <CoverageForm provider={provider} onDone={back} />;
    case 'members':
      return <MembersForm provider={provider} onDone={back} />;
    case 'view':
      return (
        <Flex vertical gap="middle">
          <ProviderActions provider={provider} onMode={setMode} />
          {!provider.active && provider.deactivatedAt && (
            <Alert
              type="warning"
              showIcon
              title={format(t.providers.inactiveSince, { date: formatInstant(provider.deactivatedAt) })}
            />
          )}
          <ProviderView provider={provider} />
        </Flex>
      );
  }
}

/** One provider in a side panel: its details, and for those who keep it, its forms and deactivation. */
export function ProviderPanel({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const detail = useProvider(id);
  return (
    <SidePanel open={Boolean(id)} title={detail.data?.name ?? t.providers.detailTitle} onClose={onClose}>
      {id && <PanelBody key={id} id={id} />}
    </SidePanel>
  );
}
