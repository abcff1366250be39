// Aggregate data entry and period locks (docs/aggregate-entry.md). Filled by the aggregate-entry work.
export const aggregateEndpoints = {};
