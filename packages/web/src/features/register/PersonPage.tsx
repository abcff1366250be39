import type { ReactNode } from 'react';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { HistoryEntry, PersonDetail, PersonLink } from '@treem/shared';
import type { z } from 'zod';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatDate, formatInstant } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/vi.ts';
import {
  Alert,
  ButtonLink,
  Card,
  DataTable,
  Descriptions,
  ErrorAlert,
  Loading,
  Page,
  Tabs,
  Tag,
  type DataColumns,
} from '../../ui/index.ts';
import {
  OpenCaseTag,
  PersonProtectionTab,
  ReportConcernButton,
  showsProtectionTab,
} from '../cases/PersonCases.tsx';
import { DevelopmentTab, EnrolmentTab, GrowthTab, ImmunizationTab, ServicesTab } from '../ecd/lazy.tsx';
import { CircumstancesPanel } from './CircumstancesPanel.tsx';
import { CircumstanceTags, ethnicityName, FlagTags, PersonStatusTag, yesNoText } from './display.tsx';
import { PersonActions } from './PersonActions.tsx';
import { historyValueText, readHistorySummary } from './historyEntry.ts';
import { formatBirthDate } from './personForm.ts';
import { usePerson, usePersonHistory } from './queries.ts';
import { ecdProfileTabs, profileTabs, type ProfileTab } from './registerSearch.ts';

const route = getRouteApi('/app/register/persons/$id');

function PersonLinkText({ link, empty }: { link: z.infer<typeof PersonLink>; empty: string }) {
  if (!link) return <>{empty}</>;
  return (
    <Link to="/register/persons/$id" params={{ id: link.id }}>
      {link.fullName}
    </Link>
  );
}

function IdentityTab({ person }: { person: PersonDetail }) {
  const { t, formatNumber } = useI18n();
  const unknown = t.register.person.unknown;
  const items: { key: string; label: string; children: ReactNode }[] = [
    { key: 'fullName', label: t.register.person.fullName, children: person.fullName },
    { key: 'sex', label: t.register.person.sex, children: t.sexes[person.sex] },
    {
      key: 'birthDate',
      label: t.register.person.birthDate,
      children: (
        <>
          {formatBirthDate(person.birthDate, person.birthDatePrecision)}
          {person.birthDatePrecision !== 'day' && (
            <Tag className="inline-tag">{t.birthDatePrecisions[person.birthDatePrecision]}</Tag>
          )}
        </>
      ),
    },
    {
      key: 'age',
      label: t.register.person.age,
      children: format(t.register.ageYears, { age: formatNumber(person.age) }),
    },
    {
      key: 'personalId',
      label: t.register.person.personalId,
      children: person.personalId ?? t.register.noPersonalId,
    },
    { key: 'ethnicity', label: t.register.person.ethnicity, children: ethnicityName(person.ethnicityCode) },
    { key: 'nationality', label: t.register.person.nationality, children: person.nationality },
    {
      key: 'birthRegistered',
      label: t.register.person.birthRegistered,
      children: yesNoText(person.birthRegistered, t),
    },
    ...(person.birthRegistered
      ? [
          {
            key: 'birthRegistrationDate',
            label: t.register.person.birthRegistrationDate,
            children: formatDate(person.birthRegistrationDate) || unknown,
          },
          {
            key: 'birthRegistrationPlace',
            label: t.register.person.birthRegistrationPlace,
            children: person.birthRegistrationPlace ?? unknown,
          },
        ]
      : []),
    {
      key: 'disability',
      label: t.register.person.disabilityType,
      children: person.disabilityType
        ? `${t.disabilityTypes[person.disabilityType]}${person.disabilityLevel ? ` · ${t.disabilityLevels[person.disabilityLevel]}` : ''}`
        : t.common.none,
    },
    {
      key: 'school',
      label: t.register.person.schoolLevel,
      children:
        [person.schoolLevel ? t.schoolLevels[person.schoolLevel] : '', person.schoolName ?? '']
          .filter(Boolean)
          .join(' · ') || unknown,
    },
    {
      key: 'insurance',
      label: t.register.person.hasHealthInsurance,
      children: `${yesNoText(person.hasHealthInsurance, t)}${person.healthInsuranceNumber ? ` · ${person.healthInsuranceNumber}` : ''}`,
    },
    { key: 'phone', label: t.register.person.phone, children: person.phone ?? '' },
    ...(person.deathDate
      ? [
          { key: 'deathDate', label: t.register.person.deathDate, children: formatDate(person.deathDate) },
          {
            key: 'deathCause',
            label: t.register.person.deathCause,
            children: person.deathCause ? t.deathCauses[person.deathCause] : unknown,
          },
        ]
      : []),
    { key: 'notes', label: t.register.person.notes, children: person.notes ?? '' },
    { key: 'createdAt', label: t.register.person.createdAt, children: formatInstant(person.createdAt) },
    { key: 'updatedAt', label: t.register.person.updatedAt, children: formatInstant(person.updatedAt) },
  ];
  return (
    <Card>
      <Descriptions column={{ xs: 1, md: 2 }} items={items} />
    </Card>
  );
}

