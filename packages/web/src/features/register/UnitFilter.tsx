import { useId, useState } from 'react';
import type { OrgLevel } from '@treem/shared';
import { useT } from '../../i18n/I18nProvider.tsx';
import { Button, FieldFrame, Flex, Tag, Typography } from '../../ui/index.ts';
import { OrgUnitPickerDialog } from '../orgUnits/OrgUnitPicker.tsx';
import { useOrgUnitDetail } from '../orgUnits/queries.ts';

const filterLevels: readonly OrgLevel[] = ['province', 'commune', 'village'];

/**
 * The unit a register list is limited to: the whole scope by default, or one province, commune or village picked
 * with the org-unit picker. The id lives in the URL; the name is read back from the server.
 */
export function UnitFilter({
  unitId,
  onChange,
  label,
}: {
  unitId: string | undefined;
  onChange: (unitId: string | undefined) => void;
  label: string;
}) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const detail = useOrgUnitDetail(unitId);
  const unit = detail.data?.unit;
  return (
    <FieldFrame id={id} label={label}>
      <Flex gap="small" align="center" wrap>
        {unitId ? (
          <Tag
            closable
            onClose={() => onChange(undefined)}
            closeIcon
            aria-label={t.register.filters.clearUnit}
          >
            {unit ? `${unit.fullName} · ${t.orgLevels[unit.level]}` : t.common.loading}
          </Tag>
        ) : (
          <Typography.Text type="secondary">{t.register.filters.unitAll}</Typography.Text>
        )}
        <Button id={id} size="small" onClick={() => setOpen(true)}>
          {t.register.filters.pickUnit}
        </Button>
      </Flex>
      <OrgUnitPickerDialog
        open={open}
        onClose={() => setOpen(false)}
        allowedLevels={filterLevels}
        onPick={(picked) => {
          setOpen(false);
          onChange(picked.id);
        }}
      />
    </FieldFrame>
  );
}
