// The register data generator: households, persons, special circumstances and at-risk flags for a list of
// villages, deterministic for a seed. Used by the demo seed (a few thousand rows), the scale writer (a whole
// province through COPY) and tests (duplicate detection against the seeded near-duplicates' ground truth).
//
// Pure: no database, no clock, no Math.random. Every village draws from its own random stream (derived from the
// seed and the village's index in the list), so any subset of villages can be generated alone with the same
// result — the scale writer resumes a half-written province that way.
import {
  defaultAtRiskFlags,
  foldVietnamese,
  normaliseName,
  type EthnicityCode,
  type PlainDate,
  type SpecialCircumstanceCode,
} from '@treem/shared';
import type { Selectable } from 'kysely';
import type {
  AtRiskFlagTable,
  CircumstanceAssignmentTable,
  HouseholdTable,
  PersonTable,
} from '../db/schema.ts';

// ---------------------------------------------------------------------------------------------------------------
// Output shapes: the database rows, less the columns the database fills
// ---------------------------------------------------------------------------------------------------------------

export type HouseholdRow = Omit<Selectable<HouseholdTable>, 'created_at' | 'updated_at'>;
export type PersonRow = Omit<Selectable<PersonTable>, 'created_at' | 'updated_at'>;
export type CircumstanceRow = Omit<Selectable<CircumstanceAssignmentTable>, 'created_at'>;
export type AtRiskFlagRow = Omit<Selectable<AtRiskFlagTable>, 'created_at'>;

/** How the second record of a seeded near-duplicate differs from the first. */
export type DuplicateVariation =
  /** the whole name typed without Vietnamese marks ("Nguyen Thi Hang") */
  | 'missing_diacritics'
  /** one word without its marks ("Nguyễn Thị Hang") */
  | 'missing_diacritic'
  /** old/new tone placement (Hòa/Hoà, Thủy/Thuỷ): the same folded text, different code points */
  | 'tone_placement'
  /** typed with a doubled space; the stored name is normalised, `enteredName` keeps what was typed */
  | 'extra_space'
  /** one letter of the given name dropped, doubled or swapped with its neighbour */
  | 'typo'
  /** the same personal ID under another spelling of the name and a date of birth known only to the month */
  | 'same_personal_id';

export const duplicateVariations = [
  'missing_diacritics',
  'missing_diacritic',
  'tone_placement',
  'extra_space',
  'typo',
  'same_personal_id',
] as const satisfies readonly DuplicateVariation[];

/** One true duplicate: the same child entered twice. `originalId` is always the record generated first. */
export interface SeededDuplicate {
  provinceCode: string;
  originalId: string;
  duplicateId: string;
  variation: DuplicateVariation;
  /** The name as typed for the second record (before `normaliseName`), e.g. with the doubled space. */
  enteredName: string;
}

export interface GeneratedHousehold {
  /** Index of the household's village in `options.villages`. */
  villageIndex: number;
  household: HouseholdRow;
  /** Adults first, then children (a seeded duplicate right after its original). */
  persons: PersonRow[];
  circumstances: CircumstanceRow[];
  flags: AtRiskFlagRow[];
  duplicates: SeededDuplicate[];
}

export interface GeneratedRegister {
  households: HouseholdRow[];
  persons: PersonRow[];
  circumstances: CircumstanceRow[];
  flags: AtRiskFlagRow[];
  /** Ground truth: every pair of person records that are the same child (and no others). */
  duplicates: SeededDuplicate[];
}

// ---------------------------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------------------------

export interface RegisterVillage {
  id: string;
  /** ltree path `vn.pNN.cNNNNN.v…`; the province code (the rows' shard key) is read from it. */
  path: string;
  /** As printed: "Thôn Hòa Bình", "Tổ dân phố Số 2". */
  fullName: string;
  /** The commune's name without its type ("Hòa Lạc"), for school names. */
  communeName: string;
  /** Tổ dân phố (urban ward) rather than thôn: street addresses, fewer minority households. */
  urban?: boolean;
  /** How many households to generate in the village. */
  households: number;
}

export interface EthnicShare {
  code: EthnicityCode;
  share: number;
}

