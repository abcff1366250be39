/**
 * Vietnamese text folding for search: "Nguyễn Thị Hằng", "nguyen thi hang" and "NGUYEN  THI HANG" all fold to
 * "nguyen thi hang". đ/Đ fold to d (Unicode does not decompose it). Tone-mark placement variants (Hòa/Hoà,
 * Thủy/Thuỷ) fold to the same text because every combining mark is dropped after NFD.
 *
 * The server stores the folded form in `*_search` columns so search stays an indexed query and does not depend on
 * the database's `unaccent` dictionary agreeing with this function.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The register's name search: the folded query appears in the folded name **starting at the beginning of a word**
 * ("thi h" and "hang" find "Nguyễn Thị Hằng"; "hang" does not find "Trần Văn Thắng", nor "an" "Nguyễn Thị Lan").
 * The server's query (`person.repo.ts`) applies the same rule in SQL; `nameSearchExamples` states it by example.
 */
export function nameMatches(query: string, name: string): boolean {
  const folded = foldVietnamese(query);
  return folded !== '' && ` ${foldVietnamese(name)}`.includes(` ${folded}`);
}

/** NFC with collapsed inner whitespace: the form names are stored in. */
export function normaliseName(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
