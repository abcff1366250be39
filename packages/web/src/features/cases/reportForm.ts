import {
  CaseIntake,
  type ConcernType,
  type IntakeChannel,
  type IntakeSource,
  type Role,
  type SexCode,
} from '@treem/shared';
import type { z } from 'zod';
import type { Messages } from '../../i18n/vi.ts';
import { ruleMessage, type FormIssue } from './actionForms.ts';

/*
 * The report of a concern (Mẫu 01) as the form holds it: the child either picked from the register or described
 * by what the reporter knows. Only one of the two is sent, and an anonymous reporter's name and phone never are.
 */

export type ChildMode = 'register' | 'name';

export interface ReportValues {
  childMode: ChildMode;
  personId: string | null;
  child: { name: string; sex: SexCode | null; birthYear: number | null; address: string | null };
  communeId: string | null;
  channel: IntakeChannel | undefined;
  source: IntakeSource | undefined;
  reporter: { anonymous: boolean; name: string | null; phone: string | null; relation: string | null };
  concernTypes: ConcernType[];
  description: string;
  occurredOn: string | null;
  occurredPlace: string | null;
}

export type ReportOutput = z.output<typeof CaseIntake>;

/** Who reports from their own work: they report through the app, as themselves, from their own kind of source. */
const ownSource: Partial<Record<Role, IntakeSource>> = {
  village_collaborator: 'village_collaborator',
  school_staff: 'school',
  health_worker: 'health_facility',
};

export function defaultReportValues(reporter: {
  role: Role;
  fullName: string;
  roleName: string;
  personId?: string | undefined;
}): ReportValues {
  const source = ownSource[reporter.role];
  return {
    childMode: 'register',
    personId: reporter.personId ?? null,
    child: { name: '', sex: null, birthYear: null, address: null },
    communeId: null,
    // Commune staff mostly write down reports that came by phone or in person; they choose how.
    channel: source ? 'online' : undefined,
    source,
    reporter: {
      anonymous: false,
      name: source ? reporter.fullName : null,
      phone: null,
      relation: source ? reporter.roleName : null,
    },
    concernTypes: [],
    description: '',
    occurredOn: null,
    occurredPlace: null,
  };
}

/** The report the values stand for, before it is checked. */
export function toIntake(values: ReportValues, needsCommune: boolean): Record<string, unknown> {
  const byName = values.childMode === 'name';
  return {
    personId: byName ? null : values.personId,
    child: byName ? values.child : null,
    communeId: byName && needsCommune ? values.communeId : null,
    channel: values.channel,
    source: values.source,
    reporter: values.reporter.anonymous
      ? { anonymous: true, relation: values.reporter.relation }
      : { ...values.reporter, anonymous: false },
    concernTypes: values.concernTypes,
    description: values.description,
    occurredOn: values.occurredOn,
    occurredPlace: values.occurredPlace,
  };
}

/** Every issue of the report, on the form's paths; none means it may be sent. */
export function checkReport(
  values: ReportValues,
  needsCommune: boolean,
  t: Messages,
): { intake: ReportOutput; issues: [] } | { intake: undefined; issues: FormIssue[] } {
  const issues: FormIssue[] = [];
  // The server names the commune of a child known only by name from a one-commune (or one-village) scope.
  if (values.childMode === 'name' && needsCommune && !values.communeId)
    issues.push({ path: 'communeId', message: t.cases.issues.commune_required });
  const parsed = CaseIntake.safeParse(toIntake(values, needsCommune));
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      issues.push({ path: issue.path.join('.'), message: ruleMessage(issue.message, t) });
  if (parsed.success && issues.length === 0) return { intake: parsed.data, issues: [] };
  return { intake: undefined, issues };
}
