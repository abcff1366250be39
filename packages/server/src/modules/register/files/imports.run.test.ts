import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { TestClient } from '../../../testing/client.ts';
import {
  seedCommune,
  seedProvince,
  seedUser,
  seedVillage,
  type SeedUnit,
  type SeedUser,
} from '../../../testing/factories.ts';
import { seedHousehold, seedPerson } from '../../../testing/registerFactories.ts';
import { testTarget } from '../../../testing/testDatabase.ts';
import { createTestApp, type TestApp } from '../../../testing/testApp.ts';
import type * as ImportRepo from './import.repo.ts';
import { getImport, settleImportJobs, startImport, startValidation } from './import.service.ts';
import {
  csvFile,
  personalIdFor,
  registerCounts,
  registerRows,
  runJob,
  writeThroughCopy,
  upload,
  uploadAndValidate,
  waitForJob,
  type FileRow,
} from './testing/importFiles.ts';

/** When set, a job's row read by the service reaches it only after every background job has ended. */
let holdReadsUntilJobsSettle = false;
let readHeld: string | undefined;
vi.mock('./import.repo.ts', async (original) => {
  const repo = await original<typeof ImportRepo>();
  return {
    ...repo,
    getImportJobRow: async (...args: Parameters<typeof repo.getImportJobRow>) => {
      const row = await repo.getImportJobRow(...args);
      if (holdReadsUntilJobsSettle) {
        readHeld = row.status;
        await settleImportJobs();
      }
      return row;
    },
  };
});

let t: TestApp;
let client: TestClient;
let commune: SeedUnit;
let village: SeedUnit;
let otherVillage: SeedUnit;
let worker: SeedUser;

beforeAll(async () => {
  t = await createTestApp();
  writeThroughCopy(t);
  const province = await seedProvince(t.db);
  commune = await seedCommune(t.db, province, { name: 'Long Hải' });
  village = await seedVillage(t.db, commune, { name: 'Nam Sơn' });
  const other = await seedCommune(t.db, province, { name: 'Bắc Sơn' });
  otherVillage = await seedVillage(t.db, other, { name: 'Tiến Bộ' });
  worker = await seedUser(t.db, { role: 'commune_worker', scope: [commune] });
  client = t.client();
  await client.login(worker.username, worker.password);
});

afterAll(async () => {
  await t.close();
});

async function auditCount(): Promise<number> {
  return Number(
    (await sql<{ n: number }>`select count(*)::int as n from audit_event`.execute(t.db)).rows[0]!.n,
  );
}

const prefixed = (rows: FileRow[], prefix: string) =>
  rows.map((r) => ({ ...r, householdNumber: `${prefix}${r.householdNumber}` }));

