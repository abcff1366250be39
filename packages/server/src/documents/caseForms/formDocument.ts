// A printed form as a list of blocks, built once per form and drawn twice: as a PDF (pdfmake) and as an editable
// DOCX. Keeping the words here means the two files cannot say different things.
import type { IssuingBody } from './caseFormTypes.ts';

export interface Run {
  text: string;
  bold?: boolean;
  italics?: boolean;
}

/** One paragraph of runs. */
export type Line = readonly Run[];

/** A table cell: plain text, or paragraphs of runs. */
export type Cell = string | readonly Line[];

export interface Column {
  header: string;
  /** Relative width. */
  width: number;
}

export interface Signature {
  /** Lines above the title, in capitals: 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'. */
  capacity: readonly string[];
  /** 'NGƯỜI THỰC HIỆN', 'CHỦ TỊCH'. */
  title: string;
  /** '(Ký, ghi rõ họ tên)'. */
  hint: string;
  /** Printed under the space for the signature; null leaves it to be written. */
  name: string | null;
}

export type Block =
  /** A bold heading: 'A. Thông tin chung', '1. Đánh giá nguy cơ …'. */
  | { kind: 'heading'; text: string }
  /** Centred lines, the first ones usually bold capitals: a title inside the document. */
  | { kind: 'title'; lines: readonly Line[] }
  /** 'Label: value', or the label and a dotted line to write on, plus `blankLines` more when empty. */
  | { kind: 'field'; label: string; value: string | null; blankLines: number }
  /**
   * 'Label: ● Nữ ○ Nam ○ Không biết'; no option selected leaves every box to tick. Long options are `stacked`, one
   * a line under the label.
   */
  | {
      kind: 'choice';
      label: string;
      options: readonly { text: string; selected: boolean }[];
      stacked: boolean;
    }
  | { kind: 'paragraph'; runs: Line; align: 'left' | 'center' | 'justify' }
  /** A bulleted list, or `blankLines` dotted lines when there is nothing to list. */
  | { kind: 'list'; items: readonly string[]; blankLines: number }
  /** A bordered table; `blankRows` empty rows are added to write in. */
  | { kind: 'table'; columns: readonly Column[]; rows: readonly (readonly Cell[])[]; blankRows: number }
  /** Signature blocks side by side, each centred in its share of the width. */
  | { kind: 'signatures'; blocks: readonly Signature[]; placeDate: string | null }
  /** "Nơi nhận:" of an administrative document, beside the signer. */
  | { kind: 'recipients'; recipients: readonly string[]; signature: Signature }
  /** The footnotes of an annex form. */
  | { kind: 'notes'; lines: readonly string[] }
  | { kind: 'pageBreak' };

export interface FormHeader {
  issuer: IssuingBody;
  /** 'Số: 12/BC-UBND'; null for a worksheet without a number. */
  numberLine: string | null;
  /** 'Bản Lầu, ngày 05 tháng 9 năm 2025'. */
  placeDate: string;
}

export interface FormDocument {
  /** The document's title for its properties (never the child's name: files travel). */
  title: string;
  /** 'Mẫu số 01', printed top right; null for documents outside the annex. */
  formNumber: string | null;
  header: FormHeader;
  blocks: readonly Block[];
}

/** The words a dotted line stands for in a filled form, so the blank is visibly a blank. */
export const DOTS = '……………';
export const SELECTED = '●';
export const UNSELECTED = '○';
