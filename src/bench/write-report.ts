import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TaskBenchSummary } from './bench-summary.js';
import { cumulativeCostSpec, renderSvg, zeroEditSpec } from './charts.js';
import { renderReportHtml } from './report-html.js';
import { writeSummaryFiles } from './write-results.js';

/**
 * Write everything a reader needs from a bench run into `directory`: per task the summary JSON and CSV
 * and the two figures as SVG (`<task>-cumulative-cost.svg`, `<task>-zero-edit-rate.svg`), and one
 * self-contained `report.html`. Returns the paths written.
 */
export async function writeBenchReport(
  directory: string,
  summaries: readonly TaskBenchSummary[],
  generatedBy: string,
): Promise<string[]> {
  const written: string[] = [];
  const sections = [];
  for (const summary of summaries) {
    written.push(...(await writeSummaryFiles(directory, summary)));
    const cumulativeSvg = await renderSvg(cumulativeCostSpec(summary));
    const zeroEditSvg = await renderSvg(zeroEditSpec(summary));
    const cumulativePath = join(directory, `${summary.task}-cumulative-cost.svg`);
    const zeroEditPath = join(directory, `${summary.task}-zero-edit-rate.svg`);
    await writeFile(cumulativePath, cumulativeSvg);
    await writeFile(zeroEditPath, zeroEditSvg);
    written.push(cumulativePath, zeroEditPath);
    sections.push({ summary, cumulativeSvg, zeroEditSvg });
  }
  const reportPath = join(directory, 'report.html');
  await writeFile(reportPath, renderReportHtml(sections, generatedBy));
  written.push(reportPath);
  return written;
}
