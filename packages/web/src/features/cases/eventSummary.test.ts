import { describe, expect, test } from 'vitest';
import { en } from '../../i18n/en.ts';
import { vi } from '../../i18n/vi.ts';
import { eventLines, eventTitle, stepChange } from './eventSummary.ts';

const lines = (kind: string, data: Record<string, unknown>) =>
  eventLines(kind, data, vi, 'vi').map((line) => `${line.label}: ${line.value}`);

describe('the case timeline', () => {
  test('names each event: the form of an action, or what happened', () => {
    expect(eventTitle('action:assess_initial', vi, 'vi')).toBe('Đánh giá ban đầu (Mẫu 02)');
    expect(eventTitle('action:approve_plan', en, 'en')).toBe('Approve the plan (form 05)');
    expect(eventTitle('taken', vi, 'vi')).toBe('Cán bộ nhận xử lý');
    expect(eventTitle('transfer_requested', en, 'en')).toBe('Transfer to another commune requested');
    expect(eventTitle('referral_sent', vi, 'vi')).toBe('Chuyển gửi đến cơ sở cung cấp dịch vụ');
    expect(eventTitle('care_handed_over', en, 'en')).toBe('Child handed over to the carer');
    // An event a later version writes is still shown, by its code.
    expect(eventTitle('mediation_held', vi, 'vi')).toBe('mediation_held');
  });

  test('shows the step an event moved the case to', () => {
    expect(stepChange('received', 'emergency', 'vi')).toBe(
      'Tiếp nhận – chờ đánh giá ban đầu → Can thiệp khẩn cấp',
    );
    expect(stepChange(null, 'received', 'vi')).toBe('Tiếp nhận – chờ đánh giá ban đầu');
    expect(stepChange('implementing', 'implementing', 'vi')).toBeUndefined();
  });

  test('summarises an assessment’s fields with the catalogue’s names, in the form’s order', () => {
    expect(
      // As PostgreSQL's jsonb gives them back: shorter keys first.
      lines('action:assess_initial', {
        urgent: true,
        ratings: { self_protection: 'low', harm_severity: 'high' },
        verified: true,
        findings: 'Xác minh tại nhà: đúng sự việc',
      }),
    ).toEqual([
      'Đã xác minh: Có',
      'Khẩn cấp: Có',
      'Đánh giá nguy cơ: Mức độ nghiêm trọng của tổn hại đối với trẻ em: Cao; Khả năng tự bảo vệ, phục hồi của trẻ em: Thấp',
      'Kết quả: Xác minh tại nhà: đúng sự việc',
    ]);
  });

  test('writes dates dd/MM/yyyy, instants in Viet Nam time, and plans action by action', () => {
    expect(
      lines('action:submit_plan', {
        goals: [{ text: 'Cháu được an toàn' }],
        actions: [
          {
            description: 'Khám sức khỏe',
            responsible: 'Trạm y tế xã',
            dueOn: '2027-01-10',
            serviceCode: 'medical_care',
          },
        ],
        reviewOn: '2027-03-01',
      }),
    ).toEqual([
      'Mục tiêu: Cháu được an toàn',
      'Hoạt động: Khám sức khỏe (Trạm y tế xã, 10/01/2027, Khám, chữa bệnh)',
      'Ngày rà soát: 01/03/2027',
    ]);
    expect(
      lines('action:record_emergency', { intervenedAt: '2026-03-02T00:05:00.000Z', separated: false }),
    ).toEqual(['Tách trẻ khỏi môi trường nguy hiểm: Không', 'Can thiệp lúc: 02/03/2026 07:05']);
  });

  test('names a closure’s reason and a review’s conclusion, and keeps other reasons as written', () => {
    expect(lines('action:close', { reason: 'no_longer_at_risk', note: null })).toEqual([
      'Lý do: Trẻ em không còn nguy cơ bị xâm hại, ổn định',
    ]);
    expect(lines('action:review', { conclusion: 'propose_close' })).toEqual([
      'Kết luận rà soát: Đề xuất đóng hồ sơ',
    ]);
    expect(lines('action:return_plan', { reason: 'Thiếu hoạt động tư vấn' })).toEqual([
      'Lý do: Thiếu hoạt động tư vấn',
    ]);
  });

  test('leaves out ids and empty fields, and names the intake’s codes', () => {
    expect(
      lines('shared', { userId: '0190a8f2-7c1e-7d3a-9b2c-1234567890ab', reason: 'Trạm y tế theo dõi' }),
    ).toEqual(['Lý do: Trạm y tế theo dõi']);
    expect(
      lines('reported', { channel: 'phone', source: 'school', concernTypes: ['violence', 'neglect'] }),
    ).toEqual(['Hình thức tiếp nhận: Điện thoại', 'Nguồn thông tin: Nhà trường', 'Vấn đề: Bạo lực, Bỏ mặc']);
    expect(
      lines('plan_action_updated', { actionId: 'x', status: 'done', doneOn: '2026-12-05', outcome: '' }),
    ).toEqual(['Tiến độ: Đã hoàn thành', 'Ngày hoàn thành: 05/12/2026']);
  });

  test('names the provider of a referral’s events, and the service, outcome and note in words', () => {
    const providers = new Map([['7a1f0c52-4e0e-4f57-9d4a-2c1f3b9e0a11', 'Trung tâm Trợ giúp pháp lý']]);
    const referralLines = (kind: string, data: Record<string, unknown>) =>
      eventLines(kind, data, vi, 'vi', providers).map((line) => `${line.label}: ${line.value}`);
    expect(
      referralLines('referral_sent', {
        referralId: '7a1f0c52-4e0e-4f57-9d4a-2c1f3b9e0a11',
        providerId: '0b8e2f7c-9a3d-4c5e-8f1a-6d2b4c7e9f00',
        serviceCode: 'legal_aid',
      }),
    ).toEqual(['Cơ sở: Trung tâm Trợ giúp pháp lý', 'Dịch vụ: Trợ giúp pháp lý']);
    expect(
      referralLines('referral_completed', {
        outcome: 'Luật sư đã tư vấn cho mẹ cháu',
        referralId: '7a1f0c52-4e0e-4f57-9d4a-2c1f3b9e0a11',
      }),
    ).toEqual(['Cơ sở: Trung tâm Trợ giúp pháp lý', 'Kết quả: Luật sư đã tư vấn cho mẹ cháu']);
    // Without the case's referrals (not loaded yet), the event still reads, without its provider.
    expect(lines('referral_cancelled', { referralId: '7a1f0c52-4e0e-4f57-9d4a-2c1f3b9e0a11' })).toEqual([]);
  });

  test('summarises the alternative-care events: the kind of care, the dates and the child’s wellbeing', () => {
    expect(lines('care_proposed', { placementId: 'x', kind: 'relative' })).toEqual([
      'Hình thức: Người thân thích',
    ]);
    expect(
      lines('care_visited', { wellbeing: 'concern', visitedOn: '2026-06-01', placementId: 'x' }),
    ).toEqual(['Ngày thăm: 01/06/2026', 'Tình trạng của trẻ: Cần quan tâm']);
    expect(lines('care_handed_over', { handedOverOn: '2026-05-04' })).toEqual(['Ngày giao nhận: 04/05/2026']);
    expect(lines('care_terminated', { terminatedOn: '2026-11-30' })).toEqual(['Ngày chấm dứt: 30/11/2026']);
  });
});
