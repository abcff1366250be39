// The six forms of Decree 56/2017/NĐ-CP (Phụ lục, Mẫu số 01–06) filled from a case, as documents to draw.
// How sure each layout is (docs/case-forms.md has the sources):
//   Mẫu 01 [V]  Báo cáo tiếp nhận thông tin trẻ em: header, number "…/BC-", sections A.1–3 and the receiver's
//               signature as in the annex (luatminhkhue.vn and 123docz.net copies). treem adds the child's ethnicity,
//               address and school, what was reported and when, which the annex leaves to the free text.
//   Mẫu 02 [U]  Initial assessment: its purpose is verified (Art. 26(2): initial risk and harm, to decide on urgent
//               measures), its layout is reconstructed on the pattern of Mẫu 06.
//   Mẫu 03 [U]  Information gathering and specific assessment, with the minutes of the needs meeting (Art. 27;
//               Art. 28(2)(b) names both documents); layout reconstructed.
//   Mẫu 04 [P]  The plan (Art. 28(1) verified); its sections are the plan's contents of the brief, reconstructed.
//   Mẫu 05 [P]  The draft decision approving the plan, with the plan attached (Art. 28(2)(c) verified); laid out as
//               an individual decision of Decree 30/2020/NĐ-CP.
//   Mẫu 06 [V]  Review after the plan: title, the three fields, part (a) with its criteria and totals, and the
//               heading of part (b) are read in the annex; part (b)'s criteria and the conclusion are [U].
// Every form carries the national header; the annex's worksheets (02, 03, 06) may print without one.
import { assertNever } from '@treem/shared';
import type {
  CaseFormInput,
  CaseFormKind,
  CaseFormOptions,
  CasePlan,
  CaseReview,
  ConcernType,
  IntakeCategory,
  IntakeChannel,
  IntakeSource,
  ReviewConclusion,
} from './caseFormTypes.ts';
import {
  birthLine,
  chairSignature,
  childFields,
  childNameOrDots,
  choice,
  communeInText,
  currentCaregivers,
  field,
  parentLine,
  sexNames,
  signature,
  yesNo,
} from './formBlocks.ts';
import { DOTS, type Block, type FormDocument } from './formDocument.ts';
import { ratingTables } from './riskScale.ts';
import { dateOfInstant, formatDate, formatInstant, hoursBetween, placeDateLine } from './vietnameseDates.ts';

export const caseFormTitles: Record<CaseFormKind, string> = {
  mau01: 'Báo cáo tiếp nhận thông tin trẻ em',
  mau02: 'Đánh giá nguy cơ ban đầu',
  mau03: 'Báo cáo thu thập thông tin, đánh giá nguy cơ cụ thể',
  mau04: 'Kế hoạch hỗ trợ, can thiệp',
  mau05: 'Quyết định phê duyệt kế hoạch hỗ trợ, can thiệp',
  mau06: 'Rà soát, đánh giá tình trạng của trẻ em sau khi thực hiện kế hoạch hỗ trợ, can thiệp',
};

const channelNames: Record<IntakeChannel, string> = {
  phone: 'Điện thoại',
  in_person: 'Gặp trực tiếp',
  online: 'Trực tuyến',
  written: 'Văn bản',
};

const sourceNames: Record<IntakeSource, string> = {
  village_collaborator: 'Cộng tác viên thôn',
  school: 'Nhà trường',
  health_facility: 'Cơ sở y tế',
  police: 'Công an',
  hotline_111: 'Tổng đài 111',
  neighbour: 'Hàng xóm, người dân',
  family: 'Gia đình, người thân',
  child: 'Chính trẻ em',
  other: 'Khác',
};

const concernNames: Record<ConcernType, string> = {
  violence: 'Bạo lực',
  sexual_abuse: 'Xâm hại tình dục',
  exploitation: 'Bóc lột',
  child_labour: 'Lao động trẻ em',
  neglect: 'Bỏ mặc',
  abandonment: 'Bỏ rơi',
  trafficking: 'Mua bán',
  abduction: 'Bắt cóc, đánh tráo, chiếm đoạt',
  drugs: 'Ma túy',
  online_harm: 'Xâm hại trên môi trường mạng',
  in_conflict_with_law: 'Vi phạm pháp luật',
  risk_special_circumstances: 'Có nguy cơ rơi vào hoàn cảnh đặc biệt',
  other: 'Khác',
};

