import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { planImport, splitBom, withLinks, type CalendarDate, type MinutesConfig, type PlannedMeeting } from '../../server/src/core';
import { unifiedDiff } from './unifiedDiff';
import { RepositoryBoundary } from '../../server/src/node/boundary';
import { fileWorkspace, isUtf8 } from '../../server/src/node/fileWorkspace';
import { createFile, reason } from '../../server/src/node/safeWrite';
import { fetchPad, isPadUrl, MAX_PAD_BYTES } from './fetchPad';
import { formatText, type FileFindings } from './format';
import { lintFiles } from './lintFiles';
import { ImageSaver } from './saveImages';
import { InputError } from './usageError';

export interface ImportOptions {
  /** A local file, `-` for standard input, or a pad's URL. */
  source: string;
  /** The series folder (relative to the working directory, as PATHs are). */
  series: string;
  root: string;
  config: MinutesConfig;
  today: CalendarDate;
  dryRun: boolean;
}

/**
 * --import: the pad's meetings that the series lacks become its files (never over one that
 * exists); one line per meeting says what happened, with a diff for a meeting whose file differs.
 */
export async function importPad(options: ImportOptions): Promise<number> {
  const { root, config } = options;
  const folder = resolve(options.series);
  const series = relative(root, folder).split(sep).join('/');
  if (!isFolder(folder) || !new RepositoryBoundary(root).contains(folder) || !series || series.startsWith('..')) {
    throw new InputError(`--series ${options.series}: not a folder inside the repository ${root}`);
  }
  const pad = await readPad(options.source);
  const { meetings: plan, notRead } = planImport(pad, series, fileWorkspace(root, config), config, options.today, unifiedDiff);
  const name = options.source === '-' ? 'standard input' : options.source;
  if (notRead) throw new InputError(`${name}: not read whole (${notRead}); import it in parts`);
  if (!plan.length) throw new InputError(`${name}: no meeting found (no dated headings)`);
  const boundary = new RepositoryBoundary(root);
  const images = new ImageSaver(root, boundary, options.dryRun);
  const out: string[] = [];
  const created: string[] = [];
  let failed = 0;
  for (const meeting of plan) {
    // The uploads first: the file then links those saved, and the pad's host for the others.
    const saved = meeting.status === 'new' ? await images.save(meeting.images) : undefined;
    const problem = saved && !options.dryRun ? createFile(join(root, meeting.path), withLinks(meeting.text, saved.links), boundary) : undefined;
    if (problem) failed++;
    else if (saved && !options.dryRun) created.push(join(root, meeting.path));
    out.push(line(meeting, options.dryRun, problem));
    if (meeting.diff) out.push(meeting.diff.trimEnd());
    out.push(...(saved?.lines ?? []));
    if (meeting.status === 'identical') for (const image of meeting.remoteImages) out.push(`  image still on the pad's host: ${image} (--download-images brings it)`);
  }
  // The new files as lint sees them, so that what the pad got wrong is fixed before committing.
  const findings = created.length ? lintFiles(created, root, config, false, options.today).filter((r): r is FileFindings => !!r && r.findings.length > 0) : [];
  if (findings.length) out.push('', 'findings in the created files:', formatText(findings).trimEnd());
  process.stdout.write(`${out.join('\n')}\n`);
  return failed ? 2 : 0;
}

function line(meeting: PlannedMeeting, dryRun: boolean, problem: string | undefined): string {
  const what = `${meeting.path}  (${meeting.title})`;
  if (problem) return `not created  ${what}: ${problem}`;
  switch (meeting.status) {
    case 'new':
      return `${dryRun ? 'would create' : 'created'}  ${what}`;
    case 'identical':
      return `unchanged  ${what}`;
    case 'differs':
      return `differs  ${what}: not written, see the diff below`;
    case 'duplicate':
      return `skipped  ${what}: the pad has this date twice; only the first is imported`;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The pad's Markdown from a file, standard input or the pad's server; a one-line error for anything else. */
async function readPad(source: string): Promise<string> {
  const bytes = isPadUrl(source) ? await fetchPad(source) : readLocal(source);
  if (bytes.length > MAX_PAD_BYTES) throw new InputError(`--import ${source}: larger than ${MAX_PAD_BYTES / 1024 / 1024} MB, not a pad`);
  if (!isUtf8(bytes)) throw new InputError(`--import ${source}: not UTF-8 text`);
  return splitBom(bytes.toString('utf8')).text;
}

function readLocal(source: string): Buffer {
  try {
    if (source !== '-' && !statSync(source).isFile()) throw new InputError(`--import ${source}: not a file`);
    return readFileSync(source === '-' ? 0 : source);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`--import ${source}: cannot be read (${reason(error)})`);
  }
}
