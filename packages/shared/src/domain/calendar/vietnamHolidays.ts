import type { PlainDate } from '../plainDate.ts';

/**
 * Vietnam's paid public holidays as civil servants (công chức, viên chức) take them, 2017–2030, with the days the
 * government moved. Offices of the commune work Monday to Friday; every date below changes that pattern.
 *
 * - `holiday`: a day the Labour Code names (Bộ luật Lao động 2012, Điều 115 until 2020; 2019, Điều 112 from
 *   2021): Tết Dương lịch 1/1, five days of Tết Nguyên đán, Giỗ Tổ Hùng Vương 10/3 lunar, 30/4, 1/5 and Quốc
 *   khánh 2/9 — one day until 2020, two from 2021 (2/9 and the day before or after, as the Prime Minister decides).
 *   The Prime Minister also chooses which five days around the lunar new year are Tết.
 * - `compensatory` (nghỉ bù): a holiday on a Saturday or Sunday moves to the next working day.
 * - `bridge` and `working_weekend` are the two halves of a swap (hoán đổi): a working day taken off, and the
 *   Saturday worked in exchange. A swap always lists both halves.
 *
 * `official` entries come from the government's notice for the year, or are dates the Labour Code fixes itself
 * (1/1, 30/4, 1/5, 2/9). `derived` entries are our reading of the Code for a year with no notice yet: lunar dates
 * converted with the Vietnamese calendar (UTC+7), the Tết window and the Quốc khánh day shaped like the latest
 * official year whose lunar new year fell on the same weekday, and no swaps. Replace them when the notice appears
 * (docs/case-deadlines.md says how).
 */
export const holidayKinds = ['holiday', 'compensatory', 'bridge', 'working_weekend'] as const;
export type HolidayKind = (typeof holidayKinds)[number];

export const holidayStatuses = ['official', 'derived'] as const;
export type HolidayStatus = (typeof holidayStatuses)[number];

export interface VietnamHoliday {
  readonly date: PlainDate;
  /** Vietnamese, as the notice names it. */
  readonly name: string;
  readonly kind: HolidayKind;
  readonly status: HolidayStatus;
}

export interface VietnamHolidayYear {
  /** The year whose schedule this is; a swap may reach into the year before (31/12/2018 belongs to 2019). */
  readonly year: number;
  readonly labourCode: 2012 | 2019;
  /** Where the year's schedule comes from. */
  readonly source: string;
  readonly entries: readonly VietnamHoliday[];
}

const derivedSource =
  'Chưa có thông báo chính thức: suy ra theo Bộ luật Lao động 2019 (xem docs/case-deadlines.md). Ngày âm lịch theo lịch Việt Nam (UTC+7); 5 ngày Tết và ngày liền kề Quốc khánh chọn như năm chính thức gần nhất có cùng thứ; nghỉ bù vào ngày làm việc kế tiếp; không có hoán đổi.';

