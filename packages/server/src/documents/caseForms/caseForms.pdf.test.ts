import { beforeAll, describe, expect, test } from 'vitest';
import { caseFormKinds, renderCaseFormPdf, type CaseFormKind } from './index.ts';
import { fullCase, intakeOnlyCase } from './testing/caseFixtures.ts';
import { expectInOrder, readPdf, type PdfText } from './testing/documentText.ts';
import {
  formNumbers,
  fullCaseRatings,
  levelNames,
  ratingLabels,
  titleLines,
} from './testing/expectedForms.ts';

/** Pages of each form for `fullCase()`: a change here is a change of layout, to look at before accepting. */
const fullCasePages: Record<CaseFormKind, number> = {
  mau01: 2,
  mau02: 2,
  mau03: 3,
  mau04: 2,
  mau05: 3,
  mau06: 2,
};

const full: Partial<Record<CaseFormKind, { bytes: Uint8Array; pdf: PdfText }>> = {};
const intake: Partial<Record<CaseFormKind, { bytes: Uint8Array; pdf: PdfText }>> = {};

beforeAll(async () => {
  for (const form of caseFormKinds) {
    const fullBytes = await renderCaseFormPdf(form, fullCase());
    full[form] = { bytes: fullBytes, pdf: await readPdf(fullBytes) };
    const intakeBytes = await renderCaseFormPdf(form, intakeOnlyCase());
    intake[form] = { bytes: intakeBytes, pdf: await readPdf(intakeBytes) };
  }
});

/** The first mark after each row's label is its level, and it comes before the next row. */
function expectRatings(text: string, ratings: readonly { label: string; level: keyof typeof levelNames }[]) {
  let from = 0;
  ratings.forEach(({ label, level }, i) => {
    const at = text.indexOf(label, from);
    expect(at, label).toBeGreaterThanOrEqual(0);
    const mark = text.indexOf('●', at);
    expect(text.slice(mark, mark + 2 + levelNames[level].length), label).toBe(`● ${levelNames[level]}`);
    const next = ratings[i + 1];
    if (next)
      expect(mark, `${label} is rated before ${next.label}`).toBeLessThan(text.indexOf(next.label, at + 1));
    else expect(mark - at, `${label} is rated in its row`).toBeLessThan(300);
    from = at + label.length;
  });
}

describe.each(caseFormKinds)('%s as PDF', (form) => {
  test('of a case through every step is an A4 PDF with the national header, the title and the child', () => {
    const { bytes, pdf } = full[form]!;
    expect(new TextDecoder('latin1').decode(bytes.subarray(0, 5))).toBe('%PDF-');
    expect(new TextDecoder('latin1').decode(bytes)).toMatch(/\/MediaBox \[0 0 595\.2\d+ 841\.8\d+\]/);
    expect(pdf.pages).toHaveLength(fullCasePages[form]);
    expectInOrder(pdf.pages[0]!, [
      formNumbers[form],
      'UBND XÃ BẢN LẦU',
      'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      titleLines[form],
    ]);
    expect(pdf.text).toContain('Lò Thị Ánh Dương');
    // The file's properties travel with it: they name the form, never the child.
    expect(pdf.title).not.toContain('Dương');
    expect(pdf.title.length).toBeGreaterThan(10);
  });

  test('of a case through every step marks each risk item with its level', () => {
    const { pdf } = full[form]!;
    expectRatings(pdf.text, fullCaseRatings[form]);
    if (form !== 'mau01') expect(pdf.text).toMatch(/Tổng số Cao: \d; Trung bình: \d; Thấp: \d/);
  });

  test('of a case at intake only still prints, its later steps left blank to fill by hand', () => {
    const { bytes, pdf } = intake[form]!;
    expect(new TextDecoder('latin1').decode(bytes.subarray(0, 5))).toBe('%PDF-');
    expect(pdf.pages.length).toBeGreaterThanOrEqual(1);
    expectInOrder(pdf.text, [formNumbers[form], titleLines[form], 'Lò Thị Ánh Dương']);
    const labels = ratingLabels(form);
    if (labels.length > 0) {
      // Every level of every item is a box to tick, none ticked.
      const first = pdf.text.indexOf(labels[0]!);
      const rows = pdf.text.slice(first, pdf.text.indexOf(labels.at(-1)!, first) + 400);
      expect(rows).not.toContain('●');
      expect(rows.match(/○ Cao/g)).toHaveLength(labels.length);
      expect(pdf.text).toContain('Tổng số Cao: ……………; Trung bình: ……………; Thấp: ……………');
    }
    if (form !== 'mau01') expect(pdf.text).toContain('Bản Lầu, ngày …… tháng …… năm 20……');
  });
});

