import { useMemo, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { SaveOutlined } from '@ant-design/icons';
import {
  api,
  entryFields,
  entryFor,
  entryMessages,
  periodLabel,
  type AggregateForm,
  type AggregateFormRow,
  type AggregateViolation,
  type AggregateEntry,
  type EntryField,
  type IndicatorUnit,
} from '@treem/shared';
import { isApiError } from '../../api/ApiError.ts';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatInstant, type Language } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/vi.ts';
import {
  Alert,
  Button,
  DataTable,
  ErrorAlert,
  Flex,
  Input,
  Tag,
  Typography,
  useNotify,
  type DataColumns,
} from '../../ui/index.ts';
import {
  buildBatch,
  draftOf,
  formatEnteredValue,
  rowState,
  violationsByIndicator,
  type Draft,
  type RowState,
} from './dataEntry.ts';
import { useRefreshForms } from './queries.ts';

interface RowView {
  row: AggregateFormRow;
  entry: AggregateEntry;
  draft: Draft;
  state: RowState;
  /** The server's verdict on the last save, until the row is typed in again. */
  server: readonly AggregateViolation[];
}

/** How a row's value reads: a count of people for an entered count, the indicator's unit otherwise. */
function valueUnit(row: AggregateFormRow, entry: AggregateEntry): IndicatorUnit {
  return entry.fields === 'count' ? 'count' : entryFor(row.indicatorCode)!.indicator.unit;
}

function valueText(value: number | null, unit: IndicatorUnit, t: Messages, language: Language): string {
  if (value === null) return t.aggregate.noValue;
  const number = formatEnteredValue(value, unit, language);
  return unit === 'count' ? number : `${number} ${t.aggregate.valueUnits[unit]}`;
}

function fieldLabel(entry: AggregateEntry, field: EntryField, t: Messages, language: Language): string {
  if (field === 'value') return t.aggregate.valueField;
  const label = field === 'numerator' ? entry.numeratorLabel : entry.denominatorLabel;
  return label ? label[language] : t.aggregate.count;
}

const initialDrafts = (form: AggregateForm, language: Language) =>
  Object.fromEntries(form.rows.map((row) => [row.indicatorCode, draftOf(row, language)]));

/**
 * The entry table of one unit and period: each indicator's inputs, its value computed as one types, last period's
 * value, the shared rules' errors and warnings in the reader's language, and the comment a warning asks for. "Save
 * all" sends the changed rows in one request, which the server saves whole or not at all.
 */
