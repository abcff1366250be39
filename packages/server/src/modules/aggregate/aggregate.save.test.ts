import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { seedCommune, seedProvince, type SeedUnit } from '../../testing/factories.ts';
import { createTestApp, signedIn, type TestApp } from '../../testing/testApp.ts';

let t: TestApp;
let province: SeedUnit;

beforeAll(async () => {
  t = await createTestApp();
  province = await seedProvince(t.db, { name: 'Hải Dương' });
});
afterAll(() => t.close());

const count = async (table: 'aggregate_value' | 'audit_event' | 'period_lock') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const counts = async () => ({ values: await count('aggregate_value'), audit: await count('audit_event') });

const put = (client: TestClient, unit: SeedUnit, period: string, code: string, body: object) =>
  client.put(`/api/aggregate/units/${unit.id}/entry`, { period, indicatorCode: code, ...body });

const auditOf = (entityId: string) =>
  t.db
    .selectFrom('audit_event')
    .select(['action', 'org_path', 'before', 'after', 'reason', 'actor_username'])
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();

/** A fresh commune with its staff: each test writes its own cells. */
async function commune() {
  const unit = await seedCommune(t.db, province);
  return {
    unit,
    school: await signedIn(t, 'school_staff', [unit]),
    health: await signedIn(t, 'health_worker', [unit]),
    worker: await signedIn(t, 'commune_worker', [unit]),
  };
}

