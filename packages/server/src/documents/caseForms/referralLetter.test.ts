import { describe, expect, test } from 'vitest';
import { renderReferralLetterDocx, renderReferralLetterPdf, type ReferralLetterInput } from './index.ts';
import { fullCase, referralTo } from './testing/caseFixtures.ts';
import { expectInOrder, readDocx, readPdf } from './testing/documentText.ts';

function letter(overrides: Parameters<typeof referralTo>[0] = {}): ReferralLetterInput {
  const c = fullCase();
  return { issuer: c.issuer, child: c.child, caregivers: c.caregivers, referral: referralTo(overrides) };
}

describe('referral letter as PDF', () => {
  test('asks the provider by name for the services, with the consent, the contact and a reply slip', async () => {
    const bytes = await renderReferralLetterPdf(letter());
    expect(new TextDecoder('latin1').decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const { pages, text, title } = await readPdf(bytes);
    // The letter, then the reply slip on a page of its own to send back.
    expect(pages).toHaveLength(3);
    expect(title).toBe('Phiếu chuyển gửi trẻ em');
    expectInOrder(pages[0]!, [
      'UBND XÃ BẢN LẦU',
      'Số: 25/PC-UBND',
      'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Bản Lầu, ngày 15 tháng 9 năm 2025',
      'PHIẾU CHUYỂN GỬI TRẺ EM',
      'Kính gửi: Trung tâm Công tác xã hội tỉnh Lào Cai',
      'Ủy ban nhân dân xã Bản Lầu đề nghị Trung tâm Công tác xã hội tỉnh Lào Cai tiếp nhận',
      'Họ và tên trẻ em: Lò Thị Ánh Dương',
      'Ngày, tháng, năm sinh: 08/03/2015',
      'Hoàng Thị Mẩy (mẹ), điện thoại: 0912 345 678',
      'Lý do: Trẻ em bị bạo lực gia đình',
      '- Tư vấn, trị liệu tâm lý cho trẻ em',
      '- Tư vấn kỹ năng làm cha mẹ cho mẹ của trẻ em',
      '● Khẩn',
      'Đã đồng ý với việc chuyển gửi và chia sẻ thông tin: ● Có',
      'Người đồng ý: Hoàng Thị Mẩy (mẹ); Trẻ em (từ đủ 7 tuổi)',
      'Ngày đồng ý: 14/09/2025',
      'Họ và tên: Vàng Thị Dung',
      'Điện thoại: 0987 654 321',
    ]);
    expectInOrder(text, [
      'trước ngày 30/09/2025 theo Phiếu phản hồi kèm theo',
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
    ]);
    expectInOrder(pages[2]!, [
      'PHIẾU PHẢN HỒI',
      '(Gửi lại Ủy ban nhân dân xã Bản Lầu theo Phiếu chuyển gửi số 25/PC-UBND ngày 15/09/2025)',
      'Cơ sở tiếp nhận: Trung tâm Công tác xã hội tỉnh Lào Cai',
      'Họ và tên trẻ em: Lò Thị Ánh Dương',
      'Dịch vụ đã cung cấp:',
      'ĐẠI DIỆN CƠ SỞ TIẾP NHẬN',
    ]);
  });

  test('tells the provider only what it needs: not the report, the reporter or the child’s ID number', async () => {
    const { text } = await readPdf(await renderReferralLetterPdf(letter()));
    expect(text).not.toContain('Nguyễn Thị Huyền');
    expect(text).not.toContain('say rượu');
    expect(text).not.toContain('010315012345');
    expect(text).toContain('bí mật đời sống riêng tư của trẻ em (Điều 21 Luật Trẻ em)');
  });

  test('without a reply slip ends with the signature, and an unnumbered letter leaves its number to write', async () => {
    const { pages, text } = await readPdf(
      await renderReferralLetterPdf(letter({ includeReplySlip: false, number: null, urgency: 'emergency' })),
    );
    expect(pages.length).toBeLessThan(3);
    expect(text).not.toContain('PHIẾU PHẢN HỒI');
    expect(text).toContain('Số: ……………/PC-UBND');
    expectInOrder(text, ['● Hỏa tốc', 'Đề nghị tiếp nhận ngay khi nhận được phiếu này.']);
  });
});

describe('referral letter as DOCX', () => {
  test('says the same, editable: the provider, the child, the services and the reply slip', async () => {
    const docx = readDocx(await renderReferralLetterDocx(letter()));
    expect(docx.title).toBe('Phiếu chuyển gửi trẻ em');
    expect(docx.paragraphs).toContain('PHIẾU CHUYỂN GỬI TRẺ EM');
    expect(docx.paragraphs).toContain('Kính gửi: Trung tâm Công tác xã hội tỉnh Lào Cai');
    expect(docx.paragraphs).toContain('Họ và tên trẻ em: Lò Thị Ánh Dương');
    expect(docx.paragraphs).toContain('- Tư vấn, trị liệu tâm lý cho trẻ em');
    expect(docx.paragraphs).toContain('Mức độ: ○ Thông thường     ● Khẩn     ○ Hỏa tốc');
    expect(docx.paragraphs).toContain('PHIẾU PHẢN HỒI');
    expect(docx.xml).not.toContain('Nguyễn Thị Huyền');
  });
});
