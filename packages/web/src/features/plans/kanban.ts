import { activityStatuses, type ActivityStatus } from '@treem/shared';

export interface KanbanColumn<T> {
  status: ActivityStatus;
  items: T[];
}

/** Activities in one column per status, in the statuses' order (planned → cancelled), each column in plan order. */
export function kanbanColumns<T extends { status: ActivityStatus }>(
  activities: readonly T[],
): KanbanColumn<T>[] {
  return activityStatuses.map((status) => ({
    status,
    items: activities.filter((activity) => activity.status === status),
  }));
}

/** Where an activity can be moved from its column: every other status. */
export function moveTargets(status: ActivityStatus): ActivityStatus[] {
  return activityStatuses.filter((other) => other !== status);
}