export interface RegisterGeneratorOptions {
  seed: number;
  /** The day ages are counted from; every date generated is on or before it. */
  today: PlainDate;
  villages: readonly RegisterVillage[];
  /** Household ethnicity mix; default `ethnicMixFor(province)`. Shares need not add up to 1. */
  ethnicMix?: readonly EthnicShare[];
  /**
   * 2008 province codes (2 digits) that personal IDs start with (after the leading 0): where births were
   * registered. The first gets ~90% of the persons, the rest share the others. Default: the village's current
   * province code (valid for the provinces whose code did not change in 2025, e.g. 01 Hà Nội).
   */
  personalIdProvinces?: readonly string[];
  /**
   * The range of the six serial digits of the personal IDs this run issues: `[base, base + span)`. Two runs that
   * write into the same database use disjoint ranges so their IDs never collide. Default `[0, 900000)`.
   */
  personalIdSerials?: { base: number; span: number };
  /** Share of children entered a second time with a variation (seeded near-duplicates). Default 0.005. */
  duplicateRate?: number;
  /** Millisecond timestamp written into the UUIDv7 ids (village i uses epoch + i). Default 2026-01-01. */
  idEpochMs?: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Random numbers
// ---------------------------------------------------------------------------------------------------------------

export type Random = () => number;

/** A 32-bit hash of numbers and strings (murmur3 finaliser over FNV-1a), to derive independent seeds. */
export function hashSeed(...parts: readonly (number | string)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = typeof part === 'number' ? `#${part}` : `$${part}`;
    for (let i = 0; i < text.length; i += 1) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** sfc32: small, fast, and good enough for synthetic data; `[0, 1)` like Math.random. */
export function sfc32(seed: number): Random {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i += 1) next();
  return next;
}

function int(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Picks by weight from `[item, weight]` pairs. */
function weighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let r = random() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}

// ---------------------------------------------------------------------------------------------------------------
// Dates (day numbers since 1970-01-01, UTC arithmetic on calendar dates only)
// ---------------------------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

function toDays(date: PlainDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromDays(days: number): PlainDate {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

function yearOf(days: number): number {
  return new Date(days * DAY_MS).getUTCFullYear();
}

/** The first day on which a person born on `birth` is `years` old. */
function birthdayDays(birth: number, years: number): number {
  const date = new Date(birth * DAY_MS);
  const day = Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate()) / DAY_MS;
  // 29 February + n years lands on 1 March in a common year, which is the day the age changes anyway
  return day;
}

function ageOnDays(birth: number, today: number): number {
  let age = yearOf(today) - yearOf(birth);
  if (birthdayDays(birth, age) > today) age -= 1;
  return age;
}

// ---------------------------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------------------------

type Sex = 'male' | 'female';

/** Kinh family names with rough shares (percent of the population). */
const KINH_FAMILY: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 4],
  ['Huỳnh', 1.5],
  ['Phan', 4.5],
  ['Vũ', 3.9],
  ['Võ', 1.5],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 0.8],
  ['Trịnh', 0.6],
  ['Đào', 0.6],
  ['Lương', 0.5],
  ['Trương', 0.9],
  ['Đoàn', 0.5],
  ['Lâm', 0.4],
  ['Hà', 0.6],
  ['Tạ', 0.3],
  ['Tô', 0.3],
  ['Phùng', 0.3],
  ['Lưu', 0.3],
  ['Mai', 0.4],
  ['Cao', 0.4],
  ['Kiều', 0.2],
  ['Vương', 0.2],
  ['Quách', 0.1],
  ['Khúc', 0.1],
];

// No "Gia" or "Khánh" among middle names: the browser tests register "Lò Khánh Linh" and "Lò Gia Bảo" and must
// find exactly those children (a test checks the generator never makes either given name).
const MIDDLE_MALE = [
  'Đức',
  'Minh',
  'Quang',
  'Hữu',
  'Công',
  'Thành',
  'Tuấn',
  'Hoàng',
  'Xuân',
  'Duy',
  'Đình',
  'Trọng',
  'Mạnh',
  'Bảo',
  'Anh',
  'Hải',
  'Ngọc',
  'Thanh',
  'Việt',
  'Nhật',
  'Tiến',
  'Hoài',
  'Trung',
  'Đăng',
];
const MIDDLE_FEMALE = [
  'Ngọc',
  'Thu',
  'Thanh',
  'Phương',
  'Minh',
  'Bảo',
  'Hoài',
  'Thùy',
  'Mai',
  'Hải',
  'Diệu',
  'Quỳnh',
  'Kim',
  'Hồng',
  'Tuệ',
  'Cẩm',
  'Bích',
  'Như',
  'Yến',
  'Thảo',
  'Hà',
  'Ánh',
  'Tú',
];
const GIVEN_MALE = [
  'An',
  'Bảo',
  'Bình',
  'Cường',
  'Dũng',
  'Duy',
  'Đạt',
  'Đức',
  'Hải',
  'Hiếu',
  'Hiển',
  'Hòa',
  'Hoàng',
  'Hùng',
  'Huy',
  'Khang',
  'Khải',
  'Khoa',
  'Khôi',
  'Kiên',
  'Lâm',
  'Long',
  'Lộc',
  'Luân',
  'Mạnh',
  'Minh',
  'Nam',
  'Nghĩa',
  'Nguyên',
  'Nhân',
  'Phát',
  'Phong',
  'Phúc',
  'Quân',
  'Quang',
  'Sơn',
  'Tài',
  'Tâm',
  'Thái',
  'Thắng',
  'Thành',
  'Thịnh',
  'Thuận',
  'Thụy',
  'Toàn',
  'Trí',
  'Trung',
  'Tuấn',
  'Tùng',
  'Việt',
  'Vinh',
  'Vũ',
];
const GIVEN_FEMALE = [
  'An',
  'Anh',
  'Ánh',
  'Châu',
  'Chi',
  'Diệp',
  'Dung',
  'Duyên',
  'Giang',
  'Hà',
  'Hạnh',
  'Hằng',
  'Hân',
  'Hiền',
  'Hoa',
  'Hòa',
  'Hồng',
  'Huệ',
  'Hương',
  'Huyền',
  'Lan',
  'Liên',
  'Linh',
  'Loan',
  'Ly',
  'Mai',
  'My',
  'Nga',
  'Ngân',
  'Ngọc',
  'Nhi',
  'Nhung',
  'Oanh',
  'Phương',
  'Quyên',
  'Quỳnh',
  'Tâm',
  'Thảo',
  'Thoa',
  'Thủy',
  'Thúy',
  'Thư',
  'Trang',
  'Trâm',
  'Uyên',
  'Vân',
  'Vy',
  'Xuân',
  'Yến',
];

interface NameStyle {
  family: readonly (readonly [string, number])[];
  /** [middle, weight] per sex; the weight of the traditional Văn / Thị grows for adults. */
  middleMale: readonly string[];
  middleFemale: readonly string[];
  /** Share of adults (children: a third of it) with the traditional middle name. */
  traditionalShare: number;
  traditionalMale: string;
  traditionalFemale: string;
  givenMale: readonly string[];
  givenFemale: readonly string[];
  /** Children take the father's family name (all groups listed here are patrilineal). */
}

const even = (names: readonly string[]) => names.map((n) => [n, 1] as const);

