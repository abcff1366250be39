import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { openImportFile, zipUnpackedSize } from './importFile.ts';

async function workbookBytes(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A ZIP with one stored entry whose central directory claims `claimed` unpacked bytes. */
function zipClaiming(claimed: number): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(claimed, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length, 16);
  return Buffer.concat([local, name, central, name, end]);
}

describe('openImportFile (workbooks)', () => {
  test('reads the unpacked size of a real workbook from its central directory', async () => {
    const bytes = await workbookBytes([
      ['Số hộ', 'Họ và tên'],
      ['1', 'Lê Thị Lan'],
    ]);
    const size = zipUnpackedSize(bytes)!;
    expect(size).toBeGreaterThan(bytes.length);
    expect(size).toBeLessThan(100_000);
    const sheet = await openImportFile(bytes);
    expect(sheet.headers).toEqual(['Số hộ', 'Họ và tên']);
  });

  test('refuses a workbook that would unpack to more than 300 MB, before unpacking it', async () => {
    const bomb = zipClaiming(400 * 1024 * 1024);
    expect(zipUnpackedSize(bomb)).toBe(400 * 1024 * 1024);
    await expect(openImportFile(bomb)).rejects.toMatchObject({
      code: 'IMPORT_FILE_UNREADABLE',
      details: { reason: 'workbook_too_large' },
    });
  });

  test('refuses bytes that start like a ZIP but have no central directory', async () => {
    await expect(openImportFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]))).rejects.toMatchObject({
      code: 'IMPORT_FILE_UNREADABLE',
    });
  });
});