const categoryTitles: Record<IntakeCategory, string> = {
  abused: 'BỊ XÂM HẠI',
  at_risk: 'CÓ NGUY CƠ BỊ BẠO LỰC, BÓC LỘT, BỎ RƠI',
  special_circumstances: 'CÓ HOÀN CẢNH ĐẶC BIỆT',
};

const conclusionNames: Record<ReviewConclusion, string> = {
  propose_close: 'Kết thúc kế hoạch, đóng hồ sơ (trẻ em không còn nguy cơ bị xâm hại và ổn định)',
  replan: 'Xây dựng lại kế hoạch hỗ trợ, can thiệp',
  continue: 'Tiếp tục thực hiện kế hoạch hỗ trợ, can thiệp',
};

function mau01(input: CaseFormInput): FormDocument {
  const { intake, child, caregivers, issuer } = input;
  const receivedOn = dateOfInstant(intake.receivedAt);
  const father = caregivers.find((c) => c.relationship === 'father');
  const mother = caregivers.find((c) => c.relationship === 'mother');
  const when = [formatDate(intake.occurredOn), intake.occurredTimeNote].filter(Boolean).join(', ');
  const reporter: Block[] = intake.reporter.anonymous
    ? [
        {
          kind: 'paragraph',
          align: 'left',
          runs: [
            { text: 'Người cung cấp thông tin không đồng ý cho biết thông tin cá nhân.', italics: true },
          ],
        },
      ]
    : [
        field('Họ và tên', intake.reporter.fullName),
        field('Số điện thoại', intake.reporter.phone),
        field('Địa chỉ', intake.reporter.address),
        field('Quan hệ với trẻ em', intake.reporter.relationshipToChild),
      ];
  return {
    title: caseFormTitles.mau01,
    formNumber: 'Mẫu số 01',
    header: {
      issuer,
      numberLine: `Số: ${intake.reportNumber ?? `${DOTS}/BC-UBND`}`,

      placeDate: placeDateLine(issuer, receivedOn),
    },
    blocks: [
      {
        kind: 'title',
        lines: [
          [{ text: 'BÁO CÁO', bold: true }],
          [
            {
              text: `TIẾP NHẬN THÔNG TIN TRẺ EM ${intake.category ? categoryTitles[intake.category] : DOTS}`,
              bold: true,
            },
          ],
        ],
      },
      { kind: 'heading', text: 'A. Thông tin chung' },
      { kind: 'heading', text: '1. Nguồn nhận thông tin' },
      choice('Thông qua', channelNames, intake.channel),
      field(
        'Người, nơi báo tin',
        [sourceNames[intake.source], intake.sourceDetail].filter(Boolean).join(': '),
      ),
      field('Thời gian', formatInstant(intake.receivedAt)),
      { kind: 'heading', text: '2. Thông tin về trẻ em' },
      field('Họ và tên trẻ em', child.fullName),
      field('Ngày, tháng, năm sinh (hoặc ước lượng tuổi)', birthLine(child)),
      choice('Giới tính', sexNames, child.sex),
      field('Dân tộc', child.ethnicity),
      field('Nơi cư trú', child.address),
      field('Trường, lớp', [child.school, child.schoolClass].filter(Boolean).join(', ') || null),
      field('Loại hình', intake.concerns.map((c) => concernNames[c]).join('; ') || null),
      field('Nội dung thông tin tiếp nhận', intake.whatHappened, 3),
      field('Địa điểm xảy ra vụ việc', intake.where, 1),
      field('Thời gian xảy ra vụ việc', when || null),
      field('Trẻ em hiện đang ở đâu', intake.childWhereabouts),
      field('Tình trạng hiện tại của trẻ em', intake.childCurrentCondition, 2),
      field(
        'Phỏng đoán hậu quả có thể xảy ra cho trẻ em nếu không được hỗ trợ, can thiệp',
        intake.likelyConsequences,
        2,
      ),
      field('Họ và tên cha', parentLine(father, receivedOn)),
      field('Họ và tên mẹ', parentLine(mother, receivedOn)),
      field('Hoàn cảnh gia đình', intake.familySituation, 2),
      field('Hiện ai là người chăm sóc trẻ em (nếu biết)', currentCaregivers(caregivers)),
      field(
        'Những hành động hỗ trợ, can thiệp đã thực hiện đối với trẻ em trước khi nhận thông tin',
        intake.actionsTakenBefore,
        2,
      ),
      { kind: 'heading', text: '3. Thông tin về người cung cấp thông tin (nếu đồng ý cung cấp)' },
      ...reporter,
      field('Ghi thêm', intake.notes, 1),
      {
        kind: 'signatures',
        placeDate: null,
        blocks: [signature('CÁN BỘ TIẾP NHẬN THÔNG TIN', intake.receivedBy)],
      },
    ],
  };
}