const KINH_STYLE: NameStyle = {
  family: KINH_FAMILY,
  middleMale: MIDDLE_MALE,
  middleFemale: MIDDLE_FEMALE,
  traditionalShare: 0.5,
  traditionalMale: 'Văn',
  traditionalFemale: 'Thị',
  givenMale: GIVEN_MALE,
  givenFemale: GIVEN_FEMALE,
};

/** Names of the larger minority groups; the others fall back to Kinh-style names, as many families use. */
const STYLES: Partial<Record<EthnicityCode, NameStyle>> = {
  '01': KINH_STYLE,
  // Tày
  '02': {
    ...KINH_STYLE,
    family: even(['Hoàng', 'Nông', 'Lương', 'Bế', 'Đàm', 'Triệu', 'Lục', 'Hà', 'Nguyễn', 'Ma']),
    traditionalShare: 0.8,
  },
  // Thái
  '03': {
    ...KINH_STYLE,
    family: even(['Lò', 'Lường', 'Cầm', 'Quàng', 'Vi', 'Hà', 'Điêu', 'Tòng', 'Lù']),
    traditionalShare: 0.9,
    givenMale: ['Ín', 'Khăm', 'Phóng', 'Xuân', 'Bun', 'Chiến', 'Tiến', 'Hiếu', 'Pâng', 'Thương', 'Ếch'],
    givenFemale: ['Ỏn', 'Xuân', 'Pằng', 'Ngần', 'Hoa', 'Ánh', 'Thủy', 'Mai', 'Lả', 'Bua', 'Ngoan', 'Thơm'],
  },
  // Mường
  '06': {
    ...KINH_STYLE,
    family: even(['Bùi', 'Đinh', 'Quách', 'Hà', 'Xa', 'Bạch', 'Đinh Công']),
    traditionalShare: 0.8,
  },
  // Nùng
  '07': {
    ...KINH_STYLE,
    family: even(['Nông', 'Hoàng', 'Lương', 'Vi', 'Chu', 'Lục', 'Mã', 'Lăng']),
    traditionalShare: 0.8,
  },
  // HMông: men's middle name is "A", women's "Thị"
  '08': {
    family: even(['Giàng', 'Sùng', 'Vàng', 'Thào', 'Lý', 'Hạng', 'Mùa', 'Lầu', 'Vừ', 'Hờ', 'Tráng']),
    middleMale: ['A'],
    middleFemale: ['Thị'],
    traditionalShare: 1,
    traditionalMale: 'A',
    traditionalFemale: 'Thị',
    givenMale: ['Páo', 'Sính', 'Chứ', 'Dế', 'Pó', 'Lử', 'Tủa', 'Chinh', 'Dình', 'Khua', 'Nủ', 'Súa', 'Pàng'],
    givenFemale: [
      'Mỷ',
      'Dợ',
      'Chía',
      'Mua',
      'Pàng',
      'Dính',
      'Sua',
      'Phừ',
      'Ly',
      'Sênh',
      'Xúa',
      'Mẩy',
      'Sùng',
    ],
  },
  // Dao
  '09': {
    ...KINH_STYLE,
    family: even(['Triệu', 'Bàn', 'Đặng', 'Lý', 'Phùng', 'Chảo', 'Tẩn']),
    middleMale: ['Văn', 'Tòn', 'Quầy', 'Phúc'],
    middleFemale: ['Thị', 'Mùi', 'Nhất'],
    traditionalShare: 0.7,
  },
  // Khơ-me
  '05': {
    ...KINH_STYLE,
    family: even(['Thạch', 'Sơn', 'Danh', 'Kim', 'Lâm', 'Kiên', 'Lý']),
    middleMale: ['Sô', 'Minh', 'Văn', 'Sóc'],
    middleFemale: ['Thị', 'Sà', 'Chanh', 'Mỹ'],
    traditionalShare: 0.4,
    givenMale: ['Sóc', 'Sa Rết', 'Thươl', 'Rươne', 'Phách', 'Sên', 'Vuthy', 'Chăn'],
    givenFemale: ['Sa Ly', 'Sóc Phia', 'Thiên', 'Mỹ', 'Ngọc', 'Sà Rây', 'Kim', 'Sô Phên'],
  },
};

/** Ethnic mix of households by current province: Kinh majority everywhere in the demo and benchmark provinces. */
export function ethnicMixFor(provinceCode: string): EthnicShare[] {
  switch (provinceCode) {
    case '01': // Hà Nội: Mường (Ba Vì), Tày, Thái, Dao minorities; small
      return [
        { code: '01', share: 0.965 },
        { code: '06', share: 0.018 },
        { code: '02', share: 0.007 },
        { code: '03', share: 0.005 },
        { code: '09', share: 0.003 },
        { code: '08', share: 0.002 },
      ];
    default:
      return [
        { code: '01', share: 0.85 },
        { code: '02', share: 0.03 },
        { code: '03', share: 0.03 },
        { code: '06', share: 0.025 },
        { code: '08', share: 0.02 },
        { code: '07', share: 0.015 },
        { code: '09', share: 0.015 },
        { code: '05', share: 0.015 },
      ];
  }
}

const hasMark = (text: string) => /[\u0080-\uffff]/.test(text);

/** Old (òa, ùy) ↔ new (oà, uỳ) tone placement; both are written in Viet Nam. */
const TONE_SWAPS: readonly (readonly [string, string])[] = [
  ['òa', 'oà'],
  ['óa', 'oá'],
  ['ỏa', 'oả'],
  ['õa', 'oã'],
  ['ọa', 'oạ'],
  ['òe', 'oè'],
  ['óe', 'oé'],
  ['ùy', 'uỳ'],
  ['úy', 'uý'],
  ['ủy', 'uỷ'],
  ['ũy', 'uỹ'],
  ['ụy', 'uỵ'],
];

