import type { OrgUnit } from '@treem/shared';
import { useT } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/vi.ts';
import { Tag } from '../../ui/index.ts';

/** "01/07/2025 – 30/06/2025"; an open end stays empty. */
export function validityText(unit: Pick<OrgUnit, 'validFrom' | 'validTo'>): string {
  if (!unit.validFrom && !unit.validTo) return '';
  return `${formatDate(unit.validFrom)} – ${formatDate(unit.validTo)}`;
}

export function StatusTag({ unit }: { unit: Pick<OrgUnit, 'status' | 'generation'> }) {
  const t = useT();
  const color = unit.status === 'active' ? 'green' : unit.status === 'closed' ? 'red' : 'default';
  return (
    <span className="tag-group">
      <Tag color={color}>{t.orgUnitStatuses[unit.status]}</Tag>
      {unit.generation === 'y2008' && <Tag color="gold">{t.orgGenerations.y2008}</Tag>}
    </span>
  );
}

export function MergeTypeTag({ mergeType }: { mergeType: 'full' | 'partial' }) {
  const t = useT();
  return <Tag color={mergeType === 'full' ? 'blue' : 'purple'}>{t.mergeTypes[mergeType]}</Tag>;
}

/** Labels for a list of levels, for hints such as "only communes can be chosen". */
export function levelList(levels: readonly OrgUnit['level'][], t: Messages): string {
  return levels.map((level) => t.orgLevels[level]).join(', ');
}

/** A village is app-managed; only an active one can be renamed, closed or moved. */
export function isEditableVillage(unit: OrgUnit): boolean {
  return unit.generation === 'village' && unit.status === 'active';
}

/** Villages are created under active communes of the current (2025) list. */
export function canHoldVillages(unit: OrgUnit): boolean {
  return unit.level === 'commune' && unit.generation === 'current' && unit.status === 'active';
}
