import { AppError, requiredImportFields, type FieldIssue, type ImportField } from '@treem/shared';
import { headerKey, importColumns } from './importColumns.ts';

/** Field → the file's header holding it. Fields the file does not have are absent. */
export type ImportMapping = Partial<Record<ImportField, string>>;

/**
 * The mapping treem proposes for a file's headers: a header maps to the field whose template header or one of whose
 * known other names it equals once folded (tones, case, punctuation and a trailing "(…)" ignored). Exact names win
 * over other names, and no header is used twice.
 */
export function proposeMapping(headers: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<string>();
  const keys = headers.map((header) => ({ header, key: headerKey(header) }));
  for (const pass of ['header', 'synonym'] as const) {
    for (const column of importColumns) {
      if (mapping[column.field]) continue;
      const names = pass === 'header' ? [column.header] : column.synonyms;
      const wanted = new Set(names.map(headerKey));
      const match = keys.find((k) => !used.has(k.header) && wanted.has(k.key));
      if (match) {
        mapping[column.field] = match.header;
        used.add(match.header);
      }
    }
  }
  return mapping;
}

export function missingRequiredFields(mapping: ImportMapping): ImportField[] {
  return requiredImportFields.filter((field) => !mapping[field]);
}

/** A mapping the user sent: every header must be one of the file's, none used for two fields. */
export function checkMapping(mapping: ImportMapping, headers: readonly string[]): void {
  const issues: FieldIssue[] = [];
  const usedBy = new Map<string, ImportField>();
  for (const [field, header] of Object.entries(mapping) as [ImportField, string][]) {
    if (!headers.includes(header)) {
      issues.push({
        path: `body.mapping.${field}`,
        code: 'unknown_header',
        message: `no column "${header}" in the file`,
      });
    } else if (usedBy.has(header)) {
      issues.push({
        path: `body.mapping.${field}`,
        code: 'header_used_twice',
        message: `column "${header}" is already mapped to ${usedBy.get(header)}`,
      });
    } else {
      usedBy.set(header, field);
    }
  }
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', undefined, issues);
}

/** IMPORT_MAPPING_INCOMPLETE until every required field has a column. */
export function assertMappingComplete(mapping: ImportMapping): void {
  const missing = missingRequiredFields(mapping);
  if (missing.length > 0) throw new AppError('IMPORT_MAPPING_INCOMPLETE', { missing });
}
