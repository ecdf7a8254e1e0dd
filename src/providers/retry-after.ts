/**
 * How long a server asked us to wait before retrying, in milliseconds, from its response headers:
 * `retry-after-ms` (OpenAI), else `retry-after` as delta-seconds or as an HTTP date. Undefined when
 * absent or unreadable; a date in the past gives 0.
 *
 * @example
 * retryAfterMs({ 'retry-after': '2' }); // 2000
 */
export function retryAfterMs(
  headers: Readonly<Record<string, string | undefined>> | undefined,
  now: number = Date.now(),
): number | undefined {
  if (headers === undefined) return undefined;
  const lower = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  const milliseconds = lower['retry-after-ms']?.trim();
  if (milliseconds !== undefined && /^\d+(\.\d+)?$/.test(milliseconds)) return Number(milliseconds);
  const value = lower['retry-after']?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  // NOTE: an HTTP date always names a weekday or month; this keeps `-4` from parsing as a year.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
