// A referral to a provider that has no account: a "phiếu chuyển" of the commune People's Committee in the layout of
// Decree 30/2020/NĐ-CP, with a reply slip on a page of its own for the provider to send back. Decree 56/2017 has no
// referral form, so the whole layout is treem's [U]; it prints only what the provider needs of the child (Law on
// Children Art. 21).
import { assertNever, referralUrgencies, referralUrgencyNames } from '@treem/shared';
import type { ReferralLetterInput, ReferralUrgency } from './caseFormTypes.ts';
import {
  birthLine,
  chairSignature,
  choice,
  communeInText,
  currentCaregivers,
  field,
  sexNames,
  yesNo,
} from './formBlocks.ts';
import { DOTS, type Block, type FormDocument } from './formDocument.ts';
import { formatDate, placeDateLine } from './vietnameseDates.ts';

export const referralLetterTitle = 'Phiếu chuyển gửi trẻ em';

/** The urgency as the referral screens name it (Decree 30/2020's marks: Khẩn, Hỏa tốc). */
const urgencyNames = Object.fromEntries(
  referralUrgencies.map((urgency) => [urgency, referralUrgencyNames[urgency].vi]),
) as Record<ReferralUrgency, string>;

function urgencyNote(urgency: ReferralUrgency): string {
  switch (urgency) {
    case 'emergency':
      return 'Đề nghị tiếp nhận ngay khi nhận được phiếu này.';
    case 'urgent':
      return 'Đề nghị ưu tiên tiếp nhận.';
    case 'routine':
      return '';
    default:
      return assertNever(urgency);
  }
}

export function referralLetterDocument(input: ReferralLetterInput): FormDocument {
  const { issuer, child, caregivers, referral } = input;
  const number = referral.number ?? `${DOTS}/PC-UBND`;
  const committee = `Ủy ban nhân dân ${communeInText(issuer.commune)}`;
  const contact = referral.contactPerson;
  const replySlip: Block[] = referral.includeReplySlip
    ? [
        { kind: 'pageBreak' },
        {
          kind: 'title',
          lines: [
            [{ text: 'PHIẾU PHẢN HỒI', bold: true }],
            [
              {
                text: `(Gửi lại ${committee} theo Phiếu chuyển gửi số ${number} ngày ${formatDate(referral.issuedOn) ?? DOTS})`,
                italics: true,
              },
            ],
          ],
        },
        field('Cơ sở tiếp nhận', referral.to.name),
        field('Họ và tên trẻ em', child.fullName),
        field('Ngày tiếp nhận trẻ em', null),
        field('Dịch vụ đã cung cấp', null, 2),
        field('Kết quả và đề xuất tiếp theo', null, 3),
        field('Người liên hệ, số điện thoại', null),
        {
          kind: 'signatures',
          placeDate: '……, ngày …… tháng …… năm 20……',
          blocks: [
            {
              capacity: [],
              title: 'ĐẠI DIỆN CƠ SỞ TIẾP NHẬN',
              hint: '(Ký, ghi rõ họ tên, đóng dấu nếu có)',
              name: null,
            },
          ],
        },
      ]
    : [];
  const replyBy = referral.replyBy ? `trước ngày ${formatDate(referral.replyBy)}` : 'sớm nhất có thể';
  return {
    title: referralLetterTitle,
    formNumber: null,
    header: {
      issuer,
      numberLine: `Số: ${number}`,

      placeDate: placeDateLine(issuer, referral.issuedOn),
    },
    blocks: [
      {
        kind: 'title',
        lines: [
          [{ text: 'PHIẾU CHUYỂN GỬI TRẺ EM', bold: true }],
          [{ text: 'Đề nghị hỗ trợ, can thiệp đối với trẻ em', bold: true }],
        ],
      },
      {
        kind: 'paragraph',
        align: 'center',
        runs: [{ text: 'Kính gửi: ' }, { text: referral.to.name, bold: true }],
      },
      field('Địa chỉ', referral.to.address),
      field('Điện thoại', referral.to.phone),
      {
        kind: 'paragraph',
        align: 'justify',
        runs: [
          {
            text: `${committee} đề nghị ${referral.to.name} tiếp nhận, hỗ trợ đối với trẻ em có thông tin dưới đây.`,
          },
        ],
      },
      { kind: 'heading', text: '1. Thông tin về trẻ em' },
      field('Họ và tên trẻ em', child.fullName),
      field('Ngày, tháng, năm sinh', birthLine(child)),
      choice(
        'Giới tính',
        { male: sexNames.male, female: sexNames.female },
        child.sex === 'unknown' ? null : child.sex,
      ),
      field('Nơi cư trú', child.address),
      field('Cha, mẹ, người chăm sóc trẻ em', currentCaregivers(caregivers)),
      { kind: 'heading', text: '2. Lý do chuyển gửi' },
      field('Lý do', referral.reason, 2),
      { kind: 'heading', text: '3. Dịch vụ đề nghị hỗ trợ' },
      { kind: 'list', items: referral.servicesRequested, blankLines: 2 },
      { kind: 'heading', text: '4. Mức độ khẩn cấp' },
      choice('Mức độ', urgencyNames, referral.urgency),
      ...(urgencyNote(referral.urgency)
        ? [
            {
              kind: 'paragraph',
              align: 'left',
              runs: [{ text: urgencyNote(referral.urgency), italics: true }],
            } as const,
          ]
        : []),
      { kind: 'heading', text: '5. Sự đồng ý của trẻ em, cha, mẹ, người chăm sóc trẻ em' },
      yesNo('Đã đồng ý với việc chuyển gửi và chia sẻ thông tin', referral.consent.obtained),
      field('Người đồng ý', referral.consent.givenBy.join('; ') || null),
      field('Ngày đồng ý', formatDate(referral.consent.on)),
      { kind: 'heading', text: '6. Đầu mối liên hệ' },
      field('Họ và tên', contact.fullName),
      field('Chức vụ', contact.title),
      field('Điện thoại', contact.phone),
      field('Thư điện tử', contact.email),
      ...(referral.attachments.length > 0
        ? [
            { kind: 'heading', text: '7. Tài liệu gửi kèm' } as const,
            { kind: 'list', items: referral.attachments, blankLines: 0 } as const,
          ]
        : []),
      {
        kind: 'paragraph',
        align: 'justify',
        runs: [
          {
            text:
              `Đề nghị ${referral.to.name} phản hồi kết quả tiếp nhận, hỗ trợ trẻ em ${replyBy}` +
              `${referral.includeReplySlip ? ' theo Phiếu phản hồi kèm theo' : ''}.`,
          },
        ],
      },
      {
        kind: 'notes',
        lines: [
          'Thông tin về trẻ em trong phiếu này là bí mật đời sống riêng tư của trẻ em (Điều 21 Luật Trẻ em), ' +
            'chỉ được dùng để hỗ trợ, can thiệp cho trẻ em và không được cung cấp cho người khác.',
        ],
      },
      {
        kind: 'recipients',
        recipients: ['- Như trên;', '- Lưu: VT, hồ sơ trẻ em.'],
        signature: chairSignature(referral.signerCapacity, referral.signer, true),
      },
      ...replySlip,
    ],
  };
}
