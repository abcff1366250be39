import { useId, useState } from 'react';
import { todayInVietnam } from '@treem/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button, FieldFrame, Flex, Select, Typography } from '../../ui/index.ts';
import { OrgUnitPickerDialog } from '../orgUnits/OrgUnitPicker.tsx';
import { useOrgUnitDetail } from '../orgUnits/queries.ts';
import { periodChoices } from './indicatorFormat.ts';

/** The unit (province, commune or village) and the period a page of numbers is for. */
export function UnitPeriodBar({
  unitId,
  period,
  onUnit,
  onPeriod,
}: {
  unitId: string | undefined;
  period: string;
  onUnit: (id: string) => void;
  onPeriod: (period: string) => void;
}) {
  const { t, language } = useI18n();
  const unitFieldId = useId();
  const periodFieldId = useId();
  const [open, setOpen] = useState(false);
  const unit = useOrgUnitDetail(unitId).data?.unit;
  const choices = periodChoices(todayInVietnam(), language);
  if (!choices.some((choice) => choice.value === period)) choices.push({ value: period, label: period });
  return (
    <Flex gap="large" wrap align="end">
      <FieldFrame id={unitFieldId} label={t.indicators.unit.label}>
        <Flex gap="small" align="center" wrap>
          <Typography.Text
            strong={Boolean(unit)}
            type={unitId ? undefined : 'secondary'}
            data-testid="indicator-unit"
          >
            {unitId
              ? unit
                ? `${unit.fullName} · ${t.orgLevels[unit.level]}`
                : t.common.loading
              : t.ecd.unit.none}
          </Typography.Text>
          <Button id={unitFieldId} size="small" onClick={() => setOpen(true)}>
            {t.indicators.unit.pick}
          </Button>
        </Flex>
        <OrgUnitPickerDialog
          open={open}
          onClose={() => setOpen(false)}
          allowedLevels={['province', 'commune', 'village']}
          onPick={(picked) => {
            setOpen(false);
            onUnit(picked.id);
          }}
        />
      </FieldFrame>
      <FieldFrame id={periodFieldId} label={t.indicators.period.label}>
        <Select
          id={periodFieldId}
          value={period}
          options={choices}
          onChange={(value: string) => onPeriod(value)}
          style={{ minWidth: 220 }}
        />
      </FieldFrame>
    </Flex>
  );
}
