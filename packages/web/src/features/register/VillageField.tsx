import { useEffect, useId } from 'react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useWorkingUnit } from '../../app/WorkingUnit.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FieldFrame, Select, Typography } from '../../ui/index.ts';
import { OrgUnitPickerField } from '../orgUnits/OrgUnitPicker.tsx';
import { useOrgUnitList } from '../orgUnits/queries.ts';

interface VillageFieldProps<T extends FieldValues> {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  hint?: string;
}

/** A collaborator works in one village: it is the answer, shown rather than asked. */
function FixedVillage<T extends FieldValues>({
  control,
  name,
  label,
  village,
}: VillageFieldProps<T> & { village: { id: string; name: string } }) {
  const id = useId();
  const { field } = useController({ control, name });
  const onChange = field.onChange;
  const current: unknown = field.value;
  useEffect(() => {
    if (current !== village.id) onChange(village.id);
  }, [current, village.id, onChange]);
  return (
    <FieldFrame id={id} label={label}>
      <Typography.Text id={id} strong>
        {village.name}
      </Typography.Text>
    </FieldFrame>
  );
}

/** The villages of one commune in a plain select: what a commune worker needs, without the unit browser. */
function CommuneVillages<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  communeId,
}: VillageFieldProps<T> & { communeId: string }) {
  const t = useT();
  const id = useId();
  const { field, fieldState } = useController({ control, name });
  const villages = useOrgUnitList({ parentId: communeId, page: 1, pageSize: 200 });
  const value: unknown = field.value;
  const options = (villages.data?.items ?? [])
    .filter((unit) => unit.level === 'village' && unit.status === 'active')
    .map((unit) => ({ value: unit.id, label: unit.fullName }));
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      error={fieldState.error ? t.validation.requiredChoice : undefined}
    >
      <Select
        id={id}
        ref={field.ref}
        value={typeof value === 'string' && value ? value : undefined}
        onChange={(next: string) => field.onChange(next)}
        onBlur={field.onBlur}
        loading={villages.isFetching}
        placeholder={t.common.select}
        showSearch={{ optionFilterProp: 'label' }}
        options={options}
        aria-invalid={fieldState.invalid}
      />
    </FieldFrame>
  );
}

/**
 * Where a household or person is registered. The working unit decides the control: a village is fixed, a commune
 * offers its villages, a province (or several units) opens the unit browser.
 */
export function VillageField<T extends FieldValues>(props: VillageFieldProps<T>) {
  const { unit } = useWorkingUnit();
  if (unit?.level === 'village') {
    return <FixedVillage {...props} village={{ id: unit.orgUnitId, name: unit.fullName }} />;
  }
  if (unit?.level === 'commune') return <CommuneVillages {...props} communeId={unit.orgUnitId} />;
  return <OrgUnitPickerField {...props} allowedLevels={['village']} />;
}