function mau02(input: CaseFormInput): FormDocument {
  const { issuer, child, intake } = input;
  const assessment = input.initialAssessment;
  const emergency = assessment?.emergency ?? null;
  const interventionTime = emergency?.intervenedAt
    ? `${formatInstant(emergency.intervenedAt)} (${hoursBetween(intake.receivedAt, emergency.intervenedAt)} giờ sau khi tiếp nhận thông tin)`
    : null;
  return {
    title: caseFormTitles.mau02,
    formNumber: 'Mẫu số 02',
    header: {
      issuer,
      numberLine: null,

      placeDate: placeDateLine(issuer, assessment ? dateOfInstant(assessment.assessedAt) : null),
    },
    blocks: [
      {
        kind: 'title',
        lines: [
          [{ text: 'ĐÁNH GIÁ NGUY CƠ BAN ĐẦU', bold: true }],
          [
            {
              text: 'về mức độ tổn hại của trẻ em bị xâm hại hoặc có nguy cơ bị bạo lực, bóc lột, bỏ rơi',
              bold: true,
            },
          ],
        ],
      },
      ...childFields(child),
      field('Họ và tên cán bộ thực hiện', (assessment?.assessedBy ?? input.worker)?.fullName),
      field('Thời gian thực hiện', assessment ? formatInstant(assessment.assessedAt) : null),
      field(
        'Thông tin tiếp nhận',
        `${intake.reportNumber ? `Báo cáo số ${intake.reportNumber}, ` : ''}tiếp nhận lúc ${formatInstant(intake.receivedAt)}`,
      ),
      { kind: 'heading', text: '1. Kiểm tra tính xác thực của thông tin' },
      choice(
        'Kết quả',
        { verified: 'Thông tin được xác thực', not_verified: 'Thông tin không được xác thực' },
        assessment ? (assessment.verified ? 'verified' : 'not_verified') : null,
      ),
      field('Nội dung kiểm tra, xác minh', assessment?.findings, 3),
      { kind: 'heading', text: '2. Đánh giá nguy cơ ban đầu' },
      ...ratingTables('initial', assessment?.ratings ?? null, {
        harm: 'a) Đánh giá mức độ tổn hại của trẻ em',
        capacity: 'b) Đánh giá khả năng tự bảo vệ, phục hồi của trẻ em',
      }),
      { kind: 'heading', text: '3. Kết luận' },
      yesNo(
        'Trẻ em cần được áp dụng biện pháp can thiệp khẩn cấp (Điều 31, 32 Nghị định 56/2017/NĐ-CP)',
        assessment?.urgentProtection ?? null,
      ),
      field('Biện pháp can thiệp khẩn cấp đã áp dụng', emergency?.measures, 3),
      yesNo(
        'Tạm thời cách ly trẻ em khỏi môi trường hoặc người gây tổn hại',
        emergency ? emergency.separated : null,
      ),
      field('Thời điểm can thiệp', interventionTime),
      {
        kind: 'signatures',
        placeDate: null,
        blocks: [signature('NGƯỜI THỰC HIỆN', assessment?.assessedBy ?? input.worker)],
      },
    ],
  };
}

