// Cases to print in tests: one that has gone through every step, and one just received. Invented people and places.
import type { CaseFormInput, Referral } from '../caseFormTypes.ts';

const worker = { fullName: 'Vàng Thị Dung', title: 'Công chức Văn hóa - Xã hội' };

/** A case just received: the report (Mẫu 01) is all there is. */
export function intakeOnlyCase(overrides: Partial<CaseFormInput> = {}): CaseFormInput {
  return {
    issuer: { province: 'Tỉnh Lào Cai', commune: 'Xã Bản Lầu', placeName: null },
    child: {
      fullName: 'Lò Thị Ánh Dương',
      sex: 'female',
      birthDate: '2015-03-08',
      estimatedAge: null,
      ethnicity: 'Thái',
      address: 'Thôn Cốc Phương, xã Bản Lầu',
      school: null,
      schoolClass: null,
      personalId: null,
    },
    caregivers: [
      {
        fullName: 'Lò Văn Páo',
        relationship: 'father',
        relationshipLabel: null,
        birthYear: 1986,
        occupation: 'Làm nương',
        phone: null,
        address: null,
        isCurrentCaregiver: false,
      },
      {
        fullName: 'Hoàng Thị Mẩy',
        relationship: 'mother',
        relationshipLabel: null,
        birthYear: 1990,
        occupation: 'Buôn bán nhỏ',
        phone: '0912 345 678',
        address: 'Thôn Cốc Phương, xã Bản Lầu',
        isCurrentCaregiver: true,
      },
    ],
    intake: {
      reportNumber: null,
      receivedAt: '2025-09-03T01:15:00Z',
      channel: 'phone',
      source: 'school',
      sourceDetail: 'Trường Tiểu học Bản Lầu',
      reporter: { anonymous: true },
      category: 'abused',
      concerns: ['violence', 'neglect'],
      whatHappened:
        'Giáo viên chủ nhiệm thấy trẻ có nhiều vết bầm ở tay và lưng, trẻ nói bị bố đánh khi say rượu.',
      where: 'Tại nhà riêng, thôn Cốc Phương',
      occurredOn: '2025-09-01',
      occurredTimeNote: 'buổi tối',
      childWhereabouts: 'Đang ở trường',
      childCurrentCondition: null,
      likelyConsequences: null,
      familySituation: null,
      actionsTakenBefore: null,
      notes: null,
      receivedBy: null,
    },
    initialAssessment: null,
    specificAssessment: null,
    plan: null,
    approval: null,
    reviews: [],
    referrals: [],
    worker: null,
    ...overrides,
  };
}

export function referralTo(overrides: Partial<Referral> = {}): Referral {
  return {
    number: '25/PC-UBND',
    issuedOn: '2025-09-15',
    to: {
      name: 'Trung tâm Công tác xã hội tỉnh Lào Cai',
      address: 'Số 8, đường Hoàng Liên, phường Lào Cai',
      phone: '0214 3820 111',
    },
    reason: 'Trẻ em bị bạo lực gia đình, có dấu hiệu sang chấn tâm lý, cần được tư vấn và trị liệu.',
    servicesRequested: ['Tư vấn, trị liệu tâm lý cho trẻ em', 'Tư vấn kỹ năng làm cha mẹ cho mẹ của trẻ em'],
    urgency: 'urgent',
    consent: { obtained: true, givenBy: ['Hoàng Thị Mẩy (mẹ)', 'Trẻ em (từ đủ 7 tuổi)'], on: '2025-09-14' },
    contactPerson: { fullName: worker.fullName, title: worker.title, phone: '0987 654 321', email: null },
    replyBy: '2025-09-30',
    includeReplySlip: true,
    signer: { fullName: 'Giàng A Sử', title: 'Phó Chủ tịch UBND xã' },
    signerCapacity: 'vice_chair',
    attachments: ['Báo cáo đánh giá nguy cơ ban đầu (Mẫu số 02)'],
    ...overrides,
  };
}

