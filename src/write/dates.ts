/**
 * The date the outputs carry (the PDF's metadata, the workbooks, the zip
 * entries): SOURCE_DATE_EPOCH when set (the reproducible-builds
 * convention), else the report's own date. Never the clock, so the same
 * input gives the same bytes.
 */
export function outputDate(reportDate: string, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${reportDate}T00:00:00Z`);
}
