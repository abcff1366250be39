// Draws a form as an editable Word document: the same blocks as the PDF, in Times New Roman 13 pt on A4 with the
// margins of Decree 30/2020/NĐ-CP. Lines to write on are dot-leader tabs and tables are real tables, so an official
// can type into the blanks or add a row.
import { assertNever } from '@treem/shared';
import {
  AlignmentType,
  Document,
  Header,
  LeaderType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import {
  SELECTED,
  UNSELECTED,
  type Block,
  type Cell,
  type FormDocument,
  type Line,
  type Signature,
} from './formDocument.ts';

const TWIPS_PER_MM = 1440 / 25.4;
const page = { width: 11906, height: 16838 };
const margin = {
  top: Math.round(20 * TWIPS_PER_MM),
  bottom: Math.round(20 * TWIPS_PER_MM),
  left: Math.round(30 * TWIPS_PER_MM),
  right: Math.round(15 * TWIPS_PER_MM),
};
const CONTENT_WIDTH = page.width - margin.left - margin.right;

/** Half-points. */
const size = { body: 26, small: 24, smaller: 22, title: 28 };

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  underline?: boolean;
}

/** Runs of a text that may hold line breaks. */
function textRuns(text: string, style: RunStyle = {}): TextRun[] {
  return text.split('\n').map(
    (part, i) =>
      new TextRun({
        text: part,
        bold: style.bold,
        italics: style.italics,
        size: style.size,
        underline: style.underline ? {} : undefined,
        break: i > 0 ? 1 : undefined,
      }),
  );
}

function lineRuns(line: Line, style: RunStyle = {}): TextRun[] {
  return line.flatMap((run) =>
    textRuns(run.text, { ...style, bold: run.bold ?? style.bold, italics: run.italics ?? style.italics }),
  );
}

const spacing = { before: 60, after: 0 };

/** A paragraph that ends in a dotted line to the right margin. */
function dotted(label: string | null): Paragraph {
  return new Paragraph({
    spacing,
    tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH, leader: LeaderType.DOT }],
    children: [...(label === null ? [] : textRuns(`${label}: `)), new TextRun({ children: [new Tab()] })],
  });
}

function dottedLines(label: string | null, count: number): Paragraph[] {
  if (label === null) return Array.from({ length: count }, () => dotted(null));
  return [dotted(label), ...Array.from({ length: count - 1 }, () => dotted(null))];
}

function cellParagraphs(cell: Cell, style: RunStyle): Paragraph[] {
  if (typeof cell === 'string') return [new Paragraph({ children: textRuns(cell, style) })];
  if (cell.length === 0) return [new Paragraph({})];
  return cell.map((line) => new Paragraph({ spacing: { after: 40 }, children: lineRuns(line, style) }));
}

function signatureParagraphs(signature: Signature, placeDate: string | null): Paragraph[] {
  const centred = (children: TextRun[], extra: { before?: number } = {}) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: extra.before ?? 0 }, children });
  return [
    ...(placeDate ? [centred(textRuns(placeDate, { italics: true }))] : []),
    ...signature.capacity.map((text) => centred(textRuns(text, { bold: true }))),
    centred(textRuns(signature.title, { bold: true })),
    centred(textRuns(signature.hint, { italics: true, size: size.small })),
    centred(textRuns(signature.name ?? '', { bold: true }), { before: 1400 }),
  ];
}

/** A table without borders that only places its cells side by side. */
function layoutTable(cells: readonly { width: number; children: Paragraph[] }[]): Table {
  const total = cells.reduce((sum, c) => sum + c.width, 0);
  const widths = cells.map((c) => Math.floor((CONTENT_WIDTH * c.width) / total));
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        cantSplit: true,
        children: cells.map(
          (c, i) =>
            new TableCell({
              width: { size: widths[i]!, type: WidthType.DXA },
              children: c.children.length > 0 ? c.children : [new Paragraph({})],
            }),
        ),
      }),
    ],
  });
}

