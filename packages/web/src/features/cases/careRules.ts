import {
  assertNever,
  type CaseDueState,
  type CarePlacement,
  type CarePlacementStatus,
  type ScopeUnit,
} from '@treem/shared';
import type { Messages } from '../../i18n/vi.ts';

/*
 * What the child's profile may offer on an alternative-care placement (docs/child-protection.md, Alternative
 * care): the commune worker proposes, hands over, visits and ends it; the commune leader decides. Both act only
 * on placements of their own commune — anyone else who sees one (a supervising officer, a reader of the case it
 * came from) only reads it.
 */

export type CareAction = 'approve' | 'refuse' | 'handOver' | 'visit' | 'terminate';

export interface CareActor {
  /** `case.manage`: the commune worker. */
  canManage: boolean;
  /** `case.approve`: the commune leader. */
  canApprove: boolean;
  scope: readonly Pick<ScopeUnit, 'orgUnitId'>[];
}

/**
 * Who reads a child's placements because of their role, whatever case they came from: the commune's workers and
 * leader, and the province's child-protection officers (the server's `placementVisible`). Anyone else sees a
 * placement only through a case they may read.
 */
export function readsPlacementsByRole(user: { role: string; sector: string | null }): boolean {
  return (
    user.role === 'commune_worker' ||
    user.role === 'commune_leader' ||
    (user.role === 'province_officer' && user.sector === 'social_protection')
  );
}

/** A child has one placement in progress at a time; the server refuses a second (CARE_STATE_CONFLICT). */
export function inProgress(status: CarePlacementStatus): boolean {
  switch (status) {
    case 'proposed':
    case 'decided':
    case 'placed':
      return true;
    case 'terminated':
    case 'rejected':
      return false;
    default:
      return assertNever(status);
  }
}

export function careActions(
  placement: Pick<CarePlacement, 'status' | 'communeId'>,
  actor: CareActor,
): CareAction[] {
  if (!actor.scope.some((unit) => unit.orgUnitId === placement.communeId)) return [];
  switch (placement.status) {
    case 'proposed':
      return actor.canApprove ? ['approve', 'refuse'] : [];
    case 'decided':
      return actor.canManage ? ['handOver'] : [];
    case 'placed':
      return actor.canManage ? ['visit', 'terminate'] : [];
    case 'terminated':
    case 'rejected':
      return [];
    default:
      return assertNever(placement.status);
  }
}

/** The worker proposes a placement for an active child of the register who has none in progress. */
export function mayProposeCare(
  placements: readonly Pick<CarePlacement, 'status'>[],
  person: { isChild: boolean; status: string },
  canManage: boolean,
): boolean {
  return (
    canManage &&
    person.isChild &&
    person.status === 'active' &&
    !placements.some((placement) => inProgress(placement.status))
  );
}

/** The hand-over clock of an approved placement: 15 working days from the decision. */
export function handoverDueState(
  placement: Pick<CarePlacement, 'status' | 'handoverDueAt' | 'handoverOverdue'>,
  now: Date,
): CaseDueState | null {
  if (placement.status !== 'decided' || !placement.handoverDueAt) return null;
  return placement.handoverOverdue || Date.parse(placement.handoverDueAt) < now.getTime()
    ? 'overdue'
    : 'on_time';
}

export const careStatusColour: Record<CarePlacementStatus, string> = {
  proposed: 'gold',
  decided: 'blue',
  placed: 'green',
  terminated: 'default',
  rejected: 'volcano',
};

export const wellbeingColour = { good: 'green', concern: 'orange', at_risk: 'red' } as const;

/** The button that opens an action, and its dialog's title, in the catalogue's words. */
export function careActionText(action: CareAction, t: Messages): { button: string; title: string } {
  const c = t.cases.care;
  switch (action) {
    case 'approve':
      return { button: c.approve, title: c.approveTitle };
    case 'refuse':
      return { button: c.refuse, title: c.refuseTitle };
    case 'handOver':
      return { button: c.handOver, title: c.handOverTitle };
    case 'visit':
      return { button: c.visit, title: c.visitTitle };
    case 'terminate':
      return { button: c.terminate, title: c.terminateTitle };
    default:
      return assertNever(action);
  }
}
