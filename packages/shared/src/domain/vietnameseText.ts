/**
 * Vietnamese text folding for search: "Nguyễn Thị Hằng", "nguyen thi hang" and "NGUYEN  THI HANG" all fold to
 * "nguyen thi hang". đ/Đ fold to d (Unicode does not decompose it). Tone-mark placement variants (Hòa/Hoà,
 * Thủy/Thuỷ) fold to the same text because every combining mark is dropped after NFD.
 *
 * The server stores the folded form in `*_search` columns so search stays an indexed trigram query and does not
 * depend on the database's `unaccent` dictionary agreeing with this function.
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

/** NFC with collapsed inner whitespace: the form names are stored in. */
export function normaliseName(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
