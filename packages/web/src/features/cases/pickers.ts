import { Role } from '@treem/shared';
import type { Messages } from '../../i18n/vi.ts';

export interface ShareCandidate {
  id: string;
  fullName: string;
  role: string;
  unitName: string;
}

/**
 * The users a case may be shared with, as a select's options: "name · role · unit". A user with several units in
 * scope comes back once per unit; each is offered once, the worker never.
 */
export function shareCandidateOptions(candidates: readonly ShareCandidate[], selfId: string, t: Messages) {
  const seen = new Set<string>([selfId]);
  const options: { value: string; label: string }[] = [];
  for (const candidate of candidates) {
    if (seen.has(candidate.id)) continue;
    seen.add(candidate.id);
    const role = Role.safeParse(candidate.role);
    options.push({
      value: candidate.id,
      label: [
        candidate.fullName,
        role.success ? t.roles[role.data] : candidate.role,
        candidate.unitName,
      ].join(' · '),
    });
  }
  return options;
}
