import {
  ethnicities,
  foldVietnamese,
  importFields,
  requiredImportFields,
  specialCircumstanceGroups,
  type DisabilityLevel,
  type DisabilityType,
  type ImportField,
  type LivingArrangement,
  type PovertyStatus,
  type RelationshipToHead,
  type SexCode,
} from '@treem/shared';

/**
 * The columns of the register file (Sổ theo dõi trẻ em) as officials see them: the template's header for each
 * import field, the other headers found in the communes' own registers (matched after folding), and the guide text
 * of the template's "Hướng dẫn" sheet. The template, the export and the mapping proposal all read this one table,
 * so an export is always a file the import maps by itself.
 */
export interface ImportColumn {
  field: ImportField;
  header: string;
  synonyms: readonly string[];
  guide: string;
  /** What a valid cell looks like, for the guide sheet. */
  values: string;
  /** Column width in the template (characters). */
  width: number;
}

export const importColumns: readonly ImportColumn[] = [
  {
    field: 'householdNumber',
    header: 'Số hộ',
    synonyms: ['Hộ số', 'Mã hộ', 'STT hộ', 'Số thứ tự hộ', 'Số hộ gia đình'],
    guide:
      'Số của hộ trong sổ. Các dòng cùng số hộ là thành viên của một hộ; số hộ không được trùng giữa hai hộ trong cùng xã.',
    values: 'Chữ hoặc số, ví dụ 12, 12A, T3-05',
    width: 10,
  },
  {
    field: 'village',
    header: 'Thôn/Tổ dân phố',
    synonyms: [
      'Thôn',
      'Tổ dân phố',
      'Thôn/xóm',
      'Xóm',
      'Ấp',
      'Bản',
      'Thôn, tổ',
      'Khu phố',
      'Thôn/bản',
      'Thôn, xóm',
    ],
    guide: 'Tên thôn, tổ dân phố (ấp, bản, xóm) của hộ, đúng như tên đã khai báo trong treem cho xã.',
    values: 'Ví dụ: Đông, Thôn Đông, Tổ dân phố số 3',
    width: 20,
  },
  {
    field: 'address',
    header: 'Địa chỉ',
    synonyms: ['Nơi ở', 'Nơi ở hiện nay', 'Nơi ở hiện tại', 'Chỗ ở hiện nay', 'Địa chỉ hộ'],
    guide: 'Địa chỉ của hộ (số nhà, đường, xóm). Để trống thì lấy tên thôn.',
    values: 'Tối đa 300 ký tự',
    width: 28,
  },
  {
    field: 'povertyStatus',
    header: 'Hộ nghèo/cận nghèo',
    synonyms: ['Hộ nghèo', 'Hộ nghèo, cận nghèo', 'Diện hộ', 'Hộ nghèo/Hộ cận nghèo', 'Nghèo/cận nghèo'],
    guide: 'Hộ nghèo hoặc hộ cận nghèo, có thể kèm năm được công nhận.',
    values: 'Hộ nghèo · Hộ cận nghèo · Không (để trống = Không); ví dụ: Hộ nghèo 2025',
    width: 16,
  },
  {
    field: 'headName',
    header: 'Họ tên chủ hộ',
    synonyms: ['Chủ hộ', 'Tên chủ hộ', 'Họ và tên chủ hộ'],
    guide:
      'Họ tên chủ hộ. Nếu chủ hộ là cha, mẹ hoặc một trẻ trong tệp thì treem nhận ra theo tên; nếu không, treem tạo một người lớn trong hộ.',
    values: 'Họ và tên đầy đủ, có dấu',
    width: 24,
  },
  {
    field: 'fullName',
    header: 'Họ và tên',
    synonyms: ['Họ tên', 'Họ tên trẻ', 'Họ và tên trẻ', 'Họ và tên trẻ em', 'Họ tên trẻ em', 'Tên trẻ'],
    guide: 'Họ và tên của trẻ, viết có dấu.',
    values: 'Tối đa 120 ký tự',
    width: 24,
  },
  {
    field: 'sex',
    header: 'Giới tính',
    synonyms: ['Nam/Nữ', 'Giới', 'Giới tính (Nam/Nữ)'],
    guide: 'Giới tính của trẻ.',
    values: 'Nam · Nữ (cũng nhận: nam, nu, M, F, 1 = Nam, 2 = Nữ)',
    width: 10,
  },
  {
    field: 'birthDate',
    header: 'Ngày sinh (dd/MM/yyyy)',
    synonyms: [
      'Ngày sinh',
      'Ngày tháng năm sinh',
      'Ngày, tháng, năm sinh',
      'Sinh ngày',
      'Năm sinh',
      'Ngày/tháng/năm sinh',
    ],
    guide:
      'Ngày sinh. Nếu chỉ biết tháng và năm, ghi MM/yyyy; nếu chỉ biết năm, ghi yyyy — treem lưu kèm mức độ chính xác.',
    values: '25/03/2019 · 5/3/2019 · 2019-03-25 · 03/2019 · 2019, hoặc ô kiểu ngày của Excel',
    width: 14,
  },
  {
    field: 'personalId',
    header: 'Số định danh cá nhân',
    synonyms: [
      'Số định danh',
      'Mã định danh',
      'Mã số định danh',
      'Mã định danh cá nhân',
      'CCCD',
      'Số CCCD',
      'Căn cước công dân',
      'Số căn cước',
      'Số ĐDCN',
    ],
    guide:
      'Số định danh cá nhân 12 chữ số (trên giấy khai sinh hoặc thẻ căn cước). Phải khớp tỉnh đăng ký, giới tính và năm sinh. Định dạng ô là Văn bản để Excel không bỏ số 0 đầu.',
    values: '12 chữ số, bắt đầu bằng 0; để trống nếu chưa có',
    width: 16,
  },
  {
    field: 'ethnicity',
    header: 'Dân tộc',
    synonyms: ['Dân tộc (mã hoặc tên)', 'Tên dân tộc', 'Mã dân tộc'],
    guide: 'Tên hoặc mã dân tộc theo danh mục 54 dân tộc của Tổng cục Thống kê (sheet "Danh mục").',
    values: 'Ví dụ: Kinh, Tày, HMông, 01; để trống = Kinh',
    width: 12,
  },
  {
    field: 'relationshipToHead',
    header: 'Quan hệ với chủ hộ',
    synonyms: ['Quan hệ', 'QH với chủ hộ', 'Quan hệ với chủ hộ của trẻ'],
    guide: 'Quan hệ của trẻ với chủ hộ.',
    values:
      'Chủ hộ · Vợ/Chồng · Con · Cháu · Cha/Mẹ · Anh/Chị/Em · Cháu (con anh chị em) · Họ hàng khác · Không họ hàng',
    width: 16,
  },
  {
    field: 'motherName',
    header: 'Họ tên mẹ',
    synonyms: ['Tên mẹ', 'Mẹ', 'Họ và tên mẹ'],
    guide: 'Họ tên mẹ của trẻ. Cùng tên trong cùng hộ được hiểu là một người.',
    values: 'Họ và tên đầy đủ, có dấu',
    width: 24,
  },
  {
    field: 'fatherName',
    header: 'Họ tên cha',
    synonyms: ['Tên cha', 'Cha', 'Họ tên bố', 'Tên bố', 'Bố', 'Họ và tên cha', 'Họ và tên bố'],
    guide: 'Họ tên cha của trẻ. Cùng tên trong cùng hộ được hiểu là một người.',
    values: 'Họ và tên đầy đủ, có dấu',
    width: 24,
  },
  {
    field: 'caregiverName',
    header: 'Người chăm sóc',
    synonyms: ['Họ tên người chăm sóc', 'Người nuôi dưỡng', 'Người chăm sóc chính', 'Người giám hộ'],
    guide: 'Người trực tiếp chăm sóc trẻ, nếu không phải cha hoặc mẹ.',
    values: 'Họ và tên đầy đủ, có dấu',
    width: 24,
  },
  {
    field: 'birthRegistered',
    header: 'Đã đăng ký khai sinh',
    synonyms: ['Đăng ký khai sinh', 'Khai sinh', 'ĐKKS', 'Đã ĐKKS', 'Đã khai sinh'],
    guide: 'Trẻ đã được đăng ký khai sinh chưa.',
    values: 'Có · Không (cũng nhận: x = Có, Đã, Chưa); để trống nếu chưa rõ',
    width: 12,
  },
  {
    field: 'disability',
    header: 'Khuyết tật',
    synonyms: ['Dạng khuyết tật', 'Trẻ khuyết tật', 'Dạng tật', 'Khuyết tật (dạng, mức độ)'],
    guide: 'Dạng khuyết tật (Luật Người khuyết tật 2010, Điều 3), có thể kèm mức độ trong ngoặc.',
    values:
      'Vận động · Nghe, nói · Nhìn · Thần kinh, tâm thần · Trí tuệ · Khác · Có; mức độ: (nhẹ), (nặng), (đặc biệt nặng); ví dụ: Vận động (nặng); để trống = không',
    width: 18,
  },
  {
    field: 'schoolName',
    header: 'Trường đang học',
    synonyms: ['Trường', 'Nơi học', 'Trường học', 'Đang học tại trường'],
    guide: 'Tên trường mầm non, tiểu học, THCS… trẻ đang theo học.',
    values: 'Tối đa 200 ký tự; để trống nếu không đi học',
    width: 22,
  },
  {
    field: 'hasHealthInsurance',
    header: 'Có thẻ BHYT',
    synonyms: ['BHYT', 'Thẻ BHYT', 'Bảo hiểm y tế', 'Có BHYT', 'Số thẻ BHYT'],
    guide: 'Trẻ có thẻ bảo hiểm y tế không. Có thể ghi số thẻ thay cho "Có".',
    values: 'Có · Không, hoặc số thẻ BHYT',
    width: 12,
  },
  {
    field: 'livingArrangement',
    header: 'Hoàn cảnh sống',
    synonyms: ['Sống với', 'Tình trạng sống', 'Hoàn cảnh sống của trẻ', 'Trẻ sống với'],
    guide: 'Trẻ đang sống với ai.',
    values:
      'Sống với cả cha và mẹ · Chỉ sống với mẹ · Chỉ sống với cha · Sống với người thân · Chăm sóc thay thế · Sống trong cơ sở trợ giúp xã hội · Sống một mình',
    width: 22,
  },
  {
    field: 'circumstances',
    header: 'Nhóm HCĐB (mã a–o, cách nhau bởi dấu phẩy)',
    synonyms: [
      'Nhóm HCĐB',
      'HCĐB',
      'Hoàn cảnh đặc biệt',
      'Nhóm hoàn cảnh đặc biệt',
      'Trẻ em có hoàn cảnh đặc biệt',
      'Mã HCĐB',
    ],
    guide:
      'Nhóm trẻ em có hoàn cảnh đặc biệt (Luật Trẻ em 2016, Điều 10) theo mã chữ cái, hoặc mã nhóm nhỏ theo Nghị định 56/2017 (ví dụ a1, c12). Nhiều mã cách nhau bởi dấu phẩy. Ngày bắt đầu được ghi là ngày nhập.',
    values: specialCircumstanceGroups.map((g) => (g.code === 'dd' ? 'đ (hoặc dd)' : g.code)).join(', '),
    width: 18,
  },
  {
    field: 'notes',
    header: 'Ghi chú',
    synonyms: ['Ghi chú khác', 'Ghi chú thêm'],
    guide: 'Ghi chú về trẻ.',
    values: 'Tối đa 2000 ký tự',
    width: 30,
  },
];

