import type * as vscode from 'vscode';

export interface RecordingChannel extends vscode.LogOutputChannel {
  /** What was written to the channel in this session (the tests read it through the extension's API). */
  text(): string;
}

const WRITES = new Set(['append', 'appendLine', 'trace', 'debug', 'info', 'warn', 'error']);

/** The "Minutes" output channel, remembering the last lines written to it. */
export function recording(channel: vscode.LogOutputChannel): RecordingChannel {
  const lines: string[] = [];
  return new Proxy(channel, {
    get(target, property, receiver) {
      if (property === 'text') return () => lines.join('\n');
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (!WRITES.has(String(property))) return (value as (...args: unknown[]) => unknown).bind(target);
      return (...args: unknown[]) => {
        lines.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
        if (lines.length > 2000) lines.splice(0, lines.length - 2000);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as RecordingChannel;
}
