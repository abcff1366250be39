import { v5, v7 } from 'uuid';

/** Time-ordered UUIDv7, made by the application so offline clients can create records too. */
export function newId(): string {
  return v7();
}

const REFERENCE_NAMESPACE = '4f1f5d1e-6c3a-4d59-9f0e-2b7c1a6d3e90';

/** A stable id derived from a name (UUIDv5): reference data gets the same ids on every installation. */
export function referenceId(name: string): string {
  return v5(name, REFERENCE_NAMESPACE);
}
