import { formatPlainDateVi, plainDateInZone, VIETNAM_TIME_ZONE, type PlainDate } from '@treem/shared';
import type { Instant, IssuingBody } from './caseFormTypes.ts';

const communeKind = /^(xã|phường|thị trấn|đặc khu)\s+/i;

/** The place on the date line: a commune's documents name the commune without its kind (Decree 30/2020). */
export function placeName(issuer: IssuingBody): string {
  return issuer.placeName ?? issuer.commune.replace(communeKind, '');
}

/**
 * "Bản Lầu, ngày 05 tháng 9 năm 2025". Decree 30/2020 pads days below 10 and the months 1 and 2 with a zero, and
 * no other month. Without a date the line is left to fill by hand.
 */
export function placeDateLine(issuer: IssuingBody, date: PlainDate | null): string {
  const place = placeName(issuer);
  if (!date) return `${place}, ngày …… tháng …… năm 20……`;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const dd = String(day).padStart(2, '0');
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${year}`;
}

export function formatDate(date: PlainDate | null): string | null {
  return date ? formatPlainDateVi(date) : null;
}

const timeFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The calendar date of an instant in Vietnam. */
export function dateOfInstant(instant: Instant): PlainDate {
  return plainDateInZone(new Date(instant), VIETNAM_TIME_ZONE);
}

/** "08 giờ 15, ngày 03/09/2025", in Vietnam time whatever the offset the instant was written with. */
export function formatInstant(instant: Instant): string {
  const [hours, minutes] = timeFormatter.format(new Date(instant)).split(':');
  return `${hours} giờ ${minutes}, ngày ${formatPlainDateVi(dateOfInstant(instant))}`;
}

/** Whole hours from one instant to another, rounded down. */
export function hoursBetween(from: Instant, to: Instant): number {
  return Math.floor((new Date(to).getTime() - new Date(from).getTime()) / 3_600_000);
}
