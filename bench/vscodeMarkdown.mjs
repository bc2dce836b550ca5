// VS Code's own Markdown language service (vscode-markdown-languageservice with markdown-it, as the
// built-in Markdown extension runs it) on the same texts: the baseline for typing and document symbols.
import MarkdownIt from 'markdown-it';
import { createLanguageService, githubSlugifier, LogLevel } from 'vscode-markdown-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { percentile } from './stats.mjs';

const NONE = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };
const noEvent = () => ({ dispose() {} });

/** An LSP-style event with a way to fire it. */
function emitter() {
  const listeners = new Set();
  const event = (listener, thisArg) => {
    const bound = thisArg ? listener.bind(thisArg) : listener;
    listeners.add(bound);
    return { dispose: () => listeners.delete(bound) };
  };
  return { event, fire: (value) => listeners.forEach((listener) => listener(value)) };
}
// What the built-in extension checks while one types (its defaults: links to files and headers).
const DIAGNOSTICS = {
  validateReferences: 'warning',
  validateFragmentLinks: 'warning',
  validateFileLinks: 'warning',
  validateMarkdownFileLinkFragments: 'warning',
  validateUnusedLinkDefinitions: 'hint',
  validateDuplicateLinkDefinitions: 'warning',
  ignoreLinks: [],
};

/** A language service over one in-memory document, as the built-in extension holds an open editor's text. */
function serviceFor(document, changed) {
  const md = new MarkdownIt({ html: true });
  const parser = { slugifier: githubSlugifier, tokenize: async (doc) => md.parse(doc.getText(), {}) };
  const folder = URI.parse('file:///bench');
  const workspace = {
    workspaceFolders: [folder],
    onDidChangeMarkdownDocument: changed.event,
    onDidCreateMarkdownDocument: noEvent,
    onDidDeleteMarkdownDocument: noEvent,
    getAllMarkdownDocuments: async () => [document.current],
    hasMarkdownDocument: (uri) => uri.toString() === document.current.uri,
    openMarkdownDocument: async (uri) => (uri.toString() === document.current.uri ? document.current : undefined),
    stat: async () => undefined,
    readDirectory: async () => [],
  };
  const logger = { level: LogLevel.Off, log() {} };
  return createLanguageService({ workspace, parser, logger });
}

/**
 * Per keystroke on `text` (an `x` typed and deleted, alternately, on the lines `editAt` picks): the
 * time of what the built-in extension recomputes for a changed document (symbols for the outline and
 * breadcrumbs, folding, diagnostics), and of document symbols alone.
 */
export async function vscodeMarkdownTyping(text, edits, editAt) {
  const holder = { current: TextDocument.create('file:///bench/community-call/bench.md', 'markdown', 1, text) };
  // The built-in extension tells its service of every change (its caches are per document, not per version).
  const changed = emitter();
  const service = serviceFor(holder, changed);
  const keystroke = [];
  const symbols = [];
  const lines = text.split('\n');
  for (let i = 0; i < edits; i++) {
    const line = editAt(lines.length, i);
    const character = lines[line].length;
    const change = i % 2 === 0 ? { range: { start: { line, character }, end: { line, character } }, text: 'x' } : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' };
    holder.current = TextDocument.update(holder.current, [change], holder.current.version + 1);
    changed.fire(holder.current);
    const start = performance.now();
    await service.getDocumentSymbols(holder.current, {}, NONE);
    symbols.push(performance.now() - start);
    await service.getFoldingRanges(holder.current, NONE);
    await service.computeDiagnostics(holder.current, DIAGNOSTICS, NONE);
    keystroke.push(performance.now() - start);
  }
  service.dispose();
  return { keystroke: { p50: percentile(keystroke, 50), p95: percentile(keystroke, 95) }, symbols: { p50: percentile(symbols, 50), p95: percentile(symbols, 95) } };
}