/** A case that has gone through every step up to a review proposing to close it. */
export function fullCase(overrides: Partial<CaseFormInput> = {}): CaseFormInput {
  const base = intakeOnlyCase();
  return {
    ...base,
    child: {
      ...base.child,
      school: 'Trường Tiểu học Bản Lầu',
      schoolClass: 'Lớp 4A',
      personalId: '010315012345',
    },
    intake: {
      ...base.intake,
      reportNumber: '12/BC-UBND',
      reporter: {
        anonymous: false,
        fullName: 'Nguyễn Thị Huyền',
        phone: '0975 111 222',
        address: 'Trường Tiểu học Bản Lầu',
        relationshipToChild: 'Giáo viên chủ nhiệm',
      },
      childCurrentCondition: 'Trẻ sợ hãi, không muốn về nhà.',
      likelyConsequences: 'Trẻ tiếp tục bị đánh, bỏ học.',
      familySituation: 'Hộ cận nghèo; bố nghiện rượu.',
      actionsTakenBefore: 'Nhà trường đã mời mẹ của trẻ đến trao đổi.',
      notes: 'Người báo tin đề nghị giữ bí mật danh tính.',
      receivedBy: worker,
    },
    initialAssessment: {
      assessedAt: '2025-09-03T04:00:00Z',
      assessedBy: worker,
      verified: true,
      findings: 'Đã gặp trẻ tại trường và mẹ của trẻ; thông tin là đúng.',
      ratings: {
        harm_severity: 'high',
        perpetrator_access: 'high',
        care_environment: 'medium',
        self_protection: 'low',
      },
      urgentProtection: true,
      emergency: {
        measures: 'Đưa trẻ đến ở tạm nhà bà ngoại; công an xã làm việc với người bố.',
        separated: true,
        intervenedAt: '2025-09-03T09:30:00Z',
      },
    },
    specificAssessment: {
      assessedOn: '2025-09-08',
      assessedBy: worker,
      informationSources: 'Trẻ em, mẹ, bà ngoại, giáo viên chủ nhiệm, trạm y tế xã.',
      findings: 'Bạo lực kéo dài khoảng một năm; mẹ sẵn sàng bảo vệ trẻ.',
      ratings: {
        harm_severity: 'medium',
        perpetrator_access: 'medium',
        care_environment: 'medium',
        self_protection: 'medium',
      },
      needs: ['Khám và điều trị vết thương', 'Tư vấn tâm lý', 'Bảo đảm an toàn tại nhà'],
      meeting: {
        heldOn: '2025-09-09',
        place: 'Trụ sở UBND xã Bản Lầu',
        chairedBy: 'Giàng A Sử',
        recordedBy: worker.fullName,
        participants: [
          { fullName: 'Giàng A Sử', role: 'Phó Chủ tịch UBND xã' },
          { fullName: 'Hoàng Thị Mẩy', role: 'Mẹ của trẻ em' },
          { fullName: 'Nguyễn Thị Huyền', role: 'Giáo viên chủ nhiệm' },
        ],
        conclusions:
          'Thống nhất các nhu cầu hỗ trợ và giao người làm công tác bảo vệ trẻ em xây dựng kế hoạch.',
      },
    },
    plan: {
      draftedOn: '2025-09-11',
      draftedBy: worker,
      goals: ['Trẻ em được an toàn, không bị bạo lực', 'Trẻ em ổn định tâm lý và đi học đều'],
      actions: [
        {
          description: 'Khám sức khỏe, điều trị vết thương',
          responsible: 'Trạm y tế xã Bản Lầu',
          dueOn: '2025-09-15',
          service: 'Y tế',
        },
        {
          description: 'Tư vấn tâm lý cho trẻ em',
          responsible: 'Trung tâm Công tác xã hội tỉnh',
          dueOn: '2025-10-31',
          service: 'Tư vấn tâm lý',
        },
      ],
      reviewDates: ['2025-10-15', '2025-12-15'],
    },
    approval: {
      decisionNumber: '15/QĐ-UBND',
      decidedOn: '2025-09-12',
      signer: { fullName: 'Giàng A Sử', title: 'Phó Chủ tịch UBND xã' },
      signerCapacity: 'vice_chair',
      extraLegalBases: ['Căn cứ Luật Tổ chức chính quyền địa phương;'],
      implementers: ['Trạm y tế xã', 'Công an xã'],
    },
    reviews: [
      {
        reviewedOn: '2025-10-15',
        reviewedBy: worker,
        ratings: {
          harm_severity: 'medium',
          perpetrator_access: 'low',
          care_environment: 'medium',
          self_protection: 'medium',
        },
        findings: 'Trẻ đã ổn định hơn.',
        conclusion: 'continue',
        nextReviewOn: '2025-12-15',
      },
      {
        reviewedOn: '2025-12-15',
        reviewedBy: worker,
        ratings: {
          harm_severity: 'low',
          perpetrator_access: 'low',
          care_environment: 'low',
          self_protection: 'high',
        },
        findings: 'Trẻ đi học đều, không còn bị bạo lực; người bố đã cai rượu.',
        conclusion: 'propose_close',
        nextReviewOn: null,
      },
    ],
    referrals: [referralTo()],
    worker,
    ...overrides,
  };
}
