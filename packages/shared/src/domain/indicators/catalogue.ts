import type { ConcernType } from '../cases/caseCatalogue.ts';
import { ecdDomains } from '../ecd/ecdDomains.ts';
import type {
  AggregateEntry,
  ComputedDefinition,
  Disaggregation,
  IndicatorBase,
  IndicatorDefinition,
} from './types.ts';

/**
 * The indicator catalogue (docs/indicators.md): the 24 chỉ tiêu of the National Programme of Action for Children
 * 2021–2030 (Decision 23/QĐ-TTg) numbered as in the Hải Dương plan 2716/KH-UBND, the early-childhood targets of
 * Decision 1437/QĐ-TTg, the child-protection programme targets (Decision 2361/QĐ-TTg, Hà Nội's plan) and the
 * child-situation data of Circular 13/2021/TT-BLĐTBXH that the register can give.
 *
 * `computed` means the register holds the facts and treem counts them live; every other indicator is entered by
 * its sector, honestly: mortality, HIV, injuries, school completion and the school and commune facilities are not
 * in a child register.
 */

const NPA = 'Quyết định 23/QĐ-TTg (Chương trình hành động quốc gia vì trẻ em 2021–2030)';
const HAI_DUONG = 'Kế hoạch 2716/KH-UBND tỉnh Hải Dương (27/07/2021)';
const ECD = 'Quyết định 1437/QĐ-TTg (chăm sóc phát triển toàn diện trẻ em trong những năm đầu đời 2018–2025)';
const CP = 'Quyết định 2361/QĐ-TTg (Chương trình bảo vệ trẻ em 2016–2020)';
const TT13 = 'Thông tư 13/2021/TT-BLĐTBXH (Bộ chỉ tiêu thống kê về tình hình trẻ em)';

const childDimensions: readonly Disaggregation[] = [
  'sex',
  'age_group',
  'ethnicity_group',
  'ethnicity',
  'residence',
  'disability',
];
const both = ['half_year', 'year'] as const;
const yearly = ['year'] as const;

const months = (years: number) => years * 12;
const ageAtEnd = (fromMonths: number, toMonths: number) =>
  ({ kind: 'age_at_end', fromMonths, toMonths }) as const;

type Text = { vi: string; en: string };
type Common = Omit<IndicatorBase, 'disaggregations' | 'periodTypes' | 'confidence'> &
  Partial<Pick<IndicatorBase, 'disaggregations' | 'periodTypes' | 'confidence'>>;

function computed(base: Common, definition: ComputedDefinition): IndicatorDefinition {
  return {
    disaggregations: childDimensions,
    periodTypes: both,
    confidence: 'U',
    ...base,
    kind: 'computed',
    computed: definition,
  };
}

function aggregate(base: Common, entry: AggregateEntry): IndicatorDefinition {
  return {
    disaggregations: [],
    periodTypes: yearly,
    confidence: 'P',
    ...base,
    kind: 'aggregate',
    entry,
  };
}

const ratio = (level: 'commune' | 'province', numerator: Text, denominator: Text): AggregateEntry => ({
  level,
  fields: 'ratio',
  numeratorLabel: numerator,
  denominatorLabel: denominator,
});

const liveBirths: Text = { vi: 'Số trẻ đẻ sống trong kỳ', en: 'Live births in the period' };
const childrenUnder16: Text = {
  vi: 'Số trẻ em dưới 16 tuổi trong sổ theo dõi vào ngày cuối kỳ',
  en: 'Children under 16 in the register on the last day of the period',
};
const childrenUnder5: Text = {
  vi: 'Số trẻ em dưới 5 tuổi (dưới 60 tháng) trong sổ theo dõi vào ngày cuối kỳ',
  en: 'Children under 5 (under 60 months) in the register on the last day of the period',
};
const measuredUnder5 = (index: string): Text => ({
  vi: `Số trẻ em dưới 5 tuổi được cân đo trong kỳ, có chỉ số ${index} hợp lệ ở lần cân đo cuối cùng`,
  en: `Children under 5 measured in the period whose last measurement has a valid ${index}`,
});

/** Abuse (xâm hại trẻ em, Law on Children Art. 4.8): violence, exploitation, sexual abuse, trafficking, abandonment,
 * neglect and the other forms of harm the Law lists. Not: drugs, conflict with the law, risk alone. */
export const abuseConcerns: readonly ConcernType[] = [
  'violence',
  'sexual_abuse',
  'exploitation',
  'child_labour',
  'neglect',
  'abandonment',
  'trafficking',
  'abduction',
  'online_harm',
];

const ecdReachNote =
  'Reached = a service recorded for the child in the period: a service contact of the domain; for health also an ' +
  'EPI dose or a development screening; for nutrition a growth measurement; for education an enrolment at nursery ' +
  'or kindergarten in the school year running at the period end. "Đến 8 tuổi" is read as 0–8 completed years ' +
  '(under 9), as Vietnamese statistics read "từ 0 đến 8 tuổi" [P].';

const ecdDomainIndicators: IndicatorDefinition[] = ecdDomains.map((domain) =>
  computed(
    {
      code: `ECD-${domain.code.toUpperCase().replace('_', '-')}`,
      name: {
        vi: `Tỷ lệ trẻ em đến 8 tuổi được tiếp cận dịch vụ lĩnh vực ${domain.vi.toLowerCase()}`,
        en: `% of children up to 8 reached by ${domain.en.toLowerCase()} services`,
      },
      definition: {
        vi: `Trẻ em từ 0 đến 8 tuổi (dưới 9 tuổi) vào ngày cuối kỳ đã nhận ít nhất một dịch vụ thuộc lĩnh vực ${domain.vi.toLowerCase()} trong kỳ.`,
        en: `Children aged 0–8 (under 9) on the period's last day who received at least one ${domain.en.toLowerCase()} service in the period.`,
      },
      numeratorText: {
        vi: `Số trẻ em 0–8 tuổi nhận ít nhất một dịch vụ lĩnh vực ${domain.vi.toLowerCase()} trong kỳ`,
        en: `Children 0–8 who received a ${domain.en.toLowerCase()} service in the period`,
      },
      denominatorText: { vi: 'Số trẻ em 0–8 tuổi vào ngày cuối kỳ', en: 'Children 0–8 on the last day' },
      unit: 'percent',
      direction: 'higher_is_better',
      sector: 'social_protection',
      group: 'ecd',
      references: [{ document: ECD, item: 'Mục tiêu cụ thể: tiếp cận dịch vụ theo 6 lĩnh vực' }],
      note: ecdReachNote,
    },
    {
      population: ageAtEnd(0, months(9)),
      denominator: [],
      numerator: [{ fact: 'ecd_reached', domains: [domain.code] }],
    },
  ),
);