if (importColumns.map((c) => c.field).join() !== importFields.join()) {
  throw new Error('importColumns must list every import field in template order');
}

export const columnByField = new Map(importColumns.map((c) => [c.field, c]));

export function headerOf(field: ImportField): string {
  return columnByField.get(field)!.header;
}

export const isRequiredField = (field: ImportField) => requiredImportFields.includes(field);

/** Folded for comparison: tones, case, punctuation and a trailing "(…)" explanation do not matter. */
export function headerKey(header: string): string {
  return foldVietnamese(header.replace(/\([^)]*\)\s*$/, ''));
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabularies: the label treem writes (template lists, export) first, then what it also accepts. Compared folded.
// ---------------------------------------------------------------------------------------------------------------

export interface Vocabulary<T> {
  /** value → the label written in templates and exports */
  label: (value: T) => string;
  /** folded text → value */
  lookup: Map<string, T>;
  /** The labels, for the template's drop-down lists and the guide. */
  labels: string[];
}

function vocabulary<T extends string>(entries: readonly [T, string, ...string[]][]): Vocabulary<T> {
  const lookup = new Map<string, T>();
  const labels = new Map<T, string>();
  for (const [value, label, ...others] of entries) {
    labels.set(value, label);
    for (const text of [value, label, ...others]) {
      const key = foldVietnamese(text);
      if (key === '') throw new Error(`vocabulary entry folds to nothing: ${text}`);
      const existing = lookup.get(key);
      if (existing !== undefined && existing !== value) throw new Error(`ambiguous vocabulary entry ${text}`);
      lookup.set(key, value);
    }
  }
  return { label: (value) => labels.get(value) ?? value, lookup, labels: [...labels.values()] };
}

