import type { AuditAction } from '@treem/shared';
import { useId, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type AuditEvent } from '@treem/shared';
import { call } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { formatInstant } from '../../i18n/format.ts';
import {
  Card,
  Col,
  DataTable,
  FieldFrame,
  Flex,
  Input,
  Page,
  Row,
  Typography,
  type DataColumns,
} from '../../ui/index.ts';

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return null;
  return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
}

/** The audit trail within the reader's scope, newest first. */
export function AuditPage() {
  const t = useT();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [entityType, setEntityType] = useState<string | undefined>();
  const [entityId, setEntityId] = useState<string | undefined>();
  const typeId = useId();
  const idId = useId();
  const query = { entityType, entityId, page, pageSize };
  const events = useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => call(api.audit.list, { query, signal }),
    placeholderData: keepPreviousData,
  });

  const columns: DataColumns<AuditEvent> = [
    { key: 'at', title: t.audit.at, render: (_, event) => formatInstant(event.at) },
    { key: 'actor', title: t.audit.actor, render: (_, event) => event.actorUsername ?? t.audit.system },
    {
      key: 'action',
      title: t.audit.action,
      // Events written by an older release may carry an action this catalogue no longer names.
      render: (_, event) =>
        event.action in t.audit.actions ? (
          t.audit.actions[event.action as AuditAction]
        ) : (
          <code>{event.action}</code>
        ),
    },
    { key: 'entityType', title: t.audit.entityType, dataIndex: 'entityType' },
    {
      key: 'entityId',
      title: t.audit.entityId,
      render: (_, event) =>
        event.entityId ? <Typography.Text copyable>{event.entityId}</Typography.Text> : null,
    },
    { key: 'reason', title: t.audit.reason, render: (_, event) => event.reason ?? '' },
  ];

  return (
    <Page title={t.audit.title}>
      <Card>
        <Flex gap="middle" wrap>
          <div className="filter-field">
            <FieldFrame id={typeId} label={t.audit.entityType}>
              <Input.Search
                id={typeId}
                allowClear
                enterButton={t.common.search}
                onSearch={(value) => {
                  setPage(1);
                  setEntityType(value.trim() || undefined);
                }}
              />
            </FieldFrame>
          </div>
          <div className="filter-field">
            <FieldFrame id={idId} label={t.audit.entityId}>
              <Input.Search
                id={idId}
                allowClear
                enterButton={t.common.search}
                onSearch={(value) => {
                  setPage(1);
                  setEntityId(value.trim() || undefined);
                }}
              />
            </FieldFrame>
          </div>
        </Flex>
      </Card>
      <DataTable<AuditEvent>
        label={t.audit.title}
        columns={columns}
        data={events.data}
        rowKey={(event) => event.seq}
        loading={events.isFetching}
        error={events.error}
        onRetry={() => void events.refetch()}
        onPageChange={(next, size) => {
          setPage(next);
          setPageSize(size);
        }}
        emptyText={t.audit.noEvents}
        expandable={{
          rowExpandable: (event) => event.before !== null || event.after !== null,
          expandedRowRender: (event) => (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Typography.Text strong>{t.audit.before}</Typography.Text>
                <Json value={event.before} />
              </Col>
              <Col xs={24} md={12}>
                <Typography.Text strong>{t.audit.after}</Typography.Text>
                <Json value={event.after} />
              </Col>
            </Row>
          ),
        }}
      />
    </Page>
  );
}
