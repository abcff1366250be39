import { api } from '@treem/shared';

/*
 * The printable forms of a case (Mẫu 01–06 of Decree 56's Circular) as the file endpoint names them, each as a PDF
 * to print or a DOCX to edit in Word. Their titles are in the web catalogue (`cases.forms.titles`), the same
 * words the server prints (documents/caseForms/caseForms.ts `caseFormTitles`).
 */

export const caseFormKinds = api.cases.form.params.shape.form.options;
export type CaseFormKind = (typeof caseFormKinds)[number];

export const caseFileFormats = ['pdf', 'docx'] as const;
export type CaseFileFormat = (typeof caseFileFormats)[number];

/** "01" for `mau01`: the number the forms carry ("Mẫu số 01"). */
export function caseFormNumber(kind: CaseFormKind): string {
  return kind.slice(3);
}

/** A menu entry's key, and back: one entry per form and format. */
export function caseFormMenuKey(kind: CaseFormKind, format: CaseFileFormat): string {
  return `${kind}.${format}`;
}

export function parseCaseFormMenuKey(
  key: string,
): { kind: CaseFormKind; format: CaseFileFormat } | undefined {
  const [kind, format] = key.split('.');
  const knownKind = caseFormKinds.find((candidate) => candidate === kind);
  const knownFormat = caseFileFormats.find((candidate) => candidate === format);
  return knownKind && knownFormat ? { kind: knownKind, format: knownFormat } : undefined;
}

/** The name a download takes when the server's Content-Disposition names none. */
export function caseFormFallbackName(kind: CaseFormKind, caseNumber: string, format: CaseFileFormat): string {
  return `mau-${caseFormNumber(kind)}-${caseNumber}.${format}`;
}