export const sexVocabulary = vocabulary<SexCode>([
  ['male', 'Nam', 'M', '1', 'trai', 'con trai', 'nam giới'],
  ['female', 'Nữ', 'F', '2', 'gái', 'con gái', 'nữ giới'],
]);

export const yesNoVocabulary = vocabulary<'yes' | 'no'>([
  ['yes', 'Có', 'x', 'c', 'đã', 'rồi', 'true', 'y', '1', 'v', 'đã đăng ký', 'có thẻ'],
  ['no', 'Không', 'k', 'ko', 'chưa', 'false', 'n', '0', 'chưa đăng ký', 'không có'],
]);

export const povertyVocabulary = vocabulary<PovertyStatus>([
  ['poor', 'Hộ nghèo', 'nghèo', 'hn'],
  ['near_poor', 'Hộ cận nghèo', 'cận nghèo', 'hcn', 'cn'],
  ['none', 'Không', 'không nghèo', 'bình thường'],
]);

export const relationshipVocabulary = vocabulary<RelationshipToHead>([
  ['head', 'Chủ hộ'],
  ['spouse', 'Vợ/Chồng', 'vợ', 'chồng', 'vợ chồng'],
  ['child', 'Con', 'con đẻ', 'con ruột', 'con nuôi', 'con riêng', 'con dâu', 'con rể'],
  ['grandchild', 'Cháu', 'cháu nội', 'cháu ngoại', 'chắt'],
  ['parent', 'Cha/Mẹ', 'cha', 'mẹ', 'bố', 'bố mẹ', 'cha mẹ', 'ông', 'bà', 'ông bà'],
  ['sibling', 'Anh/Chị/Em', 'anh', 'chị', 'em', 'anh chị em', 'em ruột', 'anh ruột', 'chị ruột'],
  ['niece_nephew', 'Cháu (con anh chị em)', 'cháu ruột', 'cháu họ', 'con của anh chị em'],
  ['other_relative', 'Họ hàng khác', 'họ hàng', 'người thân', 'khác có họ hàng'],
  ['non_relative', 'Không họ hàng', 'không có họ hàng', 'người ở nhờ', 'khác'],
]);

