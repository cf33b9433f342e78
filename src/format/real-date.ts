/** A text that is written as a date (`2024-02-30`) or a month (`2024-13`). */
const DATE_LIKE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** True when a `YYYY-MM` or `YYYY-MM-DD` text names a month or a day that exists (2024-02-29 does, 2023-02-29 does not). */
export function isRealDate(iso: string): boolean {
  const match = DATE_LIKE.exec(iso);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), match[3] === undefined ? 1 : Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}
