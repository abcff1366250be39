// What the tests expect each form to say, written out here rather than taken from the code under test.
import type { CaseFormKind, RiskLevel } from '../caseFormTypes.ts';

export const levelNames: Record<RiskLevel, string> = { high: 'Cao', medium: 'Trung bình', low: 'Thấp' };

/** A line of each form's title, as printed. */
export const titleLines: Record<CaseFormKind, string> = {
  mau01: 'TIẾP NHẬN THÔNG TIN TRẺ EM BỊ XÂM HẠI',
  mau02: 'ĐÁNH GIÁ NGUY CƠ BAN ĐẦU',
  mau03: 'THU THẬP THÔNG TIN, ĐÁNH GIÁ NGUY CƠ CỤ THỂ',
  mau04: 'HỖ TRỢ, CAN THIỆP ĐỐI VỚI TRẺ EM',
  mau05: 'Về việc phê duyệt kế hoạch hỗ trợ, can thiệp đối với trẻ em',
  mau06: 'RÀ SOÁT, ĐÁNH GIÁ TÌNH TRẠNG CỦA TRẺ EM',
};

export const formNumbers: Record<CaseFormKind, string> = {
  mau01: 'Mẫu số 01',
  mau02: 'Mẫu số 02',
  mau03: 'Mẫu số 03',
  mau04: 'Mẫu số 04',
  mau05: 'Mẫu số 05',
  mau06: 'Mẫu số 06',
};

const initialLabels = [
  '1. Mức độ tổn hại của trẻ em',
  '2. Khả năng tiếp cận trẻ em của đối tượng xâm hại',
  '3. Những trở ngại trong môi trường chăm sóc trẻ em đối với việc bảo đảm an toàn cho trẻ em',
  '1. Khả năng tự bảo vệ, phục hồi của trẻ em',
];
const finalLabels = ['1. Mức độ tổn hại của trẻ em có còn nghiêm trọng không', ...initialLabels.slice(1)];

export interface ExpectedRating {
  label: string;
  level: RiskLevel;
}

const rated = (labels: string[], levels: RiskLevel[]): ExpectedRating[] =>
  labels.map((label, i) => ({ label, level: levels[i]! }));

/**
 * The rating rows each form prints for `fullCase()`, in order: Mẫu 02 the initial assessment, 03–05 the specific
 * one, 06 the latest review; Mẫu 01 rates nothing.
 */
export const fullCaseRatings: Record<CaseFormKind, ExpectedRating[]> = {
  mau01: [],
  mau02: rated(initialLabels, ['high', 'high', 'medium', 'low']),
  mau03: rated(initialLabels, ['medium', 'medium', 'medium', 'medium']),
  mau04: rated(initialLabels, ['medium', 'medium', 'medium', 'medium']),
  mau05: rated(initialLabels, ['medium', 'medium', 'medium', 'medium']),
  mau06: rated(finalLabels, ['low', 'low', 'low', 'high']),
};

/** The labels of the rating rows a form prints, rated or not. */
export function ratingLabels(form: CaseFormKind): string[] {
  if (form === 'mau01') return [];
  return form === 'mau06' ? finalLabels : initialLabels;
}