function mau03(input: CaseFormInput): FormDocument {
  const { issuer, child } = input;
  const assessment = input.specificAssessment;
  const meeting = assessment?.meeting ?? null;
  return {
    title: caseFormTitles.mau03,
    formNumber: 'Mẫu số 03',
    header: {
      issuer,
      numberLine: null,

      placeDate: placeDateLine(issuer, assessment?.assessedOn ?? null),
    },
    blocks: [
      {
        kind: 'title',
        lines: [
          [{ text: 'BÁO CÁO', bold: true }],
          [{ text: 'THU THẬP THÔNG TIN, ĐÁNH GIÁ NGUY CƠ CỤ THỂ', bold: true }],
          [{ text: 'và xác định nhu cầu hỗ trợ, can thiệp đối với trẻ em', bold: true }],
        ],
      },
      ...childFields(child, { school: true, personalId: true }),
      field('Họ và tên cán bộ thực hiện', (assessment?.assessedBy ?? input.worker)?.fullName),
      field('Ngày, tháng, năm thực hiện', formatDate(assessment?.assessedOn ?? null)),
      { kind: 'heading', text: '1. Thông tin đã thu thập' },
      field(
        'Nguồn thông tin (trẻ em, gia đình, nhà trường, cơ quan, tổ chức liên quan)',
        assessment?.informationSources,
        1,
      ),
      field('Tình hình cụ thể của trẻ em và gia đình', assessment?.findings, 4),
      { kind: 'heading', text: '2. Đánh giá nguy cơ cụ thể' },
      ...ratingTables('initial', assessment?.ratings ?? null, {
        harm: 'a) Đánh giá mức độ tổn hại của trẻ em',
        capacity: 'b) Đánh giá khả năng tự bảo vệ, phục hồi của trẻ em',
      }),
      { kind: 'heading', text: '3. Nhu cầu cần hỗ trợ, can thiệp của trẻ em và gia đình' },
      { kind: 'list', items: assessment?.needs ?? [], blankLines: 4 },
      {
        kind: 'signatures',
        placeDate: null,
        blocks: [signature('NGƯỜI THỰC HIỆN', assessment?.assessedBy ?? input.worker)],
      },
      { kind: 'pageBreak' },
      {
        kind: 'title',
        lines: [
          [{ text: 'BIÊN BẢN HỌP', bold: true }],
          [{ text: 'XÁC ĐỊNH NHU CẦU CẦN HỖ TRỢ, CAN THIỆP ĐỐI VỚI TRẺ EM', bold: true }],
        ],
      },
      field('Trẻ em', childNameOrDots(child)),
      field('Thời gian', formatDate(meeting?.heldOn ?? null)),
      field('Địa điểm', meeting?.place),
      field('Chủ trì', meeting?.chairedBy),
      field('Thư ký', meeting?.recordedBy),
      { kind: 'heading', text: 'Thành phần tham dự' },
      {
        kind: 'table',
        columns: [
          { header: 'STT', width: 8 },
          { header: 'Họ và tên', width: 42 },
          { header: 'Chức vụ, đơn vị hoặc quan hệ với trẻ em', width: 50 },
        ],
        rows: (meeting?.participants ?? []).map((p, i) => [String(i + 1), p.fullName, p.role ?? '']),
        blankRows: meeting ? 0 : 6,
      },
      { kind: 'heading', text: 'Nội dung, kết luận của cuộc họp' },
      field('Kết luận', meeting?.conclusions, 5),
      {
        kind: 'signatures',
        placeDate: null,
        blocks: [
          { capacity: [], title: 'THƯ KÝ', hint: '(Ký, ghi rõ họ tên)', name: meeting?.recordedBy ?? null },
          { capacity: [], title: 'CHỦ TRÌ', hint: '(Ký, ghi rõ họ tên)', name: meeting?.chairedBy ?? null },
        ],
      },
    ],
  };
}

/** The plan's sections, shared by Mẫu 04 and the plan attached to the decision of Mẫu 05. */
function planSections(input: CaseFormInput, plan: CasePlan | null): Block[] {
  const ratings = input.specificAssessment?.ratings ?? input.initialAssessment?.ratings ?? null;
  const needs = input.specificAssessment?.needs ?? [];
  return [
    { kind: 'heading', text: 'I. Thông tin về trẻ em' },
    ...childFields(input.child, { school: true, personalId: true }),
    field('Cha, mẹ, người chăm sóc trẻ em', currentCaregivers(input.caregivers)),
    { kind: 'heading', text: 'II. Kết quả đánh giá nguy cơ và nhu cầu của trẻ em' },
    ...ratingTables('initial', ratings, {
      harm: '1. Mức độ tổn hại của trẻ em',
      capacity: '2. Khả năng tự bảo vệ, phục hồi của trẻ em',
    }),
    { kind: 'heading', text: '3. Nhu cầu cần hỗ trợ, can thiệp' },
    { kind: 'list', items: needs, blankLines: 3 },
    { kind: 'heading', text: 'III. Mục tiêu' },
    { kind: 'list', items: plan?.goals ?? [], blankLines: 3 },
    { kind: 'heading', text: 'IV. Hoạt động hỗ trợ, can thiệp' },
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 7 },
        { header: 'Hoạt động', width: 35 },
        { header: 'Dịch vụ', width: 18 },
        { header: 'Người, cơ quan thực hiện', width: 24 },
        { header: 'Thời hạn', width: 16 },
      ],
      rows: (plan?.actions ?? []).map((a, i) => [
        String(i + 1),
        a.description,
        a.service ?? '',
        a.responsible,
        formatDate(a.dueOn) ?? '',
      ]),
      blankRows: plan ? 0 : 6,
    },
    { kind: 'heading', text: 'V. Rà soát, đánh giá' },
    field('Thời gian rà soát, đánh giá', plan?.reviewDates.map((d) => formatDate(d)).join('; ')),
  ];
}