function blockChildren(block: Block): FileChild[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          spacing: { before: 160, after: 40 },
          children: textRuns(block.text, { bold: true }),
        }),
      ];
    case 'title':
      return block.lines.map(
        (line, i) =>
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: i === 0 ? 240 : 0, after: i === block.lines.length - 1 ? 200 : 0 },
            children: lineRuns(line, { size: i === 0 ? size.title : size.body }),
          }),
      );
    case 'field':
      if (block.value === null) return dottedLines(block.label, 1 + block.blankLines);
      return [
        new Paragraph({ spacing, children: [...textRuns(`${block.label}: `), ...textRuns(block.value)] }),
      ];
    case 'choice': {
      const mark = (option: { text: string; selected: boolean }) =>
        textRuns(`${option.selected ? SELECTED : UNSELECTED} ${option.text}`, { bold: option.selected });
      if (block.stacked) {
        return [
          new Paragraph({ spacing, keepNext: true, children: textRuns(`${block.label}:`) }),
          ...block.options.map(
            (option) => new Paragraph({ spacing, indent: { left: 284 }, children: mark(option) }),
          ),
        ];
      }
      return [
        new Paragraph({
          spacing,
          children: [
            ...textRuns(`${block.label}: `),
            ...block.options.flatMap((option, i) => [
              ...mark(option),
              ...(i < block.options.length - 1 ? textRuns('     ') : []),
            ]),
          ],
        }),
      ];
    }
    case 'paragraph':
      return [
        new Paragraph({
          spacing: { before: 60, after: 60 },
          alignment:
            block.align === 'center'
              ? AlignmentType.CENTER
              : block.align === 'justify'
                ? AlignmentType.JUSTIFIED
                : AlignmentType.LEFT,
          indent: block.align === 'justify' ? { firstLine: 567 } : undefined,
          children: lineRuns(block.runs),
        }),
      ];
    case 'list':
      if (block.items.length === 0) return dottedLines(null, block.blankLines);
      return block.items.map(
        (item) =>
          new Paragraph({ spacing, indent: { left: 284, hanging: 284 }, children: textRuns(`- ${item}`) }),
      );
    case 'table': {
      const total = block.columns.reduce((sum, c) => sum + c.width, 0);
      const widths = block.columns.map((c) => Math.floor((CONTENT_WIDTH * c.width) / total));
      const cell = (children: Paragraph[], i: number, header = false) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          shading: header ? { type: ShadingType.CLEAR, fill: 'EEEEEE', color: 'auto' } : undefined,
          children,
        });
      const style = { size: size.small };
      return [
        new Table({
          width: { size: CONTENT_WIDTH, type: WidthType.DXA },
          columnWidths: widths,
          rows: [
            new TableRow({
              tableHeader: true,
              children: block.columns.map((c, i) =>
                cell(
                  [
                    new Paragraph({
                      alignment: AlignmentType.CENTER,
                      children: textRuns(c.header, { ...style, bold: true }),
                    }),
                  ],
                  i,
                  true,
                ),
              ),
            }),
            ...block.rows.map(
              (row) =>
                new TableRow({
                  cantSplit: true,
                  children: row.map((c, i) => cell(cellParagraphs(c, style), i)),
                }),
            ),
            ...Array.from(
              { length: block.blankRows },
              () =>
                new TableRow({
                  cantSplit: true,
                  children: block.columns.map((_, i) =>
                    cell([new Paragraph({ children: textRuns(' ', style) })], i),
                  ),
                }),
            ),
          ],
        }),
        new Paragraph({ spacing: { after: 60 }, children: [] }),
      ];
    }
    case 'signatures': {
      const last = block.blocks.length - 1;
      const cells = block.blocks.map((s, i) => ({
        width: 1,
        children: signatureParagraphs(s, i === last ? block.placeDate : null),
      }));
      // One signer signs on the right, as on every administrative document.
      return [
        new Paragraph({ spacing: { before: 200 }, children: [] }),
        layoutTable(
          cells.length === 1
            ? [
                { width: 45, children: [] },
                { ...cells[0]!, width: 55 },
              ]
            : cells,
        ),
      ];
    }
    case 'recipients':
      return [
        new Paragraph({ spacing: { before: 200 }, children: [] }),
        layoutTable([
          {
            width: 45,
            children: [
              new Paragraph({
                children: textRuns('Nơi nhận:', { bold: true, italics: true, size: size.small }),
              }),
              ...block.recipients.map(
                (text) => new Paragraph({ children: textRuns(text, { size: size.smaller }) }),
              ),
            ],
          },
          { width: 55, children: signatureParagraphs(block.signature, null) },
        ]),
      ];
    case 'notes':
      return block.lines.map(
        (text) =>
          new Paragraph({
            spacing: { before: 120 },
            children: textRuns(text, { italics: true, size: size.small }),
          }),
      );
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    default:
      return assertNever(block);
  }
}

/** The national header: the same words as `nationalHeader` of documents/pdf.ts. */
function header(doc: FormDocument): Table {
  const { issuer, numberLine, placeDate } = doc.header;
  const centred = (children: TextRun[], before = 0) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before }, children });
  return layoutTable([
    {
      width: 40,
      children: [
        centred(textRuns(issuer.province.toUpperCase(), { size: size.small })),
        centred(textRuns(`UBND ${issuer.commune.toUpperCase()}`, { bold: true, size: size.small })),
        ...(numberLine ? [centred(textRuns(numberLine), 120)] : []),
      ],
    },
    {
      width: 60,
      children: [
        centred(textRuns('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: size.small })),
        centred(textRuns('Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true })),
        centred(textRuns(placeDate, { italics: true }), 120),
      ],
    },
  ]);
}

export function formDocx(doc: FormDocument): Promise<Uint8Array> {
  const document = new Document({
    creator: 'treem',
    lastModifiedBy: 'treem',
    title: doc.title,
    subject: doc.formNumber ?? doc.title,
    styles: { default: { document: { run: { font: 'Times New Roman', size: size.body } } } },
    sections: [
      {
        properties: { page: { size: page, margin }, titlePage: true },
        // Page numbers centred at the top, from the second page (Decree 30/2020).
        headers: {
          first: new Header({ children: [] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT] })],
              }),
            ],
          }),
        },
        children: [
          ...(doc.formNumber
            ? [
                new Paragraph({
                  alignment: AlignmentType.RIGHT,
                  children: textRuns(doc.formNumber, { bold: true }),
                }),
              ]
            : []),
          header(doc),
          ...doc.blocks.flatMap(blockChildren),
        ],
      },
    ],
  });
  return Packer.toBuffer(document).then((buffer) => new Uint8Array(buffer));
}
