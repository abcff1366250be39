import { describe, expect, test } from 'vitest';
import { caseFormTitles } from '../../../../server/src/documents/caseForms/caseForms.ts';
import { en } from '../../i18n/en.ts';
import { vi } from '../../i18n/vi.ts';
import {
  caseFileFormats,
  caseFormFallbackName,
  caseFormKinds,
  caseFormMenuKey,
  caseFormNumber,
  parseCaseFormMenuKey,
} from './caseFormFiles.ts';

describe('the printable forms of a case', () => {
  test('are the six of the contract, Mẫu 01 to Mẫu 06', () => {
    expect(caseFormKinds).toEqual(['mau01', 'mau02', 'mau03', 'mau04', 'mau05', 'mau06']);
    expect(caseFormKinds.map(caseFormNumber)).toEqual(['01', '02', '03', '04', '05', '06']);
  });

  test('carry on screen the titles the server prints on them', () => {
    for (const kind of caseFormKinds) {
      expect(vi.cases.forms.titles[kind]).toBe(caseFormTitles[kind]);
      expect(en.cases.forms.titles[kind].trim()).toBeTruthy();
    }
  });

  test('are offered once per form and format, and a menu key leads back to them', () => {
    const keys = caseFormKinds.flatMap((kind) =>
      caseFileFormats.map((format) => caseFormMenuKey(kind, format)),
    );
    expect(new Set(keys).size).toBe(12);
    expect(parseCaseFormMenuKey(caseFormMenuKey('mau04', 'docx'))).toEqual({ kind: 'mau04', format: 'docx' });
    expect(parseCaseFormMenuKey('mau07.pdf')).toBeUndefined();
    expect(parseCaseFormMenuKey('mau01.odt')).toBeUndefined();
  });

  test('are saved under a readable name when the server names none', () => {
    expect(caseFormFallbackName('mau02', 'BV-2026-00012', 'pdf')).toBe('mau-02-BV-2026-00012.pdf');
  });
});
