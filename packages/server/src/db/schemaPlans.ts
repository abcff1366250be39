/** Tables of plans, targets, activities, trainings and budget (migration 0017). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PlanTables {}