/** Only an open syllable ending in oa/oe/uy has two placements (Hòa/Hoà, not Hoàng). */
function swapTonePlacement(name: string): string | undefined {
  for (const [oldStyle, newStyle] of TONE_SWAPS) {
    const oldAtEnd = new RegExp(`${oldStyle}(?= |$)`);
    const newAtEnd = new RegExp(`${newStyle}(?= |$)`);
    if (oldAtEnd.test(name)) return name.replace(oldAtEnd, newStyle);
    if (newAtEnd.test(name)) return name.replace(newAtEnd, oldStyle);
  }
  return undefined;
}

/** Drops every Vietnamese mark but keeps case: what a keyboard without Vietnamese input produces. */
function stripMarks(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

function typo(random: Random, word: string): string {
  const chars = [...word];
  if (chars.length < 3) return `${word}${chars[chars.length - 1]}`;
  const at = int(random, 1, chars.length - 1);
  switch (int(random, 0, 2)) {
    case 0: // dropped letter
      chars.splice(at, 1);
      break;
    case 1: // doubled letter
      chars.splice(at, 0, chars[at]!);
      break;
    default: {
      // neighbours swapped (or, at the end, the last letter doubled)
      const next = chars[at + 1];
      if (next === undefined || next === chars[at]) chars.push(chars[at]!);
      else [chars[at], chars[at + 1]] = [next, chars[at]!];
    }
  }
  return chars.join('');
}

// ---------------------------------------------------------------------------------------------------------------
// The rest of the vocabulary
// ---------------------------------------------------------------------------------------------------------------

/** Relative number of children at each age 0..15: births fell slightly over the last decade. */
const AGE_WEIGHTS = [0.86, 0.9, 0.93, 0.96, 0.99, 1, 1.02, 1.03, 1.04, 1.04, 1.04, 1.03, 1.02, 1, 0.98, 0.97];
const AGE_CUMULATIVE = (() => {
  const total = AGE_WEIGHTS.reduce((a, b) => a + b, 0);
  let running = 0;
  return AGE_WEIGHTS.map((w) => (running += w / total));
})();

/** Sex ratio at birth in Viet Nam ~1.12 boys per girl. */
const MALE_SHARE = 1.12 / 2.12;

const DISABILITY_TYPES = [
  ['mobility', 30],
  ['intellectual', 25],
  ['hearing_speech', 18],
  ['vision', 10],
  ['mental', 9],
  ['other', 8],
] as const;

type HouseholdKind = 'couple' | 'mother_only' | 'father_only' | 'grandparents' | 'orphans';

const FLAG_CODES = new Set<string>(defaultAtRiskFlags.map((f) => f.code));
function flagCode(code: (typeof defaultAtRiskFlags)[number]['code']): string {
  if (!FLAG_CODES.has(code)) throw new Error(`unknown at-risk flag ${code}`);
  return code;
}

const EVIDENCE: Partial<Record<SpecialCircumstanceCode, string>> = {
  a: 'Giấy chứng tử của cha và mẹ',
  b: 'Biên bản xác nhận trẻ bị bỏ rơi của UBND xã',
  d: 'Giấy xác nhận khuyết tật do UBND xã cấp',
  dd: 'Kết quả xét nghiệm của trung tâm y tế',
  n: 'Giấy chứng nhận hộ nghèo và hồ sơ bệnh án',
};

// ---------------------------------------------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------------------------------------------

const DEFAULT_EPOCH_MS = Date.UTC(2026, 0, 1);
const SERIAL_STRIDE = 7919; // prime, coprime with any span made of 2s, 3s and 5s (900000, 100000)

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, '0');
}

interface VillageContext {
  index: number;
  village: RegisterVillage;
  provinceCode: string;
  random: Random;
  idRandom: Random;
  idMs: number;
  serialBlock: { base: number; size: number };
  serialCounters: Map<string, number>;
  householdNumber: number;
}

/** The province code of a village path (`vn.p01.c00004.v…` → `01`). */
function provinceOf(path: string): string {
  const label = path.split('.')[1];
  if (!label || !/^p\d{2}$/.test(label)) throw new Error(`no province in village path ${path}`);
  return label.slice(1);
}

class RegisterGenerator {
  private readonly today: number;
  private readonly duplicateRate: number;
  private readonly serialSpan: number;
  private readonly serialBase: number;
  private readonly serialOffset: number;
  private readonly foldCache = new Map<string, string>();

  constructor(private readonly options: RegisterGeneratorOptions) {
    this.today = toDays(options.today);
    this.duplicateRate = options.duplicateRate ?? 0.005;
    this.serialBase = options.personalIdSerials?.base ?? 0;
    this.serialSpan = options.personalIdSerials?.span ?? 900_000;
    if (
      this.serialBase < 0 ||
      this.serialBase + this.serialSpan > 1_000_000 ||
      this.serialSpan % SERIAL_STRIDE === 0
    )
      throw new Error('personalIdSerials must lie within 0..999999');
    this.serialOffset = hashSeed(options.seed, 'serial') % this.serialSpan;
  }

  *households(only?: ReadonlySet<number>): Generator<GeneratedHousehold> {
    const { villages } = this.options;
    const blockSize = Math.floor(this.serialSpan / Math.max(1, villages.length));
    for (const [index, village] of villages.entries()) {
      if (only && !only.has(index)) continue;
      const context: VillageContext = {
        index,
        village,
        provinceCode: provinceOf(village.path),
        random: sfc32(hashSeed(this.options.seed, 'village', index)),
        idRandom: sfc32(hashSeed(this.options.seed, 'ids', index)),
        idMs: (this.options.idEpochMs ?? DEFAULT_EPOCH_MS) + index,
        serialBlock: { base: index * blockSize, size: blockSize },
        serialCounters: new Map(),
        householdNumber: 0,
      };
      for (let h = 0; h < village.households; h += 1) yield this.household(context);
    }
  }

