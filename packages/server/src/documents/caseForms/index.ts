// Printable case forms and referral letters, as PDF to print and DOCX to edit (docs/case-forms.md).
import { caseFormDocument } from './caseForms.ts';
import type { CaseFormInput, CaseFormKind, CaseFormOptions, ReferralLetterInput } from './caseFormTypes.ts';
import { formDocx } from './docxRenderer.ts';
import { formPdf } from './pdfRenderer.ts';
import { referralLetterDocument } from './referralLetter.ts';

export type * from './caseFormTypes.ts';
export { caseFormKinds } from './caseFormTypes.ts';
export { caseFormTitles } from './caseForms.ts';
export { referralLetterTitle } from './referralLetter.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** One of Mẫu số 01–06 filled from the case, as an A4 PDF. */
export async function renderCaseFormPdf(
  form: CaseFormKind,
  input: CaseFormInput,
  options: CaseFormOptions = {},
): Promise<Uint8Array> {
  return formPdf(caseFormDocument(form, input, options));
}

/** The same form as an editable Word document. */
export async function renderCaseFormDocx(
  form: CaseFormKind,
  input: CaseFormInput,
  options: CaseFormOptions = {},
): Promise<Uint8Array> {
  return formDocx(caseFormDocument(form, input, options));
}

/** A referral letter to a provider without an account, with its reply slip, as an A4 PDF. */
export async function renderReferralLetterPdf(input: ReferralLetterInput): Promise<Uint8Array> {
  return formPdf(referralLetterDocument(input));
}

/** The same referral letter as an editable Word document. */
export async function renderReferralLetterDocx(input: ReferralLetterInput): Promise<Uint8Array> {
  return formDocx(referralLetterDocument(input));
}
