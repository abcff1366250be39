import {
  importFields,
  requiredImportFields,
  type ImportField,
  type ImportJob,
  type ImportStatus,
} from '@treem/shared';

/*
 * The import wizard's state machine, read from the job the server keeps: the page can be reloaded (or opened from
 * the imports list) at any point and lands on the right step.
 */

export const importSteps = ['upload', 'mapping', 'check', 'run', 'result'] as const;
export type ImportStep = (typeof importSteps)[number];

/** Statuses during which the server is working and the page asks again every second. */
export function isImportWorking(status: ImportStatus): boolean {
  return status === 'validating' || status === 'importing';
}

export function importStep(job: Pick<ImportJob, 'status'> | undefined, editingMapping: boolean): ImportStep {
  if (!job) return 'upload';
  switch (job.status) {
    case 'uploaded':
      return 'mapping';
    case 'validating':
      return 'check';
    case 'validated':
      return editingMapping ? 'mapping' : 'check';
    case 'importing':
      return 'run';
    case 'imported':
      return 'result';
    case 'failed':
      // A validation that could not read the file goes back to the mapping; a failed run shows its result.
      return editingMapping ? 'mapping' : 'result';
  }
}

/** Progress in whole percent; an empty file is done at once. */
export function importPercent(job: Pick<ImportJob, 'processedRows' | 'totalRows'>): number {
  if (job.totalRows <= 0) return 100;
  return Math.min(100, Math.floor((job.processedRows / job.totalRows) * 100));
}

export type ImportMapping = Partial<Record<ImportField, string>>;

/** The server's proposal, kept only where it names a header the file really has. */
export function initialMapping(job: Pick<ImportJob, 'mapping' | 'headers'>): ImportMapping {
  const headers = new Set(job.headers);
  const mapping: ImportMapping = {};
  for (const field of importFields) {
    const header = job.mapping[field];
    if (header && headers.has(header)) mapping[field] = header;
  }
  return mapping;
}

/** Required fields still without a column. */
export function missingRequiredFields(mapping: ImportMapping): ImportField[] {
  return requiredImportFields.filter((field) => !mapping[field]);
}

/** Headers chosen for more than one field: almost always a slip, so the wizard points at them. */
export function headersUsedTwice(mapping: ImportMapping): string[] {
  const seen = new Map<string, number>();
  for (const header of Object.values(mapping)) {
    if (header) seen.set(header, (seen.get(header) ?? 0) + 1);
  }
  return [...seen].filter(([, count]) => count > 1).map(([header]) => header);
}

/** The body of the mapping call: only the fields that have a column. */
export function mappingBody(mapping: ImportMapping): Record<ImportField, string> {
  const body: Partial<Record<ImportField, string>> = {};
  for (const field of importFields) {
    const header = mapping[field];
    if (header) body[field] = header;
  }
  return body as Record<ImportField, string>;
}
