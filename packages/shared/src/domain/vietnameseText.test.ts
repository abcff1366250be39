import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { foldVietnamese, normaliseName } from './vietnameseText.ts';

describe('foldVietnamese', () => {
  test('folds tones, case and đ so every spelling of a name meets', () => {
    const target = foldVietnamese('Nguyễn Thị Hằng');
    expect(target).toBe('nguyen thi hang');
    for (const typed of ['nguyen thi hang', 'Nguyen Thi Hang', 'NGUYỄN  THỊ HẰNG', ' nguyễn thị hằng ']) {
      expect(foldVietnamese(typed)).toBe(target);
    }
    expect(foldVietnamese('Đặng Đình Đức')).toBe('dang dinh duc');
  });

  test('treats old and new tone-mark placement (Hòa/Hoà, Thủy/Thuỷ) as the same name', () => {
    expect(foldVietnamese('Hòa Bình')).toBe(foldVietnamese('Hoà Bình'));
    expect(foldVietnamese('Thủy')).toBe(foldVietnamese('Thuỷ'));
    // Decomposed input (as some keyboards produce) folds the same as precomposed.
    expect(foldVietnamese('Hòa'.normalize('NFD'))).toBe('hoa');
  });

  test('keeps different letters apart', () => {
    expect(foldVietnamese('Hằng')).not.toBe(foldVietnamese('Hưng'));
  });

  test('is idempotent and never produces diacritics, for any input', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const once = foldVietnamese(text);
        expect(foldVietnamese(once)).toBe(once);
        expect(once).not.toMatch(/[\u0300-\u036fđĐ]/);
      }),
    );
  });
});

test('normaliseName stores NFC with single spaces', () => {
  expect(normaliseName('  Lê   Thị\tHoa ')).toBe('Lê Thị Hoa');
  expect(normaliseName('Hòa'.normalize('NFD'))).toBe('Hòa'.normalize('NFC'));
});