function FamilyTab({ person }: { person: PersonDetail }) {
  const { t } = useI18n();
  const unknown = t.register.person.unknown;
  return (
    <Card>
      <Descriptions
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'household',
            label: t.register.person.household,
            children: person.householdId ? (
              <Link to="/register/households/$id" params={{ id: person.householdId }}>
                {person.householdHeadName
                  ? format(t.register.household.titleWithHead, { name: person.householdHeadName })
                  : t.register.household.open}
              </Link>
            ) : (
              t.register.person.noHousehold
            ),
          },
          {
            key: 'relationship',
            label: t.register.person.relationshipToHead,
            children: person.relationshipToHead ? t.relationships[person.relationshipToHead] : unknown,
          },
          { key: 'village', label: t.register.person.village, children: person.villageName },
          { key: 'commune', label: t.register.person.commune, children: person.communeName },
          {
            key: 'living',
            label: t.register.person.livingArrangement,
            children: person.livingArrangement ? t.livingArrangements[person.livingArrangement] : unknown,
          },
          {
            key: 'mother',
            label: t.register.person.mother,
            children: <PersonLinkText link={person.mother} empty={unknown} />,
          },
          {
            key: 'father',
            label: t.register.person.father,
            children: <PersonLinkText link={person.father} empty={unknown} />,
          },
          {
            key: 'caregiver',
            label: t.register.person.caregiver,
            children: <PersonLinkText link={person.caregiver} empty={unknown} />,
          },
        ]}
      />
    </Card>
  );
}

/** Codes a history entry may carry, by field, named from the catalogue. */
function historyVocabulary(field: string, t: Messages): Record<string, string> | undefined {
  switch (field) {
    case 'sex':
      return t.sexes;
    case 'relationshipToHead':
      return t.relationships;
    case 'livingArrangement':
      return t.livingArrangements;
    case 'disabilityType':
      return t.disabilityTypes;
    case 'disabilityLevel':
      return t.disabilityLevels;
    case 'schoolLevel':
      return t.schoolLevels;
    case 'deathCause':
    case 'cause':
      return t.deathCauses;
    case 'status':
      return t.personStatuses;
    case 'povertyStatus':
      return t.povertyStatuses;
    case 'birthDatePrecision':
      return t.birthDatePrecisions;
    default:
      return undefined;
  }
}

function fieldLabel(field: string, t: Messages): string {
  const named = (t.register.person as Record<string, unknown>)[field];
  return typeof named === 'string' ? named : field;
}

function HistoryDetails({ summary }: { summary: Record<string, unknown> }) {
  const { t } = useI18n();
  const read = readHistorySummary(summary);
  const words = { yes: t.common.yes, no: t.common.no, empty: t.register.history.emptyValue };
  const value = (field: string, raw: unknown) =>
    field === 'ethnicityCode' && typeof raw === 'string'
      ? ethnicityName(raw)
      : historyValueText(raw, words, historyVocabulary(field, t));
  return (
    <ul className="plain-list history-summary">
      {read.changes.map((change) => (
        <li key={change.field}>
          {fieldLabel(change.field, t)}: {value(change.field, change.before)} →{' '}
          {value(change.field, change.after)}
        </li>
      ))}
      {read.reason && (
        <li>
          {t.register.history.reason}: {read.reason}
        </li>
      )}
      {read.fromMergedRecord && <li>{t.register.history.fromMerged}</li>}
      {read.other.map(([key, raw]) => (
        <li key={key}>
          {fieldLabel(key, t)}: {value(key, raw)}
        </li>
      ))}
    </ul>
  );
}

function historyKindText(kind: string, t: Messages): string {
  return kind in t.register.history.kinds
    ? t.register.history.kinds[kind as keyof Messages['register']['history']['kinds']]
    : kind;
}

