import { useState } from 'react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { PlusOutlined } from '@ant-design/icons';
import type { HouseholdDetail, PersonListItem } from '@treem/shared';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatDate } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/vi.ts';
import {
  Button,
  Card,
  DataTable,
  Descriptions,
  Dialog,
  ErrorAlert,
  Loading,
  Page,
  SidePanel,
  Typography,
  type DataColumns,
} from '../../ui/index.ts';
import { CircumstanceTags, FlagTags, HouseholdStatusTag, PersonStatusTag, PovertyTag } from './display.tsx';
import { VillageBookButton } from './FileButtons.tsx';
import { HouseholdEditForm, HouseholdMoveForm } from './HouseholdForm.tsx';
import { PersonForm } from './PersonForm.tsx';
import { formatBirthDate } from './personForm.ts';
import { useHousehold } from './queries.ts';

const route = getRouteApi('/app/register/households/$id');

type Panel = 'edit' | 'move' | 'addChild' | 'addAdult' | null;

export function householdTitle(
  household: Pick<HouseholdDetail, 'headName' | 'address'>,
  t: Messages,
): string {
  return household.headName
    ? format(t.register.household.titleWithHead, { name: household.headName })
    : format(t.register.household.titleWithoutHead, { address: household.address });
}

type Move = HouseholdDetail['moves'][number];

/** One household: its facts, its members (children first in the register's sense), its moves, and what to do next. */
export function HouseholdPage() {
  const { t, formatNumber } = useI18n();
  const { id } = route.useParams();
  const { can } = useSession();
  const household = useHousehold(id);
  const [panel, setPanel] = useState<Panel>(null);
  const close = () => setPanel(null);

  if (household.isPending) return <Loading />;
  if (household.isError) {
    return (
      <Page title={t.register.household.listTitle}>
        <ErrorAlert error={household.error} onRetry={() => void household.refetch()} />
      </Page>
    );
  }
  const data = household.data;
  const title = householdTitle(data, t);
  const writable = can('register.write') && data.status === 'active';

  const memberColumns: DataColumns<PersonListItem> = [
    {
      key: 'name',
      title: t.register.columns.fullName,
      render: (_, person) => (
        <div className="unit-name-cell">
          <Link to="/register/persons/$id" params={{ id: person.id }}>
            {person.fullName}
          </Link>
          <span className="tag-group">
            <PersonStatusTag status={person.status} hideActive />
          </span>
        </div>
      ),
    },
    {
      key: 'relationship',
      title: t.register.columns.relationship,
      render: (_, person) => (person.relationshipToHead ? t.relationships[person.relationshipToHead] : ''),
    },
    { key: 'sex', title: t.register.columns.sex, render: (_, person) => t.sexes[person.sex] },
    {
      key: 'birthDate',
      title: t.register.columns.birthDate,
      render: (_, person) => formatBirthDate(person.birthDate, person.birthDatePrecision),
    },
    {
      key: 'age',
      title: t.register.columns.age,
      align: 'right',
      render: (_, person) => formatNumber(person.age),
    },
    {
      key: 'personalId',
      title: t.register.columns.personalId,
      render: (_, person) =>
        person.personalId ?? <Typography.Text type="secondary">{t.register.noPersonalId}</Typography.Text>,
    },
    {
      key: 'circumstances',
      title: t.register.columns.circumstances,
      render: (_, person) => <CircumstanceTags circumstances={person.circumstances} />,
    },
    {
      key: 'flags',
      title: t.register.columns.flags,
      render: (_, person) => <FlagTags codes={person.flagCodes} />,
    },
  ];

  const moveColumns: DataColumns<Move> = [
    { key: 'date', title: t.register.household.moveDate, render: (_, move) => formatDate(move.moveDate) },
    { key: 'from', title: t.register.household.moveFrom, render: (_, move) => move.fromVillageName ?? '' },
    { key: 'to', title: t.register.household.moveTo, render: (_, move) => move.toVillageName ?? '' },
    { key: 'reason', title: t.register.household.reason, render: (_, move) => move.reason ?? '' },
  ];

  return (
    <Page
      title={title}
      breadcrumbs={[
        <Link key="register" to="/register">
          {t.register.title}
        </Link>,
        <Link key="households" to="/register/households" search={{ unit: data.villageId }}>
          {data.villageName}
        </Link>,
      ]}
      extra={
        <>
          {writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPanel('addChild')}>
              {t.register.household.addChild}
            </Button>
          )}
          {writable && <Button onClick={() => setPanel('addAdult')}>{t.register.household.addAdult}</Button>}
          {writable && <Button onClick={() => setPanel('edit')}>{t.register.household.edit}</Button>}
          {writable && <Button onClick={() => setPanel('move')}>{t.register.household.move}</Button>}
          {can('register.export') && (
            <VillageBookButton village={{ id: data.villageId, name: data.villageName }} />
          )}
        </>
      }
    >
      <Card>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'head',
              label: t.register.household.head,
              children: data.headName ?? t.register.household.noHead,
            },
            { key: 'bookNumber', label: t.register.household.bookNumber, children: data.bookNumber ?? '' },
            { key: 'address', label: t.register.household.address, children: data.address },
            { key: 'village', label: t.register.household.village, children: data.villageName },
            { key: 'commune', label: t.register.household.commune, children: data.communeName },
            {
              key: 'poverty',
              label: t.register.household.povertyStatus,
              children:
                data.povertyStatus === 'none' ? (
                  t.povertyStatuses.none
                ) : (
                  <PovertyTag status={data.povertyStatus} year={data.povertyYear} />
                ),
            },
            { key: 'phone', label: t.register.household.phone, children: data.phone ?? '' },
            {
              key: 'status',
              label: t.register.household.status,
              children: <HouseholdStatusTag status={data.status} />,
            },
            ...(data.notes
              ? [{ key: 'notes', label: t.register.household.notes, children: data.notes }]
              : []),
          ]}
        />
      </Card>
      <Card title={`${t.register.household.members} (${formatNumber(data.members.length)})`}>
        <DataTable<PersonListItem>
          label={t.register.household.members}
          columns={memberColumns}
          data={data.members}
          rowKey={(person) => person.id}
          emptyText={t.register.household.noMembers}
        />
      </Card>
      <Card title={t.register.household.moves}>
        <DataTable<Move>
          label={t.register.household.moves}
          columns={moveColumns}
          data={data.moves}
          rowKey={(move) => `${move.moveDate}-${move.toVillageName ?? ''}-${move.reason ?? ''}`}
          emptyText={t.register.household.noMoves}
        />
      </Card>
      <SidePanel open={panel === 'edit'} title={t.register.household.editTitle} onClose={close}>
        {panel === 'edit' && <HouseholdEditForm household={data} onDone={close} />}
      </SidePanel>
      <Dialog open={panel === 'move'} title={t.register.household.moveTitle} onClose={close}>
        {panel === 'move' && <HouseholdMoveForm household={data} onDone={close} />}
      </Dialog>
      <SidePanel
        open={panel === 'addChild' || panel === 'addAdult'}
        title={panel === 'addChild' ? t.register.person.createChildTitle : t.register.person.createTitle}
        onClose={close}
      >
        {(panel === 'addChild' || panel === 'addAdult') && (
          <PersonForm
            key={panel}
            place={{ householdId: data.id }}
            household={data}
            defaults={{ relationshipToHead: panel === 'addChild' ? 'child' : null }}
            onCancel={close}
            onDone={close}
          />
        )}
      </SidePanel>
    </Page>
  );
}