function mau04(input: CaseFormInput): FormDocument {
  const { issuer, plan } = input;
  const parents = input.caregivers.filter((c) => c.isCurrentCaregiver).map((c) => c.fullName);
  return {
    title: caseFormTitles.mau04,
    formNumber: 'Mẫu số 04',
    header: {
      issuer,
      numberLine: null,

      placeDate: placeDateLine(issuer, plan?.draftedOn ?? null),
    },
    blocks: [
      {
        kind: 'title',
        lines: [
          [{ text: 'KẾ HOẠCH', bold: true }],
          [{ text: 'HỖ TRỢ, CAN THIỆP ĐỐI VỚI TRẺ EM', bold: true }],
        ],
      },
      ...planSections(input, plan),
      {
        kind: 'signatures',
        placeDate: null,
        blocks: [
          {
            capacity: [],
            title: 'CHA, MẸ, NGƯỜI CHĂM SÓC TRẺ EM',
            hint: '(Ký, ghi rõ họ tên)',
            name: parents.length === 1 ? parents[0]! : null,
          },
          signature('NGƯỜI XÂY DỰNG KẾ HOẠCH', plan?.draftedBy ?? input.worker),
        ],
      },
    ],
  };
}

function mau05(input: CaseFormInput): FormDocument {
  const { issuer, child, approval, worker } = input;
  const commune = communeInText(issuer.commune);
  const decisionRef = approval?.decisionNumber ?? `${DOTS}/QĐ-UBND`;
  const childLine = [
    childNameOrDots(child),
    `sinh ngày ${formatDate(child.birthDate) ?? DOTS}`,
    `nơi cư trú: ${child.address ?? DOTS}`,
  ].join(', ');
  const implementers = [...(approval?.implementers ?? []), 'người làm công tác bảo vệ trẻ em cấp xã'];
  return {
    title: caseFormTitles.mau05,
    formNumber: 'Mẫu số 05',
    header: {
      issuer,
      numberLine: `Số: ${decisionRef}`,

      placeDate: placeDateLine(issuer, approval?.decidedOn ?? null),
    },
    blocks: [
      {
        kind: 'title',
        lines: [
          [{ text: 'QUYẾT ĐỊNH', bold: true }],
          [{ text: 'Về việc phê duyệt kế hoạch hỗ trợ, can thiệp đối với trẻ em', bold: true }],
          [{ text: '' }],
          [{ text: `CHỦ TỊCH ỦY BAN NHÂN DÂN ${issuer.commune.toUpperCase()}`, bold: true }],
        ],
      },
      ...[
        ...(approval?.extraLegalBases ?? []),
        'Căn cứ Luật Trẻ em ngày 05 tháng 4 năm 2016;',
        'Căn cứ Nghị định số 56/2017/NĐ-CP ngày 09 tháng 5 năm 2017 của Chính phủ quy định chi tiết một số điều của Luật Trẻ em;',
        'Theo đề nghị của người làm công tác bảo vệ trẻ em cấp xã.',
      ].map((text): Block => ({ kind: 'paragraph', align: 'justify', runs: [{ text, italics: true }] })),
      { kind: 'title', lines: [[{ text: 'QUYẾT ĐỊNH:', bold: true }]] },
      {
        kind: 'paragraph',
        align: 'justify',
        runs: [
          { text: 'Điều 1. ', bold: true },
          { text: `Phê duyệt kế hoạch hỗ trợ, can thiệp đối với trẻ em ${childLine} (kế hoạch kèm theo).` },
        ],
      },
      {
        kind: 'paragraph',
        align: 'justify',
        runs: [
          { text: 'Điều 2. ', bold: true },
          {
            text:
              `Giao ${worker ? `${worker.fullName}, ` : ''}người làm công tác bảo vệ trẻ em cấp xã, chủ trì, phối hợp với ` +
              'cha, mẹ, người chăm sóc trẻ em và các cơ quan, tổ chức, cá nhân có liên quan tổ chức thực hiện kế hoạch; ' +
              'theo dõi, rà soát, đánh giá việc thực hiện kế hoạch theo quy định.',
          },
        ],
      },
      {
        kind: 'paragraph',
        align: 'justify',
        runs: [
          { text: 'Điều 3. ', bold: true },
          {
            text:
              `Quyết định này có hiệu lực kể từ ngày ký. ${implementers.join(', ')}, cha, mẹ, người chăm sóc trẻ em ` +
              'và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.',
          },
        ],
      },
      {
        kind: 'recipients',
        recipients: ['- Như Điều 3;', '- Lưu: VT, hồ sơ trẻ em.'],
        signature: chairSignature(approval?.signerCapacity ?? 'chair', approval?.signer ?? null, false),
      },
      { kind: 'pageBreak' },
      {
        kind: 'title',
        lines: [
          [{ text: 'KẾ HOẠCH', bold: true }],
          [{ text: 'HỖ TRỢ, CAN THIỆP ĐỐI VỚI TRẺ EM', bold: true }],
          [
            {
              text: `(Kèm theo Quyết định số ${decisionRef} ngày ${formatDate(approval?.decidedOn ?? null) ?? DOTS} của Chủ tịch Ủy ban nhân dân ${commune})`,
              italics: true,
            },
          ],
        ],
      },
      ...planSections(input, input.plan),
    ],
  };
}