export const livingArrangementVocabulary = vocabulary<LivingArrangement>([
  [
    'both_parents',
    'Sống với cả cha và mẹ',
    'cả cha và mẹ',
    'cha mẹ',
    'bố mẹ',
    'sống với cha mẹ',
    'sống với bố mẹ',
    'sống cùng cha mẹ',
    'sống cùng bố mẹ',
  ],
  ['mother_only', 'Chỉ sống với mẹ', 'sống với mẹ', 'mẹ', 'với mẹ', 'chỉ với mẹ', 'mẹ đơn thân'],
  [
    'father_only',
    'Chỉ sống với cha',
    'sống với cha',
    'sống với bố',
    'cha',
    'bố',
    'với cha',
    'chỉ với cha',
    'chỉ sống với bố',
  ],
  [
    'relatives',
    'Sống với người thân',
    'người thân',
    'ông bà',
    'sống với ông bà',
    'họ hàng',
    'sống với họ hàng',
    'người thân thích',
  ],
  ['alternative_care', 'Chăm sóc thay thế', 'được chăm sóc thay thế', 'gia đình nhận chăm sóc', 'nhận nuôi'],
  [
    'institution',
    'Sống trong cơ sở trợ giúp xã hội',
    'cơ sở trợ giúp xã hội',
    'cơ sở bảo trợ',
    'trung tâm bảo trợ',
    'cơ sở',
    'trung tâm',
  ],
  ['alone', 'Sống một mình', 'một mình', 'tự sống'],
]);

