import { useMutation } from '@tanstack/react-query';
import { PrinterOutlined } from '@ant-design/icons';
import { api, type CaseDetail } from '@treem/shared';
import { downloadFile, saveFile } from '../../api/files.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import { Button, Dropdown, ErrorAlert, useNotify } from '../../ui/index.ts';
import {
  caseFormFallbackName,
  caseFormKinds,
  caseFormMenuKey,
  caseFormNumber,
  parseCaseFormMenuKey,
  type CaseFileFormat,
  type CaseFormKind,
} from './caseFormFiles.ts';

/**
 * "Biểu mẫu": Mẫu 01–06 filled from the case, each as a PDF to print or a DOCX to edit in Word. Every reader of
 * the case may print them (what each form shows follows the reader, as on screen); each print is audited.
 */
export function CaseFormsMenu({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const notify = useNotify();
  const download = useMutation({
    mutationFn: async ({ kind, format: fileFormat }: { kind: CaseFormKind; format: CaseFileFormat }) => {
      const file = await downloadFile(
        api.cases.form,
        caseFormFallbackName(kind, detail.caseNumber, fileFormat),
        {
          params: { id: detail.id, form: kind },
          query: { format: fileFormat },
        },
      );
      saveFile(file);
      return file;
    },
    onSuccess: (file) => notify.success(format(t.cases.forms.downloaded, { name: file.fileName })),
  });
  // A report still in the inbox is only to be taken: its readers print nothing (the server refuses them).
  if (detail.relation === 'inbox') return null;
  const f = t.cases.forms;
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: caseFormKinds.map((kind) => {
            const number = caseFormNumber(kind);
            return {
              type: 'group' as const,
              key: kind,
              label: format(f.form, { number, title: f.titles[kind] }),
              children: [
                { key: caseFormMenuKey(kind, 'pdf'), label: format(f.pdf, { number }) },
                { key: caseFormMenuKey(kind, 'docx'), label: format(f.docx, { number }) },
              ],
            };
          }),
          onClick: ({ key }) => {
            const chosen = parseCaseFormMenuKey(key);
            if (chosen) download.mutate(chosen);
          },
        }}
      >
        <Button icon={<PrinterOutlined />} loading={download.isPending} title={f.hint}>
          {f.button}
        </Button>
      </Dropdown>
      {download.error && <ErrorAlert error={download.error} />}
    </>
  );
}
