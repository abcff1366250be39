// The rated items of the assessment forms and what each level means. Mẫu 06 part (a) is read in the annex [V]
// (dulieuphapluat.vn, "Mẫu số 06 … Nghị định 56/2017/NĐ-CP"): its three items and their Cao / Trung bình / Thấp
// criteria, and a total per level. Part (b) is only a heading there ("khả năng tự bảo vệ, phục hồi") [V]; its
// criteria below are written for treem [U]. Mẫu 02 and 03 are taken to rate the same items at the start of the case,
// so their criteria are the same ones in the present tense [U].
import { assertNever, riskItemIsCapacity, riskItems } from '@treem/shared';
import type { RiskItem, RiskLevel, RiskRatings } from './caseFormTypes.ts';
import { DOTS, SELECTED, UNSELECTED, type Block, type Line } from './formDocument.ts';

export const riskLevelNames: Record<RiskLevel, string> = { high: 'Cao', medium: 'Trung bình', low: 'Thấp' };
const levels: readonly RiskLevel[] = ['high', 'medium', 'low'];

/** Part (a): the harm. Part (b): the child's own capacity, where a high level is good. */
export const harmItems: readonly RiskItem[] = riskItems.filter((item) => !riskItemIsCapacity[item]);
export const capacityItems: readonly RiskItem[] = riskItems.filter((item) => riskItemIsCapacity[item]);

/** When the items are rated: at the start of the case (Mẫu 02, 03) or at the end of the plan (Mẫu 06). */
export type AssessmentStage = 'initial' | 'final';

interface ItemText {
  label: string;
  criteria: Record<RiskLevel, string>;
}

function itemText(item: RiskItem, stage: AssessmentStage): ItemText {
  const final = stage === 'final';
  switch (item) {
    case 'harm_severity':
      return {
        label: final ? 'Mức độ tổn hại của trẻ em có còn nghiêm trọng không' : 'Mức độ tổn hại của trẻ em',
        criteria: {
          high: `tổn hại của trẻ em ${final ? 'vẫn còn ' : ''}rất nghiêm trọng, ảnh hưởng đến sự phát triển của trẻ em`,
          medium: `tổn hại của trẻ em ${final ? 'còn ' : ''}ít nghiêm trọng`,
          low: `tổn hại của trẻ em không ${final ? 'còn ' : ''}nghiêm trọng`,
        },
      };
    case 'perpetrator_access':
      return {
        label: 'Khả năng tiếp cận trẻ em của đối tượng xâm hại',
        criteria: {
          high: `đối tượng xâm hại ${final ? 'vẫn ' : ''}có khả năng tiếp cận trẻ em và thường xuyên`,
          medium: 'đối tượng xâm hại có cơ hội tiếp cận trẻ em, nhưng không thường xuyên',
          low: 'đối tượng xâm hại ít hoặc không có khả năng tiếp cận trẻ em',
        },
      };
    case 'care_environment':
      return {
        label: 'Những trở ngại trong môi trường chăm sóc trẻ em đối với việc bảo đảm an toàn cho trẻ em',
        criteria: {
          high: `môi trường chăm sóc ${final ? 'vẫn ' : ''}có nhiều trở ngại đáng kể để bảo đảm an toàn cho trẻ em`,
          medium: 'có một vài trở ngại, nhưng trẻ em vẫn có được sự bảo vệ nhất định',
          low: 'có ít hoặc không có trở ngại nào cho việc bảo vệ trẻ em',
        },
      };
    case 'self_protection':
      return {
        label: 'Khả năng tự bảo vệ, phục hồi của trẻ em',
        criteria: {
          high: 'trẻ em biết cách tự bảo vệ, biết tìm sự giúp đỡ và đang phục hồi tốt',
          medium: 'trẻ em có một phần khả năng tự bảo vệ, phục hồi còn chậm',
          low: 'trẻ em chưa có khả năng tự bảo vệ, chưa phục hồi',
        },
      };
    default:
      return assertNever(item);
  }
}

export function riskItemLabel(item: RiskItem, stage: AssessmentStage): string {
  return itemText(item, stage).label;
}

/** The level column: every level with its criterion, the chosen one marked; none marked leaves them to tick. */
function levelCell(item: RiskItem, stage: AssessmentStage, level: RiskLevel | null): Line[] {
  const { criteria } = itemText(item, stage);
  return levels.map((option) => [
    { text: `${option === level ? SELECTED : UNSELECTED} ${riskLevelNames[option]}`, bold: option === level },
    { text: ` (${criteria[option]})` },
  ]);
}

/** "Cao: 1; Trung bình: 2; Thấp: 0" over the rated items, or dots while none is rated. */
function totals(items: readonly RiskItem[], ratings: RiskRatings | null): string {
  const rated = items.map((item) => ratings?.[item] ?? null);
  if (rated.every((level) => level === null))
    return levels.map((l) => `${riskLevelNames[l]}: ${DOTS}`).join('; ');
  return levels.map((l) => `${riskLevelNames[l]}: ${rated.filter((r) => r === l).length}`).join('; ');
}

/**
 * The two rating tables of an assessment: (a) the harm, with its total, and (b) the child's capacity. `ratings`
 * null prints them blank.
 */
export function ratingTables(
  stage: AssessmentStage,
  ratings: RiskRatings | null,
  headings: { harm: string; capacity: string },
): Block[] {
  const table = (items: readonly RiskItem[], firstHeader: string, withTotal: boolean): Block => ({
    kind: 'table',
    columns: [
      { header: firstHeader, width: 38 },
      { header: 'Mức độ (Cao, Trung bình, Thấp)', width: 62 },
    ],
    rows: [
      ...items.map((item, index) => [
        `${index + 1}. ${riskItemLabel(item, stage)}`,
        levelCell(item, stage, ratings?.[item] ?? null),
      ]),
      ...(withTotal ? [[[[{ text: 'Tổng số', bold: true }]], totals(items, ratings)]] : []),
    ],
    blankRows: 0,
  });
  return [
    { kind: 'heading', text: headings.harm },
    table(harmItems, 'Đánh giá mức độ tổn hại của trẻ em', true),
    { kind: 'heading', text: headings.capacity },
    table(capacityItems, 'Đánh giá khả năng tự bảo vệ, phục hồi của trẻ em', false),
  ];
}
