import { expect, test } from 'vitest';
import { vi } from '../../i18n/vi.ts';
import { shareCandidateOptions } from './pickers.ts';

test('offers each user a case may be shared with once, by name, role and unit, and never the worker', () => {
  const options = shareCandidateOptions(
    [
      { id: 'a', fullName: 'Ngô Thị Bảo', role: 'province_officer', unitName: 'Thành phố Hà Nội' },
      { id: 'a', fullName: 'Ngô Thị Bảo', role: 'province_officer', unitName: 'Xã Hòa Lạc' },
      { id: 'me', fullName: 'Lê Thị Hằng', role: 'commune_worker', unitName: 'Xã Hòa Lạc' },
      { id: 'b', fullName: 'Phạm Văn Đức', role: 'a_role_from_a_later_version', unitName: 'Xã Hòa Lạc' },
    ],
    'me',
    vi,
  );
  expect(options).toEqual([
    { value: 'a', label: `Ngô Thị Bảo · ${vi.roles.province_officer} · Thành phố Hà Nội` },
    { value: 'b', label: 'Phạm Văn Đức · a_role_from_a_later_version · Xã Hòa Lạc' },
  ]);
});
