import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker, workerData, parentPort } from 'node:worker_threads';
import { configFileOf, type CalendarDate, type ConfigFile } from '../../server/src/core';
import type { CheckedFile } from './cache';
import { checkFiles } from './lintFiles';

/**
 * Fewer files than this a thread are checked in one: starting a thread and reading the repository's
 * index and roll-ups there costs about what checking this many files does.
 */
export const MIN_FILES_PER_THREAD = 150;

/** What a thread is given: everything as text or plain data, so that it checks exactly what the main thread would. */
interface ThreadInput {
  paths: string[];
  root: string;
  configPath: string;
  configText: string | undefined;
  day: CalendarDate;
  track: boolean;
}

/** What a thread gives back: its results in order, and what it would have written on stderr. */
type ThreadOutput = { results: Array<CheckedFile | null>; reports: string[] } | { error: string };

/**
 * The number of threads for `count` files: `threads` if asked for, else one per core but one, and
 * per MIN_FILES_PER_THREAD files. One core is left to V8's own threads: beside a checking thread,
 * its garbage collector and compilers keep about half a core busy (a check of the SCS repository in
 * one thread takes 1.5 s and 2.1 s of CPU), so on 2 cores a second checking thread made it slower.
 */
export function threadCount(count: number, threads?: number): number {
  const wanted = threads ?? Math.min(availableParallelism() - 1, Math.floor(count / MIN_FILES_PER_THREAD));
  return Math.max(1, Math.min(wanted, count));
}

/**
 * Checks files as checkFiles does, spread over worker threads (`node:worker_threads`) in consecutive
 * runs of files (a series' files mostly together, as they read each other), the results merged in
 * the order of `paths`: the same results as one thread gives. Each thread reads the repository
 * itself; this one checks the first run.
 */
export async function checkFilesInThreads(paths: string[], root: string, config: ConfigFile, day: CalendarDate, threads: number, track = false): Promise<Array<CheckedFile | null>> {
  if (threads <= 1) return checkFiles(paths, root, config.config, day, undefined, track);
  const [first, ...others] = consecutiveRuns(paths, threads);
  const started = others.map((run) => inThread({ paths: run, root, configPath: config.path, configText: config.text, day, track }));
  // This thread takes the first run meanwhile: one thread fewer to start, and to read the repository in.
  const reports: string[] = [];
  const own = { results: checkFiles(first, root, config.config, day, (line) => reports.push(line), track).map(transferable), reports };
  const outputs = [own, ...(await Promise.all(started))];
  for (const output of outputs) for (const line of output.reports) process.stderr.write(line);
  return outputs.flatMap((output) => output.results);
}

/**
 * `paths` cut into `count` consecutive runs of about the same number of bytes: checking a file costs
 * about its size (a roll-up is parsed whole, and is many times larger than team minutes).
 */
export function consecutiveRuns(paths: string[], count: number): string[][] {
  const sizes = paths.map((path) => {
    try {
      return statSync(path).size + 1_000;
    } catch {
      return 1_000;
    }
  });
  const share = sizes.reduce((a, b) => a + b, 0) / count;
  const runs: string[][] = [[]];
  let filled = 0;
  paths.forEach((path, i) => {
    if (filled >= share * runs.length && runs.length < count) runs.push([]);
    runs.at(-1)!.push(path);
    filled += sizes[i];
  });
  return runs;
}

function inThread(input: ThreadInput): Promise<{ results: Array<CheckedFile | null>; reports: string[] }> {
  return new Promise((resolve, reject) => {
    // The bundle starts itself again as the thread (see runCheckThread).
    const worker = new Worker(__filename, { workerData: { minutesLintThread: input } });
    let output: ThreadOutput | undefined;
    worker.once('message', (message: ThreadOutput) => (output = message));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (output && 'results' in output) resolve(output);
      else reject(new Error(output && 'error' in output ? output.error : `a checking thread stopped (exit code ${code})`));
    });
  });
}

/** In a thread started by checkFilesInThreads: checks its files and posts the results. True if this is one. */
export function runCheckThread(): boolean {
  const input = (workerData as { minutesLintThread?: ThreadInput } | null)?.minutesLintThread;
  if (!input || !parentPort) return false;
  const reports: string[] = [];
  try {
    const config = configFileOf(input.configPath, input.configText).config;
    const results = checkFiles(input.paths, input.root, config, input.day, (line) => reports.push(line), input.track).map(transferable);
    parentPort.postMessage({ results, reports } satisfies ThreadOutput);
  } catch (error) {
    parentPort.postMessage({ error: (error as Error).message } satisfies ThreadOutput);
  }
  return true;
}

/** What a thread's result carries on: not each file's text and bytes, which only --fix (in the main thread) needs. */
function transferable(checked: CheckedFile | null): CheckedFile | null {
  return checked && { file: checked.file, findings: checked.findings, read: checked.read };
}
