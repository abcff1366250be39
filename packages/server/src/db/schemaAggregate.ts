/** Tables of aggregate data entry and period locks (migration 0016). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AggregateTables {}