describe('Mẫu 01 as PDF', () => {
  test('records when the report came in, in Vietnam time, and who made it', () => {
    const { text } = full.mau01!.pdf;
    expect(text).toContain('Số: 12/BC-UBND');
    expect(text).toContain('Bản Lầu, ngày 03 tháng 9 năm 2025');
    expect(text).toContain('Thời gian: 08 giờ 15, ngày 03/09/2025');
    expect(text).toContain('● Điện thoại');
    expect(text).toContain('Họ và tên cha: Lò Văn Páo; tuổi: 39; nghề nghiệp: Làm nương');
    expectInOrder(text, [
      '3. Thông tin về người cung cấp thông tin',
      'Họ và tên: Nguyễn Thị Huyền',
      '0975 111 222',
    ]);
  });

  test('keeps an anonymous reporter anonymous', () => {
    const { text } = intake.mau01!.pdf;
    expect(text).toContain('Người cung cấp thông tin không đồng ý cho biết thông tin cá nhân.');
    expect(text).not.toContain('Nguyễn Thị Huyền');
    expect(text).toContain('Số: ……………/BC-UBND');
  });
});

describe('Mẫu 02 as PDF', () => {
  test('records the urgent decision and how many hours after the report the child was protected', () => {
    const { text } = full.mau02!.pdf;
    expect(text).toContain('● Thông tin được xác thực');
    expectInOrder(text, [
      'Trẻ em cần được áp dụng biện pháp can thiệp khẩn cấp',
      '● Có',
      'Biện pháp can thiệp khẩn cấp đã áp dụng: Đưa trẻ đến ở tạm nhà bà ngoại',
    ]);
    expect(text).toContain(
      'Thời điểm can thiệp: 16 giờ 30, ngày 03/09/2025 (8 giờ sau khi tiếp nhận thông tin)',
    );
  });
});

describe('Mẫu 05 as PDF', () => {
  test('is the chair’s decision with the plan attached on its own page', () => {
    const { pages } = full.mau05!.pdf;
    expectInOrder(pages[0]!, [
      'Số: 15/QĐ-UBND',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BẢN LẦU',
      'Căn cứ Luật Tổ chức chính quyền địa phương;',
      'Căn cứ Nghị định số 56/2017/NĐ-CP',
      'QUYẾT ĐỊNH:',
      'Điều 1.',
      'Lò Thị Ánh Dương, sinh ngày 08/03/2015',
      'Điều 3.',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Giàng A Sử',
    ]);
    expectInOrder(pages.slice(1).join(' '), [
      '(Kèm theo Quyết định số 15/QĐ-UBND ngày 12/09/2025 của Chủ tịch Ủy ban nhân dân xã Bản Lầu)',
      'IV. Hoạt động hỗ trợ, can thiệp',
      'Khám sức khỏe, điều trị vết thương',
      'Trạm y tế xã Bản Lầu',
      '15/09/2025',
      'Tư vấn tâm lý cho trẻ em',
    ]);
  });
});

describe('Mẫu 06 as PDF', () => {
  test('prints the latest review unless told which', async () => {
    const latest = full.mau06!.pdf.text;
    expect(latest).toContain('● Kết thúc kế hoạch, đóng hồ sơ');
    expect(latest).not.toContain('Ngày rà soát, đánh giá tiếp theo');

    const first = (await readPdf(await renderCaseFormPdf('mau06', fullCase(), { reviewIndex: 0 }))).text;
    expect(first).toContain('Ngày, tháng, năm thực hiện: 15/10/2025');
    expect(first).toContain('● Tiếp tục thực hiện kế hoạch hỗ trợ, can thiệp');
    expect(first).toContain('Ngày rà soát, đánh giá tiếp theo: 15/12/2025');
  });

  test('refuses a review the case does not have', async () => {
    await expect(renderCaseFormPdf('mau06', fullCase(), { reviewIndex: 2 })).rejects.toThrow(RangeError);
  });
});