function HistoryTab({ person }: { person: PersonDetail }) {
  const { t } = useI18n();
  const history = usePersonHistory(person.id, true);
  const columns: DataColumns<HistoryEntry> = [
    { key: 'at', title: t.register.history.at, render: (_, entry) => formatInstant(entry.at) },
    { key: 'kind', title: t.register.history.kind, render: (_, entry) => historyKindText(entry.kind, t) },
    {
      key: 'actor',
      title: t.register.history.actor,
      render: (_, entry) => entry.actorUsername ?? t.register.history.system,
    },
    {
      key: 'details',
      title: t.register.history.details,
      render: (_, entry) => <HistoryDetails summary={entry.summary} />,
    },
  ];
  return (
    <Card>
      <DataTable<HistoryEntry>
        label={t.register.history.title}
        columns={columns}
        data={history.data?.items}
        rowKey={(entry) => `${entry.at}-${entry.kind}`}
        loading={history.isFetching}
        error={history.error}
        onRetry={() => void history.refetch()}
        emptyText={t.register.history.empty}
      />
    </Card>
  );
}

/** A child's (or adult's) profile: identity, family, circumstances and flags, history, and later capabilities. */
export function PersonPage() {
  const { t } = useI18n();
  const { can, me } = useSession();
  const { id } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const person = usePerson(id);

  if (person.isPending) return <Loading />;
  if (person.isError) {
    return (
      <Page title={t.register.title}>
        <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />
      </Page>
    );
  }
  const data = person.data;
  const showEcd = data.isChild && can('ecd.read');
  const visibleTabs = profileTabs.filter(
    (key) =>
      (showEcd || !ecdProfileTabs.includes(key)) &&
      (key !== 'protection' || (data.isChild && showsProtectionTab(me))),
  );
  const tab: ProfileTab = visibleTabs.find((key) => key === search.tab) ?? 'identity';
  const tabContent: Record<ProfileTab, ReactNode> = {
    identity: <IdentityTab person={data} />,
    family: <FamilyTab person={data} />,
    circumstances: <CircumstancesPanel person={data} />,
    growth: <GrowthTab person={data} />,
    immunization: <ImmunizationTab person={data} />,
    development: <DevelopmentTab person={data} />,
    services: <ServicesTab person={data} />,
    enrolment: <EnrolmentTab person={data} />,
    history: <HistoryTab person={data} />,
    protection: <PersonProtectionTab person={data} />,
  };

  return (
    <Page
      title={data.fullName}
      breadcrumbs={[
        <Link key="register" to="/register">
          {t.register.title}
        </Link>,
        ...(data.householdId
          ? [
              <Link key="household" to="/register/households/$id" params={{ id: data.householdId }}>
                {data.householdHeadName
                  ? format(t.register.household.titleWithHead, { name: data.householdHeadName })
                  : t.register.household.open}
              </Link>,
            ]
          : []),
      ]}
      extra={
        <>
          <PersonActions person={data} />
          <ReportConcernButton person={data} />
        </>
      }
    >
      <div className="tag-group">
        <Tag color={data.isChild ? 'blue' : 'default'}>
          {data.isChild ? t.register.person.child : t.register.person.adult}
        </Tag>
        <PersonStatusTag status={data.status} />
        <CircumstanceTags circumstances={data.circumstances} />
        <FlagTags codes={data.flagCodes} />
        <OpenCaseTag person={data} />
      </div>
      {data.status !== 'active' && (
        <Alert
          type="info"
          showIcon
          title={format(t.register.profile.inactive, { status: t.personStatuses[data.status] })}
          action={
            data.mergedIntoId ? (
              <ButtonLink size="small" to="/register/persons/$id" params={{ id: data.mergedIntoId }}>
                {t.register.person.openMerged}
              </ButtonLink>
            ) : undefined
          }
        />
      )}
      {data.personalIdProblems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t.register.profile.personalIdProblems}
          description={
            <ul className="plain-list">
              {data.personalIdProblems.map((problem) => (
                <li key={problem}>
                  {problem in t.personalIdProblems
                    ? t.personalIdProblems[problem as keyof Messages['personalIdProblems']]
                    : problem in t.personRules
                      ? t.personRules[problem as keyof Messages['personRules']]
                      : problem}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          const next = visibleTabs.find((value) => value === key);
          void navigate({
            search: { tab: next && next !== 'identity' ? next : undefined },
            replace: true,
          });
        }}
        items={visibleTabs.map((key) => ({
          key,
          label: t.register.profile.tabs[key],
          children: tab === key ? tabContent[key] : null,
        }))}
      />
    </Page>
  );
}
