/**
 * A timestamp as a person reads it in their own locale: the date only (`4 Dec 2026`, `Dec 4, 2026`),
 * with the time when `withTime` is set. An unparseable value is returned unchanged.
 */
export function localDate(iso: string, options: { withTime?: boolean; locale?: string } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(options.locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...(options.withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  });
}
