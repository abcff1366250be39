// Plans, targets, activities, trainings and budget (docs/plans.md). Filled by the plans work.
export const planEndpoints = {};