  private fold(name: string): string {
    let folded = this.foldCache.get(name);
    if (folded === undefined) {
      folded = foldVietnamese(name);
      if (this.foldCache.size > 500_000) this.foldCache.clear();
      this.foldCache.set(name, folded);
    }
    return folded;
  }

  /** A UUIDv7 (RFC 9562 layout) whose random bits come from the village's id stream. */
  private id(context: VillageContext): string {
    const r = context.idRandom;
    const a = Math.floor(r() * 0x1000);
    const b = Math.floor(r() * 0x4000) | 0x8000;
    const c = Math.floor(r() * 0x1000000);
    const d = Math.floor(r() * 0x1000000);
    const ms = hex(context.idMs, 12);
    return `${ms.slice(0, 8)}-${ms.slice(8)}-7${hex(a, 3)}-${hex(b, 4)}-${hex(c, 6)}${hex(d, 6)}`;
  }

  private personalId(context: VillageContext, sex: Sex, birth: number): string | null {
    const { random } = context;
    const own = this.options.personalIdProvinces ?? [context.provinceCode];
    const province = random() < 0.9 || own.length === 1 ? own[0]! : pick(random, own.slice(1));
    const year = yearOf(birth);
    const key = `${province}${year}`;
    const count = context.serialCounters.get(key) ?? 0;
    if (count >= context.serialBlock.size) return null; // block used up: this person simply has no ID recorded
    context.serialCounters.set(key, count + 1);
    // A bijection on [0, span): every village's block maps to distinct serials that do not look sequential.
    const slot = context.serialBlock.base + count;
    // (one offset per province and year, so a family's IDs do not share their last six digits)
    const offset = this.serialOffset + (hashSeed(key) % this.serialSpan);
    const serial = this.serialBase + ((slot * SERIAL_STRIDE + offset) % this.serialSpan);
    const centuryDigit = Math.floor((year - 1900) / 100) * 2 + (sex === 'female' ? 1 : 0);
    return `0${province}${centuryDigit}${String(year % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
  }

  private name(random: Random, style: NameStyle, sex: Sex, family: string, adult: boolean): string {
    const traditional = random() < (adult ? style.traditionalShare : style.traditionalShare / 3);
    const middle =
      sex === 'male'
        ? traditional
          ? style.traditionalMale
          : pick(random, style.middleMale)
        : traditional
          ? style.traditionalFemale
          : pick(random, style.middleFemale);
    const givenList = sex === 'male' ? style.givenMale : style.givenFemale;
    for (let attempt = 0; ; attempt += 1) {
      const given = pick(random, givenList);
      if (given === middle && attempt < 10) continue;
      const full = `${family} ${middle} ${given}`.normalize('NFC');
      // Every generated name carries at least one Vietnamese mark (only seeded duplicates lose them).
      if (hasMark(full) || attempt >= 10)
        return hasMark(full) ? full : `${family} ${middle} Đức`.normalize('NFC');
    }
  }

  private childBirthDays(random: Random, count: number): number[] {
    // born after the day 16 years ago: every child is 0..15 today
    const span = this.today - (birthdayDays(this.today, -16) + 1);
    const sampleOne = () => {
      const r = random();
      let age = AGE_CUMULATIVE.findIndex((c) => r < c);
      if (age < 0) age = 15;
      // a day inside the age year: between the (age+1)th birthday before today and the age-th
      const latest = this.today - Math.round((age * span) / 16);
      const earliest = this.today - Math.round(((age + 1) * span) / 16) + 1;
      return int(random, earliest, latest);
    };
    for (let want = count; want > 0; want -= 1) {
      for (let attempt = 0; attempt < 30; attempt += 1) {
        const days = Array.from({ length: want }, sampleOne).sort((a, b) => a - b);
        let spaced = true;
        for (let i = 1; i < days.length; i += 1) if (days[i]! - days[i - 1]! < 330) spaced = false;
        if (spaced) return days;
      }
    }
    return [sampleOne()];
  }

  private household(context: VillageContext): GeneratedHousehold {
    const { random, village, provinceCode } = context;
    context.householdNumber += 1;
    const mix = this.options.ethnicMix ?? ethnicMixFor(provinceCode);
    const ethnicity = weighted(
      random,
      mix.map((m) => [m.code, village.urban ? m.share * (m.code === '01' ? 1 : 0.3) : m.share] as const),
    );
    const style = STYLES[ethnicity] ?? KINH_STYLE;
    const minority = ethnicity !== '01';

    const kind = weighted<HouseholdKind>(random, [
      ['couple', 84],
      ['mother_only', 7.5],
      ['father_only', 2],
      ['grandparents', 6],
      ['orphans', 0.45],
    ]);
    const childCount = weighted(random, [
      [1, 15],
      [2, 35],
      [3, 35],
      [4, 15],
    ] as const);
    const poverty = weighted(random, [
      ['poor', minority ? 0.16 : 0.045],
      ['near_poor', minority ? 0.1 : 0.05],
      ['none', minority ? 0.74 : 0.905],
    ] as const);

    const householdId = this.id(context);
    const household: HouseholdRow = {
      province_code: provinceCode,
      id: householdId,
      village_id: village.id,
      org_path: village.path,
      book_number: String(context.householdNumber),
      address: village.urban
        ? `Số ${int(random, 1, 180)}, ngõ ${int(random, 1, 60)}, ${village.fullName}`
        : `Số nhà ${int(random, 1, 250)}, ${village.fullName}`,
      head_person_id: null,
      poverty_status: poverty,
      poverty_year: poverty === 'none' ? null : yearOf(this.today),
      phone:
        random() < 0.7
          ? `0${pick(random, ['9', '8', '3', '7'])}${String(int(random, 0, 99_999_999)).padStart(8, '0')}`
          : null,
      notes: null,
      status: 'active',
      import_key: null,
      created_by: null,
    };
    const result: GeneratedHousehold = {
      villageIndex: context.index,
      household,
      persons: [],
      circumstances: [],
      flags: [],
      duplicates: [],
    };

    const childBirths = this.childBirthDays(random, childCount);
    if (childBirths.length >= 2 && random() < 0.012) childBirths[1] = childBirths[0]!; // twins
    const oldestChild = childBirths[0]!; // sorted: the earliest birth first
    const motherAgeAtFirst = minority ? int(random, 17, 30) : int(random, 20, 34);
    const motherBirth = oldestChild - motherAgeAtFirst * 365 - int(random, 0, 364);
    const fatherBirth = motherBirth - int(random, 0, 7 * 365);
    const fatherFamily = weighted(random, style.family);
    const motherFamily = weighted(random, minority && random() < 0.3 ? KINH_FAMILY : style.family);

    const adult = (sex: Sex, family: string, birth: number, relationship: string): PersonRow => {
      const person = this.basePerson(
        context,
        sex,
        this.name(random, style, sex, family, true),
        birth,
        ethnicity,
      );
      person.relationship_to_head = relationship;
      person.personal_id = random() < 0.96 ? this.personalId(context, sex, birth) : null;
      person.birth_registered = true;
      person.has_health_insurance = random() < 0.88;
      person.phone = random() < 0.6 ? `09${String(int(random, 0, 99_999_999)).padStart(8, '0')}` : null;
      return person;
    };

    let mother: PersonRow | undefined;
    let father: PersonRow | undefined;
    const grandparents: PersonRow[] = [];
    let childFamily = fatherFamily;
    let childRelationship = 'child';
    let arrangement: string;
    switch (kind) {
      case 'couple':
        father = adult('male', fatherFamily, fatherBirth, 'head');
        mother = adult('female', motherFamily, motherBirth, 'spouse');
        arrangement = 'both_parents';
        // a grandparent or two live with a quarter of the families
        if (random() < 0.25) {
          const gpBirth = fatherBirth - int(random, 20, 32) * 365;
          grandparents.push(adult(random() < 0.6 ? 'female' : 'male', fatherFamily, gpBirth, 'parent'));
        }
        break;
      case 'mother_only':
        mother = adult('female', motherFamily, motherBirth, 'head');
        childFamily = random() < 0.7 ? fatherFamily : motherFamily;
        arrangement = 'mother_only';
        break;
      case 'father_only':
        father = adult('male', fatherFamily, fatherBirth, 'head');
        arrangement = 'father_only';
        break;
      case 'grandparents':
      case 'orphans': {
        const gpBirth = fatherBirth - int(random, 20, 32) * 365;
        grandparents.push(adult('male', fatherFamily, gpBirth, 'head'));
        grandparents.push(
          adult('female', weighted(random, style.family), gpBirth + int(random, 0, 5 * 365), 'spouse'),
        );
        childRelationship = 'grandchild';
        arrangement = 'relatives';
        break;
      }
    }
    const adults = [father, mother, ...grandparents].filter((p): p is PersonRow => p !== undefined);
    household.head_person_id = adults[0]!.id;
    result.persons.push(...adults);

    const schoolPlace = village.communeName;
    for (const birth of childBirths) {
      const sex: Sex = random() < MALE_SHARE ? 'male' : 'female';
      const child = this.basePerson(
        context,
        sex,
        this.name(random, style, sex, childFamily, false),
        birth,
        ethnicity,
      );
      const age = ageOnDays(birth, this.today);
      child.relationship_to_head = childRelationship;
      child.mother_id = mother?.id ?? null;
      child.father_id = father?.id ?? null;
      child.caregiver_id = mother || father ? null : grandparents[0]!.id;
      child.living_arrangement = arrangement;
      // Birth registration: the law gives 60 days; a few (more among minorities) are never registered.
      const registeredBy = birth + int(random, 3, 60);
      const unregistered = random() < (minority ? 0.06 : 0.015) || registeredBy > this.today;
      child.birth_registered = !unregistered;
      child.birth_registration_date = unregistered ? null : fromDays(registeredBy);
      child.birth_registration_place = unregistered
        ? null
        : `UBND ${village.urban ? 'phường' : 'xã'} ${village.communeName}`;
      child.personal_id =
        !unregistered && random() < (minority ? 0.9 : 0.95) ? this.personalId(context, sex, birth) : null;
      // Birth-date precision: a few records know only the month (stored as the 1st)
      if (random() < 0.01) {
        const monthStart = fromDays(birth).slice(0, 8) + '01';
        child.birth_date = monthStart;
        child.birth_date_precision = 'month';
        if (child.birth_registration_date && child.birth_registration_date < monthStart)
          child.birth_registration_date = monthStart;
      }
      this.school(random, child, age, schoolPlace);
      child.has_health_insurance = age < 6 ? random() < 0.98 : random() < 0.9;
      child.health_insurance_number = child.has_health_insurance
        ? `${age < 6 ? 'TE1' : age >= 6 && child.school_level !== 'none' ? 'HS4' : 'GD4'}${provinceCode}${String(int(random, 0, 9_999_999_999)).padStart(10, '0')}`
        : null;
      if (random() < 0.012) {
        child.disability_type = weighted(random, DISABILITY_TYPES);
        child.disability_level = weighted(random, [
          ['mild', 50],
          ['severe', 35],
          ['very_severe', 15],
        ] as const);
      }
      if (kind === 'orphans') {
        child.mother_id = null;
        child.father_id = null;
      }
      result.persons.push(child);
      this.circumstances(context, result, child, age, kind, poverty);
      this.flags(context, result, child, age, kind, poverty, minority);
      if (random() < this.duplicateRate) this.duplicate(context, result, child);
    }
    return result;
  }

  private basePerson(
    context: VillageContext,
    sex: Sex,
    fullName: string,
    birth: number,
    ethnicity: EthnicityCode,
  ): PersonRow {
    return {
      province_code: context.provinceCode,
      id: this.id(context),
      household_id: null,
      village_id: context.village.id,
      org_path: context.village.path,
      full_name: fullName,
      name_search: this.fold(fullName),
      sex,
      birth_date: fromDays(birth),
      birth_date_precision: 'day',
      personal_id: null,
      ethnicity_code: ethnicity,
      nationality: 'VN',
      relationship_to_head: null,
      birth_registered: null,
      birth_registration_date: null,
      birth_registration_place: null,
      disability_type: null,
      disability_level: null,
      school_name: null,
      school_level: null,
      health_insurance_number: null,
      has_health_insurance: null,
      living_arrangement: null,
      mother_id: null,
      father_id: null,
      caregiver_id: null,
      phone: null,
      notes: null,
      status: 'active',
      death_date: null,
      death_cause: null,
      merged_into_id: null,
      import_key: null,
      created_by: null,
    };
  }

  private school(random: Random, child: PersonRow, age: number, place: string): void {
    let level: string;
    let name: string | null;
    if (age < 3) {
      level = random() < 0.3 ? 'nursery' : 'none';
      name = level === 'none' ? null : `Trường Mầm non ${place}`;
    } else if (age < 6) {
      level = random() < 0.93 ? 'kindergarten' : 'none';
      name = level === 'none' ? null : `Trường Mầm non ${place}`;
    } else if (age < 11) {
      level = 'primary';
      name = `Trường Tiểu học ${place}`;
    } else if (age < 15) {
      level = random() < 0.97 ? 'lower_secondary' : 'none';
      name = level === 'none' ? null : `Trường THCS ${place}`;
    } else {
      level = random() < 0.85 ? 'upper_secondary' : random() < 0.5 ? 'vocational' : 'none';
      name =
        level === 'none' ? null : level === 'vocational' ? 'Trung tâm GDNN-GDTX' : `Trường THPT ${place}`;
    }
    child.school_level = level;
    child.school_name = name;
  }

  private validFrom(random: Random, birth: PlainDate, earliestYearsAgo: number): PlainDate {
    const from = Math.max(toDays(birth), this.today - earliestYearsAgo * 365);
    return fromDays(int(random, from, this.today));
  }

  private circumstances(
    context: VillageContext,
    result: GeneratedHousehold,
    child: PersonRow,
    age: number,
    kind: HouseholdKind,
    poverty: HouseholdRow['poverty_status'],
  ): void {
    const { random } = context;
    const groups: { code: SpecialCircumstanceCode; sub: string | null }[] = [];
    if (kind === 'orphans') groups.push({ code: 'a', sub: random() < 0.9 ? 'a3' : 'a4' });
    // Every child with a disability is in group d (Law on Children Art. 10(1)(d)).
    if (child.disability_type) groups.push({ code: 'd', sub: null });
    if (groups.length === 0 && random() < 0.016) {
      const eligible: (readonly [SpecialCircumstanceCode, number])[] = [
        ['b', 5],
        ['c', 8],
        ['dd', 4],
        ['i', 12],
        ['m', 1],
        ['o', 4],
      ];
      if (age >= 12) eligible.push(['e', 6], ['g', 2]);
      if (age >= 11 && child.school_level === 'none') eligible.push(['h', 30]);
      if (age >= 11) eligible.push(['h', 6]);
      if (age >= 10) eligible.push(['k', 6]);
      if (age >= 6) eligible.push(['l', 6]);
      if (poverty !== 'none') eligible.push(['n', 40]);
      const code = weighted(random, eligible);
      if (code === 'h') {
        child.school_level = 'none';
        child.school_name = null;
      }
      if (code === 'b') {
        // An abandoned child taken in by this family: no parents on record.
        child.mother_id = null;
        child.father_id = null;
        child.caregiver_id = result.household.head_person_id;
        child.relationship_to_head = 'non_relative';
        child.living_arrangement = 'alternative_care';
      }
      groups.push({ code, sub: code === 'b' ? (random() < 0.7 ? 'b2' : 'b1') : null });
      // now and then a second group (an ill child of a poor family who was also harmed, …)
      if (random() < 0.1 && code !== 'i') groups.push({ code: 'i', sub: null });
    }
    for (const group of groups) {
      const validFrom =
        group.code === 'd'
          ? fromDays(Math.min(this.today, toDays(child.birth_date) + int(random, 180, 3 * 365)))
          : this.validFrom(random, child.birth_date, 4);
      result.circumstances.push({
        province_code: context.provinceCode,
        id: this.id(context),
        person_id: child.id,
        org_path: context.village.path,
        group_code: group.code,
        sub_group_code: group.sub,
        valid_from: validFrom,
        valid_to: null,
        evidence: EVIDENCE[group.code] ?? 'Biên bản xác minh của UBND xã',
        notes: null,
        end_reason: null,
        created_by: null,
      });
    }
    // History: a few children were in a group that has ended (an illness treated, a case closed).
    if (random() < 0.004 && age >= 2) {
      const from = this.validFrom(random, child.birth_date, 6);
      const to = fromDays(int(random, toDays(from), this.today));
      result.circumstances.push({
        province_code: context.provinceCode,
        id: this.id(context),
        person_id: child.id,
        org_path: context.village.path,
        group_code: pick(random, ['i', 'n', 'c'] as const),
        sub_group_code: null,
        valid_from: from,
        valid_to: to,
        evidence: 'Biên bản xác minh của UBND xã',
        notes: null,
        end_reason: 'Không còn thuộc nhóm',
        created_by: null,
      });
    }
  }

  private flags(
    context: VillageContext,
    result: GeneratedHousehold,
    child: PersonRow,
    age: number,
    kind: HouseholdKind,
    poverty: HouseholdRow['poverty_status'],
    minority: boolean,
  ): void {
    const { random } = context;
    const codes: string[] = [];
    if (kind === 'grandparents' && random() < 0.8) codes.push(flagCode('parents_away'));
    if (!child.birth_registered && random() < 0.7) codes.push(flagCode('no_birth_registration'));
    if (poverty === 'poor' && age >= 11 && child.school_level === 'none')
      codes.push(flagCode('poor_out_of_school'));
    if ((kind === 'mother_only' || kind === 'father_only') && random() < 0.2)
      codes.push(flagCode('divorced_parents'));
    if ((kind === 'mother_only' || kind === 'father_only') && random() < 0.04)
      codes.push(flagCode('single_parent_ill'));
    if (random() < 0.004) codes.push(flagCode('domestic_violence'));
    if (random() < 0.0015) codes.push(flagCode('parent_in_prison'));
    if (random() < 0.0015) codes.push(flagCode('parent_drug_use'));
    if (poverty !== 'none' && age >= 12 && random() < 0.03) codes.push(flagCode('child_labour_risk'));
    if (minority && child.sex === 'female' && age >= 13 && random() < 0.05)
      codes.push(flagCode('early_marriage_risk'));
    for (const code of codes) {
      result.flags.push({
        province_code: context.provinceCode,
        id: this.id(context),
        person_id: child.id,
        org_path: context.village.path,
        flag_code: code,
        valid_from: this.validFrom(random, child.birth_date, 3),
        valid_to: null,
        notes: null,
        end_reason: null,
        created_by: null,
      });
    }
  }

  /** Enters `original` a second time, as a collaborator or an import would, with one of the variations. */
  private duplicate(context: VillageContext, result: GeneratedHousehold, original: PersonRow): void {
    const { random } = context;
    const words = original.full_name.split(' ');
    const toneSwapped = swapTonePlacement(original.full_name);
    const options: DuplicateVariation[] = ['missing_diacritics', 'missing_diacritic', 'extra_space', 'typo'];
    if (toneSwapped) options.push('tone_placement', 'tone_placement');
    if (original.personal_id) options.push('same_personal_id');
    const variation = pick(random, options);
    let entered: string;
    switch (variation) {
      case 'missing_diacritics':
        entered = stripMarks(original.full_name);
        break;
      case 'missing_diacritic': {
        const marked = words.map((w, i) => (hasMark(w) ? i : -1)).filter((i) => i >= 0);
        const at = pick(random, marked);
        entered = words.map((w, i) => (i === at ? stripMarks(w) : w)).join(' ');
        break;
      }
      case 'tone_placement':
        entered = toneSwapped!;
        break;
      case 'extra_space': {
        const at = int(random, 1, words.length - 1);
        entered = words.map((w, i) => (i === at ? ` ${w}` : w)).join(' ');
        break;
      }
      case 'typo': {
        const last = words.length - 1;
        entered = [...words.slice(0, last), typo(random, words[last]!)].join(' ');
        break;
      }
      case 'same_personal_id':
        // written from the ID card by someone who dropped the middle name, knowing only the month of birth
        entered = words.length > 2 ? [words[0], ...words.slice(2)].join(' ') : original.full_name;
        break;
    }
    const fullName = normaliseName(entered);
    const copy: PersonRow = {
      ...original,
      id: this.id(context),
      full_name: fullName,
      name_search: this.fold(fullName),
      // the second entry rarely repeats every detail
      personal_id:
        variation === 'same_personal_id'
          ? original.personal_id
          : random() < 0.3
            ? original.personal_id
            : null,
      school_name: random() < 0.5 ? original.school_name : null,
      health_insurance_number: null,
      notes: null,
    };
    if (variation === 'same_personal_id') {
      copy.birth_date = original.birth_date.slice(0, 8) + '01';
      copy.birth_date_precision = 'month';
      copy.mother_id = null;
      copy.father_id = null;
      if (copy.birth_registration_date && copy.birth_registration_date < copy.birth_date)
        copy.birth_registration_date = copy.birth_date;
    }
    result.persons.push(copy);
    result.duplicates.push({
      provinceCode: context.provinceCode,
      originalId: original.id,
      duplicateId: copy.id,
      variation,
      enteredName: entered,
    });
  }
}

/**
 * Households in village order, each with its persons (household_id set, mother_id / father_id linking children
 * to the parents in the same household), special-circumstance assignments, at-risk flags and the seeded duplicate
 * pairs. `onlyVillages` (indexes into `options.villages`) generates a subset exactly as it would appear in the
 * whole run.
 */
export function* generateRegisterHouseholds(
  options: RegisterGeneratorOptions,
  onlyVillages?: ReadonlySet<number>,
): Generator<GeneratedHousehold> {
  const generator = new RegisterGenerator(options);
  for (const generated of generator.households(onlyVillages)) {
    for (const person of generated.persons) person.household_id = generated.household.id;
    yield generated;
  }
}

/** The whole register for `options.villages` in memory (demo and test sizes; the scale writer streams). */
export function generateRegister(options: RegisterGeneratorOptions): GeneratedRegister {
  const register: GeneratedRegister = {
    households: [],
    persons: [],
    circumstances: [],
    flags: [],
    duplicates: [],
  };
  for (const generated of generateRegisterHouseholds(options)) {
    register.households.push(generated.household);
    register.persons.push(...generated.persons);
    register.circumstances.push(...generated.circumstances);
    register.flags.push(...generated.flags);
    register.duplicates.push(...generated.duplicates);
  }
  return register;
}

/** Age in whole years on `today` (exported for tests and the benchmark's query mix). */
export function ageOn(birthDate: PlainDate, today: PlainDate): number {
  return ageOnDays(toDays(birthDate), toDays(today));
}

/** Unordered key of a person pair, for comparing detected pairs with the ground truth. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
