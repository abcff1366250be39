import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { DownloadOutlined } from '@ant-design/icons';
import { api, type DoseImportResult } from '@treem/shared';
import { isApiError } from '../../api/ApiError.ts';
import { saveFile, uploadFile } from '../../api/files.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/vi.ts';
import {
  Alert,
  Button,
  DataTable,
  Dialog,
  ErrorAlert,
  Flex,
  FormActions,
  Typography,
  FileDrop,
  useNotify,
  type DataColumns,
} from '../../ui/index.ts';
import { OrgUnitPickerDialog } from '../orgUnits/OrgUnitPicker.tsx';
import { useOrgUnitDetail } from '../orgUnits/queries.ts';
import { doseImportExampleCsv } from './catalogue.ts';
import { useInvalidateEcd } from './queries.ts';

type RowError = DoseImportResult['errors'][number];

export function doseImportErrorText(code: string, t: Messages): string {
  const codes = t.ecd.doseImport.errorCodes;
  return code in codes ? codes[code as keyof typeof codes] : code;
}

function ImportReport({ result }: { result: DoseImportResult }) {
  const { t, formatNumber } = useI18n();
  if (result.errors.length === 0) {
    return (
      <Alert
        type="success"
        showIcon
        title={format(t.ecd.doseImport.imported, { count: formatNumber(result.imported) })}
        description={
          result.alreadyRecorded > 0
            ? format(t.ecd.doseImport.alreadyRecorded, { count: formatNumber(result.alreadyRecorded) })
            : undefined
        }
      />
    );
  }
  const columns: DataColumns<RowError> = [
    { key: 'row', title: t.ecd.doseImport.row, align: 'right', render: (_, e) => formatNumber(e.row) },
    { key: 'column', title: t.ecd.doseImport.column, render: (_, e) => e.column ?? '' },
    { key: 'code', title: t.ecd.doseImport.problem, render: (_, e) => doseImportErrorText(e.code, t) },
  ];
  return (
    <Flex vertical gap="small">
      <Alert
        type="error"
        showIcon
        title={format(t.ecd.doseImport.failed, { count: formatNumber(result.errors.length) })}
        description={t.ecd.doseImport.failedHint}
      />
      <DataTable<RowError>
        label={t.ecd.doseImport.reportTitle}
        columns={columns}
        data={result.errors}
        rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.code}`}
      />
    </Flex>
  );
}

function ImportContent({ unitId, onClose }: { unitId: string | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const invalidate = useInvalidateEcd();
  const [picked, setPicked] = useState<{ id: string; name: string } | undefined>();
  const [picking, setPicking] = useState(false);
  const given = useOrgUnitDetail(unitId).data?.unit;
  const unit = unitId ? { id: unitId, name: given?.fullName ?? t.common.loading } : picked;
  const upload = useMutation({
    mutationFn: (file: File) => {
      if (!unit) throw new Error('no unit chosen');
      return uploadFile(api.ecd.importDoses, file, { query: { unitId: unit.id } });
    },
    onSuccess: async (result) => {
      if (result.errors.length === 0) {
        notify.success(format(t.ecd.doseImport.imported, { count: result.imported }));
        await invalidate();
      }
    },
  });

  return (
    <Flex vertical gap="middle">
      <Typography.Paragraph>{t.ecd.doseImport.intro}</Typography.Paragraph>
      <ul className="plain-list">
        {(['personal_id', 'vaccine', 'dose', 'given_on', 'place', 'lot'] as const).map((column) => (
          <li key={column}>
            <Typography.Text code>{column}</Typography.Text> {t.ecd.doseImport.columns[column]}
          </li>
        ))}
      </ul>
      <Flex gap="small" wrap align="center" justify="space-between">
        <Typography.Text>
          {t.ecd.doseImport.unit}: <strong>{unit?.name ?? t.ecd.unit.none}</strong>
        </Typography.Text>
        {!unitId && <Button onClick={() => setPicking(true)}>{t.picker.pick}</Button>}
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            saveFile({
              blob: new Blob([doseImportExampleCsv()], { type: 'text/csv;charset=utf-8' }),
              fileName: 'mau-nhap-mui-tiem.csv',
            })
          }
        >
          {t.ecd.doseImport.example}
        </Button>
      </Flex>
      <FileDrop
        accept=".csv,.xlsx"
        disabled={!unit || upload.isPending}
        onFile={(file) => upload.mutate(file)}
        text={
          upload.isPending
            ? t.ecd.doseImport.uploading
            : unit
              ? t.ecd.doseImport.dropHint
              : t.ecd.doseImport.chooseUnit
        }
        hint={t.ecd.doseImport.formats}
      />
      <ErrorAlert error={upload.error} />
      {isApiError(upload.error) && Array.isArray(upload.error.details?.missing) && (
        <Alert
          type="warning"
          showIcon
          title={format(t.ecd.doseImport.missingColumns, {
            columns: (upload.error.details.missing as unknown[]).map(String).join(', '),
          })}
        />
      )}
      {upload.data && <ImportReport result={upload.data} />}
      <FormActions>
        <Button onClick={onClose}>{t.ecd.doseImport.close}</Button>
      </FormActions>
      <OrgUnitPickerDialog
        open={picking}
        onClose={() => setPicking(false)}
        allowedLevels={['commune', 'village']}
        onPick={(unit) => {
          setPicking(false);
          setPicked({ id: unit.id, name: unit.fullName });
        }}
      />
    </Flex>
  );
}

/**
 * Immunisation records from a CSV or XLSX file (a health station's EPI spreadsheet): all rows or none. When a row is wrong
 * nothing is written and the report names every problem by spreadsheet row, to fix and upload again.
 */
export function DoseImportDialog({
  open,
  unitId,
  onClose,
}: {
  open: boolean;
  /** The village or commune the file's children live in; absent = asked in the dialog. */
  unitId: string | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Dialog open={open} title={t.ecd.doseImport.title} onClose={onClose} width={760}>
      {open && <ImportContent unitId={unitId} onClose={onClose} />}
    </Dialog>
  );
}
