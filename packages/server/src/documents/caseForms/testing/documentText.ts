// Reads back what a rendered form says, to assert on its words: the text of each PDF page, and the paragraphs and
// table rows of a DOCX's word/document.xml.
import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';

export interface PdfText {
  pages: string[];
  /** Every page, whitespace collapsed to single spaces (lines wrap anywhere in a table cell). */
  text: string;
  title: string;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n += 1) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  const { info } = (await document.getMetadata()) as { info: { Title?: string } };
  await document.destroy();
  return { pages, text: pages.join(' '), title: info.Title ?? '' };
}

function unzip(bytes: Uint8Array, path: string): string {
  const file = unzipSync(bytes)[path];
  if (!file) throw new Error(`No ${path} in the archive`);
  return strFromU8(file);
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name]!);

/** The text of each <w:p> in a piece of WordprocessingML. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join(''),
  );
}

export interface DocxText {
  xml: string;
  paragraphs: string[];
  /** Each table row as its cells' text, a cell's paragraphs joined by new lines. */
  rows: string[][];
  title: string;
}

export function readDocx(bytes: Uint8Array): DocxText {
  const xml = unzip(bytes, 'word/document.xml');
  const core = unzip(bytes, 'docProps/core.xml');
  const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => paragraphs(cell[0]).join('\n')),
  );
  return {
    xml,
    paragraphs: paragraphs(xml),
    rows,
    title: decode(/<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1] ?? ''),
  };
}

/** Asserts that `parts` occur in `text` in this order, each after the end of the one before. */
export function expectInOrder(text: string, parts: readonly string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `"${part}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}