export const indicatorCatalogue: readonly IndicatorDefinition[] = [
  // ── Objective 1: comprehensive development, health, nutrition ─────────────────────────────────────────────
  aggregate(
    {
      code: 'NPA-01',
      name: {
        vi: 'Tỷ lệ xã, phường đạt tiêu chuẩn phù hợp với trẻ em',
        en: '% of communes and wards meeting the child-friendly standard',
      },
      definition: {
        vi: 'Số xã, phường được công nhận đạt tiêu chuẩn xã, phường phù hợp với trẻ em (Quyết định 06/QĐ-TTg) trên tổng số xã, phường.',
        en: 'Communes recognised as child-friendly (Decision 06/QĐ-TTg) over all communes.',
      },
      numeratorText: { vi: 'Số xã, phường được công nhận', en: 'Communes recognised' },
      denominatorText: { vi: 'Tổng số xã, phường', en: 'All communes' },
      unit: 'percent',
      direction: 'higher_is_better',
      sector: 'social_protection',
      group: 'development',
      references: [
        { document: NPA, item: 'Chỉ tiêu 1' },
        { document: HAI_DUONG, item: 'CT01' },
      ],
      note: 'Each commune enters 1 (recognised) or 0 over 1; the province value is the share of communes.',
    },
    ratio(
      'commune',
      { vi: 'Đạt chuẩn (1 = có, 0 = chưa)', en: 'Recognised (1 = yes, 0 = no)' },
      { vi: 'Số xã (1)', en: 'Communes (1)' },
    ),
  ),
  computed(
    {
      code: 'NPA-02',
      name: {
        vi: 'Tỷ lệ trẻ em đến 8 tuổi được tiếp cận các dịch vụ hỗ trợ chăm sóc phát triển toàn diện',
        en: '% of children up to 8 accessing comprehensive-development support services',
      },
      definition: {
        vi: 'Trẻ em từ 0 đến 8 tuổi (dưới 9 tuổi) vào ngày cuối kỳ đã nhận ít nhất một dịch vụ chăm sóc phát triển toàn diện (y tế, giáo dục, dinh dưỡng, chăm sóc nuôi dưỡng, bảo vệ trẻ em, phúc lợi xã hội) trong kỳ.',
        en: 'Children aged 0–8 (under 9) on the period’s last day who received at least one ECD service (health, education, nutrition, nurturing care, protection, social welfare) in the period.',
      },
      numeratorText: {
        vi: 'Số trẻ em 0–8 tuổi nhận ít nhất một dịch vụ trong kỳ',
        en: 'Children 0–8 who received a service in the period',
      },
      denominatorText: { vi: 'Số trẻ em 0–8 tuổi vào ngày cuối kỳ', en: 'Children 0–8 on the last day' },
      unit: 'percent',
      direction: 'higher_is_better',
      sector: 'social_protection',
      group: 'development',
      references: [
        { document: NPA, item: 'Chỉ tiêu 2' },
        { document: HAI_DUONG, item: 'CT02' },
        { document: ECD, item: 'Mục tiêu 2020: 70%; 2025: 90%' },
      ],
      note: ecdReachNote,
    },
    { population: ageAtEnd(0, months(9)), denominator: [], numerator: [{ fact: 'ecd_reached' }] },
  ),
  ...(['a', 'b', 'c'] as const).map((letter) => {
    const which = {
      a: { vi: 'trẻ sơ sinh (dưới 28 ngày)', en: 'neonatal (under 28 days)' },
      b: { vi: 'trẻ em dưới 1 tuổi', en: 'infant (under 1)' },
      c: { vi: 'trẻ em dưới 5 tuổi', en: 'under-5' },
    }[letter];
    return aggregate(
      {
        code: `NPA-03${letter}`,
        name: {
          vi: `Tỷ suất tử vong ${which.vi} trên 1.000 trẻ đẻ sống`,
          en: `${which.en} mortality rate per 1,000 live births`,
        },
        definition: {
          vi: `Số ca tử vong ${which.vi} trong kỳ trên 1.000 trẻ đẻ sống trong kỳ (số liệu ngành Y tế).`,
          en: `Deaths (${which.en}) in the period per 1,000 live births in the period (health sector data).`,
        },
        numeratorText: { vi: `Số ca tử vong ${which.vi}`, en: `Deaths, ${which.en}` },
        denominatorText: liveBirths,
        unit: 'per_1000_live_births',
        direction: 'lower_is_better',
        sector: 'health',
        group: 'health',
        references: [
          { document: NPA, item: 'Chỉ tiêu 3' },
          { document: HAI_DUONG, item: `CT03${letter}` },
        ],
        note: 'Deaths are reported by the health sector (A6 book), not derived from the register. Hải Dương’s values look like percentages written as ‰ (see data/plans README).',
      },
      ratio('commune', { vi: `Số ca tử vong ${which.vi}`, en: `Deaths, ${which.en}` }, liveBirths),
    );
  }),
  computed(
    {
      code: 'NPA-04a',
      name: {
        vi: 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân (cân nặng theo tuổi)',
        en: '% of children under 5 underweight (weight-for-age)',
      },
      definition: {
        vi: 'Trong số trẻ em dưới 5 tuổi vào ngày cuối kỳ được cân trong kỳ, số trẻ có lần cân cuối cùng với Z-score cân nặng theo tuổi < −2 SD (chuẩn WHO 2006; phù không có cân nặng được tính là nặng).',
        en: 'Among children under 5 on the period’s last day weighed in the period, those whose last weighing has weight-for-age z < −2 SD (WHO 2006; oedema counts as severe).',
      },
      numeratorText: { vi: 'Số trẻ nhẹ cân (vừa và nặng)', en: 'Underweight children (moderate and severe)' },
      denominatorText: measuredUnder5('cân nặng theo tuổi'),
      unit: 'percent',
      direction: 'lower_is_better',
      sector: 'health',
      group: 'nutrition',
      confidence: 'V',
      references: [
        { document: NPA, item: 'Chỉ tiêu 4' },
        { document: HAI_DUONG, item: 'CT04a' },
      ],
      note: 'Completeness is the share of children under 5 weighed in the period. Implausible z-scores (WHO flags) are left out, as WHO prevalence estimates do.',
    },
    {
      population: ageAtEnd(0, months(5)),
      denominator: [{ fact: 'latest_measurement', classification: 'underweight' }],
      numerator: [
        { fact: 'latest_measurement_class', classification: 'underweight', classes: ['moderate', 'severe'] },
      ],
    },
  ),
  computed(
    {
      code: 'NPA-04b',
      name: {
        vi: 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi (chiều cao theo tuổi)',
        en: '% of children under 5 stunted (height-for-age)',
      },
      definition: {
        vi: 'Trong số trẻ em dưới 5 tuổi vào ngày cuối kỳ được đo trong kỳ, số trẻ có lần đo cuối cùng với Z-score chiều dài/chiều cao theo tuổi < −2 SD.',
        en: 'Among children under 5 on the period’s last day measured in the period, those whose last measurement has length/height-for-age z < −2 SD.',
      },
      numeratorText: { vi: 'Số trẻ thấp còi (vừa và nặng)', en: 'Stunted children (moderate and severe)' },
      denominatorText: measuredUnder5('chiều cao theo tuổi'),
      unit: 'percent',
      direction: 'lower_is_better',
      sector: 'health',
      group: 'nutrition',
      confidence: 'V',
      references: [
        { document: NPA, item: 'Chỉ tiêu 4' },
        { document: HAI_DUONG, item: 'CT04b' },
      ],
    },
    {
      population: ageAtEnd(0, months(5)),
      denominator: [{ fact: 'latest_measurement', classification: 'stunting' }],
      numerator: [
        { fact: 'latest_measurement_class', classification: 'stunting', classes: ['moderate', 'severe'] },
      ],
    },
  ),
  computed(
    {
      code: 'NPA-04c',
      name: {
        vi: 'Tỷ lệ trẻ em dưới 5 tuổi thừa cân, béo phì (cân nặng theo chiều cao)',
        en: '% of children under 5 overweight or obese (weight-for-height)',
      },
      definition: {
        vi: 'Trong số trẻ em dưới 5 tuổi vào ngày cuối kỳ được cân đo trong kỳ, số trẻ có lần cân đo cuối cùng với Z-score cân nặng theo chiều dài/chiều cao > +2 SD. Chỉ tiêu tách riêng nông thôn (xã) và thành thị (phường).',
        en: 'Among children under 5 on the period’s last day measured in the period, those whose last measurement has weight-for-length/height z > +2 SD. Targets differ for rural (xã) and urban (phường) areas.',
      },
      numeratorText: { vi: 'Số trẻ thừa cân, béo phì', en: 'Overweight or obese children' },
      denominatorText: measuredUnder5('cân nặng theo chiều cao'),
      unit: 'percent',
      direction: 'lower_is_better',
      sector: 'health',
      group: 'nutrition',
      confidence: 'P',
      references: [
        { document: NPA, item: 'Chỉ tiêu 4' },
        { document: HAI_DUONG, item: 'CT04c ("suy dinh dưỡng thể béo phì" read as overweight/obesity)' },
      ],
    },
    {
      population: ageAtEnd(0, months(5)),
      denominator: [{ fact: 'latest_measurement', classification: 'overweight' }],
      numerator: [
        { fact: 'latest_measurement_class', classification: 'overweight', classes: ['overweight', 'obese'] },
      ],
    },
  ),
  computed(
    {
      code: 'NUT-WASTING',
      name: {
        vi: 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể gầy còm (cân nặng theo chiều cao)',
        en: '% of children under 5 wasted (weight-for-height)',
      },
      definition: {
        vi: 'Trong số trẻ em dưới 5 tuổi được cân đo trong kỳ, số trẻ có lần cân đo cuối cùng với Z-score cân nặng theo chiều cao < −2 SD hoặc bị phù.',
        en: 'Among children under 5 measured in the period, those whose last measurement has weight-for-height z < −2 SD or oedema.',
      },
      numeratorText: { vi: 'Số trẻ gầy còm (vừa và nặng)', en: 'Wasted children' },
      denominatorText: measuredUnder5('cân nặng theo chiều cao'),
      unit: 'percent',
      direction: 'lower_is_better',
      sector: 'health',
      group: 'nutrition',
      confidence: 'V',
      references: [{ document: TT13, item: 'Nhóm sức khỏe, dinh dưỡng' }],
    },
    {
      population: ageAtEnd(0, months(5)),
      denominator: [{ fact: 'latest_measurement', classification: 'wasting' }],
      numerator: [
        { fact: 'latest_measurement_class', classification: 'wasting', classes: ['moderate', 'severe'] },
      ],
    },
  ),
  computed(
    {
      code: 'NPA-05a',
      name: {
        vi: 'Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ 8 loại vắc xin',
        en: '% of children under 1 fully immunised with the 8 vaccines',
      },
      definition: {
        vi: 'Trong số trẻ em tròn 1 tuổi trong kỳ, số trẻ đã được tiêm đủ các liều của 8 loại vắc xin (lao, viêm gan B, bạch hầu, ho gà, uốn ván, bại liệt, Hib, sởi) trước sinh nhật đầu tiên.',
        en: 'Among children whose first birthday falls in the period, those who received every dose of the 8 vaccines (TB, hepatitis B, diphtheria, pertussis, tetanus, polio, Hib, measles) before that birthday.',
      },
      numeratorText: {
        vi: 'Số trẻ tiêm đủ 8 loại vắc xin trước 1 tuổi',
        en: 'Children fully immunised before 1',
      },
      denominatorText: { vi: 'Số trẻ tròn 1 tuổi trong kỳ', en: 'Children turning 1 in the period' },
      unit: 'percent',
      direction: 'higher_is_better',
      sector: 'health',
      group: 'health',
      confidence: 'P',
      references: [
        { document: NPA, item: 'Chỉ tiêu 5' },
        { document: HAI_DUONG, item: 'CT05a' },
        {
          document: 'Hệ thống chỉ tiêu thống kê cấp xã (GSO)',
          item: 'Số trẻ em dưới 1 tuổi được tiêm chủng đầy đủ',
        },
      ],
      note: 'The doses are those the schedule marks "counts for fully immunised under 1" (BCG, 5-in-1 ×3, OPV ×3, measles), given on or after their earliest valid age; the interval between doses is not checked here.',
    },
    {
      population: { kind: 'first_birthday_in_period' },
      denominator: [],
      numerator: [{ fact: 'fully_immunized_under_1' }],
    },
  ),
  computed(
    {
      code: 'NPA-05b',
      name: {
        vi: 'Tỷ lệ trẻ em dưới 5 tuổi được tiêm chủng đầy đủ các loại vắc xin',
        en: '% of children under 5 fully immunised',
      },
      definition: {
        vi: 'Trong số trẻ em dưới 5 tuổi vào ngày cuối kỳ, số trẻ đã được tiêm mọi liều của lịch tiêm chủng mở rộng đến hạn theo tuổi vào ngày cuối kỳ.',
        en: 'Among children under 5 on the period’s last day, those who have received every EPI dose due by their age on that day.',
      },
      numeratorText: { vi: 'Số trẻ tiêm đủ các liều đến hạn', en: 'Children with every due dose' },
      denominatorText: childrenUnder5,
      unit: 'percent',
      direction: 'higher_is_better',
      sector: 'health',
      group: 'health',
      confidence: 'U',
      references: [
        { document: NPA, item: 'Chỉ tiêu 5' },
        { document: HAI_DUONG, item: 'CT05b' },
      ],
      note: 'A dose is due at its scheduled age (schedule by birth date). A dose the programme no longer gives (past its upper age) and never given still counts as missing.',
    },
    { population: ageAtEnd(0, months(5)), denominator: [], numerator: [{ fact: 'doses_due_given' }] },
  ),
  aggregate(
    {
      code: 'NPA-06',
      name: { vi: 'Tỷ lệ lây truyền HIV từ mẹ sang con', en: 'Mother-to-child HIV transmission rate' },
      definition: {
        vi: 'Số trẻ sinh ra từ mẹ nhiễm HIV được xác định nhiễm HIV trên tổng số trẻ sinh ra từ mẹ nhiễm HIV.',
        en: 'HIV-positive children born to HIV-positive mothers over all children born to HIV-positive mothers.',
      },
      numeratorText: { vi: 'Số trẻ nhiễm HIV', en: 'HIV-positive children' },
      denominatorText: { vi: 'Số trẻ sinh ra từ mẹ nhiễm HIV', en: 'Children born to HIV-positive mothers' },
      unit: 'percent',
      direction: 'lower_is_better',
      sector: 'health',
      group: 'health',
      references: [
        { document: NPA, item: 'Chỉ tiêu 6' },
        { document: HAI_DUONG, item: 'CT06' },
      ],
    },
    ratio(
      'province',
      { vi: 'Số trẻ nhiễm HIV', en: 'HIV-positive children' },
      { vi: 'Số trẻ sinh ra từ mẹ nhiễm HIV', en: 'Children born to HIV-positive mothers' },
    ),
  ),
  aggregate(
    {
      code: 'NPA-07',
      name: {
        vi: 'Tỷ lệ cơ sở giáo dục cho trẻ em có công trình vệ sinh',
        en: '% of educational institutions for children with sanitation facilities',
      },
      definition: {
        vi: 'Số cơ sở giáo dục (mầm non, phổ thông) có công trình vệ sinh đạt chuẩn trên tổng số cơ sở giáo dục.',
        en: 'Schools and preschools with sanitation facilities over all schools and preschools.',
      },
      numeratorText: { vi: 'Số cơ sở có công trình vệ sinh', en: 'Institutions with sanitation' },
      denominatorText: { vi: 'Tổng số cơ sở giáo dục', en: 'All institutions' },
      unit: 'percent',
      direction: 'higher_is_better',
      sector: 'education',
      group: 'health',
      references: [
        { document: NPA, item: 'Chỉ tiêu 7' },
        { document: HAI_DUONG, item: 'CT07' },
      ],
    },
    ratio(
      'commune',
      { vi: 'Số cơ sở có công trình vệ sinh', en: 'Institutions with sanitation' },
      { vi: 'Tổng số cơ sở giáo dục', en: 'All institutions' },
    ),
  ),
  // ── Objective 2: protection ──────────────────────────────────────────────────────────────────────────────
  computed(
    {
      code: 'NPA-08a',
      name: {
        vi: 'Tỷ lệ trẻ em có hoàn cảnh đặc biệt trên tổng số trẻ em',
        en: '% of children in special circumstances among all children',
      },
      definition: {
        vi: 'Số trẻ em dưới 16 tuổi thuộc ít nhất một nhóm trẻ em có hoàn cảnh đặc biệt (Điều 10 Luật Trẻ em) vào ngày cuối kỳ trên tổng số trẻ em dưới 16 tuổi.',
        en: 'Children under 16 in at least one special-circumstance group (Law on Children Art. 10) on the period’s last day over all children under 16.',
      },
      numeratorText: { vi: 'Số trẻ em có hoàn cảnh đặc biệt', en: 'Children in special circumstances' },
      denominatorText: childrenUnder16,
      unit: 'percent',
      direction: 'lower_is_better',
      sector: 'social_protection',
      group: 'protection',
      confidence: 'V',
      disaggregations: [...childDimensions, 'circumstance_group'],
      references: [
        { document: NPA, item: 'Chỉ tiêu 8' },
        { document: HAI_DUONG, item: 'CT08a' },
        { document: CP, item: 'Mục tiêu: trẻ em có hoàn cảnh đặc biệt' },
        { document: TT13, item: 'Nhóm bảo vệ trẻ em' },
      ],
    },
    { population: ageAtEnd(0, months(16)), denominator: [], numerator: [{ fact: 'special_circumstance' }] },
  ),
  computed(
    {
      code: 'NPA-08b',
      name: {
        vi: 'Tỷ lệ trẻ em có hoàn cảnh đặc biệt được chăm sóc, nuôi dưỡng, trợ giúp',
        en: '% of children in special circumstances who are cared for and assisted',
      },
      definition: {
        vi: 'Trong số trẻ em có hoàn cảnh đặc biệt vào ngày cuối kỳ, số trẻ được trợ giúp trong kỳ: nhận dịch vụ bảo vệ hoặc phúc lợi xã hội, được chuyển gửi và cơ sở đã tiếp nhận, có kế hoạch hỗ trợ đang thực hiện hoặc đã đạt mục tiêu, hoặc đang được chăm sóc thay thế.',
        en: 'Among children in special circumstances on the period’s last day, those assisted in the period: a protection or social-welfare service, a referral accepted or completed, a case plan in force or its goals met, or alternative care.',
      },
      numeratorText: { vi: 'Số trẻ được trợ giúp', en: 'Children assisted' },
      denominatorText: { vi: 'Số trẻ em có hoàn cảnh đặc biệt', en: 'Children in special circumstances' },
      unit: 'percent',
      direction: 'higher_is_better',
      sector: 'social_protection',
      group: 'protection',
      confidence: 'U',
      disaggregations: [...childDimensions, 'circumstance_group'],
      references: [
        { document: NPA, item: 'Chỉ tiêu 8' },
        { document: HAI_DUONG, item: 'CT08b' },
        { document: CP, item: 'Mục tiêu: trẻ em có hoàn cảnh đặc biệt được trợ giúp' },
      ],
      note: 'Monthly social allowances paid outside treem are not seen unless recorded as a service contact (social_allowance).',
    },
    {
      population: ageAtEnd(0, months(16)),
      denominator: [{ fact: 'special_circumstance' }],
      numerator: [{ fact: 'supported' }],
      confidential: true,
    },
  ),
  computed(
    {
      code: 'NPA-09',
      name: {
        vi: 'Tỷ lệ trẻ em bị xâm hại trên tổng số trẻ em',
        en: '% of children abused among all children',
      },
      definition: {
        vi: 'Số trẻ em dưới 16 tuổi có vụ việc xâm hại (bạo lực, xâm hại tình dục, bóc lột, lao động trẻ em, bỏ mặc, bỏ rơi, mua bán, bắt cóc, xâm hại trên môi trường mạng) được tiếp nhận trong kỳ, trừ vụ việc đóng vì thông tin không được xác thực, trên tổng số trẻ em dưới 16 tuổi.',
        en: 'Children under 16 with a report of abuse (violence, sexual abuse, exploitation, child labour, neglect, abandonment, trafficking, abduction, online harm) received in the period, except reports closed as unverified, over all children under 16.',
      },
      numeratorText: { vi: 'Số trẻ em bị xâm hại', en: 'Children abused' },
      denominatorText: childrenUnder16,
      unit: 'percent',
      direction: 'lower_is_better',
      sector: 'social_protection',
      group: 'protection',
      confidence: 'P',
      references: [
        { document: NPA, item: 'Chỉ tiêu 9' },
        { document: HAI_DUONG, item: 'CT09' },
        { document: TT13, item: '0101 Số trẻ em bị xâm hại' },
      ],
      note: 'Only cases whose child is linked to the register are counted (a child known only by name has no place in the denominator).',
    },
    {
      population: ageAtEnd(0, months(16)),
      denominator: [],
      numerator: [{ fact: 'protection_case_received', concerns: abuseConcerns }],
      completeness: null,
      confidential: true,
    },
  ),
  ...[
    {
      code: 'NPA-10',
      vi: 'Tỷ lệ lao động trẻ em và người chưa thành niên từ 5 đến 17 tuổi',
      en: '% of children and minors aged 5–17 in child labour',
      num: {
        vi: 'Số trẻ em, người chưa thành niên 5–17 tuổi lao động trái quy định',
        en: 'Children 5–17 in child labour',
      },
      den: { vi: 'Số trẻ em, người chưa thành niên 5–17 tuổi', en: 'Children and minors 5–17' },
      target: 'CT10',
      unit: 'percent' as const,
      note: 'Child labour is measured by survey (the national child-labour survey), not from case records.',
    },
    {
      code: 'NPA-11a',
      vi: 'Tỷ suất trẻ em bị tai nạn thương tích trên 100.000 trẻ em',
      en: 'Child injury rate per 100,000 children',
      num: { vi: 'Số lượt trẻ em bị tai nạn thương tích', en: 'Child injuries' },
      den: { vi: 'Số trẻ em', en: 'Children' },
      target: 'CT11a',
      unit: 'per_100000_children' as const,
    },
    {
      code: 'NPA-11b',
      vi: 'Tỷ suất trẻ em tử vong do tai nạn thương tích trên 100.000 trẻ em',
      en: 'Child injury deaths per 100,000 children',
      num: { vi: 'Số trẻ em tử vong do tai nạn thương tích', en: 'Child injury deaths' },
      den: { vi: 'Số trẻ em', en: 'Children' },
      target: 'CT11b',
      unit: 'per_100000_children' as const,
    },
    {
      code: 'NPA-12',
      vi: 'Tỷ lệ trẻ em gặp thiên tai, thảm họa được cứu trợ, hỗ trợ kịp thời',
      en: '% of children affected by disasters who receive timely relief',
      num: { vi: 'Số trẻ được cứu trợ kịp thời', en: 'Children relieved in time' },
      den: { vi: 'Số trẻ em gặp thiên tai, thảm họa', en: 'Children affected' },
      target: 'CT12',
      unit: 'percent' as const,
    },
  ].map((item) =>
    aggregate(
      {
        code: item.code,
        name: { vi: item.vi, en: item.en },
        definition: {
          vi: `${item.num.vi} trên ${item.den.vi.toLowerCase()}.`,
          en: `${item.num.en} over ${item.den.en.toLowerCase()}.`,
        },
        numeratorText: item.num,
        denominatorText: item.den,
        unit: item.unit,
        direction: item.code === 'NPA-12' ? 'higher_is_better' : 'lower_is_better',
        sector: 'social_protection',
        group: 'protection',
        references: [
          { document: NPA, item: `Chỉ tiêu ${Number(item.code.slice(4, 6))}` },
          { document: HAI_DUONG, item: item.target },
        ],
        ...(item.note ? { note: item.note } : {}),
      },
      ratio('commune', item.num, item.den),
    ),
  ),
  aggregate(
    {
      code: 'NPA-13',
      name: {
        vi: 'Mức giảm số cuộc tảo hôn hằng năm',
        en: 'Annual reduction in the number of child marriages',
      },
      definition: {
        vi: 'Số cuộc tảo hôn năm trước trừ số cuộc tảo hôn năm nay, trên số cuộc tảo hôn năm trước (%).',
        en: 'Child marriages last year minus this year, over last year (%).',
      },
      numeratorText: { vi: 'Mức giảm (%)', en: 'Reduction (%)' },
      denominatorText: { vi: '—', en: '—' },
      unit: 'percent_reduction_per_year',
      direction: 'higher_is_better',
      sector: 'culture',
      group: 'protection',
      references: [
        { document: NPA, item: 'Chỉ tiêu 13' },
        { document: HAI_DUONG, item: 'CT13 (the base of the percentage is unclear in the text)' },
      ],
    },
    { level: 'province', fields: 'value', min: -100, max: 100 },
  ),
  computed(
    {
      code: 'NPA-14',
      name: {
        vi: 'Tỷ lệ trẻ em dưới 5 tuổi được đăng ký khai sinh',
        en: '% of children under 5 whose birth is registered',
      },
      definition: {
        vi: 'Số trẻ em dưới 5 tuổi vào ngày cuối kỳ đã được đăng ký khai sinh trên tổng số trẻ em dưới 5 tuổi.',
        en: 'Children under 5 on the period’s last day whose birth is registered over all children under 5.',
      },
      numeratorText: { vi: 'Số trẻ đã đăng ký khai sinh', en: 'Children with registered birth' },
      denominatorText: childrenUnder5,
      unit: 'percent',
      direction: 'higher_is_better',
      sector: 'justice',
      group: 'protection',
      confidence: 'V',
      references: [
        { document: NPA, item: 'Chỉ tiêu 14' },
        { document: HAI_DUONG, item: 'CT14' },
      ],
      note: 'A registration dated after the period’s last day does not count. Completeness: the share of children whose registration is known (yes or no).',
    },
    {
      population: ageAtEnd(0, months(5)),
      denominator: [],
      numerator: [{ fact: 'birth_registered' }],
      completeness: { fact: 'birth_registration_known' },
    },
  ),
  // ── Objective 3: education, culture ─────────────────────────────────────────────────────────────────────
  computed(
    {
      code: 'NPA-15',
      name: {
        vi: 'Tỷ lệ trẻ em dưới 5 tuổi phát triển phù hợp về sức khỏe, học tập và tâm lý xã hội',
        en: '% of children under 5 developmentally on track',
      },
      definition: {
        vi: 'Trong số trẻ em dưới 5 tuổi được sàng lọc phát triển trong kỳ, số trẻ có kết quả lần sàng lọc cuối cùng là phát triển phù hợp.',
        en: 'Among children under 5 screened in the period, those whose last screening found development on track.',
      },
      numeratorText: { vi: 'Số trẻ phát triển phù hợp', en: 'Children on track' },
      denominatorText: {
        vi: 'Số trẻ dưới 5 tuổi được sàng lọc trong kỳ',
        en: 'Children under 5 screened in the period',
      },
      unit: 'percent',
      direction: 'higher_is_better',
      sector: 'education',
      group: 'education',
      confidence: 'U',
      references: [
        { document: NPA, item: 'Chỉ tiêu 15' },
        { document: HAI_DUONG, item: 'CT15' },
      ],
      note: 'SDG 4.2.1 measures this by survey (ECDI); treem counts the screenings recorded. Completeness: the share of children under 5 screened.',
    },
    {
      population: ageAtEnd(0, months(5)),
      denominator: [{ fact: 'latest_screening' }],
      numerator: [{ fact: 'latest_screening_on_track' }],
    },
  ),
  computed(
    {
      code: 'NPA-16',
      name: {
        vi: 'Tỷ lệ huy động trẻ em 5 tuổi đi học mẫu giáo',
        en: '% of 5-year-olds enrolled in kindergarten',
      },
      definition: {
        vi: 'Số trẻ em 5 tuổi (tròn 5 tuổi, chưa đủ 6 tuổi) vào ngày cuối kỳ đang học mẫu giáo trong năm học của ngày cuối kỳ trên tổng số trẻ em 5 tuổi.',
        en: 'Children aged 5 on the period’s last day enrolled in kindergarten in the school year running that day, over all 5-year-olds.',
      },
      numeratorText: { vi: 'Số trẻ 5 tuổi đi học mẫu giáo', en: '5-year-olds in kindergarten' },
      denominatorText: { vi: 'Số trẻ em 5 tuổi', en: '5-year-olds' },
      unit: 'percent',
      direction: 'higher_is_better',
      sector: 'education',
      group: 'education',
      confidence: 'P',
      references: [
        { document: NPA, item: 'Chỉ tiêu 16' },
        { document: HAI_DUONG, item: 'CT16' },
      ],
      note: 'The school year starts on 1 September. The education sector counts 5-year-olds by year of birth; treem by age on the period’s last day.',
    },
    {
      population: ageAtEnd(months(5), months(6)),
      denominator: [],
      numerator: [{ fact: 'enrolled', levels: ['kindergarten'] }],
    },
  ),
  ...[
    [
      'NPA-17a',
      'Tỷ lệ hoàn thành cấp tiểu học',
      'Primary school completion rate',
      'CT17a',
      'higher_is_better',
      'Số học sinh hoàn thành chương trình tiểu học',
      'Số học sinh lớp 5',
    ],
    [
      'NPA-18a',
      'Tỷ lệ hoàn thành cấp trung học cơ sở',
      'Lower-secondary completion rate',
      'CT18a',
      'higher_is_better',
      'Số học sinh hoàn thành chương trình THCS',
      'Số học sinh lớp 9',
    ],
    [
      'NPA-18b',
      'Tỷ lệ trẻ em bỏ học cấp trung học cơ sở',
      'Lower-secondary dropout rate',
      'CT18b',
      'lower_is_better',
      'Số học sinh THCS bỏ học',
      'Số học sinh THCS đầu năm học',
    ],
    [
      'NPA-19',
      'Tỷ lệ trường học có dịch vụ hỗ trợ tâm lý trẻ em',
      '% of schools with psychological support services',
      'CT19',
      'higher_is_better',
      'Số trường có dịch vụ hỗ trợ tâm lý',
      'Tổng số trường',
    ],
    [
      'NPA-20a',
      'Tỷ lệ trường học có cơ sở hạ tầng và tài liệu phù hợp với học sinh khuyết tật',
      '% of schools with infrastructure and materials suitable for pupils with disabilities',
      'CT20a',
      'higher_is_better',
      'Số trường đáp ứng',
      'Tổng số trường',
    ],
    [
      'NPA-20b',
      'Tỷ lệ trẻ em khuyết tật có nhu cầu học tập được tiếp cận giáo dục chuyên biệt, hòa nhập và phục hồi chức năng',
      '% of children with disabilities with learning needs accessing special or inclusive education',
      'CT20b',
      'higher_is_better',
      'Số trẻ khuyết tật được tiếp cận',
      'Số trẻ khuyết tật có nhu cầu học tập',
    ],
  ].map(([code, vi, en, target, direction, num, den]) =>
    aggregate(
      {
        code: code!,
        name: { vi: vi!, en: en! },
        definition: {
          vi: `${num} trên ${den!.toLowerCase()} (số liệu ngành Giáo dục).`,
          en: `${en} (education sector data).`,
        },
        numeratorText: { vi: num!, en: 'Numerator' },
        denominatorText: { vi: den!, en: 'Denominator' },
        unit: 'percent',
        direction: direction as 'higher_is_better' | 'lower_is_better',
        sector: 'education',
        group: 'education',
        references: [
          { document: NPA, item: `Chỉ tiêu ${Number(code!.slice(4, 6))}` },
          { document: HAI_DUONG, item: target! },
        ],
        note: 'Reported by the education sector from its school statistics: the register does not record grades.',
      },
      ratio('commune', { vi: num!, en: 'Numerator' }, { vi: den!, en: 'Denominator' }),
    ),
  ),
  aggregate(
    {
      code: 'NPA-17b',
      name: { vi: 'Số trẻ em bỏ học bậc tiểu học', en: 'Number of primary-school dropouts' },
      definition: {
        vi: 'Số học sinh tiểu học bỏ học trong năm học.',
        en: 'Primary pupils who dropped out in the school year.',
      },
      numeratorText: { vi: 'Số học sinh tiểu học bỏ học', en: 'Primary dropouts' },
      denominatorText: { vi: '—', en: '—' },
      unit: 'count',
      direction: 'lower_is_better',
      sector: 'education',
      group: 'education',
      references: [
        { document: NPA, item: 'Chỉ tiêu 17' },
        { document: HAI_DUONG, item: 'CT17b' },
      ],
    },
    { level: 'commune', fields: 'count', numeratorLabel: { vi: 'Số học sinh bỏ học', en: 'Dropouts' } },
  ),
  aggregate(
    {
      code: 'NPA-21',
      name: {
        vi: 'Tỷ lệ xã, phường có điểm văn hóa, vui chơi dành cho trẻ em',
        en: '% of communes with a cultural and play space for children',
      },
      definition: {
        vi: 'Số xã, phường có điểm văn hóa, vui chơi dành cho trẻ em (chung với cộng đồng) trên tổng số xã, phường.',
        en: 'Communes with a cultural/play space for children (shared with the community) over all communes.',
      },
      numeratorText: { vi: 'Có điểm vui chơi (1 = có, 0 = chưa)', en: 'Has a play space (1/0)' },
      denominatorText: { vi: 'Số xã (1)', en: 'Communes (1)' },
      unit: 'percent',
      direction: 'higher_is_better',
      sector: 'culture',
      group: 'culture',
      references: [
        { document: NPA, item: 'Chỉ tiêu 21' },
        { document: HAI_DUONG, item: 'CT21' },
      ],
    },
    ratio(
      'commune',
      { vi: 'Có điểm vui chơi (1 = có, 0 = chưa)', en: 'Has a play space (1/0)' },
      { vi: 'Số xã (1)', en: 'Communes (1)' },
    ),
  ),
  // ── Objective 4: participation ──────────────────────────────────────────────────────────────────────────
  ...[
    [
      'NPA-22',
      'Tỷ lệ trẻ em từ 7 tuổi trở lên được hỏi ý kiến về các vấn đề của trẻ em',
      '% of children aged 7+ consulted on issues that concern them',
      'CT22',
      'Số trẻ em từ 7 tuổi trở lên được hỏi ý kiến',
      'Số trẻ em từ 7 tuổi trở lên',
    ],
    [
      'NPA-23',
      'Tỷ lệ trẻ em được nâng cao nhận thức, năng lực về quyền tham gia',
      '% of children with improved awareness of the right to participation',
      'CT23',
      'Số trẻ em được nâng cao nhận thức',
      'Số trẻ em',
    ],
    [
      'NPA-24',
      'Tỷ lệ trẻ em từ 11 tuổi trở lên được tham gia các mô hình, hoạt động thúc đẩy quyền tham gia',
      '% of children aged 11+ taking part in participation models and activities',
      'CT24',
      'Số trẻ em từ 11 tuổi trở lên tham gia',
      'Số trẻ em từ 11 tuổi trở lên',
    ],
  ].map(([code, vi, en, target, num, den]) =>
    aggregate(
      {
        code: code!,
        name: { vi: vi!, en: en! },
        definition: { vi: `${num} trên ${den!.toLowerCase()}.`, en: en! },
        numeratorText: { vi: num!, en: 'Numerator' },
        denominatorText: { vi: den!, en: 'Denominator' },
        unit: 'percent',
        direction: 'higher_is_better',
        sector: 'social_protection',
        group: 'participation',
        references: [
          { document: NPA, item: `Chỉ tiêu ${Number(code!.slice(4, 6))}` },
          { document: HAI_DUONG, item: target! },
        ],
        note: 'Consultations (children’s forums, TT 29/2019) are not yet recorded per child in treem.',
      },
      ratio('commune', { vi: num!, en: 'Numerator' }, { vi: den!, en: 'Denominator' }),
    ),
  ),
  // ── Early childhood (Decision 1437) ─────────────────────────────────────────────────────────────────────
  ...ecdDomainIndicators,
  {
    code: 'ECD-TRAINED',
    kind: 'derived',
    name: {
      vi: 'Tỷ lệ cán bộ làm việc liên quan đến trẻ em, cha mẹ, người chăm sóc trẻ được cung cấp kiến thức, kỹ năng hỗ trợ phát triển toàn diện trẻ em',
      en: '% of child-related staff, parents and caregivers trained in ECD knowledge and skills',
    },
    definition: {
      vi: 'Số người (cán bộ y tế, giáo dục, xã hội, cộng tác viên, cha mẹ, người chăm sóc) tham dự các khóa tập huấn, sinh hoạt nuôi dạy con kết thúc trong kỳ trên tổng số cán bộ và người chăm sóc trẻ của đơn vị (do đơn vị nhập).',
      en: 'People (health, education and social staff, collaborators, parents, caregivers) who attended training courses or parenting sessions ending in the period, over the unit’s staff and caregivers (entered by the unit).',
    },
    numeratorText: { vi: 'Số người được tập huấn (có mặt)', en: 'People trained (attended)' },
    denominatorText: {
      vi: 'Tổng số cán bộ, cha mẹ, người chăm sóc trẻ (nhập)',
      en: 'Staff, parents and caregivers (entered)',
    },
    unit: 'percent',
    direction: 'higher_is_better',
    periodTypes: both,
    disaggregations: [],
    sector: 'social_protection',
    group: 'ecd',
    confidence: 'P',
    references: [{ document: ECD, item: 'Mục tiêu 2020: 70% cán bộ, cha mẹ, người chăm sóc' }],
    derived: {
      numerator: {
        source: 'training_participants',
        roles: ['health_staff', 'education_staff', 'social_staff', 'collaborator', 'parent', 'caregiver'],
      },
      denominator: { source: 'aggregate_denominator' },
    },
    entry: {
      level: 'commune',
      fields: 'count',
      numeratorLabel: {
        vi: 'Tổng số cán bộ, cha mẹ, người chăm sóc trẻ',
        en: 'Staff, parents and caregivers',
      },
    },
    note: 'A person attending several courses counts once per period (by name and role within the unit).',
  },
  {
    code: 'ECD-NETWORK',
    kind: 'derived',
    name: {
      vi: 'Tỷ lệ xã, phường có mạng lưới kết nối, chuyển tuyến dịch vụ phát triển toàn diện trẻ em',
      en: '% of communes with an ECD service referral network',
    },
    definition: {
      vi: 'Số xã, phường có cơ sở cung cấp dịch vụ (trong danh bạ) phục vụ đủ 6 lĩnh vực chăm sóc phát triển toàn diện trên tổng số xã, phường.',
      en: 'Communes served by directory providers covering all six ECD domains, over all communes.',
    },
    numeratorText: { vi: 'Số xã có mạng lưới đủ 6 lĩnh vực', en: 'Communes with a full network' },
    denominatorText: { vi: 'Tổng số xã, phường', en: 'All communes' },
    unit: 'percent',
    direction: 'higher_is_better',
    periodTypes: both,
    disaggregations: ['residence'],
    sector: 'social_protection',
    group: 'ecd',
    confidence: 'U',
    references: [{ document: ECD, item: 'Mục tiêu 2020: 50% tỉnh có mạng lưới kết nối, chuyển tuyến' }],
    derived: { numerator: { source: 'communes_with_referral_network' }, denominator: { source: 'communes' } },
    note: 'The plans count districts (Hà Nội, Kon Tum); districts were abolished on 1 July 2025, so treem counts communes. The network is today’s directory, not the directory as it was at the period end.',
  },
  // ── Child-protection programme (Decision 2361) ──────────────────────────────────────────────────────────
  computed(
    {
      code: 'CP-03',
      name: {
        vi: 'Tỷ lệ trẻ em có nguy cơ rơi vào hoàn cảnh đặc biệt được quản lý trường hợp',
        en: '% of children at risk of special circumstances who are case-managed',
      },
      definition: {
        vi: 'Trong số trẻ em có dấu hiệu nguy cơ (đang được đánh dấu) vào ngày cuối kỳ, số trẻ có hồ sơ quản lý trường hợp bảo vệ trẻ em trong kỳ.',
        en: 'Among children flagged at risk on the period’s last day, those followed by a protection case during the period.',
      },
      numeratorText: { vi: 'Số trẻ được quản lý trường hợp', en: 'Children case-managed' },
      denominatorText: { vi: 'Số trẻ em có nguy cơ', en: 'Children at risk' },
      unit: 'percent',
      direction: 'higher_is_better',
      sector: 'social_protection',
      group: 'protection',
      confidence: 'U',
      references: [{ document: CP, item: 'Trẻ em có nguy cơ được quản lý trường hợp, can thiệp kịp thời' }],
    },
    {
      population: ageAtEnd(0, months(16)),
      denominator: [{ fact: 'at_risk' }],
      numerator: [{ fact: 'case_managed' }],
      confidential: true,
    },
  ),
  // ── Child statistics (Circular 13/2021), from the register ──────────────────────────────────────────────
  computed(
    {
      code: 'TT13-CHILDREN',
      name: { vi: 'Số trẻ em (dưới 16 tuổi)', en: 'Number of children (under 16)' },
      definition: {
        vi: 'Số trẻ em dưới 16 tuổi trong sổ theo dõi vào ngày cuối kỳ.',
        en: 'Children under 16 in the register on the period’s last day.',
      },
      numeratorText: childrenUnder16,
      denominatorText: childrenUnder16,
      unit: 'count',
      direction: 'higher_is_better',
      sector: 'social_protection',
      group: 'statistics',
      confidence: 'V',
      references: [{ document: TT13, item: 'Nhóm chỉ tiêu chung: số trẻ em' }],
    },
    { population: ageAtEnd(0, months(16)), denominator: [], numerator: [] },
  ),
  computed(
    {
      code: 'TT13-CSC',
      name: { vi: 'Số trẻ em có hoàn cảnh đặc biệt', en: 'Number of children in special circumstances' },
      definition: {
        vi: 'Số trẻ em dưới 16 tuổi thuộc ít nhất một nhóm trẻ em có hoàn cảnh đặc biệt vào ngày cuối kỳ.',
        en: 'Children under 16 in at least one special-circumstance group on the period’s last day.',
      },
      numeratorText: { vi: 'Số trẻ em có hoàn cảnh đặc biệt', en: 'Children in special circumstances' },
      denominatorText: childrenUnder16,
      unit: 'count',
      direction: 'lower_is_better',
      sector: 'social_protection',
      group: 'statistics',
      confidence: 'V',
      disaggregations: [...childDimensions, 'circumstance_group'],
      references: [{ document: TT13, item: 'Nhóm bảo vệ trẻ em: số trẻ em có hoàn cảnh đặc biệt' }],
    },
    { population: ageAtEnd(0, months(16)), denominator: [], numerator: [{ fact: 'special_circumstance' }] },
  ),
  computed(
    {
      code: 'TT13-ABUSED',
      name: { vi: 'Số trẻ em bị xâm hại', en: 'Number of children abused' },
      definition: {
        vi: 'Số trẻ em dưới 16 tuổi có vụ việc xâm hại được tiếp nhận trong kỳ, trừ vụ việc không được xác thực.',
        en: 'Children under 16 with an abuse report received in the period, except unverified reports.',
      },
      numeratorText: { vi: 'Số trẻ em bị xâm hại', en: 'Children abused' },
      denominatorText: childrenUnder16,
      unit: 'count',
      direction: 'lower_is_better',
      sector: 'social_protection',
      group: 'statistics',
      confidence: 'V',
      references: [{ document: TT13, item: '0101 Số trẻ em bị xâm hại' }],
    },
    {
      population: ageAtEnd(0, months(16)),
      denominator: [],
      numerator: [{ fact: 'protection_case_received', concerns: abuseConcerns }],
      completeness: null,
      confidential: true,
    },
  ),
  computed(
    {
      code: 'TT13-NURSERY',
      name: {
        vi: 'Tỷ lệ trẻ em từ 3 đến 36 tháng tuổi đi nhà trẻ',
        en: '% of children aged 3–36 months in nursery',
      },
      definition: {
        vi: 'Số trẻ em từ 3 đến dưới 36 tháng tuổi vào ngày cuối kỳ đang học nhà trẻ trong năm học của ngày cuối kỳ trên tổng số trẻ em cùng độ tuổi.',
        en: 'Children aged 3 to under 36 months on the period’s last day enrolled in nursery that school year, over all children of that age.',
      },
      numeratorText: { vi: 'Số trẻ đi nhà trẻ', en: 'Children in nursery' },
      denominatorText: { vi: 'Số trẻ em 3–36 tháng tuổi', en: 'Children 3–36 months' },
      unit: 'percent',
      direction: 'higher_is_better',
      sector: 'education',
      group: 'statistics',
      confidence: 'V',
      references: [{ document: TT13, item: 'Nhóm giáo dục: trẻ em 3–36 tháng tuổi đi nhà trẻ' }],
    },
    { population: ageAtEnd(3, 36), denominator: [], numerator: [{ fact: 'enrolled', levels: ['nursery'] }] },
  ),
  computed(
    {
      code: 'TT13-KINDERGARTEN',
      name: {
        vi: 'Tỷ lệ trẻ em từ 3 đến 5 tuổi đi học mẫu giáo',
        en: '% of children aged 3–5 in kindergarten',
      },
      definition: {
        vi: 'Số trẻ em từ 3 đến 5 tuổi (dưới 6 tuổi) vào ngày cuối kỳ đang học mẫu giáo trong năm học của ngày cuối kỳ trên tổng số trẻ em cùng độ tuổi.',
        en: 'Children aged 3–5 on the period’s last day enrolled in kindergarten that school year, over all children of that age.',
      },
      numeratorText: { vi: 'Số trẻ đi học mẫu giáo', en: 'Children in kindergarten' },
      denominatorText: { vi: 'Số trẻ em 3–5 tuổi', en: 'Children 3–5' },
      unit: 'percent',
      direction: 'higher_is_better',
      sector: 'education',
      group: 'statistics',
      confidence: 'V',
      references: [{ document: TT13, item: 'Nhóm giáo dục: trẻ em 3–5 tuổi đi học mẫu giáo' }],
    },
    {
      population: ageAtEnd(months(3), months(6)),
      denominator: [],
      numerator: [{ fact: 'enrolled', levels: ['kindergarten'] }],
    },
  ),
  computed(
    {
      code: 'TT13-INSURANCE',
      name: {
        vi: 'Tỷ lệ trẻ em dưới 6 tuổi có thẻ bảo hiểm y tế',
        en: '% of children under 6 with a health insurance card',
      },
      definition: {
        vi: 'Số trẻ em dưới 6 tuổi vào ngày cuối kỳ có thẻ bảo hiểm y tế (Luật Bảo hiểm y tế: trẻ em dưới 6 tuổi được Nhà nước đóng) trên tổng số trẻ em dưới 6 tuổi.',
        en: 'Children under 6 on the period’s last day with a health insurance card (paid by the State under the Health Insurance Law) over all children under 6.',
      },
      numeratorText: { vi: 'Số trẻ có thẻ BHYT', en: 'Children with a card' },
      denominatorText: { vi: 'Số trẻ em dưới 6 tuổi', en: 'Children under 6' },
      unit: 'percent',
      direction: 'higher_is_better',
      sector: 'health',
      group: 'statistics',
      confidence: 'P',
      references: [{ document: TT13, item: 'Nhóm y tế: trẻ em dưới 6 tuổi có thẻ bảo hiểm y tế' }],
      note: 'The register records whether a child has a card, not its validity dates: today’s answer is used for past periods.',
    },
    { population: ageAtEnd(0, months(6)), denominator: [], numerator: [{ fact: 'health_insurance' }] },
  ),
  computed(
    {
      code: 'TT13-DISABILITY',
      name: { vi: 'Số trẻ em khuyết tật', en: 'Number of children with disabilities' },
      definition: {
        vi: 'Số trẻ em dưới 16 tuổi có ghi nhận khuyết tật trong sổ theo dõi vào ngày cuối kỳ.',
        en: 'Children under 16 with a disability recorded in the register on the period’s last day.',
      },
      numeratorText: { vi: 'Số trẻ em khuyết tật', en: 'Children with disabilities' },
      denominatorText: childrenUnder16,
      unit: 'count',
      direction: 'lower_is_better',
      sector: 'social_protection',
      group: 'statistics',
      confidence: 'P',
      references: [{ document: TT13, item: 'Nhóm bảo vệ trẻ em: trẻ em khuyết tật' }],
    },
    { population: ageAtEnd(0, months(16)), denominator: [], numerator: [{ fact: 'disability' }] },
  ),
];

const byCode = new Map(indicatorCatalogue.map((indicator) => [indicator.code, indicator]));

export function findIndicator(code: string): IndicatorDefinition | undefined {
  return byCode.get(code);
}

export const computedIndicators = indicatorCatalogue.filter(
  (indicator): indicator is Extract<IndicatorDefinition, { kind: 'computed' }> =>
    indicator.kind === 'computed',
);

/** Aggregate indicators and derived ones with an entered part: what the entry forms show. */
export const enteredIndicators = indicatorCatalogue.filter(
  (indicator) =>
    indicator.kind === 'aggregate' || (indicator.kind === 'derived' && indicator.entry !== undefined),
);
