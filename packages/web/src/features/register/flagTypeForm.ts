import { z } from 'zod';
import { FlagTypeInput, type FlagType } from '@treem/shared';

export type FlagTypeValues = z.input<typeof FlagTypeInput>;
export type FlagTypeOutput = z.output<typeof FlagTypeInput>;

/**
 * The province whose catalogue the user manages: the one province every unit of their scope lies in. Null when a
 * unit lies in no province (the national scope) or the units lie in several.
 */
export function provinceOf(units: readonly { provinceCode: string | null }[]): string | null {
  if (units.length === 0 || units.some((unit) => !unit.provinceCode)) return null;
  const codes = new Set(units.map((unit) => unit.provinceCode));
  return codes.size === 1 ? [...codes][0]! : null;
}

/** An empty form for a new flag (active), or the flag being edited. */
export function flagTypeDefaults(type?: FlagType): FlagTypeValues {
  return type
    ? { code: type.code, nameVi: type.nameVi, nameEn: type.nameEn, active: type.active }
    : { code: '', nameVi: '', nameEn: '', active: true };
}

/**
 * The form's schema. A new flag's code must not be in the catalogue already (the save is an upsert: it would
 * silently overwrite the existing flag). An edited flag's code is shown read-only and not checked.
 */
export function flagTypeSchema(
  editing: boolean,
  existingCodes: readonly string[],
  codeTakenMessage: string,
): z.ZodType<FlagTypeOutput, FlagTypeValues> {
  if (editing) return FlagTypeInput.extend({ code: z.string() });
  const taken = new Set(existingCodes);
  return FlagTypeInput.superRefine((value, ctx) => {
    if (taken.has(value.code)) ctx.addIssue({ code: 'custom', path: ['code'], message: codeTakenMessage });
  });
}

/** The PUT of one flag of a province's catalogue: the code travels in the path, the rest in the body. */
export function flagTypeSaveRequest(provinceCode: string, values: FlagTypeOutput) {
  return {
    params: { provinceCode, code: values.code },
    body: { nameVi: values.nameVi, nameEn: values.nameEn, active: values.active },
  };
}

/** The same flag with `active` switched: deactivating and reactivating are saves of the whole flag. */
export function toggledFlagTypeRequest(provinceCode: string, type: FlagType) {
  return flagTypeSaveRequest(provinceCode, { ...type, active: !type.active });
}
