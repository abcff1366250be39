// Draws a form as an A4 PDF with the fonts and national header of documents/pdf.ts. Page setup after Decree
// 30/2020/NĐ-CP: margins 20 mm top and bottom, 30 mm left, 15 mm right; page numbers centred at the top from the
// second page.
import { assertNever } from '@treem/shared';
import type {
  Content,
  ContentStack,
  CustomTableLayout,
  TableCell,
  TDocumentDefinitions,
} from 'pdfmake/interfaces';
import { nationalHeader, renderPdf } from '../pdf.ts';
import {
  SELECTED,
  UNSELECTED,
  type Block,
  type Cell,
  type Column,
  type FormDocument,
  type Line,
  type Signature,
} from './formDocument.ts';

const MM = 72 / 25.4;
const margins = { left: 30 * MM, top: 20 * MM, right: 15 * MM, bottom: 20 * MM };
const contentWidth = 595.28 - margins.left - margins.right;

/** Labels longer than this go on their own line, so the dotted line beside them keeps room to write. */
const LONG_LABEL = 45;

// A dotted line to write on is the bottom border of a table cell.
const dottedLayout: CustomTableLayout = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0,
  hLineColor: () => '#555555',
  hLineStyle: () => ({ dash: { length: 1, space: 2 } }),
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 3,
  paddingBottom: () => 1,
};

const noBorder = [false, false, false, false] as [boolean, boolean, boolean, boolean];
const bottomBorder = [false, false, false, true] as [boolean, boolean, boolean, boolean];

function runs(line: Line): Content {
  return line.map((run) => ({ text: run.text, bold: run.bold ?? false, italics: run.italics ?? false }));
}

function dottedLines(label: string | null, count: number): Content[] {
  const out: Content[] = [];
  const inline = label !== null && label.length <= LONG_LABEL;
  if (label !== null && !inline) out.push({ text: `${label}:`, margin: [0, 3, 0, 0] });
  const body: TableCell[][] = [];
  if (inline)
    body.push([
      { text: `${label}: `, border: noBorder },
      { text: ' ', border: bottomBorder },
    ]);
  const rest = inline ? count - 1 : count;
  for (let i = 0; i < rest; i += 1) {
    body.push([{ text: ' ', colSpan: 2, border: bottomBorder, margin: [0, 4, 0, 0] }, {}]);
  }
  if (body.length > 0) out.push({ table: { widths: ['auto', '*'], body }, layout: dottedLayout });
  return out;
}

function cellContent(cell: Cell): Content {
  if (typeof cell === 'string') return { text: cell };
  return { stack: cell.map((line) => ({ text: runs(line), margin: [0, 0, 0, 2] })) };
}

/** Absolute widths from relative ones, leaving room for the cells' padding and rules. */
function tableWidths(columns: readonly Column[]): number[] {
  const available = contentWidth - columns.length * 8 - (columns.length + 1);
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  return columns.map((c) => (available * c.width) / total);
}

function signatureStack(signature: Signature, placeDate: string | null): ContentStack {
  return {
    stack: [
      ...(placeDate ? [{ text: placeDate, italics: true, margin: [0, 0, 0, 4] } as Content] : []),
      ...signature.capacity.map((text): Content => ({ text, bold: true })),
      { text: signature.title, bold: true },
      { text: signature.hint, italics: true, fontSize: 9 },
      { text: signature.name ?? ' ', bold: true, margin: [0, 60, 0, 0] },
    ],
    alignment: 'center',
  };
}

