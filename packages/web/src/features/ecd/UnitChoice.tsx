import { useId, useState } from 'react';
import type { OrgLevel } from '@treem/shared';
import { useWorkingUnit } from '../../app/WorkingUnit.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import { Button, FieldFrame, Flex, Select, Typography } from '../../ui/index.ts';
import { OrgUnitPickerDialog } from '../orgUnits/OrgUnitPicker.tsx';
import { useOrgUnitDetail, useOrgUnitList } from '../orgUnits/queries.ts';

/** The unit a page opens on: the working unit when it is a level the page works at. */
export function useDefaultUnit(levels: readonly OrgLevel[]): string | undefined {
  const { unit } = useWorkingUnit();
  return unit && levels.includes(unit.level) ? unit.orgUnitId : undefined;
}

/**
 * Where an early-childhood page works: a village, or (for the action lists) a whole commune. The working unit decides
 * the control, as in the register: a collaborator's village is shown, not asked; a commune worker picks from the
 * commune's villages (or the whole commune); anyone wider opens the unit browser.
 */
export function UnitChoice({
  value,
  onChange,
  allowCommune,
  label,
}: {
  value: string | undefined;
  onChange: (unitId: string) => void;
  allowCommune: boolean;
  label: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const { unit: working } = useWorkingUnit();
  const [open, setOpen] = useState(false);
  const commune = working?.level === 'commune' ? working : undefined;
  const villages = useOrgUnitList({ parentId: commune?.orgUnitId, page: 1, pageSize: 200 }, Boolean(commune));
  const chosen = useOrgUnitDetail(value).data?.unit;

  if (working?.level === 'village') {
    return (
      <FieldFrame id={id} label={label}>
        <Typography.Text id={id} strong>
          {working.fullName}
        </Typography.Text>
      </FieldFrame>
    );
  }

  if (commune) {
    const active = (villages.data?.items ?? []).filter((u) => u.level === 'village' && u.status === 'active');
    const options = [
      ...(allowCommune
        ? [{ value: commune.orgUnitId, label: format(t.ecd.unit.wholeCommune, { name: commune.fullName }) }]
        : []),
      ...active.map((u) => ({ value: u.id, label: u.fullName })),
    ];
    return (
      <FieldFrame id={id} label={label}>
        <Select
          id={id}
          value={value}
          onChange={(next: string) => onChange(next)}
          loading={villages.isFetching}
          placeholder={t.common.select}
          showSearch={{ optionFilterProp: 'label' }}
          options={options}
          popupMatchSelectWidth={false}
          className="unit-choice"
        />
      </FieldFrame>
    );
  }

  const levels: OrgLevel[] = allowCommune ? ['commune', 'village'] : ['village'];
  return (
    <FieldFrame id={id} label={label}>
      <Flex gap="small" align="center" wrap>
        <Typography.Text type={chosen ? undefined : 'secondary'}>
          {value
            ? chosen
              ? `${chosen.fullName} · ${t.orgLevels[chosen.level]}`
              : t.common.loading
            : t.ecd.unit.none}
        </Typography.Text>
        <Button id={id} onClick={() => setOpen(true)}>
          {t.picker.pick}
        </Button>
      </Flex>
      <OrgUnitPickerDialog
        open={open}
        onClose={() => setOpen(false)}
        allowedLevels={levels}
        onPick={(picked) => {
          setOpen(false);
          onChange(picked.id);
        }}
      />
    </FieldFrame>
  );
}