export const disabilityTypeVocabulary = vocabulary<DisabilityType>([
  ['mobility', 'Vận động', 'khuyết tật vận động'],
  ['hearing_speech', 'Nghe, nói', 'nghe nói', 'khuyết tật nghe nói', 'câm điếc', 'nghe', 'nói'],
  ['vision', 'Nhìn', 'khuyết tật nhìn', 'khiếm thị', 'mù'],
  ['mental', 'Thần kinh, tâm thần', 'thần kinh', 'tâm thần', 'khuyết tật thần kinh tâm thần'],
  ['intellectual', 'Trí tuệ', 'khuyết tật trí tuệ', 'chậm phát triển trí tuệ'],
  ['other', 'Khác', 'khuyết tật khác', 'có', 'x'],
]);

export const disabilityLevelVocabulary = vocabulary<DisabilityLevel>([
  ['mild', 'nhẹ', 'khuyết tật nhẹ'],
  ['severe', 'nặng', 'khuyết tật nặng'],
  ['very_severe', 'đặc biệt nặng', 'khuyết tật đặc biệt nặng'],
]);

/** Ethnicity by GSO code (1–54, with or without the leading zero) or name, folded; spaces and hyphens ignored. */
export const ethnicityLookup: Map<string, string> = (() => {
  const lookup = new Map<string, string>();
  const squash = (text: string) => foldVietnamese(text).replace(/ /g, '');
  for (const [code, name] of ethnicities) {
    lookup.set(code, code);
    lookup.set(String(Number(code)), code);
    lookup.set(squash(name), code);
  }
  // Spellings common in registers for the same groups.
  const variants: [string, string][] = [
    ['Khmer', '05'],
    ['Mông', '08'],
    ["H'Mông", '08'],
    ['Hmong', '08'],
    ['Mèo', '08'],
    ['Ede', '12'],
    ['Bahnar', '13'],
    ['Xê Đăng', '14'],
    ['Cơ Tu', '26'],
  ];
  for (const [name, code] of variants) if (!lookup.has(squash(name))) lookup.set(squash(name), code);
  return lookup;
})();

export function lookupEthnicity(text: string): string | undefined {
  return ethnicityLookup.get(foldVietnamese(text).replace(/ /g, ''));
}

export const ethnicityName = new Map<string, string>(ethnicities.map(([code, name]) => [code, name]));

/** Group and sub-group codes: `a`, `dd` (also written `đ`), `a1`, `c12`, `dd3`. */
export const circumstanceLookup: Map<string, { groupCode: string; subGroupCode: string | null }> = (() => {
  const lookup = new Map<string, { groupCode: string; subGroupCode: string | null }>();
  for (const group of specialCircumstanceGroups) {
    lookup.set(group.code, { groupCode: group.code, subGroupCode: null });
    for (const sub of group.subGroups as readonly { code: string }[]) {
      lookup.set(sub.code, { groupCode: group.code, subGroupCode: sub.code });
    }
  }
  return lookup;
})();