describe('POST /api/register/imports/:id/run', () => {
  test('is refused before a dry run', async () => {
    const uploaded = await upload(
      t.app,
      client,
      commune.id,
      'chua-kiem-tra.csv',
      csvFile(registerRows(2, ['Nam Sơn'])),
    );
    const run = await client.post(`/api/register/imports/${uploaded.body.id}/run`);
    expect(run.status).toBe(409);
    expect(run.body.error.code).toBe('IMPORT_NOT_VALIDATED');
  });

  test('a job already taken answers IMPORT_BUSY, whether it is working or two starts race', async () => {
    const operator = {
      db: t.db,
      scope: { userId: worker.id, role: 'commune_worker' as const, sector: null, paths: [commune.path] },
      actor: { userId: worker.id, username: worker.username, requestId: null, ip: null },
      userId: worker.id,
    };
    const rows = prefixed(registerRows(300, ['Nam Sơn'], { serialBase: 500_000 }), 'B');
    const uploaded = await upload(t.app, client, commune.id, 'hai-lan.csv', csvFile(rows));
    const id = uploaded.body.id as string;
    const check = async () => {
      const racing = await Promise.allSettled([startValidation(operator, id), startValidation(operator, id)]);
      expect(racing.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = racing.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ code: 'IMPORT_BUSY' });
      // While the dry run works (it is in the background now), the run is refused too.
      await expect(startImport(operator, id)).rejects.toMatchObject({ code: 'IMPORT_BUSY' });
    };
    if (testTarget() === 'postgres') {
      // The dry run would finish in milliseconds; hold it at its first read of the register until the checks are done
      // (ACCESS EXCLUSIVE: the only lock mode that also blocks plain reads).
      await t.db.connection().execute(async (connection) => {
        await sql`begin`.execute(connection);
        await sql`lock table household in access exclusive mode`.execute(connection);
        try {
          await check();
        } finally {
          await sql`commit`.execute(connection);
        }
      });
    } else {
      // PGlite is one session taking statements in turn: the checks' reads come before the dry run's later ones.
      await check();
    }
    await settleImportJobs();
    expect((await waitForJob(client, id)).status).toBe('validated');
  });

  test('writes all rows or none: a failure on one of the last rows leaves nothing behind', async () => {
    const rows = prefixed(registerRows(1_200, ['Nam Sơn'], { serialBase: 10_000 }), 'A');
    const last = rows[1_150]!.fullName!;
    const job = await uploadAndValidate(t.app, client, commune.id, 'that-bai.csv', csvFile(rows));
    expect(job.errorCount).toBe(0);
    const counts = await registerCounts(t.db);
    const audit = await auditCount();
    // A fault the checks cannot foresee (a constraint, a full disk, a lost connection) deep into the writes.
    await sql`create function fail_import() returns trigger language plpgsql as $$
      begin raise exception 'simulated failure'; end $$`.execute(t.db);
    await sql`create trigger fail_import before insert on person for each row
      when (new.full_name = ${sql.lit(last)}) execute function fail_import()`.execute(t.db);
    try {
      const failed = await runJob(client, job.id);
      expect(failed.status).toBe('failed');
      expect(failed.failure).toMatch(/không có dòng nào được ghi/);
      expect(failed.failure).not.toMatch(/simulated/);
      expect(await registerCounts(t.db)).toEqual(counts);
      expect(await auditCount()).toBe(audit);
    } finally {
      await sql`drop trigger fail_import on person`.execute(t.db);
      await sql`drop function fail_import()`.execute(t.db);
    }
    await client.post(`/api/register/imports/${job.id}/validate`);
    expect((await waitForJob(client, job.id)).errorCount).toBe(0);
    const imported = await runJob(client, job.id);
    expect(imported.status).toBe('imported');
    expect((await registerCounts(t.db)).person).toBe(counts.person! + imported.createdPersons);
  });

  test('reports a personal ID already used by another person of the province, in the dry run and at the run', async () => {
    const rows = prefixed(registerRows(4, ['Nam Sơn'], { serialBase: 20_000 }), 'C');
    const taken = rows[2]!;
    const [day, month, year] = taken.birthDate!.split('/');
    await seedPerson(t.db, otherVillage, {
      fullName: 'Người Khác',
      sex: taken.sex === 'Nữ' ? 'female' : 'male',
      birthDate: `${year}-${month}-${day}`,
      personalId: taken.personalId!,
    });
    const job = await uploadAndValidate(t.app, client, commune.id, 'trung-so.csv', csvFile(rows));
    const errors = await client.get(`/api/register/imports/${job.id}/errors`);
    expect(errors.body.items).toEqual([
      expect.objectContaining({ row: 4, column: 'Số định danh cá nhân', code: 'personal_id_in_register' }),
    ]);
    // The message must not name a person the commune worker cannot see.
    expect(errors.body.items[0].message).not.toContain('Người Khác');

    // The register changes between the dry run and the run: the run finds it and writes nothing.
    const clean = prefixed(registerRows(3, ['Nam Sơn'], { serialBase: 30_000 }), 'D');
    const ok = await uploadAndValidate(t.app, client, commune.id, 'doi-giua-chung.csv', csvFile(clean));
    expect(ok.errorCount).toBe(0);
    await seedPerson(t.db, otherVillage, {
      fullName: 'Người Khác Nữa',
      sex: clean[0]!.sex === 'Nữ' ? 'female' : 'male',
      birthDate: clean[0]!.birthDate!.split('/').reverse().join('-'),
      personalId: clean[0]!.personalId!,
    });
    const counts = await registerCounts(t.db);
    const failed = await runJob(client, ok.id);
    expect(failed.status).toBe('failed');
    expect(failed.errorCount).toBe(1);
    expect(await registerCounts(t.db)).toEqual(counts);
  });

  test('links parents, head and caregiver by name, creates the adults, and records circumstances', async () => {
    const base = { village: 'Nam Sơn', address: 'Xóm Giữa', relationshipToHead: 'Cháu' };
    const rows: FileRow[] = [
      {
        ...base,
        householdNumber: 'E1',
        headName: 'Đinh Văn Ông',
        fullName: 'Đinh Thị Na',
        sex: 'Nữ',
        birthDate: '12/12/2016',
        personalId: personalIdFor('female', 2016, 40_001),
        motherName: 'Lê Thị Mẹ',
        fatherName: 'Đinh Văn Bố',
        caregiverName: 'Đinh Văn Ông',
        circumstances: 'a1, d',
      },
      {
        ...base,
        householdNumber: 'E1',
        headName: 'Đinh Văn Ông',
        fullName: 'Đinh Văn Nam',
        sex: 'Nam',
        birthDate: '2019',
        motherName: 'Lê Thị Mẹ',
        fatherName: 'Đinh Văn Bố',
        caregiverName: 'Hà Minh',
      },
    ];
    const job = await uploadAndValidate(t.app, client, commune.id, 'lien-ket.csv', csvFile(rows));
    expect(job.errorCount).toBe(0);
    const imported = await runJob(client, job.id);
    // Two children, the mother, the father and the grandfather (head and caregiver); "Hà Minh" has no sex to go by.
    expect(imported.createdPersons).toBe(5);
    const people = await sql<any>`
      select p.full_name, p.sex, p.relationship_to_head, p.birth_date_precision, p.notes,
             m.full_name as mother, f.full_name as father, c.full_name as caregiver
      from person p
      join household h on h.id = p.household_id
      left join person m on m.id = p.mother_id
      left join person f on f.id = p.father_id
      left join person c on c.id = p.caregiver_id
      where h.book_number = 'E1' order by p.full_name`.execute(t.db);
    const byName = Object.fromEntries(people.rows.map((p: any) => [p.full_name, p]));
    expect(byName['Đinh Thị Na']).toMatchObject({
      mother: 'Lê Thị Mẹ',
      father: 'Đinh Văn Bố',
      caregiver: 'Đinh Văn Ông',
      relationship_to_head: 'grandchild',
    });
    expect(byName['Đinh Văn Nam']).toMatchObject({ caregiver: null, birth_date_precision: 'year' });
    expect(byName['Đinh Văn Nam'].notes).toContain('Người chăm sóc theo tệp nhập: Hà Minh');
    expect(byName['Đinh Văn Ông']).toMatchObject({ sex: 'male', relationship_to_head: 'head' });
    expect(byName['Lê Thị Mẹ']).toMatchObject({ sex: 'female', relationship_to_head: 'child' });
    expect(byName['Lê Thị Mẹ'].notes).toMatch(/năm sinh \d{4} là ước tính/);
    expect(byName['Đinh Văn Bố']).toMatchObject({ sex: 'male', relationship_to_head: 'child' });
    const head = await sql<any>`
      select hp.full_name from household h join person hp on hp.id = h.head_person_id
      where h.book_number = 'E1'`.execute(t.db);
    expect(head.rows[0].full_name).toBe('Đinh Văn Ông');
    const circumstances = await sql<any>`
      select ca.group_code, ca.sub_group_code, ca.valid_from, ca.valid_to, ca.org_path::text = ${village.path} as in_village
      from circumstance_assignment ca join person p on p.id = ca.person_id
      where p.full_name = 'Đinh Thị Na' order by ca.group_code`.execute(t.db);
    expect(
      circumstances.rows.map((c: any) => [c.group_code, c.sub_group_code, c.valid_to, c.in_village]),
    ).toEqual([
      ['a', 'a1', null, true],
      ['d', null, null, true],
    ]);
  });

  test('adds to a household entered by hand (same book number) and skips the child already in it', async () => {
    const household = await seedHousehold(t.db, village, { bookNumber: '0099' });
    const existing = await seedPerson(t.db, household, {
      fullName: 'Vũ Thị Có Sẵn',
      sex: 'female',
      birthDate: '2018-04-04',
    });
    const rows: FileRow[] = [
      {
        householdNumber: '99',
        village: 'Nam Sơn',
        fullName: 'Vũ Thị Có Sẵn',
        sex: 'Nữ',
        birthDate: '04/04/2018',
      },
      {
        householdNumber: '99',
        village: 'Nam Sơn',
        fullName: 'Vũ Văn Mới',
        sex: 'Nam',
        birthDate: '05/05/2020',
      },
    ];
    const counts = await registerCounts(t.db);
    const job = await uploadAndValidate(t.app, client, commune.id, 'ho-co-san.csv', csvFile(rows));
    const imported = await runJob(client, job.id);
    expect(imported).toMatchObject({
      status: 'imported',
      createdHouseholds: 0,
      createdPersons: 1,
      skippedPersons: 1,
    });
    const members =
      await sql<any>`select id, full_name from person where household_id = ${household.id} order by full_name`.execute(
        t.db,
      );
    expect(members.rows.map((m: any) => m.full_name)).toEqual(['Vũ Thị Có Sẵn', 'Vũ Văn Mới']);
    expect(members.rows[0].id).toBe(existing.id);
    expect((await registerCounts(t.db)).household).toBe(counts.household);
  });

  test('refuses a household that the register has in another village', async () => {
    const rows = prefixed(registerRows(2, ['Nam Sơn'], { serialBase: 50_000 }), 'F');
    const first = await uploadAndValidate(t.app, client, commune.id, 'f1.csv', csvFile(rows));
    await runJob(client, first.id);
    await seedVillage(t.db, commune, { name: 'Đoàn Kết' });
    const moved = rows.map((r) => ({ ...r, village: 'Đoàn Kết' }));
    const second = await uploadAndValidate(t.app, client, commune.id, 'f2.csv', csvFile(moved));
    const errors = await client.get(`/api/register/imports/${second.id}/errors`);
    expect(errors.body.items.map((e: any) => e.code)).toContain('household_village_mismatch');
  });
});