function blockContent(block: Block): Content[] {
  switch (block.kind) {
    case 'heading':
      return [{ text: block.text, bold: true, margin: [0, 8, 0, 3] }];
    case 'title':
      return [
        {
          stack: block.lines.map((line, i) => ({ text: runs(line), fontSize: i === 0 ? 13 : 11.5 })),
          alignment: 'center',
          margin: [0, 10, 0, 10],
        },
      ];
    case 'field': {
      if (block.value === null) return dottedLines(block.label, 1 + block.blankLines);
      return [{ text: [{ text: `${block.label}: ` }, { text: block.value }], margin: [0, 3, 0, 0] }];
    }
    case 'choice': {
      const mark = (option: { text: string; selected: boolean }) => ({
        text: `${option.selected ? SELECTED : UNSELECTED} ${option.text}`,
        bold: option.selected,
      });
      if (block.stacked) {
        return [
          { text: `${block.label}:`, margin: [0, 3, 0, 0] },
          ...block.options.map((option): Content => ({ ...mark(option), margin: [14, 2, 0, 0] })),
        ];
      }
      return [
        {
          text: [
            { text: `${block.label}: ` },
            ...block.options.flatMap((option, i) => [
              mark(option),
              { text: i < block.options.length - 1 ? '     ' : '' },
            ]),
          ],
          margin: [0, 3, 0, 0],
        },
      ];
    }
    case 'paragraph':
      return [
        {
          text: runs(block.runs),
          alignment: block.align,
          leadingIndent: block.align === 'justify' ? 28 : 0,
          margin: [0, 3, 0, 3],
        },
      ];
    case 'list':
      if (block.items.length === 0) return dottedLines(null, block.blankLines);
      return block.items.map((item): Content => ({
        text: `- ${item}`,
        leadingIndent: 0,
        margin: [14, 3, 0, 0],
      }));
    case 'table': {
      const header = block.columns.map((c): TableCell => ({
        text: c.header,
        bold: true,
        fillColor: '#eeeeee',
        alignment: 'center',
      }));
      const rows = block.rows.map((row) => row.map(cellContent));
      const blanks = Array.from({ length: block.blankRows }, () =>
        block.columns.map((): TableCell => ({ text: ' ', margin: [0, 7, 0, 7] })),
      );
      return [
        {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: tableWidths(block.columns),
            body: [header, ...rows, ...blanks],
          },
          fontSize: 10,
          margin: [0, 3, 0, 6],
        },
      ];
    }
    case 'signatures': {
      const last = block.blocks.length - 1;
      const stacks = block.blocks.map((s, i) => ({
        width: '*',
        ...signatureStack(s, i === last ? block.placeDate : null),
      }));
      // One signer signs on the right, as on every administrative document.
      const columns =
        stacks.length === 1
          ? [
              { width: '*', text: '' },
              { ...stacks[0], width: '55%' },
            ]
          : stacks;
      return [{ columns: columns as Content[], margin: [0, 14, 0, 0], unbreakable: true }];
    }
    case 'recipients':
      return [
        {
          columns: [
            {
              width: '45%',
              stack: [
                { text: 'Nơi nhận:', bold: true, italics: true, fontSize: 10 },
                ...block.recipients.map((text): Content => ({ text, fontSize: 9 })),
              ],
            },
            { width: '55%', ...signatureStack(block.signature, null) },
          ],
          margin: [0, 14, 0, 0],
          unbreakable: true,
        },
      ];
    case 'notes':
      return block.lines.map((text): Content => ({ text, italics: true, fontSize: 9, margin: [0, 6, 0, 0] }));
    case 'pageBreak':
      return [{ text: '', pageBreak: 'after' }];
    default:
      return assertNever(block);
  }
}

/** Rows of a table short enough to keep on the page of its heading. */
const SHORT_TABLE = 8;

/** The blocks' content, the headings before a short table kept on one page with it. */
function contents(blocks: readonly Block[]): Content[] {
  const out: Content[] = [];
  let i = 0;
  while (i < blocks.length) {
    let end = i;
    while (blocks[end]?.kind === 'heading') end += 1;
    const table = blocks[end];
    if (end > i && table?.kind === 'table' && table.rows.length + table.blankRows <= SHORT_TABLE) {
      out.push({ stack: blocks.slice(i, end + 1).flatMap(blockContent), unbreakable: true });
      i = end + 1;
    } else {
      out.push(...blockContent(blocks[i]!));
      i += 1;
    }
  }
  return out;
}

export function formDefinition(doc: FormDocument): TDocumentDefinitions {
  const { issuer, numberLine, placeDate } = doc.header;
  return {
    pageSize: 'A4',
    pageMargins: [margins.left, margins.top, margins.right, margins.bottom],
    info: { title: doc.title, subject: doc.formNumber ?? doc.title, author: 'treem', creator: 'treem' },
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.15 },
    header: (currentPage: number) =>
      currentPage > 1
        ? { text: String(currentPage), alignment: 'center', fontSize: 10, margin: [0, 28, 0, 0] }
        : { text: '' },
    content: [
      ...(doc.formNumber
        ? [
            {
              text: doc.formNumber,
              alignment: 'right',
              bold: true,
              fontSize: 10,
              margin: [0, 0, 0, 6],
            } as Content,
          ]
        : []),
      nationalHeader(
        { commune: issuer.commune, province: issuer.province },
        {
          left: [
            ...(numberLine ? [{ text: numberLine, fontSize: 10, margin: [0, 6, 0, 0] } as Content] : []),
          ],
          right: [{ text: placeDate, italics: true, fontSize: 10, margin: [0, 6, 0, 0] }],
        },
      ),
      ...contents(doc.blocks),
    ],
  };
}

export function formPdf(doc: FormDocument): Promise<Uint8Array> {
  return renderPdf(formDefinition(doc));
}
