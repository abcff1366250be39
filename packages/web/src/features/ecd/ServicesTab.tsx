import { useEffect, useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import {
  api,
  ecdDomainCodes,
  ServiceContactInput,
  todayInVietnam,
  type EcdDomainCode,
  type PersonDetail,
  type ServiceContact,
} from '@treem/shared';
import type { z } from 'zod';
import { call } from '../../api/client.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatDate } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/vi.ts';
import {
  AppForm,
  Button,
  Card,
  DataTable,
  DateField,
  ErrorAlert,
  FieldFrame,
  Flex,
  FormActions,
  Loading,
  Select,
  SelectField,
  SidePanel,
  SubmitButton,
  Tag,
  TextAreaField,
  TextField,
  useNotify,
  type DataColumns,
  type Option,
} from '../../ui/index.ts';
import { useServerErrors } from '../../ui/serverErrors.ts';
import { ChildReferralsSection } from '../cases/ChildReferralsSection.tsx';
import { useHousehold } from '../register/queries.ts';
import { ecdDomainName, serviceName, serviceOf, serviceOptions } from './catalogue.ts';
import { DeleteWithReasonDialog } from './DeleteWithReasonDialog.tsx';
import { useInvalidateChild, useServiceContacts } from './queries.ts';

type Values = z.input<typeof ServiceContactInput>;
type Output = z.output<typeof ServiceContactInput>;

const domainColour: Record<EcdDomainCode, string> = {
  health: 'blue',
  education: 'purple',
  nutrition: 'green',
  care: 'magenta',
  protection: 'red',
  social_welfare: 'gold',
};

/**
 * Who can attend a caregiver service for the child: the parents and caregiver named on the record, then the
 * household's other adults. Each is named with their tie to the child, so the right person is easy to pick.
 */
function useCaregiverOptions(person: PersonDetail, t: Messages): Option[] {
  const household = useHousehold(person.householdId ?? undefined);
  const options = new Map<string, Option>();
  const add = (id: string, label: string) => {
    if (id !== person.id && !options.has(id)) options.set(id, { value: id, label });
  };
  if (person.mother) add(person.mother.id, `${person.mother.fullName} (${t.register.person.mother})`);
  if (person.father) add(person.father.id, `${person.father.fullName} (${t.register.person.father})`);
  if (person.caregiver)
    add(person.caregiver.id, `${person.caregiver.fullName} (${t.register.person.caregiver})`);
  for (const member of household.data?.members ?? []) {
    if (member.status !== 'active' || member.age < 16) continue;
    const tie = member.relationshipToHead
      ? t.relationships[member.relationshipToHead]
      : t.ecd.services.householdMember;
    add(member.id, `${member.fullName} (${tie})`);
  }
  return [...options.values()];
}

function ServiceForm({ person, onDone }: { person: PersonDetail; onDone: () => void }) {
  const { t, language } = useI18n();
  const notify = useNotify();
  const invalidateChild = useInvalidateChild();
  const domainId = useId();
  const [domain, setDomain] = useState<EcdDomainCode | null>(null);
  const caregivers = useCaregiverOptions(person, t);
  const form = useForm<Values, unknown, Output>({
    resolver: zodResolver(ServiceContactInput),
    defaultValues: {
      serviceCode: undefined,
      receivedOn: todayInVietnam(),
      caregiverPersonId: null,
      provider: null,
      outcome: null,
    },
  });
  const serviceCode = useWatch({ control: form.control, name: 'serviceCode' });
  const service = serviceCode ? serviceOf(serviceCode) : undefined;
  const forCaregiver = service?.audience === 'caregiver';
  const firstCaregiver = person.caregiver?.id ?? person.mother?.id ?? person.father?.id ?? null;

  useEffect(() => {
    if (!forCaregiver) form.setValue('caregiverPersonId', null);
    else if (!form.getValues('caregiverPersonId') && firstCaregiver)
      form.setValue('caregiverPersonId', firstCaregiver);
  }, [forCaregiver, firstCaregiver, form]);

  const applyErrors = useServerErrors(
    form.setError,
    ['serviceCode', 'receivedOn', 'caregiverPersonId', 'provider', 'outcome'],
    { INVALID_REFERENCE: 'caregiverPersonId' },
  );
  const save = useMutation({
    mutationFn: (body: Output) => call(api.ecd.createService, { params: { id: person.id }, body }),
    onSuccess: async () => {
      notify.success(t.ecd.services.created);
      await invalidateChild(person.id);
      onDone();
    },
    onError: (error) => applyErrors(error),
  });

  return (
    <AppForm label={t.ecd.services.addTitle} onSubmit={form.handleSubmit((body) => save.mutate(body))}>
      <FieldFrame id={domainId} label={t.ecd.services.domain} hint={t.ecd.services.domainHint}>
        <Select
          id={domainId}
          value={domain ?? ''}
          onChange={(next: string) => {
            const chosen = ecdDomainCodes.find((code) => code === next) ?? null;
            setDomain(chosen);
            if (chosen && service && service.domain !== chosen)
              form.setValue('serviceCode', undefined as never);
          }}
          options={[
            { value: '', label: t.common.all },
            ...ecdDomainCodes.map((code) => ({ value: code, label: ecdDomainName(code, language) })),
          ]}
        />
      </FieldFrame>
      <SelectField
        key={domain ?? 'all'}
        control={form.control}
        name="serviceCode"
        label={t.ecd.services.service}
        options={serviceOptions(language, domain)}
      />
      <DateField
        control={form.control}
        name="receivedOn"
        label={t.ecd.services.receivedOn}
        notAfter={todayInVietnam()}
      />
      {forCaregiver && (
        <SelectField
          control={form.control}
          name="caregiverPersonId"
          label={t.ecd.services.caregiver}
          hint={caregivers.length === 0 ? t.ecd.services.noCaregivers : t.ecd.services.caregiverHint}
          options={caregivers}
          allowClear
        />
      )}
      <TextField
        control={form.control}
        name="provider"
        label={t.ecd.services.provider}
        hint={t.ecd.services.providerHint}
        emptyAs="null"
      />
      <TextAreaField
        control={form.control}
        name="outcome"
        label={t.ecd.services.outcome}
        hint={t.common.optional}
      />
      <ErrorAlert error={save.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={save.isPending}>{t.common.save}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

/** Services: every early-childhood service the child (or their caregiver, for the child) received, by domain. */
export function ServicesTab({ person }: { person: PersonDetail }) {
  const { t, language } = useI18n();
  const { can } = useSession();
  const list = useServiceContacts(person.id);
  const invalidateChild = useInvalidateChild();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<ServiceContact | null>(null);
  const writable = can('ecd.write') && person.status === 'active';

  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;

  const columns: DataColumns<ServiceContact> = [
    { key: 'receivedOn', title: t.ecd.services.receivedOn, render: (_, s) => formatDate(s.receivedOn) },
    { key: 'service', title: t.ecd.services.service, render: (_, s) => serviceName(s.serviceCode, language) },
    {
      key: 'domain',
      title: t.ecd.services.domain,
      render: (_, s) => <Tag color={domainColour[s.domain]}>{ecdDomainName(s.domain, language)}</Tag>,
    },
    { key: 'caregiver', title: t.ecd.services.caregiver, render: (_, s) => s.caregiverName ?? '' },
    {
      key: 'provider',
      title: t.ecd.services.provider,
      responsive: ['md'],
      render: (_, s) => s.provider ?? '',
    },
    {
      key: 'outcome',
      title: t.ecd.services.outcome,
      responsive: ['lg'],
      render: (_, s) => <span className="wrap-cell">{s.outcome ?? ''}</span>,
    },
    ...(writable
      ? [
          {
            key: 'actions',
            title: t.common.actions,
            render: (_: unknown, s: ServiceContact) => (
              <Button
                size="small"
                type="link"
                danger
                aria-label={`${t.ecd.remove.button}: ${serviceName(s.serviceCode, language)} ${formatDate(s.receivedOn)}`}
                onClick={() => setRemoving(s)}
              >
                {t.ecd.remove.button}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap="middle">
      <Card
        title={t.ecd.services.title}
        extra={
          writable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t.ecd.services.add}
            </Button>
          ) : undefined
        }
      >
        <DataTable<ServiceContact>
          label={t.ecd.services.title}
          columns={columns}
          data={list.data.items}
          rowKey={(s) => s.id}
          loading={list.isFetching}
          emptyText={t.ecd.services.empty}
        />
        <SidePanel
          open={adding}
          title={format(t.ecd.services.addTitleFor, { name: person.fullName })}
          onClose={() => setAdding(false)}
        >
          {adding && <ServiceForm person={person} onDone={() => setAdding(false)} />}
        </SidePanel>
        <DeleteWithReasonDialog
          open={removing !== null}
          title={t.ecd.services.removeTitle}
          description={
            removing
              ? format(t.ecd.services.removeQuestion, {
                  service: serviceName(removing.serviceCode, language),
                  date: formatDate(removing.receivedOn),
                })
              : ''
          }
          done={t.ecd.services.removed}
          onClose={() => setRemoving(null)}
          onDelete={async (reason) => {
            if (!removing) return;
            await call(api.ecd.deleteService, { params: { id: removing.id }, body: { reason } });
            await invalidateChild(person.id);
          }}
        />
      </Card>
      <ChildReferralsSection person={person} />
    </Flex>
  );
}
