import { describe, expect, test } from 'vitest';
import { formatInstant, hoursBetween, placeDateLine, placeName } from './vietnameseDates.ts';

const issuer = { province: 'Tỉnh Lào Cai', commune: 'Xã Bản Lầu', placeName: null };

describe('placeDateLine', () => {
  test('pads days below 10 and the months January and February, and no other month (Decree 30/2020)', () => {
    expect(placeDateLine(issuer, '2025-02-05')).toBe('Bản Lầu, ngày 05 tháng 02 năm 2025');
    expect(placeDateLine(issuer, '2025-01-31')).toBe('Bản Lầu, ngày 31 tháng 01 năm 2025');
    expect(placeDateLine(issuer, '2025-09-03')).toBe('Bản Lầu, ngày 03 tháng 9 năm 2025');
    expect(placeDateLine(issuer, '2025-11-21')).toBe('Bản Lầu, ngày 21 tháng 11 năm 2025');
  });

  test('leaves the date to write by hand when the step has none', () => {
    expect(placeDateLine(issuer, null)).toBe('Bản Lầu, ngày …… tháng …… năm 20……');
  });
});

describe('placeName', () => {
  test('is the commune without its kind, unless the issuer names its place', () => {
    expect(placeName({ ...issuer, commune: 'Phường Hồng Gai' })).toBe('Hồng Gai');
    expect(placeName({ ...issuer, commune: 'Đặc khu Phú Quốc' })).toBe('Phú Quốc');
    expect(placeName({ ...issuer, placeName: 'Sa Pa' })).toBe('Sa Pa');
  });
});

describe('formatInstant', () => {
  test('prints Vietnam time, whatever offset the instant was written with', () => {
    expect(formatInstant('2025-09-02T18:30:00Z')).toBe('01 giờ 30, ngày 03/09/2025');
    expect(formatInstant('2025-09-03T01:30:00+07:00')).toBe('01 giờ 30, ngày 03/09/2025');
  });

  test('counts whole hours between two instants', () => {
    expect(hoursBetween('2025-09-03T01:15:00Z', '2025-09-03T13:14:00Z')).toBe(11);
    expect(hoursBetween('2025-09-03T01:15:00Z', '2025-09-03T13:15:00Z')).toBe(12);
  });
});
