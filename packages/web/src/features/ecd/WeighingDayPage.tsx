import { useCallback, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { getRouteApi, Link, useBlocker } from '@tanstack/react-router';
import { useMutation } from '@tanstack/react-query';
import { SaveOutlined } from '@ant-design/icons';
import {
  api,
  todayInVietnam,
  type GrowthMeasurement,
  type MeasuredPosition,
  type PlainDate,
  type WeighingDayChild,
} from '@treem/shared';
import { isApiError } from '../../api/ApiError.ts';
import { call } from '../../api/client.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { issueText } from '../../i18n/errorText.ts';
import { format, formatDate, formatDecimal } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/vi.ts';
import {
  Alert,
  Button,
  ButtonLink,
  Card,
  Checkbox,
  DataTable,
  Dialog,
  EmptyState,
  ErrorAlert,
  FieldFrame,
  Flex,
  FormActions,
  Grid,
  Input,
  List,
  Loading,
  Page,
  PlainDateInput,
  Result,
  Segmented,
  Tag,
  Typography,
  useNotify,
  type DataColumns,
} from '../../ui/index.ts';
import { AgeText, ClassificationTags, ZScore } from './display.tsx';
import { childAgeInDays, previewMeasurement, type MeasurementPreview } from './growth.ts';
import { useInvalidateEcd, useWeighingDayChildren } from './queries.ts';
import { UnitChoice, useDefaultUnit } from './UnitChoice.tsx';
import {
  emptyWeighingRow,
  weighingFields,
  isRowEmpty,
  planWeighingDay,
  rowInput,
  rowPosition,
  rowProblems,
  serverIssuesByChild,
  type RowProblem,
  type RowProblems,
  type WeighingField,
  type WeighingRowText,
} from './weighingDay.ts';

const route = getRouteApi('/app/ecd/weighing-day');

type ServerIssues = ReturnType<typeof serverIssuesByChild>;

function problemText(problem: RowProblem, field: WeighingField, t: Messages): string {
  const problems = t.ecd.weighing.problems;
  switch (problem) {
    case 'invalid':
      return problems.invalid;
    case 'nothing':
      return problems.nothing;
    case 'tooSmall':
      return format(problems.tooSmall, { field: t.ecd.weighing.fields[field] });
    case 'tooBig':
      return format(problems.tooBig, { field: t.ecd.weighing.fields[field] });
  }
}

/** Enter moves to the next measurement box (the next child's weight after the last one), like a paper register. */
function moveOnEnter(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  const boxes = [
    ...(event.currentTarget
      .closest('[data-weighing-grid]')
      ?.querySelectorAll<HTMLInputElement>('input[data-grid]') ?? []),
  ];
  const next = boxes[boxes.indexOf(event.currentTarget) + 1];
  next?.focus();
  next?.select();
}

interface RowView {
  child: WeighingDayChild;
  text: WeighingRowText;
  preview: MeasurementPreview | null;
  problems: RowProblems;
  serverIssues: ServerIssues extends Map<string, infer V> ? V : never;
}

function WeighingGrid({
  villageId,
  date,
  items,
  onSaved,
}: {
  villageId: string;
  date: PlainDate;
  items: readonly WeighingDayChild[];
  onSaved: (saved: GrowthMeasurement[]) => void;
}) {
  const { t, language } = useI18n();
  const notify = useNotify();
  const invalidate = useInvalidateEcd();
  const ids = { place: useId(), by: useId() };
  const phone = !Grid.useBreakpoint().md;
  const [texts, setTexts] = useState<Map<string, WeighingRowText>>(() => new Map());
  const [place, setPlace] = useState('');
  const [measuredBy, setMeasuredBy] = useState('');
  const [checked, setChecked] = useState<Set<string>>(() => new Set());
  const [attempted, setAttempted] = useState(false);
  const [serverIssues, setServerIssues] = useState<ServerIssues>(() => new Map());
  const sent = useRef<string[]>([]);

  const update = useCallback((personId: string, change: Partial<WeighingRowText>) => {
    setTexts((previous) => {
      const next = new Map(previous);
      next.set(personId, { ...(previous.get(personId) ?? emptyWeighingRow), ...change });
      return next;
    });
    setServerIssues((previous) => {
      if (!previous.has(personId)) return previous;
      const next = new Map(previous);
      next.delete(personId);
      return next;
    });
  }, []);
  const check = useCallback(
    (personId: string) =>
      setChecked((previous) => (previous.has(personId) ? previous : new Set(previous).add(personId))),
    [],
  );

  const rows = useMemo<RowView[]>(
    () =>
      items.map((child) => {
        const text = texts.get(child.id) ?? emptyWeighingRow;
        if (isRowEmpty(text)) return { child, text, preview: null, problems: {}, serverIssues: [] };
        const input = rowInput(child, date, text);
        return {
          child,
          text,
          preview: previewMeasurement(child, { ...input, measuredOn: date }),
          problems: rowProblems(input),
          serverIssues: serverIssues.get(child.id) ?? [],
        };
      }),
    [items, texts, date, serverIssues],
  );
  const filled = rows.filter((row) => row.preview !== null).length;
  // Typed measurements are not thrown away by leaving the page (or choosing another village) without a word; a
  // change of date keeps them, since the rows are the same children.
  const blocker = useBlocker({
    shouldBlockFn: ({ current, next }) =>
      filled > 0 &&
      (next.pathname !== current.pathname ||
        (next.search as { village?: string }).village !== (current.search as { village?: string }).village),
    enableBeforeUnload: () => filled > 0,
    withResolver: true,
  });
  const showProblems = (row: RowView) => attempted || checked.has(row.child.id);

  const save = useMutation({
    mutationFn: async () => {
      const plan = planWeighingDay(items, date, texts);
      sent.current = plan.personIds;
      return call(api.ecd.saveWeighingDay, {
        body: {
          villageId,
          measuredOn: date,
          place: place.trim() || null,
          measuredBy: measuredBy.trim() || null,
          rows: plan.rows,
        },
      });
    },
    onSuccess: async (result) => {
      notify.success(format(t.ecd.weighing.saved, { count: result.items.length }));
      await invalidate();
      onSaved(result.items);
    },
    onError: (error) => {
      if (isApiError(error)) setServerIssues(serverIssuesByChild(error.issues, sent.current));
    },
  });

  const submit = () => {
    setAttempted(true);
    const plan = planWeighingDay(items, date, texts);
    if (plan.rows.length === 0) {
      notify.info(t.ecd.weighing.nothingEntered);
      return;
    }
    if (plan.invalid.size > 0) return;
    save.mutate();
  };
  const invalidCount = rows.filter((row) => Object.keys(row.problems).length > 0).length;

  const box = (row: RowView, field: WeighingField) => {
    const problem = showProblems(row) ? row.problems[field] : undefined;
    const server = row.serverIssues.find((issue) => issue.field === field);
    return (
      <div className="grid-cell">
        <Input
          size="small"
          className="grid-input"
          inputMode="decimal"
          autoComplete="off"
          data-grid={field}
          aria-label={format(t.ecd.weighing.cellLabel, {
            field: t.ecd.weighing.fields[field],
            name: row.child.fullName,
          })}
          value={row.text[field]}
          status={problem || server ? 'error' : undefined}
          onChange={(event) => update(row.child.id, { [field]: event.target.value })}
          onBlur={() => check(row.child.id)}
          onKeyDown={moveOnEnter}
        />
        {problem && (
          <Typography.Text type="danger" className="cell-note">
            {problemText(problem, field, t)}
          </Typography.Text>
        )}
        {server && (
          <Typography.Text type="danger" className="cell-note">
            {issueText(server.code, t)}
          </Typography.Text>
        )}
      </div>
    );
  };

  const childCell = (row: RowView) => {
    const last = row.child.lastMeasurement;
    return (
      <div className="grid-child">
        <Link
          to="/register/persons/$id"
          params={{ id: row.child.id }}
          search={{ tab: 'growth' }}
          tabIndex={-1}
        >
          {row.child.fullName}
        </Link>
        <Typography.Text type="secondary" className="cell-note">
          {t.sexes[row.child.sex]} · <AgeText ageDays={childAgeInDays(row.child, date)} />
        </Typography.Text>
        {last && (
          <Typography.Text type="secondary" className="cell-note">
            {format(t.ecd.weighing.last, {
              date: formatDate(last.measuredOn),
              weight: last.weightKg === null ? '–' : formatDecimal(last.weightKg, language, 1),
              length: last.lengthHeightCm === null ? '–' : formatDecimal(last.lengthHeightCm, language, 1),
            })}
          </Typography.Text>
        )}
        {last?.measuredOn === date && <Tag color="gold">{t.ecd.weighing.alreadyToday}</Tag>}
      </div>
    );
  };
  const positionCell = (row: RowView) => (
    <Segmented<MeasuredPosition>
      size="small"
      aria-label={format(t.ecd.weighing.cellLabel, {
        field: t.ecd.growth.position,
        name: row.child.fullName,
      })}
      value={rowPosition(row.child, date, row.text)}
      onChange={(position) => update(row.child.id, { position })}
      options={[
        { value: 'lying', label: t.ecd.growth.positionsShort.lying },
        { value: 'standing', label: t.ecd.growth.positionsShort.standing },
      ]}
    />
  );
  const oedemaCell = (row: RowView, withText = false) => (
    <Checkbox
      aria-label={format(t.ecd.weighing.cellLabel, { field: t.ecd.growth.oedema, name: row.child.fullName })}
      checked={row.text.oedema}
      onChange={(event) => update(row.child.id, { oedema: event.target.checked })}
    >
      {withText ? t.ecd.growth.oedemaShort : null}
    </Checkbox>
  );
  const resultCell = (row: RowView) => {
    if (!row.preview) return null;
    const z = row.preview.scores;
    const rowIssue = row.serverIssues.find((issue) => issue.field === 'row');
    return (
      <div className="grid-result" data-testid="weighing-result">
        <span className="grid-z">
          {(['wfa', 'lhfa', 'wflh'] as const).map((indicator) => (
            <span key={indicator}>
              {t.ecd.growth.indicatorsShort[indicator]}{' '}
              <ZScore value={z.z[indicator]} flagged={z.flags[indicator]} />
            </span>
          ))}
        </span>
        <ClassificationTags classification={row.preview.classification} flags={row.preview.scores.flags} />
        {rowIssue && <Typography.Text type="danger">{issueText(rowIssue.code, t)}</Typography.Text>}
      </div>
    );
  };
  const rowClass = (row: RowView) =>
    row.preview?.malnourished ? 'grid-row-alert' : row.preview ? 'grid-row-filled' : '';

  const columns: DataColumns<RowView> = [
    { key: 'child', title: t.ecd.weighing.child, fixed: 'left', render: (_, row) => childCell(row) },
    { key: 'weight', title: t.ecd.weighing.fields.weightKg, render: (_, row) => box(row, 'weightKg') },
    {
      key: 'length',
      title: t.ecd.weighing.fields.lengthHeightCm,
      render: (_, row) => (
        <Flex vertical gap={4}>
          {box(row, 'lengthHeightCm')}
          {positionCell(row)}
        </Flex>
      ),
    },
    { key: 'muac', title: t.ecd.weighing.fields.muacCm, render: (_, row) => box(row, 'muacCm') },
    { key: 'oedema', title: t.ecd.growth.oedemaShort, render: (_, row) => oedemaCell(row) },
    { key: 'result', title: t.ecd.weighing.result, render: (_, row) => resultCell(row) },
  ];

  // On a phone each child is a card: the boxes side by side under the name, the assessment under the boxes.
  const cards = (
    <section aria-label={t.ecd.weighing.gridLabel} className="weighing-cards" data-weighing-grid>
      {rows.map((row) => (
        <article key={row.child.id} className={`weighing-card ${rowClass(row)}`}>
          {childCell(row)}
          <div className="weighing-card-fields">
            {weighingFields.map((field) => (
              <div key={field}>
                <Typography.Text type="secondary" className="cell-note">
                  {t.ecd.weighing.fields[field]}
                </Typography.Text>
                {box(row, field)}
              </div>
            ))}
          </div>
          <Flex gap="middle" align="center" wrap>
            {positionCell(row)}
            {oedemaCell(row, true)}
          </Flex>
          {resultCell(row)}
        </article>
      ))}
    </section>
  );

  return (
    <Flex vertical gap="middle">
      <Card>
        <Flex gap="middle" wrap>
          <div className="filter-field">
            <FieldFrame id={ids.place} label={t.ecd.weighing.place} hint={t.common.optional}>
              <Input
                id={ids.place}
                value={place}
                maxLength={200}
                onChange={(event) => setPlace(event.target.value)}
              />
            </FieldFrame>
          </div>
          <div className="filter-field">
            <FieldFrame id={ids.by} label={t.ecd.weighing.measuredBy} hint={t.common.optional}>
              <Input
                id={ids.by}
                value={measuredBy}
                maxLength={120}
                onChange={(event) => setMeasuredBy(event.target.value)}
              />
            </FieldFrame>
          </div>
        </Flex>
        <Typography.Text type="secondary">{t.ecd.weighing.keyboardHint}</Typography.Text>
      </Card>
      {phone ? (
        cards
      ) : (
        <div data-weighing-grid>
          <DataTable<RowView>
            label={t.ecd.weighing.gridLabel}
            columns={columns}
            data={rows}
            rowKey={(row) => row.child.id}
            size="small"
            rowClassName={(row) =>
              row.preview?.malnourished ? 'grid-row-alert' : row.preview ? 'grid-row-filled' : ''
            }
            emptyText={t.ecd.weighing.noChildren}
          />
        </div>
      )}
      {attempted && invalidCount > 0 && (
        <Alert type="error" showIcon title={format(t.ecd.weighing.invalidRows, { count: invalidCount })} />
      )}
      <ErrorAlert error={save.error} />
      <Flex justify="end" gap="small" align="center" wrap className="grid-actions">
        <Typography.Text type="secondary">
          {format(t.ecd.weighing.filledCount, { filled, total: items.length })}
        </Typography.Text>
        <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={submit}>
          {format(t.ecd.weighing.saveAll, { count: filled })}
        </Button>
      </Flex>
      <Dialog
        open={blocker.status === 'blocked'}
        title={t.ecd.weighing.leaveTitle}
        onClose={() => blocker.reset?.()}
      >
        <Typography.Paragraph>{format(t.ecd.weighing.leaveQuestion, { count: filled })}</Typography.Paragraph>
        <FormActions>
          <Button onClick={() => blocker.reset?.()}>{t.ecd.weighing.stay}</Button>
          <Button danger onClick={() => blocker.proceed?.()}>
            {t.ecd.weighing.leave}
          </Button>
        </FormActions>
      </Dialog>
    </Flex>
  );
}

function Summary({
  saved,
  items,
  villageId,
  onAgain,
}: {
  saved: GrowthMeasurement[];
  items: readonly WeighingDayChild[];
  villageId: string;
  onAgain: () => void;
}) {
  const { t } = useI18n();
  const names = new Map(items.map((child) => [child.id, child.fullName]));
  const malnourished = saved.filter((m) => m.malnourished);
  return (
    <Card>
      <Result
        status="success"
        title={format(t.ecd.weighing.saved, { count: saved.length })}
        subTitle={
          malnourished.length === 0
            ? t.ecd.weighing.noneMalnourished
            : format(t.ecd.weighing.someMalnourished, { count: malnourished.length })
        }
        extra={[
          <ButtonLink
            key="list"
            buttonType="primary"
            to="/ecd/action-lists"
            search={{ unit: villageId, kind: 'malnourished_under5' }}
          >
            {t.ecd.weighing.openList}
          </ButtonLink>,
          <Button key="again" onClick={onAgain}>
            {t.ecd.weighing.again}
          </Button>,
        ]}
      />
      {malnourished.length > 0 && (
        <section aria-label={t.ecd.weighing.malnourishedTitle}>
          <List
            header={<Typography.Text strong>{t.ecd.weighing.malnourishedTitle}</Typography.Text>}
            dataSource={malnourished}
            rowKey={(m) => m.id}
            renderItem={(m) => (
              <List.Item>
                <Flex gap="small" wrap align="center">
                  <Link to="/register/persons/$id" params={{ id: m.personId }} search={{ tab: 'growth' }}>
                    {names.get(m.personId) ?? m.personId}
                  </Link>
                  <ClassificationTags classification={m.classification} />
                </Flex>
              </List.Item>
            )}
          />
        </section>
      )}
    </Card>
  );
}

/**
 * A village's weighing day: every child under 6 in one grid, measurements typed row after row with the z-scores
 * and the classification shown at once, then saved together (all or nothing).
 */
export function WeighingDayPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const dateId = useId();
  const today = todayInVietnam();
  const defaultVillage = useDefaultUnit(['village']);
  const villageId = search.village ?? defaultVillage;
  const date = search.date ?? today;
  const children = useWeighingDayChildren(villageId, date);
  const [saved, setSaved] = useState<GrowthMeasurement[] | null>(null);
  const [round, setRound] = useState(0);

  return (
    <Page
      title={t.ecd.weighing.title}
      breadcrumbs={[
        <Link key="lists" to="/ecd/action-lists">
          {t.ecd.actionLists.title}
        </Link>,
      ]}
    >
      <Typography.Paragraph className="page-intro" type="secondary">
        {t.ecd.weighing.intro}
      </Typography.Paragraph>
      <Card>
        <Flex gap="middle" wrap align="end">
          <div className="grow-field">
            <UnitChoice
              label={t.ecd.weighing.village}
              value={villageId}
              allowCommune={false}
              onChange={(next) => {
                setSaved(null);
                void navigate({ search: (previous) => ({ ...previous, village: next }) });
              }}
            />
          </div>
          <div className="filter-field">
            <FieldFrame id={dateId} label={t.ecd.weighing.date}>
              <PlainDateInput
                id={dateId}
                value={date}
                notAfter={today}
                onChange={(next) => {
                  setSaved(null);
                  void navigate({
                    search: (previous) => ({ ...previous, date: next && next !== today ? next : undefined }),
                  });
                }}
              />
            </FieldFrame>
          </div>
        </Flex>
      </Card>
      {!can('ecd.write') && <Alert type="info" showIcon title={t.ecd.weighing.readOnly} />}
      {!villageId ? (
        <Card>
          <EmptyState description={t.ecd.weighing.chooseVillage} />
        </Card>
      ) : children.isPending ? (
        <Loading />
      ) : children.isError ? (
        <ErrorAlert error={children.error} onRetry={() => void children.refetch()} />
      ) : saved ? (
        <Summary
          saved={saved}
          items={children.data.items}
          villageId={villageId}
          onAgain={() => {
            setSaved(null);
            setRound((n) => n + 1);
          }}
        />
      ) : children.data.items.length === 0 ? (
        <Card>
          <EmptyState description={t.ecd.weighing.noChildren} />
        </Card>
      ) : can('ecd.write') ? (
        <WeighingGrid
          key={`${villageId}/${round}`}
          villageId={villageId}
          date={date}
          items={children.data.items}
          onSaved={setSaved}
        />
      ) : null}
    </Page>
  );
}