export function EntryTable({ form }: { form: AggregateForm }) {
  const { t, language } = useI18n();
  const notify = useNotify();
  const refresh = useRefreshForms();
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => initialDrafts(form, language));
  const [server, setServer] = useState<Map<string, AggregateViolation[]>>(() => new Map());
  const [attempted, setAttempted] = useState(false);

  const update = (code: string, change: Partial<Draft>) => {
    setDrafts((previous) => ({ ...previous, [code]: { ...previous[code]!, ...change } }));
    setServer((previous) => {
      if (!previous.has(code)) return previous;
      const next = new Map(previous);
      next.delete(code);
      return next;
    });
  };

  const rows = useMemo<RowView[]>(
    () =>
      form.rows.map((row) => {
        const draft = drafts[row.indicatorCode] ?? draftOf(row, language);
        return {
          row,
          entry: entryFor(row.indicatorCode)!.entry,
          draft,
          state: rowState(row, draft, language),
          server: server.get(row.indicatorCode) ?? [],
        };
      }),
    [form.rows, drafts, server, language],
  );
  const editable = rows.some((view) => view.row.editable);
  const blockedCount = rows.filter((view) => view.state.blocked).length;

  const save = useMutation({
    mutationFn: (entries: ReturnType<typeof buildBatch>['entries']) =>
      call(api.aggregate.saveAll, {
        params: { unitId: form.unit.id },
        body: { period: form.period, entries },
      }),
    onSuccess: async (saved, entries) => {
      notify.success(format(t.aggregate.saved, { count: entries.length }));
      setDrafts(initialDrafts(saved, language));
      setAttempted(false);
      await refresh();
    },
    onError: (error) => {
      if (isApiError(error)) setServer(violationsByIndicator(error.details));
    },
  });

  const submit = () => {
    setAttempted(true);
    const batch = buildBatch(form.rows, drafts, language);
    if (batch.blocked.length > 0) return;
    if (batch.entries.length === 0) {
      notify.info(t.aggregate.nothingToSave);
      return;
    }
    save.mutate(batch.entries);
  };

  const numbersCell = (view: RowView) => (
    <Flex vertical gap={6} className="entry-numbers">
      {entryFields(view.entry).map((field) => {
        const label = fieldLabel(view.entry, field, t, language);
        const wrong =
          view.state.unreadable.includes(field) ||
          (view.state.changed && view.state.check.errors.some((e) => e.field === field)) ||
          view.server.some(
            (v) => v.field === field && v.code !== 'OUTLIER' && v.code !== 'CHANGED_FROM_LAST_PERIOD',
          );
        return (
          <label key={field} className="entry-field">
            <Typography.Text type="secondary" className="cell-note">
              {label}
            </Typography.Text>
            <Input
              size="small"
              className="entry-input"
              inputMode="decimal"
              autoComplete="off"
              aria-label={`${view.row.indicatorCode} – ${label}`}
              value={view.draft[field]}
              disabled={!view.row.editable}
              status={wrong ? 'error' : undefined}
              onChange={(event) => update(view.row.indicatorCode, { [field]: event.target.value })}
            />
          </label>
        );
      })}
    </Flex>
  );

  const checkCell = (view: RowView) => {
    const { state } = view;
    const notes: { key: string; type: 'danger' | 'warning'; text: string }[] = [];
    const note = (type: 'danger' | 'warning', code: AggregateViolation['code'], field: EntryField) => {
      const key = `${code}-${field}`;
      if (!notes.some((n) => n.key === key)) notes.push({ key, type, text: entryMessages[code][language] });
    };
    if (state.unreadable.length > 0)
      notes.push({ key: 'unreadable', type: 'danger', text: t.aggregate.unreadable });
    if (state.changed) {
      for (const error of state.check.errors) note('danger', error.code, error.field);
      for (const warning of state.check.warnings) note('warning', warning.code, warning.field);
    }
    // What the server refused, in case it saw more than the form (an entry saved meanwhile by a colleague).
    for (const violation of view.server) note('danger', violation.code, violation.field);
    if (notes.length > 0)
      return (
        <Flex vertical gap={4} className="entry-check">
          {notes.map((note) => (
            <Typography.Text key={note.key} type={note.type} className="cell-note">
              {note.text}
            </Typography.Text>
          ))}
        </Flex>
      );
    if (!state.changed && view.row.entry && view.row.entry.warnings.length > 0)
      return <Tag color="gold">{t.aggregate.acknowledged}</Tag>;
    if (state.changed || view.row.entry) return <Tag color="green">{t.aggregate.valid}</Tag>;
    return null;
  };

  const commentCell = (view: RowView) => {
    const missing = view.state.changed && view.state.needsComment;
    return (
      <div className="entry-comment">
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={2000}
          aria-label={format(t.aggregate.commentLabel, { code: view.row.indicatorCode })}
          value={view.draft.comment}
          disabled={!view.row.editable}
          status={missing && attempted ? 'error' : undefined}
          onChange={(event) => update(view.row.indicatorCode, { comment: event.target.value })}
        />
        {missing && (
          <Typography.Text type={attempted ? 'danger' : 'warning'} className="cell-note">
            {t.aggregate.commentRequired}
          </Typography.Text>
        )}
      </div>
    );
  };

  const columns: DataColumns<RowView> = [
    {
      key: 'indicator',
      title: t.aggregate.columns.indicator,
      render: (_, view) => {
        const indicator = entryFor(view.row.indicatorCode)!.indicator;
        const entered = view.row.entry;
        return (
          <div className="entry-indicator">
            <Typography.Text strong>{view.row.indicatorCode}</Typography.Text>{' '}
            <Typography.Text>{indicator.name[language]}</Typography.Text>
            <div>
              <Tag>{t.sectors[view.row.sector]}</Tag>
            </div>
            {entered?.enteredBy && (
              <Typography.Text type="secondary" className="cell-note">
                {format(t.aggregate.enteredBy, {
                  name: entered.enteredBy.fullName,
                  at: formatInstant(entered.enteredAt),
                })}
              </Typography.Text>
            )}
          </div>
        );
      },
    },
    { key: 'numbers', title: t.aggregate.columns.numbers, render: (_, view) => numbersCell(view) },
    {
      key: 'value',
      title: t.aggregate.columns.value,
      align: 'right',
      render: (_, view) => (
        <Typography.Text strong className="entry-value">
          {valueText(view.state.check.value, valueUnit(view.row, view.entry), t, language)}
        </Typography.Text>
      ),
    },
    {
      key: 'lastPeriod',
      title: t.aggregate.columns.lastPeriod,
      render: (_, view) => (
        <>
          <Typography.Text type="secondary" className="cell-note">
            {periodLabel(view.row.lastPeriod.period, language)}
          </Typography.Text>
          <Typography.Text>
            {valueText(view.row.lastPeriod.value, valueUnit(view.row, view.entry), t, language)}
          </Typography.Text>
        </>
      ),
    },
    { key: 'check', title: t.aggregate.columns.check, render: (_, view) => checkCell(view) },
    { key: 'comment', title: t.aggregate.columns.comment, render: (_, view) => commentCell(view) },
  ];

  return (
    <Flex vertical gap="middle">
      <DataTable<RowView>
        label={t.aggregate.tableLabel}
        columns={columns}
        data={rows}
        rowKey={(view) => view.row.indicatorCode}
        size="small"
        rowClassName={(view) =>
          view.state.blocked && attempted
            ? 'entry-row-blocked'
            : view.state.changed
              ? 'entry-row-changed'
              : ''
        }
        emptyText={t.aggregate.noIndicators}
      />
      {attempted && blockedCount > 0 && <Alert type="error" showIcon title={t.aggregate.fixFirst} />}
      <ErrorAlert error={save.error} />
      {editable && (
        <Flex justify="end">
          <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={submit}>
            {t.aggregate.saveAll}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
