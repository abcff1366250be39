import { carePlacementStatuses, type CarePlacement } from '@treem/shared';
import { describe, expect, test } from 'vitest';
import { en } from '../../i18n/en.ts';
import { vi } from '../../i18n/vi.ts';
import {
  careActions,
  careActionText,
  handoverDueState,
  inProgress,
  mayProposeCare,
  readsPlacementsByRole,
  type CareAction,
} from './careRules.ts';

const commune = '5b0d7a56-0c1e-4b3b-9d7e-6f3a2e1c4b5d';
const elsewhere = '9c2e4f6a-8b1d-4c3e-a5f7-0d9b8c7a6e5f';
const worker = { canManage: true, canApprove: false, scope: [{ orgUnitId: commune }] };
const leader = { canManage: false, canApprove: true, scope: [{ orgUnitId: commune }] };
const supervisor = { canManage: false, canApprove: false, scope: [{ orgUnitId: elsewhere }] };

describe('who acts on an alternative-care placement', () => {
  test('the leader decides a proposal; the worker hands over, visits and ends; nobody acts on an ended one', () => {
    const at = (status: CarePlacement['status']) => ({ status, communeId: commune });
    expect(careActions(at('proposed'), leader)).toEqual(['approve', 'refuse']);
    expect(careActions(at('proposed'), worker)).toEqual([]);
    expect(careActions(at('decided'), worker)).toEqual(['handOver']);
    expect(careActions(at('decided'), leader)).toEqual([]);
    expect(careActions(at('placed'), worker)).toEqual(['visit', 'terminate']);
    for (const status of ['terminated', 'rejected'] as const) {
      expect(careActions(at(status), worker)).toEqual([]);
      expect(careActions(at(status), leader)).toEqual([]);
    }
  });

  test('only in their own commune: a worker or leader elsewhere, or a supervising officer, only reads', () => {
    const placement = { status: 'proposed' as const, communeId: elsewhere };
    expect(careActions(placement, leader)).toEqual([]);
    expect(careActions({ status: 'placed', communeId: elsewhere }, worker)).toEqual([]);
    for (const status of carePlacementStatuses)
      expect(careActions({ status, communeId: commune }, supervisor)).toEqual([]);
  });
});

test('the commune’s staff and the province’s child-protection officers read placements by role; others only through a case', () => {
  expect(readsPlacementsByRole({ role: 'commune_worker', sector: null })).toBe(true);
  expect(readsPlacementsByRole({ role: 'commune_leader', sector: null })).toBe(true);
  expect(readsPlacementsByRole({ role: 'province_officer', sector: 'social_protection' })).toBe(true);
  expect(readsPlacementsByRole({ role: 'province_officer', sector: 'health' })).toBe(false);
  expect(readsPlacementsByRole({ role: 'health_worker', sector: 'health' })).toBe(false);
  expect(readsPlacementsByRole({ role: 'village_collaborator', sector: null })).toBe(false);
});

describe('proposing alternative care', () => {
  const child = { isChild: true, status: 'active' };

  test('is the worker’s, for an active child with no placement in progress', () => {
    expect(mayProposeCare([], child, true)).toBe(true);
    expect(mayProposeCare([{ status: 'terminated' }, { status: 'rejected' }], child, true)).toBe(true);
    expect(mayProposeCare([], child, false)).toBe(false);
    expect(mayProposeCare([], { isChild: true, status: 'moved_away' }, true)).toBe(false);
    expect(mayProposeCare([], { isChild: false, status: 'active' }, true)).toBe(false);
  });

  test('waits while a placement is proposed, decided or in place: one at a time', () => {
    for (const status of ['proposed', 'decided', 'placed'] as const) {
      expect(inProgress(status)).toBe(true);
      expect(mayProposeCare([{ status }], child, true)).toBe(false);
    }
  });
});

describe('the hand-over clock', () => {
  const now = new Date('2026-05-21T03:00:00Z');
  const decided = {
    status: 'decided' as const,
    handoverDueAt: '2026-05-20T16:59:59.999Z',
    handoverOverdue: false,
  };

  test('runs from the decision until the child is handed over, and is overdue after its day', () => {
    expect(handoverDueState(decided, now)).toBe('overdue');
    expect(handoverDueState(decided, new Date('2026-05-20T10:00:00Z'))).toBe('on_time');
    expect(handoverDueState({ ...decided, handoverOverdue: true }, new Date('2026-05-01T00:00:00Z'))).toBe(
      'overdue',
    );
  });

  test('stops once the child is placed, and never runs for a proposal', () => {
    expect(handoverDueState({ ...decided, status: 'placed' }, now)).toBeNull();
    expect(
      handoverDueState({ status: 'proposed', handoverDueAt: null, handoverOverdue: false }, now),
    ).toBeNull();
  });
});

test('each action has its button and dialog title in both languages', () => {
  const actions: CareAction[] = ['approve', 'refuse', 'handOver', 'visit', 'terminate'];
  for (const t of [vi, en])
    for (const action of actions) {
      const text = careActionText(action, t);
      expect(text.button.trim(), action).toBeTruthy();
      expect(text.title.trim(), action).toBeTruthy();
    }
  expect(careActionText('handOver', vi).button).toBe('Ghi nhận giao nhận');
});