describe('GET /api/register/imports/:id while a job ends', () => {
  const operator = () => ({
    db: t.db,
    scope: { userId: worker.id, role: 'commune_worker' as const, sector: null, paths: [commune.path] },
    actor: { userId: worker.id, username: worker.username, requestId: null, ip: null },
    userId: worker.id,
  });

  test('a dry run that finishes while its job is being read is not reported as cut off', async () => {
    const rows = prefixed(registerRows(200, ['Nam Sơn'], { serialBase: 700_000 }), 'R');
    const uploaded = await upload(t.app, client, commune.id, 'doc-giua-chung.csv', csvFile(rows));
    const id = uploaded.body.id as string;
    await startValidation(operator(), id);
    // This read's row is held until the dry run has ended: the row still says "validating".
    holdReadsUntilJobsSettle = true;
    let seen;
    try {
      seen = await getImport(operator(), id);
    } finally {
      holdReadsUntilJobsSettle = false;
    }
    expect(readHeld).toBe('validating');
    expect(seen.status).not.toBe('failed');
    expect(seen.failure).toBeNull();
    expect((await waitForJob(client, id)).status).toBe('validated');
  });

  test('a job left busy by a restart is shown as failed, to be run again', async () => {
    const rows = prefixed(registerRows(2, ['Nam Sơn'], { serialBase: 710_000 }), 'S');
    const uploaded = await upload(t.app, client, commune.id, 'khoi-dong-lai.csv', csvFile(rows));
    const id = uploaded.body.id as string;
    // What a process that stopped mid-run leaves behind: the status, and no work for it anywhere.
    await sql`update register_import set status = 'importing' where id = ${id}`.execute(t.db);
    const job = (await client.get(`/api/register/imports/${id}`)).body;
    expect(job.status).toBe('failed');
    expect(job.failure).toMatch(/khởi động lại/);
  });
});
