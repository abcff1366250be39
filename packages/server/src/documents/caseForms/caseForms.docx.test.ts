import { beforeAll, describe, expect, test } from 'vitest';
import { caseFormKinds, renderCaseFormDocx, type CaseFormKind } from './index.ts';
import { fullCase, intakeOnlyCase } from './testing/caseFixtures.ts';
import { readDocx, type DocxText } from './testing/documentText.ts';
import {
  formNumbers,
  fullCaseRatings,
  levelNames,
  ratingLabels,
  titleLines,
} from './testing/expectedForms.ts';

const full: Partial<Record<CaseFormKind, DocxText>> = {};
const intake: Partial<Record<CaseFormKind, DocxText>> = {};

beforeAll(async () => {
  for (const form of caseFormKinds) {
    full[form] = readDocx(await renderCaseFormDocx(form, fullCase()));
    intake[form] = readDocx(await renderCaseFormDocx(form, intakeOnlyCase()));
  }
});

/** The rating rows of a risk item: its label, then its levels, one a line. */
function rowsOf(docx: DocxText, label: string): string[][] {
  return docx.rows.filter((cells) => cells[0] === label);
}

describe.each(caseFormKinds)('%s as DOCX', (form) => {
  test('of a case through every step has the national header, the title and the child, in Word XML', () => {
    const docx = full[form]!;
    for (const line of [
      formNumbers[form],
      'UBND XÃ BẢN LẦU',
      'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      titleLines[form],
    ]) {
      expect(docx.paragraphs, line).toContain(line);
    }
    expect(docx.xml).toContain('Lò Thị Ánh Dương');
    expect(docx.title).toBeTruthy();
    expect(docx.title).not.toContain('Dương');
  });

  test('of a case through every step has a table row for each risk item with its level ticked', () => {
    const docx = full[form]!;
    for (const { label, level } of fullCaseRatings[form]) {
      const rows = rowsOf(docx, label);
      expect(rows.length, label).toBeGreaterThanOrEqual(1);
      for (const [, levels] of rows) {
        const ticked = levels!.split('\n').filter((line) => line.startsWith('●'));
        expect(ticked, label).toHaveLength(1);
        expect(ticked[0], label).toMatch(new RegExp(`^● ${levelNames[level]} \\(`));
      }
    }
  });

  test('of a case at intake only leaves every level to tick and the date to write', () => {
    const docx = intake[form]!;
    expect(docx.paragraphs).toContain(titleLines[form]);
    expect(docx.xml).toContain('Lò Thị Ánh Dương');
    for (const label of ratingLabels(form)) {
      const rows = rowsOf(docx, label);
      expect(rows.length, label).toBeGreaterThanOrEqual(1);
      for (const [, levels] of rows) {
        expect(levels, label).not.toContain('●');
        expect(
          levels!.split('\n').map((line) => line.split(' (')[0]),
          label,
        ).toEqual(['○ Cao', '○ Trung bình', '○ Thấp']);
      }
    }
    if (form !== 'mau01') expect(docx.paragraphs).toContain('Bản Lầu, ngày …… tháng …… năm 20……');
    // Blank lines are dot leaders to the right margin, which Word keeps while one types.
    expect(docx.xml).toMatch(/<w:tab w:val="right" w:pos="\d+" w:leader="dot"\/>/);
  });
});

describe('Mẫu 04 as DOCX', () => {
  test('lists the plan’s actions as rows of an editable table', () => {
    const { rows } = full.mau04!;
    expect(rows).toContainEqual(['STT', 'Hoạt động', 'Dịch vụ', 'Người, cơ quan thực hiện', 'Thời hạn']);
    expect(rows).toContainEqual([
      '1',
      'Khám sức khỏe, điều trị vết thương',
      'Y tế',
      'Trạm y tế xã Bản Lầu',
      '15/09/2025',
    ]);
    expect(rows).toContainEqual([
      '2',
      'Tư vấn tâm lý cho trẻ em',
      'Tư vấn tâm lý',
      'Trung tâm Công tác xã hội tỉnh',
      '31/10/2025',
    ]);
  });

  test('of a case without a plan gives empty rows to write the actions in', () => {
    const { rows } = intake.mau04!;
    const header = rows.findIndex((cells) => cells[1] === 'Hoạt động');
    expect(rows.slice(header + 1, header + 7)).toEqual(
      Array.from({ length: 6 }, () => [' ', ' ', ' ', ' ', ' ']),
    );
  });
});

describe('Mẫu 03 as DOCX', () => {
  test('carries the minutes of the needs meeting with who took part', () => {
    const docx = full.mau03!;
    expect(docx.paragraphs).toContain('XÁC ĐỊNH NHU CẦU CẦN HỖ TRỢ, CAN THIỆP ĐỐI VỚI TRẺ EM');
    expect(docx.rows).toContainEqual(['2', 'Hoàng Thị Mẩy', 'Mẹ của trẻ em']);
    expect(docx.paragraphs).toContain('- Tư vấn tâm lý');
  });

  test('is the case record that carries the child’s ID number, which the review form leaves out', () => {
    expect(full.mau03!.paragraphs).toContain('Số định danh cá nhân: 010315012345');
    expect(full.mau06!.xml).not.toContain('010315012345');
  });
});
