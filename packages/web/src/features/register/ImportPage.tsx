import { useEffect, useId, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { DownloadOutlined } from '@ant-design/icons';
import { api, importFields, requiredImportFields, type ImportJob, type ImportRowError } from '@treem/shared';
import { call } from '../../api/client.ts';
import { downloadFile, saveFile, uploadFile } from '../../api/files.ts';
import { useWorkingUnit } from '../../app/WorkingUnit.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatInstant } from '../../i18n/format.ts';
import {
  Alert,
  Button,
  ButtonLink,
  Card,
  ConfirmButton,
  DataTable,
  Descriptions,
  ErrorAlert,
  FieldFrame,
  Flex,
  FormActions,
  Loading,
  Page,
  Progress,
  Result,
  Select,
  Steps,
  Tag,
  Typography,
  FileDrop,
  useNotify,
  type DataColumns,
} from '../../ui/index.ts';
import { OrgUnitPickerDialog } from '../orgUnits/OrgUnitPicker.tsx';
import {
  headersUsedTwice,
  importPercent,
  importStep,
  importSteps,
  initialMapping,
  mappingBody,
  missingRequiredFields,
  type ImportMapping,
} from './importSteps.ts';
import {
  registerKeys,
  useImportErrors,
  useImportJob,
  useImportList,
  useInvalidateRegister,
} from './queries.ts';

const route = getRouteApi('/app/register/import');

function useStoreJob() {
  const client = useQueryClient();
  return (job: ImportJob) => {
    client.setQueryData(registerKeys.import(job.id), job);
    void client.invalidateQueries({ queryKey: ['registerImports', 'list'] });
  };
}

function TemplateButton() {
  const { t } = useI18n();
  const template = useMutation({
    mutationFn: async () => {
      saveFile(await downloadFile(api.registerFiles.importTemplate, 'mau-so-theo-doi-tre-em.xlsx'));
    },
  });
  return (
    <>
      <Button icon={<DownloadOutlined />} loading={template.isPending} onClick={() => template.mutate()}>
        {t.register.importWizard.template}
      </Button>
      {template.error && <ErrorAlert error={template.error} />}
    </>
  );
}

/** The commune the file belongs to: the working commune when there is one, else picked from the scope. */
function CommuneChoice({
  commune,
  onChange,
}: {
  commune: { id: string; name: string } | undefined;
  onChange: (commune: { id: string; name: string }) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <FieldFrame id={id} label={t.register.importWizard.commune}>
      <Flex gap="small" align="center" wrap>
        <Typography.Text strong={Boolean(commune)} type={commune ? undefined : 'secondary'}>
          {commune?.name ?? t.picker.nothingSelected}
        </Typography.Text>
        <Button id={id} size="small" onClick={() => setOpen(true)}>
          {t.picker.pick}
        </Button>
      </Flex>
      <OrgUnitPickerDialog
        open={open}
        onClose={() => setOpen(false)}
        allowedLevels={['commune']}
        onPick={(unit) => {
          setOpen(false);
          onChange({ id: unit.id, name: unit.fullName });
        }}
      />
    </FieldFrame>
  );
}

function RecentImports() {
  const { t, formatNumber } = useI18n();
  const [page, setPage] = useState(1);
  const list = useImportList(page);
  const columns: DataColumns<ImportJob> = [
    {
      key: 'createdAt',
      title: t.register.importWizard.createdAt,
      render: (_, job) => formatInstant(job.createdAt),
    },
    {
      key: 'file',
      title: t.register.importWizard.fileName,
      render: (_, job) => (
        <div className="unit-name-cell">
          <Link to="/register/import" search={{ job: job.id }}>
            {job.fileName}
          </Link>
          <Typography.Text type="secondary" className="unit-full-name">
            {job.communeName}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'status',
      title: t.register.importWizard.status,
      render: (_, job) => <Tag>{t.importStatuses[job.status]}</Tag>,
    },
    {
      key: 'rows',
      title: t.register.importWizard.rows,
      align: 'right',
      render: (_, job) => formatNumber(job.totalRows),
    },
  ];
  return (
    <Card title={t.register.importWizard.recent}>
      <DataTable<ImportJob>
        label={t.register.importWizard.recent}
        columns={columns}
        data={list.data}
        rowKey={(job) => job.id}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        onPageChange={(next) => setPage(next)}
        emptyText={t.register.importWizard.noRecent}
      />
    </Card>
  );
}

function UploadStep({ onUploaded }: { onUploaded: (job: ImportJob) => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const { unit } = useWorkingUnit();
  const storeJob = useStoreJob();
  const [commune, setCommune] = useState<{ id: string; name: string } | undefined>(
    unit?.level === 'commune' ? { id: unit.orgUnitId, name: unit.fullName } : undefined,
  );
  const upload = useMutation({
    mutationFn: (file: File) => {
      if (!commune) throw new Error('no commune chosen');
      return uploadFile(api.registerFiles.uploadImport, file, {
        query: { communeId: commune.id, fileName: file.name },
      });
    },
    onSuccess: (job) => {
      notify.success(format(t.register.importWizard.uploaded, { name: job.fileName }));
      storeJob(job);
      onUploaded(job);
    },
  });
  return (
    <Flex vertical gap="middle">
      <Card>
        <Flex vertical gap="middle">
          <Flex gap="middle" wrap align="end" justify="space-between">
            {unit?.level === 'commune' ? (
              <Descriptions
                column={1}
                items={[{ key: 'commune', label: t.register.importWizard.commune, children: unit.fullName }]}
              />
            ) : (
              <CommuneChoice commune={commune} onChange={setCommune} />
            )}
            <TemplateButton />
          </Flex>
          <FileDrop
            accept=".xlsx,.csv"
            disabled={!commune || upload.isPending}
            onFile={(file) => upload.mutate(file)}
            text={
              upload.isPending
                ? t.register.importWizard.uploading
                : commune
                  ? t.register.importWizard.dropHint
                  : t.register.importWizard.chooseCommuneFirst
            }
            hint={t.register.importWizard.formats}
          />
          <ErrorAlert error={upload.error} />
        </Flex>
      </Card>
      <RecentImports />
    </Flex>
  );
}

function MappingStep({
  job,
  onSaved,
  onRestart,
}: {
  job: ImportJob;
  onSaved: () => void;
  onRestart: () => void;
}) {
  const { t } = useI18n();
  const storeJob = useStoreJob();
  const [mapping, setMapping] = useState<ImportMapping>(() => initialMapping(job));
  const missing = missingRequiredFields(mapping);
  const twice = headersUsedTwice(mapping);
  const save = useMutation({
    mutationFn: async () => {
      await call(api.registerFiles.setImportMapping, {
        params: { id: job.id },
        body: { mapping: mappingBody(mapping) },
      });
      return call(api.registerFiles.validateImport, { params: { id: job.id } });
    },
    onSuccess: (next) => {
      storeJob(next);
      onSaved();
    },
  });
  const rows = importFields.map((field) => ({ field }));
  const columns: DataColumns<{ field: (typeof importFields)[number] }> = [
    {
      key: 'field',
      title: t.register.importWizard.field,
      render: (_, { field }) => (
        <label htmlFor={`mapping-${field}`}>
          {t.importFields[field]}
          {requiredImportFields.includes(field) && (
            <Tag color="red" className="inline-tag">
              {t.register.importWizard.required}
            </Tag>
          )}
        </label>
      ),
    },
    {
      key: 'column',
      title: t.register.importWizard.column,
      render: (_, { field }) => (
        <Select
          id={`mapping-${field}`}
          className="mapping-select"
          value={mapping[field] ?? ''}
          status={twice.includes(mapping[field] ?? '') ? 'warning' : undefined}
          onChange={(value: string) => setMapping({ ...mapping, [field]: value || undefined })}
          options={[
            { value: '', label: t.register.importWizard.notInFile },
            ...job.headers.map((header) => ({ value: header, label: header })),
          ]}
          popupMatchSelectWidth={false}
        />
      ),
    },
  ];
  return (
    <Card>
      <Flex vertical gap="middle">
        <Typography.Paragraph>{t.register.importWizard.mappingIntro}</Typography.Paragraph>
        <DataTable
          label={t.register.importWizard.steps.mapping}
          columns={columns}
          data={rows}
          rowKey={(row) => row.field}
        />
        {missing.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={format(t.register.importWizard.missingRequired, {
              fields: missing.map((field) => t.importFields[field]).join(', '),
            })}
          />
        )}
        {twice.map((header) => (
          <Alert
            key={header}
            type="warning"
            showIcon
            title={format(t.register.importWizard.usedTwice, { header })}
          />
        ))}
        <ErrorAlert error={save.error} />
        <FormActions>
          <Button onClick={onRestart}>{t.register.importWizard.uploadAnother}</Button>
          <Button
            type="primary"
            disabled={missing.length > 0}
            loading={save.isPending}
            onClick={() => save.mutate()}
          >
            {t.register.importWizard.saveMapping}
          </Button>
        </FormActions>
      </Flex>
    </Card>
  );
}

function ErrorReport({ job }: { job: ImportJob }) {
  const { t, formatNumber } = useI18n();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const errors = useImportErrors(job.id, page, pageSize, job.errorCount > 0);
  const report = useMutation({
    mutationFn: async () =>
      saveFile(
        await downloadFile(api.registerFiles.importErrorReport, 'bao-cao-loi.xlsx', {
          params: { id: job.id },
        }),
      ),
  });
  const columns: DataColumns<ImportRowError> = [
    { key: 'row', title: t.register.importWizard.row, align: 'right', render: (_, e) => formatNumber(e.row) },
    { key: 'column', title: t.register.importWizard.errorColumn, render: (_, e) => e.column },
    { key: 'message', title: t.register.importWizard.message, render: (_, e) => e.message },
    {
      key: 'value',
      title: t.register.importWizard.value,
      render: (_, e) => (e.value === null ? '' : <code>{e.value}</code>),
    },
  ];
  return (
    <Card
      title={t.register.importWizard.errorsTitle}
      extra={
        <Button icon={<DownloadOutlined />} loading={report.isPending} onClick={() => report.mutate()}>
          {t.register.importWizard.downloadErrors}
        </Button>
      }
    >
      <ErrorAlert error={report.error} />
      <DataTable<ImportRowError>
        label={t.register.importWizard.errorsTitle}
        columns={columns}
        data={errors.data}
        rowKey={(e) => `${e.row}-${e.column}-${e.code}`}
        loading={errors.isFetching}
        error={errors.error}
        onRetry={() => void errors.refetch()}
        onPageChange={(next, size) => {
          setPage(next);
          setPageSize(size);
        }}
      />
    </Card>
  );
}

/** Rows that would create a child who looks like one already in the register: shown, never blocking the run. */
function WarningReport({ job }: { job: ImportJob }) {
  const { t, formatNumber } = useI18n();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const warnings = useQuery({
    queryKey: ['registerImports', 'warnings', job.id, page, pageSize],
    queryFn: ({ signal }) =>
      call(api.registerFiles.importErrors, {
        params: { id: job.id },
        query: { page, pageSize, kind: 'warnings' },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled: job.warningCount > 0,
  });
  const columns: DataColumns<ImportRowError> = [
    { key: 'row', title: t.register.importWizard.row, align: 'right', render: (_, e) => formatNumber(e.row) },
    { key: 'value', title: t.register.importWizard.value, render: (_, e) => e.value ?? '' },
    { key: 'message', title: t.register.importWizard.warningMessage, render: (_, e) => e.message },
  ];
  return (
    <Card title={t.register.importWizard.warningsTitle}>
      <DataTable<ImportRowError>
        label={t.register.importWizard.warningsTitle}
        columns={columns}
        data={warnings.data}
        rowKey={(e) => `${e.row}-${e.column}-${e.code}`}
        loading={warnings.isFetching}
        error={warnings.error}
        onRetry={() => void warnings.refetch()}
        onPageChange={(next, size) => {
          setPage(next);
          setPageSize(size);
        }}
      />
    </Card>
  );
}

function CheckStep({
  job,
  onEditMapping,
  onRestart,
}: {
  job: ImportJob;
  onEditMapping: () => void;
  onRestart: () => void;
}) {
  const { t, formatNumber } = useI18n();
  const storeJob = useStoreJob();
  const run = useMutation({
    mutationFn: () => call(api.registerFiles.runImport, { params: { id: job.id } }),
    onSuccess: storeJob,
  });
  if (job.status === 'validating') {
    return (
      <Card>
        <Flex vertical gap="small">
          <Typography.Text>{t.register.importWizard.checking}</Typography.Text>
          <Progress percent={importPercent(job)} status="active" />
          <Typography.Text type="secondary">
            {format(t.register.importWizard.checkedRows, {
              done: formatNumber(job.processedRows),
              total: formatNumber(job.totalRows),
            })}
          </Typography.Text>
        </Flex>
      </Card>
    );
  }
  const clean = job.errorCount === 0;
  return (
    <Flex vertical gap="middle">
      <Card>
        <Flex vertical gap="middle">
          <Descriptions
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'file', label: t.register.importWizard.fileName, children: job.fileName },
              {
                key: 'rows',
                label: t.register.importWizard.totalRows,
                children: formatNumber(job.totalRows),
              },
              {
                key: 'errors',
                label: t.register.importWizard.errorCount,
                children: formatNumber(job.errorCount),
              },
              ...(job.warningCount > 0
                ? [
                    {
                      key: 'warnings',
                      label: t.register.importWizard.warningCount,
                      children: formatNumber(job.warningCount),
                    },
                  ]
                : []),
            ]}
          />
          {clean && job.totalRows === 0 ? (
            <Alert type="warning" showIcon title={t.register.importWizard.emptyFile} />
          ) : clean ? (
            <Alert type="success" showIcon title={t.register.importWizard.noErrors} />
          ) : (
            <Alert
              type="error"
              showIcon
              title={format(t.register.importWizard.hasErrors, { count: formatNumber(job.errorCount) })}
            />
          )}
          {job.warningCount > 0 && (
            <Alert
              type="warning"
              showIcon
              title={format(t.register.importWizard.hasWarnings, { count: formatNumber(job.warningCount) })}
            />
          )}
          <ErrorAlert error={run.error} />
          <FormActions>
            <Button onClick={onRestart}>{t.register.importWizard.uploadAnother}</Button>
            <Button onClick={onEditMapping}>{t.register.importWizard.editMapping}</Button>
            {clean && job.totalRows > 0 && (
              <ConfirmButton
                type="primary"
                question={format(t.register.importWizard.runConfirm, { count: formatNumber(job.totalRows) })}
                onConfirm={() => run.mutateAsync()}
                loading={run.isPending}
              >
                {t.register.importWizard.run}
              </ConfirmButton>
            )}
          </FormActions>
        </Flex>
      </Card>
      {!clean && <ErrorReport job={job} />}
      {job.warningCount > 0 && <WarningReport job={job} />}
    </Flex>
  );
}

function RunStep({ job }: { job: ImportJob }) {
  const { t, formatNumber } = useI18n();
  return (
    <Card>
      <Flex vertical gap="small">
        <Typography.Text>{t.register.importWizard.importing}</Typography.Text>
        <Progress percent={importPercent(job)} status="active" />
        <Typography.Text type="secondary">
          {format(t.register.importWizard.importedRows, {
            done: formatNumber(job.processedRows),
            total: formatNumber(job.totalRows),
          })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

function ResultStep({
  job,
  onRestart,
  onEditMapping,
}: {
  job: ImportJob;
  onRestart: () => void;
  onEditMapping: () => void;
}) {
  const { t, formatNumber } = useI18n();
  if (job.status === 'failed') {
    return (
      <Result
        status="error"
        title={t.register.importWizard.failedTitle}
        subTitle={`${t.register.importWizard.failedHint}${job.failure ? ` ${job.failure}` : ''}`}
        extra={[
          <Button key="mapping" onClick={onEditMapping}>
            {t.register.importWizard.editMapping}
          </Button>,
          <Button key="again" type="primary" onClick={onRestart}>
            {t.register.importWizard.newImport}
          </Button>,
        ]}
      />
    );
  }
  return (
    <Result
      status="success"
      title={t.register.importWizard.doneTitle}
      subTitle={
        <Descriptions
          className="result-counts"
          column={1}
          items={[
            {
              key: 'households',
              label: t.register.importWizard.createdHouseholds,
              children: formatNumber(job.createdHouseholds),
            },
            {
              key: 'persons',
              label: t.register.importWizard.createdPersons,
              children: formatNumber(job.createdPersons),
            },
            {
              key: 'skipped',
              label: t.register.importWizard.skippedPersons,
              children: formatNumber(job.skippedPersons),
            },
          ]}
        />
      }
      extra={[
        <ButtonLink key="register" buttonType="primary" to="/register">
          {t.register.importWizard.openRegister}
        </ButtonLink>,
        <Button key="again" onClick={onRestart}>
          {t.register.importWizard.newImport}
        </Button>,
      ]}
    />
  );
}

/**
 * Upload → mapping → dry run report → confirm → progress → result. Every step is read from the job the server
 * keeps, so the page can be left and reopened at any point; while the server works, the job is asked every second.
 */
export function ImportPage() {
  const { t } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const invalidateRegister = useInvalidateRegister();
  const job = useImportJob(search.job);
  const [editingMapping, setEditingMapping] = useState(false);
  const data = search.job ? job.data : undefined;
  const step = importStep(data, editingMapping);
  const restart = () => {
    setEditingMapping(false);
    void navigate({ search: {} });
  };
  const finished = data?.status === 'imported';
  // Once rows are written every cached register list is stale.
  useEffect(() => {
    if (finished) void invalidateRegister();
  }, [finished, invalidateRegister]);

  let body;
  if (search.job && job.isPending) body = <Loading />;
  else if (search.job && job.isError)
    body = <ErrorAlert error={job.error} onRetry={() => void job.refetch()} />;
  else if (!data) {
    body = (
      <UploadStep
        onUploaded={(uploaded) => {
          setEditingMapping(false);
          void navigate({ search: { job: uploaded.id } });
        }}
      />
    );
  } else {
    switch (step) {
      case 'upload':
      case 'mapping':
        body = (
          <MappingStep
            key={data.id}
            job={data}
            onSaved={() => setEditingMapping(false)}
            onRestart={restart}
          />
        );
        break;
      case 'check':
        body = <CheckStep job={data} onEditMapping={() => setEditingMapping(true)} onRestart={restart} />;
        break;
      case 'run':
        body = <RunStep job={data} />;
        break;
      case 'result':
        body = <ResultStep job={data} onRestart={restart} onEditMapping={() => setEditingMapping(true)} />;
        break;
    }
  }

  return (
    <Page
      title={t.register.importWizard.title}
      breadcrumbs={[
        <Link key="register" to="/register">
          {t.register.title}
        </Link>,
      ]}
    >
      <Typography.Paragraph type="secondary" className="page-intro">
        {t.register.importWizard.intro}
      </Typography.Paragraph>
      <Steps
        size="small"
        current={importSteps.indexOf(step)}
        status={data?.status === 'failed' && step === 'result' ? 'error' : undefined}
        items={importSteps.map((key) => ({ title: t.register.importWizard.steps[key] }))}
        className="flow-steps"
      />
      {body}
    </Page>
  );
}
