// The fields every form prints alike: the child, the caregivers, boxes to tick and signatures.
import { assertNever, type PlainDate } from '@treem/shared';
import type { Caregiver, ChildIdentity, Official, SignerCapacity } from './caseFormTypes.ts';
import { DOTS, type Block, type Signature } from './formDocument.ts';
import { formatDate } from './vietnameseDates.ts';

export function field(label: string, value: string | null | undefined, blankLines = 0): Block {
  return { kind: 'field', label, value: value?.trim() ? value : null, blankLines };
}

export function choice<T extends string>(
  label: string,
  names: Record<T, string>,
  selected: T | null,
  stacked = false,
): Block {
  return {
    kind: 'choice',
    label,
    options: (Object.keys(names) as T[]).map((key) => ({ text: names[key], selected: key === selected })),
    stacked,
  };
}

export function yesNo(label: string, value: boolean | null): Block {
  return choice(label, { yes: 'Có', no: 'Không' }, value === null ? null : value ? 'yes' : 'no');
}

export function signature(title: string, official: Official | null, hint = '(Ký, ghi rõ họ tên)'): Signature {
  return { capacity: [], title, hint, name: official?.fullName ?? null };
}

/** The chair's signature on the commune's behalf (Decree 30/2020): TM. for the committee, KT. for a deputy. */
export function chairSignature(
  capacity: SignerCapacity,
  signer: Official | null,
  onBehalfOfCommittee: boolean,
): Signature {
  const committee = onBehalfOfCommittee ? ['TM. ỦY BAN NHÂN DÂN'] : [];
  switch (capacity) {
    case 'chair':
      return {
        capacity: committee,
        title: 'CHỦ TỊCH',
        hint: '(Ký, ghi rõ họ tên, đóng dấu)',
        name: signer?.fullName ?? null,
      };
    case 'vice_chair':
      return {
        capacity: [...committee, 'KT. CHỦ TỊCH'],
        title: 'PHÓ CHỦ TỊCH',
        hint: '(Ký, ghi rõ họ tên, đóng dấu)',
        name: signer?.fullName ?? null,
      };
    default:
      return assertNever(capacity);
  }
}

export function caregiverLabel(caregiver: Caregiver): string {
  switch (caregiver.relationship) {
    case 'father':
      return 'cha';
    case 'mother':
      return 'mẹ';
    case 'other':
      return caregiver.relationshipLabel?.toLowerCase() ?? 'người chăm sóc';
    default:
      return assertNever(caregiver.relationship);
  }
}

/** "Lò Văn Páo; tuổi: 38; nghề nghiệp: làm nương", for the parents' lines of Mẫu 01. */
export function parentLine(parent: Caregiver | undefined, on: PlainDate): string | null {
  if (!parent) return null;
  const age = parent.birthYear ? `tuổi: ${Number(on.slice(0, 4)) - parent.birthYear}` : `tuổi: ${DOTS}`;
  return `${parent.fullName}; ${age}; nghề nghiệp: ${parent.occupation ?? DOTS}`;
}

export function currentCaregivers(caregivers: readonly Caregiver[]): string | null {
  const current = caregivers.filter((c) => c.isCurrentCaregiver);
  if (current.length === 0) return null;
  return current
    .map((c) => `${c.fullName} (${caregiverLabel(c)})${c.phone ? `, điện thoại: ${c.phone}` : ''}`)
    .join('; ');
}

export const sexNames = { male: 'Nam', female: 'Nữ', unknown: 'Không biết' } as const;

export function birthLine(child: ChildIdentity): string | null {
  if (child.birthDate) return formatDate(child.birthDate);
  if (child.estimatedAge !== null) return `không rõ; ước lượng ${child.estimatedAge} tuổi`;
  return null;
}

/**
 * The child's identity, as the forms after Mẫu 01 print it. The school and the ID number only where the form is the
 * case's full record (Mẫu 03–05); the others need the child recognised, no more.
 */
export function childFields(
  child: ChildIdentity,
  options: { school: boolean; personalId: boolean } = { school: false, personalId: false },
): Block[] {
  return [
    field('Họ và tên trẻ em', child.fullName),
    field('Ngày, tháng, năm sinh', birthLine(child)),
    choice(
      'Giới tính',
      { male: sexNames.male, female: sexNames.female },
      child.sex === 'unknown' ? null : child.sex,
    ),
    field('Dân tộc', child.ethnicity),
    field('Nơi cư trú', child.address),
    ...(options.school
      ? [field('Trường, lớp', [child.school, child.schoolClass].filter(Boolean).join(', ') || null)]
      : []),
    ...(options.personalId ? [field('Số định danh cá nhân', child.personalId)] : []),
  ];
}

const communeKind = /^(Xã|Phường|Thị trấn|Đặc khu) /;

/** The commune's name inside a sentence, its kind in lower case: 'Ủy ban nhân dân xã Bản Lầu'. */
export function communeInText(commune: string): string {
  return commune.replace(communeKind, (kind) => kind.toLowerCase());
}

export function childNameOrDots(child: ChildIdentity): string {
  return child.fullName ?? DOTS;
}
