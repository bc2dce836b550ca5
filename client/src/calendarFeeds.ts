import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { feedReader } from '../../server/src/feeds/fetchFeed';
import { FetchCalendarRequest, type FetchCalendarResult } from '../../server/src/protocol';

/** A feed read less than this long ago is not fetched again (the Series view refreshes on every save). */
const CACHE_MS = 10 * 60 * 1000;

/**
 * Answers the server's `minutes/fetchCalendar`: the language server opens no connections, so the
 * extension host fetches the feeds the configuration names, in trusted workspaces only (a cloned
 * repository's `.minutes.json` must not make the editor call out before it is trusted).
 */
export function answerCalendarFeeds(client: LanguageClient): vscode.Disposable {
  const read = feedReader();
  const cache = new Map<string, { at: number; result: Promise<FetchCalendarResult> }>();
  return client.onRequest(FetchCalendarRequest, ({ url }): Promise<FetchCalendarResult> => {
    if (!/^https?:\/\//iu.test(url)) return Promise.resolve({ error: `${url}: not an http(s) URL` });
    if (!vscode.workspace.isTrusted) return Promise.resolve({ error: `${url}: calendar feeds are read in trusted workspaces only` });
    const cached = cache.get(url);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.result;
    const result = read(url).then(
      (text): FetchCalendarResult => ({ text }),
      (error: unknown): FetchCalendarResult => {
        // A failure is not kept: the next refresh tries again.
        cache.delete(url);
        return { error: (error as Error).message };
      },
    );
    cache.set(url, { at: Date.now(), result });
    return result;
  });
}
