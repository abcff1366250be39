export function DataEntryPage() {
  return null;
}
