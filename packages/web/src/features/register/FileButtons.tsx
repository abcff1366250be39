import { useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { api, type OrgUnit } from '@treem/shared';
import { downloadFile, saveFile } from '../../api/files.ts';
import { useWorkingUnit } from '../../app/WorkingUnit.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import {
  Button,
  Dialog,
  Dropdown,
  ErrorAlert,
  FieldFrame,
  Flex,
  FormActions,
  Select,
  Typography,
  useNotify,
} from '../../ui/index.ts';
import { OrgUnitPickerDialog } from '../orgUnits/OrgUnitPicker.tsx';
import { useOrgUnitList } from '../orgUnits/queries.ts';
import { toExportQuery, type PersonsSearch } from './registerSearch.ts';

/** The register as a spreadsheet, filtered exactly as the list on screen. */
export function ExportButton({ search }: { search: PersonsSearch }) {
  const t = useT();
  const notify = useNotify();
  const exporting = useMutation({
    mutationFn: async (fileFormat: 'xlsx' | 'csv') => {
      const file = await downloadFile(api.registerFiles.exportPersons, `so-theo-doi-tre-em.${fileFormat}`, {
        query: toExportQuery(search, fileFormat),
      });
      saveFile(file);
      return file;
    },
    onSuccess: (file) => notify.success(format(t.register.export.done, { name: file.fileName })),
  });
  return (
    <>
      <Dropdown
        menu={{
          items: [
            { key: 'xlsx', label: t.register.export.xlsx },
            { key: 'csv', label: t.register.export.csv },
          ],
          onClick: ({ key }) => exporting.mutate(key === 'csv' ? 'csv' : 'xlsx'),
        }}
      >
        <Button icon={<DownloadOutlined />} loading={exporting.isPending} title={t.register.export.hint}>
          {t.register.export.button}
        </Button>
      </Dropdown>
      {exporting.error && <ErrorAlert error={exporting.error} />}
    </>
  );
}

function useVillageBookDownload() {
  const t = useT();
  const notify = useNotify();
  return useMutation({
    mutationFn: async (villageId: string) => {
      const file = await downloadFile(api.registerFiles.villageBook, 'so-theo-doi-tre-em.pdf', {
        params: { id: villageId },
      });
      saveFile(file);
      return file;
    },
    onSuccess: (file) => notify.success(format(t.register.book.done, { name: file.fileName })),
  });
}

/** Villages of the working commune, as a plain list: the usual case, without opening the unit browser. */
function CommuneVillageSelect({
  communeId,
  value,
  onChange,
}: {
  communeId: string;
  value: string | undefined;
  onChange: (village: { id: string; name: string }) => void;
}) {
  const t = useT();
  const id = useId();
  const villages = useOrgUnitList({ parentId: communeId, page: 1, pageSize: 200 });
  const active = (villages.data?.items ?? []).filter(
    (unit) => unit.level === 'village' && unit.status === 'active',
  );
  return (
    <FieldFrame id={id} label={t.register.book.village}>
      <Select
        id={id}
        value={value}
        loading={villages.isFetching}
        placeholder={t.common.select}
        showSearch={{ optionFilterProp: 'label' }}
        options={active.map((unit) => ({ value: unit.id, label: unit.fullName }))}
        onChange={(next: string) => {
          const unit = active.find((candidate) => candidate.id === next);
          if (unit) onChange({ id: unit.id, name: unit.fullName });
        }}
      />
    </FieldFrame>
  );
}

function PickedVillage({
  village,
  onPick,
}: {
  village: { id: string; name: string } | undefined;
  onPick: (unit: OrgUnit) => void;
}) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <FieldFrame id={id} label={t.register.book.village}>
      <Flex gap="small" align="center" wrap>
        <Typography.Text type={village ? undefined : 'secondary'}>
          {village?.name ?? t.picker.nothingSelected}
        </Typography.Text>
        <Button id={id} onClick={() => setOpen(true)}>
          {t.picker.pick}
        </Button>
      </Flex>
      <OrgUnitPickerDialog
        open={open}
        onClose={() => setOpen(false)}
        allowedLevels={['village']}
        onPick={(unit) => {
          setOpen(false);
          onPick(unit);
        }}
      />
    </FieldFrame>
  );
}

/**
 * The household child book of a village as PDF. With a village known (the list is filtered to one, or the user
 * works in one) the file comes at once; otherwise a dialog asks which village.
 */
export function VillageBookButton({ village }: { village?: { id: string; name: string } | undefined }) {
  const t = useT();
  const { unit: workingUnit } = useWorkingUnit();
  const download = useVillageBookDownload();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<{ id: string; name: string } | undefined>();
  const known =
    village ??
    (workingUnit?.level === 'village'
      ? { id: workingUnit.orgUnitId, name: workingUnit.fullName }
      : undefined);
  const close = () => {
    setOpen(false);
    download.reset();
  };

  return (
    <>
      <Button
        icon={<FilePdfOutlined />}
        loading={download.isPending && !open}
        onClick={() => (known ? download.mutate(known.id) : setOpen(true))}
      >
        {t.register.book.button}
      </Button>
      {!open && download.error && <ErrorAlert error={download.error} />}
      <Dialog open={open} title={t.register.book.title} onClose={close}>
        <Flex vertical gap="small">
          <Typography.Text type="secondary">{t.register.book.hint}</Typography.Text>
          {workingUnit?.level === 'commune' ? (
            <CommuneVillageSelect communeId={workingUnit.orgUnitId} value={chosen?.id} onChange={setChosen} />
          ) : (
            <PickedVillage
              village={chosen}
              onPick={(unit) => setChosen({ id: unit.id, name: unit.fullName })}
            />
          )}
          <ErrorAlert error={download.error} />
          <FormActions>
            <Button onClick={close}>{t.common.cancel}</Button>
            <Button
              type="primary"
              icon={<FilePdfOutlined />}
              disabled={!chosen}
              loading={download.isPending}
              onClick={() => {
                if (chosen) download.mutate(chosen.id, { onSuccess: close });
              }}
            >
              {t.register.book.download}
            </Button>
          </FormActions>
        </Flex>
      </Dialog>
    </>
  );
}
