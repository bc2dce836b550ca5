// Running the built CLI (dist/cli.js) from tests.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const CLI = resolve(__dirname, '../../dist/cli.js');
const FAULTS = resolve(__dirname, 'faults.cjs');

/** The CLI run without blocking this process, which may be serving what the CLI fetches (see loopback.ts). */
export function runCliAsync(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // A fault to inject (MINUTES_FAULT, see faults.cjs) loads the injector first.
  const nodeArgs = env.MINUTES_FAULT ? ['--require', FAULTS] : [];
  return new Promise((done) => {
    const child = spawn(process.execPath, [...nodeArgs, CLI, ...args], { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** A one-pixel PNG, as a pad serves an upload. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
