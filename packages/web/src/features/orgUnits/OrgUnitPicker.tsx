import { useId, useState } from 'react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import type { OrgLevel, OrgUnit } from '@treem/shared';
import { useT } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import { Breadcrumb, Button, Dialog, FieldFrame, Flex, Input, Tag, Typography } from '../../ui/index.ts';
import { OrgUnitTable } from './OrgUnitTable.tsx';
import { useOrgUnitList, useOrgUnitRoots } from './queries.ts';
import { levelList } from './unitDisplay.tsx';

/** What a picker needs to show a chosen unit; scope units from `Me`/`User` have the same fields. */
export interface PickedUnit {
  id: string;
  name: string;
  fullName: string;
  level: OrgLevel;
}

interface PickerDialogProps {
  open: boolean;
  onClose: () => void;
  onPick: (unit: OrgUnit) => void;
  allowedLevels: readonly OrgLevel[];
  /** Already chosen: shown but not pickable again. */
  chosenIds?: readonly string[];
}

/**
 * Choose an org unit by drilling down from the user's scope roots or by name search. Only active units of the
 * current list at an allowed level can be chosen; the server still checks that the unit is inside the scope.
 */
export function OrgUnitPickerDialog({
  open,
  onClose,
  onPick,
  allowedLevels,
  chosenIds = [],
}: PickerDialogProps) {
  const t = useT();
  const searchId = useId();
  const [trail, setTrail] = useState<{ id: string; name: string }[]>([]);
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const parent = trail.at(-1);
  const mode = search ? 'search' : parent ? 'children' : 'roots';
  const roots = useOrgUnitRoots(open && mode === 'roots');
  const list = useOrgUnitList(
    mode === 'search' ? { search, page, pageSize } : { parentId: parent?.id, page, pageSize },
    open && mode !== 'roots',
  );
  const query = mode === 'roots' ? roots : list;

  const pickable = (unit: OrgUnit) =>
    allowedLevels.includes(unit.level) &&
    unit.status === 'active' &&
    unit.generation !== 'y2008' &&
    !chosenIds.includes(unit.id);

  const drill = (unit: OrgUnit) => {
    setSearch('');
    setPage(1);
    setTrail((previous) => [...previous, { id: unit.id, name: unit.name }]);
  };

  return (
    <Dialog open={open} title={t.picker.title} onClose={onClose} width={900}>
      <Flex vertical gap="small">
        <Typography.Text type="secondary">
          {format(t.picker.allowedLevels, { levels: levelList(allowedLevels, t) })}
        </Typography.Text>
        <FieldFrame id={searchId} label={t.orgUnits.search} hint={t.orgUnits.searchHint}>
          <Input.Search
            id={searchId}
            allowClear
            enterButton={t.common.search}
            onSearch={(value) => {
              setPage(1);
              setSearch(value.trim());
            }}
          />
        </FieldFrame>
        {mode !== 'search' && (
          <Breadcrumb
            items={[
              {
                key: 'roots',
                title: (
                  <Button type="link" size="small" onClick={() => setTrail([])}>
                    {t.orgUnits.myScope}
                  </Button>
                ),
              },
              ...trail.map((crumb, index) => ({
                key: crumb.id,
                title: (
                  <Button type="link" size="small" onClick={() => setTrail(trail.slice(0, index + 1))}>
                    {crumb.name}
                  </Button>
                ),
              })),
            ]}
          />
        )}
        <OrgUnitTable
          label={t.picker.title}
          linkNames={false}
          compact
          data={mode === 'roots' ? roots.data?.items : list.data}
          loading={query.isFetching}
          error={query.error}
          onRetry={() => void query.refetch()}
          onPageChange={(next, size) => {
            setPage(next);
            setPageSize(size);
          }}
          emptyText={mode === 'search' ? t.orgUnits.noResults : t.orgUnits.noChildren}
          action={(unit) => (
            <Flex gap="small" wrap>
              <Button
                size="small"
                type="primary"
                disabled={!pickable(unit)}
                aria-label={`${t.common.select}: ${unit.fullName}`}
                onClick={() => onPick(unit)}
              >
                {t.common.select}
              </Button>
              {unit.childCount > 0 && (
                <Button
                  size="small"
                  aria-label={`${t.orgUnits.openChildren}: ${unit.name}`}
                  onClick={() => drill(unit)}
                >
                  {t.orgUnits.openChildren}
                </Button>
              )}
            </Flex>
          )}
        />
      </Flex>
    </Dialog>
  );
}

interface PickerFieldProps<T extends FieldValues> {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  hint?: string;
  allowedLevels: readonly OrgLevel[];
  /** Names for ids already in the form (e.g. a user's current scope). */
  known?: readonly PickedUnit[];
  multiple?: boolean;
}

/**
 * A form field holding unit ids: `string[]` when `multiple`, else `string`. The visible label names the
 * button that opens the picker, so tests reach it by label too.
 */
export function OrgUnitPickerField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  allowedLevels,
  known = [],
  multiple = false,
}: PickerFieldProps<T>) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [names, setNames] = useState<ReadonlyMap<string, PickedUnit>>(
    () => new Map(known.map((unit) => [unit.id, unit])),
  );
  const { field, fieldState } = useController({ control, name });
  const raw: unknown = field.value;
  const ids: string[] = Array.isArray(raw)
    ? raw.filter((value): value is string => typeof value === 'string')
    : typeof raw === 'string' && raw
      ? [raw]
      : [];

  const pick = (unit: OrgUnit) => {
    setNames((previous) => new Map(previous).set(unit.id, { ...unit }));
    field.onChange(multiple ? [...ids, unit.id] : unit.id);
    if (!multiple) setOpen(false);
  };
  const remove = (removed: string) => {
    const rest = ids.filter((value) => value !== removed);
    field.onChange(multiple ? rest : undefined);
  };

  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      // Nothing chosen yet: "please choose" says more than the schema's "wrong format" or "too few".
      error={fieldState.error && ids.length === 0 ? t.validation.requiredChoice : fieldState.error?.message}
    >
      <Flex vertical gap="small">
        {ids.length === 0 ? (
          <Typography.Text type="secondary">{t.picker.nothingSelected}</Typography.Text>
        ) : (
          <Flex gap="small" wrap aria-label={t.picker.selected}>
            {ids.map((unitId) => {
              const unit = names.get(unitId);
              return (
                <Tag key={unitId} closable onClose={() => remove(unitId)}>
                  {unit ? `${unit.fullName} · ${t.orgLevels[unit.level]}` : unitId}
                </Tag>
              );
            })}
          </Flex>
        )}
        <div>
          <Button id={id} ref={field.ref} onClick={() => setOpen(true)} onBlur={field.onBlur}>
            {multiple ? t.picker.add : t.picker.pick}
          </Button>
        </div>
      </Flex>
      <OrgUnitPickerDialog
        open={open}
        onClose={() => setOpen(false)}
        onPick={pick}
        allowedLevels={allowedLevels}
        chosenIds={ids}
      />
    </FieldFrame>
  );
}
