import type { MinutesConfig } from '../config/types';
import { readLinksInSteps, type DocumentLink } from '../model/links';
import { finish } from '../model/steps';
import { resolveLinkTarget } from '../model/minutesLine';
import type { CheckedModel } from '../model/types';
import type { MinutesWorkspace } from './workspace';

/** A link of a document to a Markdown file of its repository, or to a place in the document itself. */
export interface FileLink {
  link: DocumentLink;
  /** The linked file relative to the repository root; undefined for `#anchor` (the document itself). */
  path?: string;
  /** The `#fragment`, decoded, if any. */
  fragment?: string;
  /** Where the path and the fragment (after `#`) are written, as document offsets; only for a verbatim link. */
  pathSpan?: { start: number; end: number };
  fragmentSpan?: { start: number; end: number };
  /** How the link writes a path: relative to the document, from the repository root (`/x.md`), or as a URL. */
  form: 'relative' | 'root' | 'url';
}

/**
 * The links of a document that this repository can answer for: relative links and links under the
 * configured link base naming a `.md` file, and `#anchors`. Links to other repositories and sites
 * are not followed; links in a roll-up's minutes lines are the minutes-link rules'.
 */
export function fileLinks(model: CheckedModel, config: MinutesConfig, workspace: MinutesWorkspace | undefined): FileLink[] {
  return finish(fileLinksInSteps(model, config, workspace));
}

/** `fileLinks` in steps (see readLinksInSteps): run to its end before a check, it spares the check that reading. */
export function* fileLinksInSteps(model: CheckedModel, config: MinutesConfig, workspace: MinutesWorkspace | undefined): Generator<void, FileLink[]> {
  const key = workspace ?? NO_WORKSPACE;
  const known = cache.get(model);
  if (known?.key === key) return known.links;
  const documentPath = workspace?.relativePath(model.uri);
  const minutesLines = (model.updates?.entries ?? []).flatMap((e) => (e.minutesLine ? [e.minutesLine.range] : [])).map((r) => [model.lines.offsetAt(r.start), model.lines.offsetAt(r.end)]);
  const links: FileLink[] = [];
  // What was not read whole (see MinutesModel.readTo) is not checked.
  const text = model.readTo === undefined ? model.text : model.text.slice(0, model.readTo);
  for (const link of yield* readLinksInSteps(text, repositoryUrls(config.linkBase))) {
    if (minutesLines.some(([start, end]) => link.start >= start && link.start < end)) continue;
    const resolved = resolve(link, config, documentPath);
    if (resolved) links.push(resolved);
  }
  cache.set(model, { key, links });
  return links;
}

const NO_WORKSPACE = {};

/** How links into the repository start: `https://github.com/org/repo/` for a GitHub link base (any view, any branch). */
function repositoryUrls(linkBase: string): string[] {
  const github = /^(.*\/)(?:blob|tree)\/[^/]+\/$/u.exec(linkBase);
  return [(github ? github[1] : linkBase).toLowerCase()];
}
const cache = new WeakMap<CheckedModel, { key: object; links: FileLink[] }>();

function resolve(link: DocumentLink, config: MinutesConfig, documentPath: string | undefined): FileLink | undefined {
  const { url } = link;
  const hash = url.indexOf('#');
  const fragment = hash < 0 ? undefined : decoded(url.slice(hash + 1));
  if (fragment === undefined && hash >= 0) return undefined;
  const spans = (pathStart: number, pathEnd: number) =>
    link.verbatim ? { pathSpan: { start: link.start + pathStart, end: link.start + pathEnd }, fragmentSpan: hash < 0 ? undefined : { start: link.start + hash + 1, end: link.end } } : {};
  const queryOrHash = url.search(/[?#]/u);
  const pathEnd = queryOrHash < 0 ? url.length : queryOrHash;
  if (/^[a-z][a-z\d+.-]*:|^\/\//iu.test(url)) {
    const target = resolveLinkTarget(url, config);
    if (!target?.fileName || target.missingExtension || !/\.md$/iu.test(target.path)) return undefined;
    // A permalink (`blob/8e1aa24.../x.md`) names the file as it was at that commit, whatever became of it.
    if (/\/(?:blob|tree|raw|edit)\/[\da-f]{7,40}\//iu.test(url)) return undefined;
    const base = /^.*?\/(?:blob|tree|raw|edit)\/[^/]+\//u.exec(url)?.[0] ?? config.linkBase;
    return { link, path: target.path, fragment, form: 'url', ...(url.startsWith(base) ? spans(base.length, pathEnd) : {}) };
  }
  if (pathEnd === 0) return fragment ? { link, fragment, form: 'relative', ...spans(0, 0) } : undefined;
  const written = decoded(url.slice(0, pathEnd));
  if (written === undefined || !/\.md$/iu.test(written) || documentPath === undefined) return undefined;
  const root = written.startsWith('/');
  const segments = root ? [] : documentPath.split('/').slice(0, -1);
  for (const segment of written.split('/')) {
    if (segment === '' || segment === '.') continue;
    // A link above the repository's root names something this repository cannot answer for.
    if (segment === '..' && !segments.pop()) return undefined;
    if (segment !== '..') segments.push(segment);
  }
  return { link, path: segments.join('/'), fragment, form: root ? 'root' : 'relative', ...spans(0, pathEnd) };
}

function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** How a link of `form` in the document at `from` writes the path of the file at `to`. */
export function writtenPath(form: FileLink['form'], from: string, to: string): string {
  const encode = (path: string) => path.replace(/[ %()<>]/gu, (c) => encodeURIComponent(c));
  if (form === 'url') return encode(to);
  if (form === 'root') return `/${encode(to)}`;
  const fromParts = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common]) common++;
  return encode([...fromParts.slice(common).map(() => '..'), ...toParts.slice(common)].join('/'));
}