function reviewToPrint(reviews: readonly CaseReview[], index: number | undefined): CaseReview | null {
  if (index === undefined) return reviews.at(-1) ?? null;
  const review = reviews[index];
  if (!review) throw new RangeError(`No review ${index}: the case has ${reviews.length}.`);
  return review;
}

function mau06(input: CaseFormInput, options: CaseFormOptions): FormDocument {
  const { issuer, child } = input;
  const review = reviewToPrint(input.reviews, options.reviewIndex);
  const continues = review?.conclusion === 'continue' || !review?.conclusion;
  return {
    title: caseFormTitles.mau06,
    formNumber: 'Mẫu số 06',
    header: {
      issuer,
      numberLine: null,

      placeDate: placeDateLine(issuer, review?.reviewedOn ?? null),
    },
    blocks: [
      {
        kind: 'title',
        lines: [
          [{ text: 'RÀ SOÁT, ĐÁNH GIÁ TÌNH TRẠNG CỦA TRẺ EM', bold: true }],
          [{ text: 'SAU KHI THỰC HIỆN KẾ HOẠCH HỖ TRỢ, CAN THIỆP', bold: true }],
        ],
      },
      field('Họ và tên trẻ em', child.fullName),
      field('Họ và tên cán bộ thực hiện', (review?.reviewedBy ?? input.worker)?.fullName),
      field('Ngày, tháng, năm thực hiện', formatDate(review?.reviewedOn ?? null)),
      { kind: 'heading', text: '1. Đánh giá nguy cơ tại giai đoạn kết thúc' },
      ...ratingTables('final', review?.ratings ?? null, {
        harm: 'a) Đánh giá mức độ tổn hại của trẻ em',
        capacity: 'b) Đánh giá khả năng tự bảo vệ, phục hồi của trẻ em',
      }),
      { kind: 'heading', text: '2. Tình trạng của trẻ em và kết quả thực hiện kế hoạch' },
      field('Nhận xét', review?.findings, 4),
      { kind: 'heading', text: '3. Kết luận, đề xuất' },
      choice('Đề xuất', conclusionNames, review?.conclusion ?? null, true),
      ...(continues
        ? [field('Ngày rà soát, đánh giá tiếp theo', formatDate(review?.nextReviewOn ?? null))]
        : []),
      {
        kind: 'signatures',
        placeDate: null,
        blocks: [signature('NGƯỜI THỰC HIỆN', review?.reviewedBy ?? input.worker)],
      },
    ],
  };
}

/** The form as blocks, ready to draw as PDF or DOCX. */
export function caseFormDocument(
  form: CaseFormKind,
  input: CaseFormInput,
  options: CaseFormOptions = {},
): FormDocument {
  switch (form) {
    case 'mau01':
      return mau01(input);
    case 'mau02':
      return mau02(input);
    case 'mau03':
      return mau03(input);
    case 'mau04':
      return mau04(input);
    case 'mau05':
      return mau05(input);
    case 'mau06':
      return mau06(input, options);
    default:
      return assertNever(form);
  }
}