export const vietnamHolidayYears: readonly VietnamHolidayYear[] = [
  {
    year: 2017,
    labourCode: 2012,
    source:
      'Tết: Thủ tướng đồng ý nghỉ 26/01–01/02/2017, không hoán đổi (đưa tin: batgt.camau.gov.vn, vietnammoi.vn). Các ngày khác theo Bộ luật Lao động 2012, Điều 115; nghỉ bù vào ngày làm việc kế tiếp.',
    entries: [
      { date: '2017-01-01', name: 'Tết Dương lịch', kind: 'holiday', status: 'official' },
      { date: '2017-01-02', name: 'Nghỉ bù Tết Dương lịch', kind: 'compensatory', status: 'official' },
      { date: '2017-01-26', name: 'Tết Nguyên đán (29 tháng Chạp)', kind: 'holiday', status: 'official' },
      { date: '2017-01-27', name: 'Tết Nguyên đán (30 tháng Chạp)', kind: 'holiday', status: 'official' },
      { date: '2017-01-28', name: 'Tết Nguyên đán (mùng 1)', kind: 'holiday', status: 'official' },
      { date: '2017-01-29', name: 'Tết Nguyên đán (mùng 2)', kind: 'holiday', status: 'official' },
      { date: '2017-01-30', name: 'Tết Nguyên đán (mùng 3)', kind: 'holiday', status: 'official' },
      { date: '2017-01-31', name: 'Nghỉ bù Tết Nguyên đán', kind: 'compensatory', status: 'official' },
      { date: '2017-02-01', name: 'Nghỉ bù Tết Nguyên đán', kind: 'compensatory', status: 'official' },
      { date: '2017-04-06', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday', status: 'official' },
      { date: '2017-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday', status: 'official' },
      { date: '2017-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday', status: 'official' },
      { date: '2017-05-02', name: 'Nghỉ bù Ngày Chiến thắng', kind: 'compensatory', status: 'official' },
      { date: '2017-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday', status: 'official' },
      { date: '2017-09-04', name: 'Nghỉ bù Quốc khánh', kind: 'compensatory', status: 'official' },
    ],
  },
  {
    year: 2018,
    labourCode: 2012,
    source:
      'Tết: nghỉ 14/02–20/02/2018, nghỉ bù 19–20/02 (trungtamhanhchinhcong.camau.gov.vn). Các ngày khác theo Bộ luật Lao động 2012, Điều 115, không hoán đổi.',
    entries: [
      { date: '2018-01-01', name: 'Tết Dương lịch', kind: 'holiday', status: 'official' },
      { date: '2018-02-14', name: 'Tết Nguyên đán (29 tháng Chạp)', kind: 'holiday', status: 'official' },
      { date: '2018-02-15', name: 'Tết Nguyên đán (30 tháng Chạp)', kind: 'holiday', status: 'official' },
      { date: '2018-02-16', name: 'Tết Nguyên đán (mùng 1)', kind: 'holiday', status: 'official' },
      { date: '2018-02-17', name: 'Tết Nguyên đán (mùng 2)', kind: 'holiday', status: 'official' },
      { date: '2018-02-18', name: 'Tết Nguyên đán (mùng 3)', kind: 'holiday', status: 'official' },
      { date: '2018-02-19', name: 'Nghỉ bù Tết Nguyên đán', kind: 'compensatory', status: 'official' },
      { date: '2018-02-20', name: 'Nghỉ bù Tết Nguyên đán', kind: 'compensatory', status: 'official' },
      { date: '2018-04-25', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday', status: 'official' },
      { date: '2018-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday', status: 'official' },
      { date: '2018-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday', status: 'official' },
      { date: '2018-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday', status: 'official' },
      { date: '2018-09-03', name: 'Nghỉ bù Quốc khánh', kind: 'compensatory', status: 'official' },
    ],
  },
  {
    year: 2019,
    labourCode: 2012,
    source:
      'Văn bản 6519/VPCP-KGVX (2018): Tết Dương lịch hoán đổi 31/12/2018 ↔ 05/01/2019; Tết 02/02–10/02/2019; 30/4 hoán đổi 29/04 ↔ 04/05/2019 (đưa tin: plo.vn, phunuvagiadinh.vn).',
    entries: [
      { date: '2018-12-31', name: 'Nghỉ hoán đổi (làm bù 05/01/2019)', kind: 'bridge', status: 'official' },
      { date: '2019-01-01', name: 'Tết Dương lịch', kind: 'holiday', status: 'official' },
      {
        date: '2019-01-05',
        name: 'Làm bù (thay ngày 31/12/2018)',
        kind: 'working_weekend',
        status: 'official',
      },
      { date: '2019-02-04', name: 'Tết Nguyên đán (30 tháng Chạp)', kind: 'holiday', status: 'official' },
      { date: '2019-02-05', name: 'Tết Nguyên đán (mùng 1)', kind: 'holiday', status: 'official' },
      { date: '2019-02-06', name: 'Tết Nguyên đán (mùng 2)', kind: 'holiday', status: 'official' },
      { date: '2019-02-07', name: 'Tết Nguyên đán (mùng 3)', kind: 'holiday', status: 'official' },
      { date: '2019-02-08', name: 'Tết Nguyên đán (mùng 4)', kind: 'holiday', status: 'official' },
      { date: '2019-04-14', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday', status: 'official' },
      { date: '2019-04-15', name: 'Nghỉ bù Giỗ Tổ Hùng Vương', kind: 'compensatory', status: 'official' },
      { date: '2019-04-29', name: 'Nghỉ hoán đổi (làm bù 04/05/2019)', kind: 'bridge', status: 'official' },
      { date: '2019-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday', status: 'official' },
      { date: '2019-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday', status: 'official' },
      {
        date: '2019-05-04',
        name: 'Làm bù (thay ngày 29/04/2019)',
        kind: 'working_weekend',
        status: 'official',
      },
      { date: '2019-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday', status: 'official' },
    ],
  },
  {
    year: 2020,
    labourCode: 2012,
    source:
      'Tết: nghỉ 23/01–29/01/2020 (socongthuong.daklak.gov.vn). Các ngày khác theo Bộ luật Lao động 2012, không hoán đổi.',
    entries: [
      { date: '2020-01-01', name: 'Tết Dương lịch', kind: 'holiday', status: 'official' },
      { date: '2020-01-23', name: 'Tết Nguyên đán (29 tháng Chạp)', kind: 'holiday', status: 'official' },
      { date: '2020-01-24', name: 'Tết Nguyên đán (30 tháng Chạp)', kind: 'holiday', status: 'official' },
      { date: '2020-01-25', name: 'Tết Nguyên đán (mùng 1)', kind: 'holiday', status: 'official' },
      { date: '2020-01-26', name: 'Tết Nguyên đán (mùng 2)', kind: 'holiday', status: 'official' },
      { date: '2020-01-27', name: 'Tết Nguyên đán (mùng 3)', kind: 'holiday', status: 'official' },
      { date: '2020-01-28', name: 'Nghỉ bù Tết Nguyên đán', kind: 'compensatory', status: 'official' },
      { date: '2020-01-29', name: 'Nghỉ bù Tết Nguyên đán', kind: 'compensatory', status: 'official' },
      { date: '2020-04-02', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday', status: 'official' },
      { date: '2020-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday', status: 'official' },
      { date: '2020-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday', status: 'official' },
      { date: '2020-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday', status: 'official' },
    ],
  },
  {
    year: 2021,
    labourCode: 2019,
    source:
      'Bộ luật Lao động 2019 có hiệu lực (Quốc khánh 2 ngày). Tết 10/02–16/02/2021; Quốc khánh 02–03/09/2021 (đưa tin: hanoimoi.vn, vietnamnet.vn).',
    entries: [
      { date: '2021-01-01', name: 'Tết Dương lịch', kind: 'holiday', status: 'official' },
      { date: '2021-02-10', name: 'Tết Nguyên đán (29 tháng Chạp)', kind: 'holiday', status: 'official' },
      { date: '2021-02-11', name: 'Tết Nguyên đán (30 tháng Chạp)', kind: 'holiday', status: 'official' },
      { date: '2021-02-12', name: 'Tết Nguyên đán (mùng 1)', kind: 'holiday', status: 'official' },
      { date: '2021-02-13', name: 'Tết Nguyên đán (mùng 2)', kind: 'holiday', status: 'official' },
      { date: '2021-02-14', name: 'Tết Nguyên đán (mùng 3)', kind: 'holiday', status: 'official' },
      { date: '2021-02-15', name: 'Nghỉ bù Tết Nguyên đán', kind: 'compensatory', status: 'official' },
      { date: '2021-02-16', name: 'Nghỉ bù Tết Nguyên đán', kind: 'compensatory', status: 'official' },
      { date: '2021-04-21', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday', status: 'official' },
      { date: '2021-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday', status: 'official' },
      { date: '2021-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday', status: 'official' },
      { date: '2021-05-03', name: 'Nghỉ bù Ngày Quốc tế Lao động', kind: 'compensatory', status: 'official' },
      { date: '2021-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday', status: 'official' },
      { date: '2021-09-03', name: 'Quốc khánh (ngày liền kề)', kind: 'holiday', status: 'official' },
    ],
  },
  {
    year: 2022,
    labourCode: 2019,
    source:
      'Văn bản 245/VPCP-KGVX: Tết 31/01–04/02/2022; Quốc khánh 01–02/09/2022 (đưa tin: truyenhinhthanhhoa.vn, vnfinance.vn).',
    entries: [
      { date: '2022-01-01', name: 'Tết Dương lịch', kind: 'holiday', status: 'official' },
      { date: '2022-01-03', name: 'Nghỉ bù Tết Dương lịch', kind: 'compensatory', status: 'official' },
      { date: '2022-01-31', name: 'Tết Nguyên đán (29 tháng Chạp)', kind: 'holiday', status: 'official' },
      { date: '2022-02-01', name: 'Tết Nguyên đán (mùng 1)', kind: 'holiday', status: 'official' },
      { date: '2022-02-02', name: 'Tết Nguyên đán (mùng 2)', kind: 'holiday', status: 'official' },
      { date: '2022-02-03', name: 'Tết Nguyên đán (mùng 3)', kind: 'holiday', status: 'official' },
      { date: '2022-02-04', name: 'Tết Nguyên đán (mùng 4)', kind: 'holiday', status: 'official' },
      { date: '2022-04-10', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday', status: 'official' },
      { date: '2022-04-11', name: 'Nghỉ bù Giỗ Tổ Hùng Vương', kind: 'compensatory', status: 'official' },
      { date: '2022-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday', status: 'official' },
      { date: '2022-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday', status: 'official' },
      { date: '2022-05-02', name: 'Nghỉ bù Ngày Chiến thắng', kind: 'compensatory', status: 'official' },
      { date: '2022-05-03', name: 'Nghỉ bù Ngày Quốc tế Lao động', kind: 'compensatory', status: 'official' },
      { date: '2022-09-01', name: 'Quốc khánh (ngày liền kề)', kind: 'holiday', status: 'official' },
      { date: '2022-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday', status: 'official' },
    ],
  },
  {
    year: 2023,
    labourCode: 2019,
    source:
      'Tết 20/01–26/01/2023 (Phó Thủ tướng đồng ý; pld.net.vn). Giỗ Tổ, 30/4, 1/5: nghỉ 29/04–03/05, không hoán đổi. Văn bản 8056/VPCP-KGVX: Quốc khánh 01–02/09, nghỉ bù 04/09/2023 (th389.vn).',
    entries: [
      { date: '2023-01-01', name: 'Tết Dương lịch', kind: 'holiday', status: 'official' },
      { date: '2023-01-02', name: 'Nghỉ bù Tết Dương lịch', kind: 'compensatory', status: 'official' },
      { date: '2023-01-20', name: 'Tết Nguyên đán (29 tháng Chạp)', kind: 'holiday', status: 'official' },
      { date: '2023-01-21', name: 'Tết Nguyên đán (30 tháng Chạp)', kind: 'holiday', status: 'official' },
      { date: '2023-01-22', name: 'Tết Nguyên đán (mùng 1)', kind: 'holiday', status: 'official' },
      { date: '2023-01-23', name: 'Tết Nguyên đán (mùng 2)', kind: 'holiday', status: 'official' },
      { date: '2023-01-24', name: 'Tết Nguyên đán (mùng 3)', kind: 'holiday', status: 'official' },
      { date: '2023-01-25', name: 'Nghỉ bù Tết Nguyên đán', kind: 'compensatory', status: 'official' },
      { date: '2023-01-26', name: 'Nghỉ bù Tết Nguyên đán', kind: 'compensatory', status: 'official' },
      { date: '2023-04-29', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday', status: 'official' },
      { date: '2023-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday', status: 'official' },
      { date: '2023-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday', status: 'official' },
      { date: '2023-05-02', name: 'Nghỉ bù Giỗ Tổ Hùng Vương', kind: 'compensatory', status: 'official' },
      { date: '2023-05-03', name: 'Nghỉ bù Ngày Chiến thắng', kind: 'compensatory', status: 'official' },
      { date: '2023-09-01', name: 'Quốc khánh (ngày liền kề)', kind: 'holiday', status: 'official' },
      { date: '2023-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday', status: 'official' },
      { date: '2023-09-04', name: 'Nghỉ bù Quốc khánh', kind: 'compensatory', status: 'official' },
    ],
  },
  {
    year: 2024,
    labourCode: 2019,
    source:
      'Tết 08/02–14/02/2024 và Quốc khánh 02–03/09/2024 (thông báo của Bộ LĐ-TB&XH; sucsongtre.vn). Văn bản 2450/VPCP-KGVX: hoán đổi 29/04 ↔ 04/05/2024.',
    entries: [
      { date: '2024-01-01', name: 'Tết Dương lịch', kind: 'holiday', status: 'official' },
      { date: '2024-02-08', name: 'Tết Nguyên đán (29 tháng Chạp)', kind: 'holiday', status: 'official' },
      { date: '2024-02-09', name: 'Tết Nguyên đán (30 tháng Chạp)', kind: 'holiday', status: 'official' },
      { date: '2024-02-10', name: 'Tết Nguyên đán (mùng 1)', kind: 'holiday', status: 'official' },
      { date: '2024-02-11', name: 'Tết Nguyên đán (mùng 2)', kind: 'holiday', status: 'official' },
      { date: '2024-02-12', name: 'Tết Nguyên đán (mùng 3)', kind: 'holiday', status: 'official' },
      { date: '2024-02-13', name: 'Nghỉ bù Tết Nguyên đán', kind: 'compensatory', status: 'official' },
      { date: '2024-02-14', name: 'Nghỉ bù Tết Nguyên đán', kind: 'compensatory', status: 'official' },
      { date: '2024-04-18', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday', status: 'official' },
      { date: '2024-04-29', name: 'Nghỉ hoán đổi (làm bù 04/05/2024)', kind: 'bridge', status: 'official' },
      { date: '2024-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday', status: 'official' },
      { date: '2024-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday', status: 'official' },
      {
        date: '2024-05-04',
        name: 'Làm bù (thay ngày 29/04/2024)',
        kind: 'working_weekend',
        status: 'official',
      },
      { date: '2024-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday', status: 'official' },
      { date: '2024-09-03', name: 'Quốc khánh (ngày liền kề)', kind: 'holiday', status: 'official' },
    ],
  },
  {
    year: 2025,
    labourCode: 2019,
    source:
      'Văn bản 8726/VPCP-KGVX ngày 26/11/2024: Tết 27/01–31/01/2025 (kỳ nghỉ 25/01–02/02); hoán đổi 02/05 ↔ 26/04/2025; Quốc khánh 01–02/09/2025 (đưa tin: xosobinhdinh.org, vietnamplus.vn).',
    entries: [
      { date: '2025-01-01', name: 'Tết Dương lịch', kind: 'holiday', status: 'official' },
      { date: '2025-01-27', name: 'Tết Nguyên đán (28 tháng Chạp)', kind: 'holiday', status: 'official' },
      { date: '2025-01-28', name: 'Tết Nguyên đán (29 tháng Chạp)', kind: 'holiday', status: 'official' },
      { date: '2025-01-29', name: 'Tết Nguyên đán (mùng 1)', kind: 'holiday', status: 'official' },
      { date: '2025-01-30', name: 'Tết Nguyên đán (mùng 2)', kind: 'holiday', status: 'official' },
      { date: '2025-01-31', name: 'Tết Nguyên đán (mùng 3)', kind: 'holiday', status: 'official' },
      { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday', status: 'official' },
      {
        date: '2025-04-26',
        name: 'Làm bù (thay ngày 02/05/2025)',
        kind: 'working_weekend',
        status: 'official',
      },
      { date: '2025-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday', status: 'official' },
      { date: '2025-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday', status: 'official' },
      { date: '2025-05-02', name: 'Nghỉ hoán đổi (làm bù 26/04/2025)', kind: 'bridge', status: 'official' },
      { date: '2025-09-01', name: 'Quốc khánh (ngày liền kề)', kind: 'holiday', status: 'official' },
      { date: '2025-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday', status: 'official' },
    ],
  },
  {
    year: 2026,
    labourCode: 2019,
    source:
      'Văn bản 12729/VPCP-KGVX ngày 25/12/2025: hoán đổi 02/01 ↔ 10/01/2026. Ý kiến Thủ tướng (VPCP, 10/2025): Tết 16/02–20/02/2026; Quốc khánh 01–02/09 và hoán đổi 31/08 ↔ 22/08/2026 (thanhnien.vn, kienthuc.net.vn). Giỗ Tổ 26/04 (Chủ nhật), nghỉ bù 27/04 (thanhnien.vn, 23/02/2026).',
    entries: [
      { date: '2026-01-01', name: 'Tết Dương lịch', kind: 'holiday', status: 'official' },
      { date: '2026-01-02', name: 'Nghỉ hoán đổi (làm bù 10/01/2026)', kind: 'bridge', status: 'official' },
      {
        date: '2026-01-10',
        name: 'Làm bù (thay ngày 02/01/2026)',
        kind: 'working_weekend',
        status: 'official',
      },
      { date: '2026-02-16', name: 'Tết Nguyên đán (29 tháng Chạp)', kind: 'holiday', status: 'official' },
      { date: '2026-02-17', name: 'Tết Nguyên đán (mùng 1)', kind: 'holiday', status: 'official' },
      { date: '2026-02-18', name: 'Tết Nguyên đán (mùng 2)', kind: 'holiday', status: 'official' },
      { date: '2026-02-19', name: 'Tết Nguyên đán (mùng 3)', kind: 'holiday', status: 'official' },
      { date: '2026-02-20', name: 'Tết Nguyên đán (mùng 4)', kind: 'holiday', status: 'official' },
      { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday', status: 'official' },
      { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương', kind: 'compensatory', status: 'official' },
      { date: '2026-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday', status: 'official' },
      { date: '2026-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday', status: 'official' },
      {
        date: '2026-08-22',
        name: 'Làm bù (thay ngày 31/08/2026)',
        kind: 'working_weekend',
        status: 'official',
      },
      { date: '2026-08-31', name: 'Nghỉ hoán đổi (làm bù 22/08/2026)', kind: 'bridge', status: 'official' },
      { date: '2026-09-01', name: 'Quốc khánh (ngày liền kề)', kind: 'holiday', status: 'official' },
      { date: '2026-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday', status: 'official' },
    ],
  },
  {
    year: 2027,
    labourCode: 2019,
    source: derivedSource,
    entries: [
      { date: '2027-01-01', name: 'Tết Dương lịch', kind: 'holiday', status: 'official' },
      { date: '2027-02-04', name: 'Tết Nguyên đán (28 tháng Chạp)', kind: 'holiday', status: 'derived' },
      { date: '2027-02-05', name: 'Tết Nguyên đán (29 tháng Chạp)', kind: 'holiday', status: 'derived' },
      { date: '2027-02-06', name: 'Tết Nguyên đán (mùng 1)', kind: 'holiday', status: 'derived' },
      { date: '2027-02-07', name: 'Tết Nguyên đán (mùng 2)', kind: 'holiday', status: 'derived' },
      { date: '2027-02-08', name: 'Tết Nguyên đán (mùng 3)', kind: 'holiday', status: 'derived' },
      { date: '2027-02-09', name: 'Nghỉ bù Tết Nguyên đán', kind: 'compensatory', status: 'derived' },
      { date: '2027-02-10', name: 'Nghỉ bù Tết Nguyên đán', kind: 'compensatory', status: 'derived' },
      { date: '2027-04-16', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday', status: 'derived' },
      { date: '2027-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday', status: 'official' },
      { date: '2027-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday', status: 'official' },
      { date: '2027-05-03', name: 'Nghỉ bù Ngày Quốc tế Lao động', kind: 'compensatory', status: 'derived' },
      { date: '2027-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday', status: 'official' },
      { date: '2027-09-03', name: 'Quốc khánh (ngày liền kề)', kind: 'holiday', status: 'derived' },
    ],
  },
  {
    year: 2028,
    labourCode: 2019,
    source: derivedSource,
    entries: [
      { date: '2028-01-01', name: 'Tết Dương lịch', kind: 'holiday', status: 'official' },
      { date: '2028-01-03', name: 'Nghỉ bù Tết Dương lịch', kind: 'compensatory', status: 'derived' },
      { date: '2028-01-24', name: 'Tết Nguyên đán (28 tháng Chạp)', kind: 'holiday', status: 'derived' },
      { date: '2028-01-25', name: 'Tết Nguyên đán (29 tháng Chạp)', kind: 'holiday', status: 'derived' },
      { date: '2028-01-26', name: 'Tết Nguyên đán (mùng 1)', kind: 'holiday', status: 'derived' },
      { date: '2028-01-27', name: 'Tết Nguyên đán (mùng 2)', kind: 'holiday', status: 'derived' },
      { date: '2028-01-28', name: 'Tết Nguyên đán (mùng 3)', kind: 'holiday', status: 'derived' },
      { date: '2028-04-04', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday', status: 'derived' },
      { date: '2028-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday', status: 'official' },
      { date: '2028-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday', status: 'official' },
      { date: '2028-05-02', name: 'Nghỉ bù Ngày Chiến thắng', kind: 'compensatory', status: 'derived' },
      { date: '2028-09-01', name: 'Quốc khánh (ngày liền kề)', kind: 'holiday', status: 'derived' },
      { date: '2028-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday', status: 'official' },
      { date: '2028-09-04', name: 'Nghỉ bù Quốc khánh', kind: 'compensatory', status: 'derived' },
    ],
  },
  {
    year: 2029,
    labourCode: 2019,
    source: derivedSource,
    entries: [
      { date: '2029-01-01', name: 'Tết Dương lịch', kind: 'holiday', status: 'official' },
      { date: '2029-02-12', name: 'Tết Nguyên đán (29 tháng Chạp)', kind: 'holiday', status: 'derived' },
      { date: '2029-02-13', name: 'Tết Nguyên đán (mùng 1)', kind: 'holiday', status: 'derived' },
      { date: '2029-02-14', name: 'Tết Nguyên đán (mùng 2)', kind: 'holiday', status: 'derived' },
      { date: '2029-02-15', name: 'Tết Nguyên đán (mùng 3)', kind: 'holiday', status: 'derived' },
      { date: '2029-02-16', name: 'Tết Nguyên đán (mùng 4)', kind: 'holiday', status: 'derived' },
      { date: '2029-04-23', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday', status: 'derived' },
      { date: '2029-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday', status: 'official' },
      { date: '2029-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday', status: 'official' },
      { date: '2029-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday', status: 'official' },
      { date: '2029-09-03', name: 'Quốc khánh (ngày liền kề)', kind: 'holiday', status: 'derived' },
      { date: '2029-09-04', name: 'Nghỉ bù Quốc khánh', kind: 'compensatory', status: 'derived' },
    ],
  },
  {
    year: 2030,
    labourCode: 2019,
    source: `${derivedSource} Mùng 1 Tết là 02/02/2030 theo lịch Việt Nam; lịch Trung Quốc (UTC+8) ghi 03/02/2030.`,
    entries: [
      { date: '2030-01-01', name: 'Tết Dương lịch', kind: 'holiday', status: 'official' },
      { date: '2030-01-31', name: 'Tết Nguyên đán (28 tháng Chạp)', kind: 'holiday', status: 'derived' },
      { date: '2030-02-01', name: 'Tết Nguyên đán (29 tháng Chạp)', kind: 'holiday', status: 'derived' },
      { date: '2030-02-02', name: 'Tết Nguyên đán (mùng 1)', kind: 'holiday', status: 'derived' },
      { date: '2030-02-03', name: 'Tết Nguyên đán (mùng 2)', kind: 'holiday', status: 'derived' },
      { date: '2030-02-04', name: 'Tết Nguyên đán (mùng 3)', kind: 'holiday', status: 'derived' },
      { date: '2030-02-05', name: 'Nghỉ bù Tết Nguyên đán', kind: 'compensatory', status: 'derived' },
      { date: '2030-02-06', name: 'Nghỉ bù Tết Nguyên đán', kind: 'compensatory', status: 'derived' },
      { date: '2030-04-12', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday', status: 'derived' },
      { date: '2030-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday', status: 'official' },
      { date: '2030-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday', status: 'official' },
      { date: '2030-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday', status: 'official' },
      { date: '2030-09-03', name: 'Quốc khánh (ngày liền kề)', kind: 'holiday', status: 'derived' },
    ],
  },
];

/** Every entry of every year, in date order. */
export const vietnamHolidays: readonly VietnamHoliday[] = vietnamHolidayYears.flatMap((year) => year.entries);