describe('saving one entry', () => {
  test('a school enters a ratio: the value follows from the numbers, the change is audited, the same numbers again change nothing', async () => {
    const { unit, school } = await commune();
    const saved = await put(school, unit, '2025', 'NPA-07', { numerator: 45, denominator: 50 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // 45 of 50 schools with latrines: 90 %.
    expect(saved.body).toMatchObject({
      indicatorCode: 'NPA-07',
      sector: 'education',
      editable: true,
      entry: { numerator: 45, denominator: 50, value: 90, comment: null, warnings: [], version: 1 },
      lastPeriod: { period: '2024', value: null },
      history: [],
    });
    expect(saved.body.entry.enteredBy.fullName).toMatch(/^Người Dùng school\.staff\./);

    const changed = await put(school, unit, '2025', 'NPA-07', {
      numerator: 46,
      denominator: 50,
      comment: 'Thêm điểm trường Đồng Tâm',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.entry).toMatchObject({ numerator: 46, value: 92, version: 2 });

    const events = await auditOf(saved.body.entry.id);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      action: 'aggregate.entered',
      org_path: unit.path,
      before: null,
      after: { indicatorCode: 'NPA-07', period: '2025', numerator: 45, denominator: 50, value: 90 },
    });
    expect(events[1]).toMatchObject({
      before: { numerator: 45, denominator: 50, value: 90, comment: null, version: 1 },
      after: { numerator: 46, denominator: 50, value: 92, comment: 'Thêm điểm trường Đồng Tâm', version: 2 },
    });

    const before = await counts();
    const again = await put(school, unit, '2025', 'NPA-07', {
      numerator: 46,
      denominator: 50,
      comment: 'Thêm điểm trường Đồng Tâm',
    });
    expect(again.status).toBe(200);
    expect(again.body.entry.version).toBe(2);
    expect(await counts()).toEqual(before);
  });

  test('numbers a kind does not take are not kept', async () => {
    const { unit, school } = await commune();
    const saved = await put(school, unit, '2025', 'NPA-17b', {
      numerator: 12,
      denominator: 40,
      value: 3,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.entry).toMatchObject({ numerator: 12, denominator: null, value: 12 });
  });
});

describe('errors block impossible numbers, with the Vietnamese message, and change nothing', () => {
  type Who = 'school' | 'health' | 'worker' | 'provinceAdmin';
  const cases: {
    rule: string;
    who: Who;
    code: string;
    body: Record<string, unknown>;
    violations: { code: string; field: string; message: string }[];
  }[] = [
    {
      rule: 'a negative number',
      who: 'school',
      code: 'NPA-07',
      body: { numerator: -1, denominator: 50 },
      violations: [{ code: 'NEGATIVE', field: 'numerator', message: 'Số liệu không được âm.' }],
    },
    {
      rule: 'a count that is not whole',
      who: 'school',
      code: 'NPA-17b',
      body: { numerator: 2.5 },
      violations: [{ code: 'NOT_WHOLE_NUMBER', field: 'numerator', message: 'Số đếm phải là số nguyên.' }],
    },
    {
      rule: 'a numerator above the denominator',
      who: 'school',
      code: 'NPA-07',
      body: { numerator: 51, denominator: 50 },
      violations: [
        {
          code: 'NUMERATOR_ABOVE_DENOMINATOR',
          field: 'numerator',
          message: 'Tử số không được lớn hơn mẫu số.',
        },
      ],
    },
    {
      rule: 'deaths over no live birth',
      who: 'health',
      code: 'NPA-03a',
      body: { numerator: 2, denominator: 0 },
      violations: [
        {
          code: 'DENOMINATOR_ZERO',
          field: 'denominator',
          message: 'Mẫu số bằng 0 thì tử số cũng phải bằng 0.',
        },
      ],
    },
    {
      rule: 'a commune meeting the child-friendly standard twice (NPA-01 takes 1 or 0)',
      who: 'worker',
      code: 'NPA-01',
      body: { numerator: 2, denominator: 1 },
      violations: [
        {
          code: 'NOT_ONE_OR_ZERO',
          field: 'numerator',
          message: 'Chỉ nhập 1 (có) hoặc 0 (không) cho mỗi xã.',
        },
      ],
    },
    {
      rule: 'a play space over two communes (NPA-21 takes 1 or 0 over 1)',
      who: 'worker',
      code: 'NPA-21',
      body: { numerator: 1, denominator: 2 },
      violations: [
        {
          code: 'NOT_ONE_OR_ZERO',
          field: 'denominator',
          message: 'Chỉ nhập 1 (có) hoặc 0 (không) cho mỗi xã.',
        },
      ],
    },
    {
      rule: 'a yearly reduction above 100 % (NPA-13)',
      who: 'provinceAdmin',
      code: 'NPA-13',
      body: { value: 150 },
      violations: [{ code: 'OUT_OF_RANGE', field: 'value', message: 'Giá trị nằm ngoài khoảng cho phép.' }],
    },
    {
      rule: 'a missing denominator',
      who: 'school',
      code: 'NPA-07',
      body: { numerator: 10 },
      violations: [{ code: 'MISSING_VALUE', field: 'denominator', message: 'Cần nhập đủ số liệu.' }],
    },
    {
      rule: 'no number at all',
      who: 'health',
      code: 'NPA-03b',
      body: { numerator: null, denominator: null },
      violations: [
        { code: 'MISSING_VALUE', field: 'numerator', message: 'Cần nhập đủ số liệu.' },
        { code: 'MISSING_VALUE', field: 'denominator', message: 'Cần nhập đủ số liệu.' },
      ],
    },
  ];

  for (const c of cases) {
    test(`${c.rule}: ${c.violations.map((v) => v.code).join(', ')}`, async () => {
      const staff = await commune();
      const provinceAdmin = await signedIn(t, 'province_admin', [province]);
      const client: TestClient = c.who === 'provinceAdmin' ? provinceAdmin : staff[c.who];
      const unit = c.who === 'provinceAdmin' ? province : staff.unit;
      const before = await counts();
      const response = await put(client, unit, '2025', c.code, c.body);
      expect(response.status, JSON.stringify(response.body)).toBe(422);
      expect(response.body.error.code).toBe('AGGREGATE_INVALID');
      expect(response.body.error.details.violations).toEqual(
        c.violations.map((v) => ({ indicatorCode: c.code, ...v })),
      );
      expect(response.body.error.issues).toEqual(
        c.violations.map((v) => ({ path: `body.${v.field}`, code: v.code, message: v.message })),
      );
      expect(await counts()).toEqual(before);
    });
  }

  test('an impossible change to a saved entry leaves it as it was', async () => {
    const { unit, school } = await commune();
    expect((await put(school, unit, '2025', 'NPA-07', { numerator: 30, denominator: 50 })).status).toBe(200);
    const refused = await put(school, unit, '2025', 'NPA-07', { numerator: 60, denominator: 50 });
    expect(refused.status).toBe(422);
    const row = await t.db
      .selectFrom('aggregate_value')
      .select(['numerator', 'version'])
      .where('org_unit_id', '=', unit.id)
      .executeTakeFirstOrThrow();
    expect(Number(row.numerator)).toBe(30);
    expect(row.version).toBe(1);
  });

  test('a yearly indicator is not entered for a half year', async () => {
    const { unit, school } = await commune();
    const response = await put(school, unit, '2025H1', 'NPA-07', { numerator: 1, denominator: 2 });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('PERIOD_TYPE_NOT_ALLOWED');
  });
});

describe('warnings need an acknowledgement and a comment', () => {
  test('a change of more than 50 % from last period', async () => {
    const { unit, school } = await commune();
    // 2024: 40 of 50 schools = 80 %.
    expect((await put(school, unit, '2024', 'NPA-07', { numerator: 40, denominator: 50 })).status).toBe(200);
    // 2025: 10 of 50 = 20 %, 75 % lower.
    const numbers = { numerator: 10, denominator: 50 };
    const before = await counts();
    const warning = {
      indicatorCode: 'NPA-07',
      code: 'CHANGED_FROM_LAST_PERIOD',
      field: 'value',
      message: 'Giá trị thay đổi hơn 50% so với kỳ trước. Vui lòng kiểm tra và ghi chú lý do.',
    };
    for (const attempt of [
      numbers,
      { ...numbers, acknowledgeWarnings: true },
      { ...numbers, acknowledgeWarnings: true, comment: '   ' },
      { ...numbers, comment: 'Ba trường sáp nhập vào xã bên' },
    ]) {
      const refused = await put(school, unit, '2025', 'NPA-07', attempt);
      expect(refused.status, JSON.stringify(attempt)).toBe(422);
      expect(refused.body.error.code).toBe('AGGREGATE_WARNINGS_NEED_COMMENT');
      expect(refused.body.error.details.violations).toEqual([warning]);
    }
    expect(await counts()).toEqual(before);

    const saved = await put(school, unit, '2025', 'NPA-07', {
      ...numbers,
      acknowledgeWarnings: true,
      comment: 'Ba trường sáp nhập vào xã bên',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.entry).toMatchObject({
      value: 20,
      comment: 'Ba trường sáp nhập vào xã bên',
      warnings: ['CHANGED_FROM_LAST_PERIOD'],
    });
    expect(saved.body.lastPeriod).toEqual({ period: '2024', value: 80 });
    const [event] = await auditOf(saved.body.entry.id);
    expect(event).toMatchObject({
      reason: 'Ba trường sáp nhập vào xã bên',
      after: { warnings: ['CHANGED_FROM_LAST_PERIOD'] },
    });
  });

  test('an outlier against four earlier periods (median/MAD)', async () => {
    const { unit, school } = await commune();
    // Dropouts 2021–2024: 10, 11, 12, 13 — median 11.5, MAD 1.
    for (const [year, dropouts] of [
      ['2021', 10],
      ['2022', 11],
      ['2023', 12],
      ['2024', 13],
    ] as const) {
      const saved = await put(school, unit, year, 'NPA-17b', { numerator: dropouts });
      expect(saved.status, `${year}: ${JSON.stringify(saved.body)}`).toBe(200);
    }
    // 16: M = 0.6745 × 4.5 = 3.04, and 23 % above 13: no warning.
    const usual = await put(school, unit, '2025', 'NPA-17b', { numerator: 16 });
    expect(usual.status).toBe(200);
    expect(usual.body.history).toEqual([
      { period: '2021', value: 10 },
      { period: '2022', value: 11 },
      { period: '2023', value: 12 },
      { period: '2024', value: 13 },
    ]);
    // 17: M = 0.6745 × 5.5 = 3.71 > 3.5, though only 31 % above 13.
    const before = await counts();
    const refused = await put(school, unit, '2025', 'NPA-17b', { numerator: 17 });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('AGGREGATE_WARNINGS_NEED_COMMENT');
    expect(refused.body.error.details.violations).toEqual([
      {
        indicatorCode: 'NPA-17b',
        code: 'OUTLIER',
        field: 'value',
        message:
          'Giá trị khác thường so với các kỳ trước (trung vị/MAD). Vui lòng kiểm tra và ghi chú lý do.',
      },
    ]);
    expect(await counts()).toEqual(before);

    const saved = await put(school, unit, '2025', 'NPA-17b', {
      numerator: 17,
      acknowledgeWarnings: true,
      comment: 'Đã đối chiếu sổ theo dõi của trường',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.entry).toMatchObject({ numerator: 17, warnings: ['OUTLIER'], version: 2 });
  });
});

describe('saving the whole form', () => {
  const entries = [
    { indicatorCode: 'NPA-10', numerator: 5, denominator: 100 },
    { indicatorCode: 'NPA-22', numerator: 50, denominator: 80 },
    { indicatorCode: 'NPA-12', numerator: 3, denominator: 3 },
  ];
  const form = (unit: SeedUnit) => `/api/aggregate/units/${unit.id}/entries`;

  test('one impossible entry saves none of them', async () => {
    const { unit, worker } = await commune();
    const before = await counts();
    const bad = [...entries.slice(0, 2), { indicatorCode: 'NPA-12', numerator: 5, denominator: 3 }];
    const refused = await worker.put(form(unit), { period: '2025', entries: bad });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('AGGREGATE_INVALID');
    expect(refused.body.error.details.violations).toEqual([
      {
        indicatorCode: 'NPA-12',
        code: 'NUMERATOR_ABOVE_DENOMINATOR',
        field: 'numerator',
        message: 'Tử số không được lớn hơn mẫu số.',
      },
    ]);
    expect(refused.body.error.issues[0].path).toBe('body.entries.2.numerator');
    expect(await counts()).toEqual(before);
  });

  test('an indicator of another sector in the batch saves none of them', async () => {
    const { unit, worker } = await commune();
    const before = await counts();
    const refused = await worker.put(form(unit), {
      period: '2025',
      entries: [...entries, { indicatorCode: 'NPA-07', numerator: 1, denominator: 2 }],
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('AGGREGATE_NOT_YOUR_SECTOR');
    expect(await counts()).toEqual(before);
  });

  test('a good form is saved whole, one audit event per entry; saved again it changes nothing', async () => {
    const { unit, worker } = await commune();
    const before = await counts();
    const saved = await worker.put(form(unit), { period: '2025', entries });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const byCode = new Map(
      (saved.body.rows as { indicatorCode: string; entry: { value: number } | null }[]).map((row) => [
        row.indicatorCode,
        row.entry,
      ]),
    );
    // 5 / 100 = 5 %, 50 / 80 = 62.5 %, 3 / 3 = 100 %.
    expect(byCode.get('NPA-10')).toMatchObject({ value: 5 });
    expect(byCode.get('NPA-22')).toMatchObject({ value: 62.5 });
    expect(byCode.get('NPA-12')).toMatchObject({ value: 100 });
    expect(byCode.get('NPA-24')).toBeNull();
    expect(await counts()).toEqual({ values: before.values + 3, audit: before.audit + 3 });

    const again = await worker.put(form(unit), { period: '2025', entries });
    expect(again.status).toBe(200);
    expect(await counts()).toEqual({ values: before.values + 3, audit: before.audit + 3 });
  });

  test('an unacknowledged warning in the batch saves none of them', async () => {
    const { unit, worker } = await commune();
    expect((await worker.put(form(unit), { period: '2024', entries })).status).toBe(200);
    const before = await counts();
    // NPA-10: 20 % against 5 % last year.
    const changed = [{ ...entries[0]!, numerator: 20 }, entries[1]!];
    const refused = await worker.put(form(unit), { period: '2025', entries: changed });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('AGGREGATE_WARNINGS_NEED_COMMENT');
    expect(refused.body.error.details.violations).toMatchObject([
      { indicatorCode: 'NPA-10', code: 'CHANGED_FROM_LAST_PERIOD' },
    ]);
    expect(await counts()).toEqual(before);
  });

  test('the same indicator twice is a malformed request', async () => {
    const { unit, worker } = await commune();
    const response = await worker.put(form(unit), { period: '2025', entries: [entries[0], entries[0]] });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });
});
