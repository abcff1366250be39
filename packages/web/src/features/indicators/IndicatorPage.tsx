export function IndicatorPage() {
  return null;
}
