/** Writes a run's reports into one folder: results.json, summary.md, junit.xml, report.html. */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SuiteResult } from '../runner.js';
import { renderHtml } from './html.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';

/** Write all reports; returns the file paths. Appends summary.md to `stepSummary` (GitHub) when given. */
export function writeReports(result: SuiteResult, outDir: string, stepSummary?: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const files: Array<[string, string]> = [
    ['results.json', JSON.stringify(result, null, 2) + '\n'],
    ['summary.md', renderMarkdown(result)],
    ['junit.xml', renderJunit(result)],
    ['report.html', renderHtml(result)],
  ];
  const written: string[] = [];
  for (const [name, text] of files) {
    const file = path.join(outDir, name);
    writeFileSync(file, text);
    written.push(file);
  }
  if (stepSummary) appendFileSync(stepSummary, files[1]![1] + '\n');
  return written;
}
