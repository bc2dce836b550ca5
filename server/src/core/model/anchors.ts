import GithubSlugger from 'github-slugger';
import { flatten } from './parse';
import type { CheckedModel } from './types';

/** A document's anchors as GitHub makes them: one per heading (`## Team IaaS` -> `team-iaas`, repeats `-1`, `-2`). */
export interface Anchors {
  slugs: Set<string>;
  /** The heading slugs in document order, for suggesting the one a link meant. */
  headings: string[];
}

/**
 * The anchors of a model that has all its headings (a whole model, or an outline), computed once
 * per model: a repository's files are outlined once until they change (see MinutesWorkspace.outline).
 */
export function anchorsOf(model: CheckedModel): Anchors {
  let anchors = cache.get(model);
  if (!anchors) {
    const slugger = new GithubSlugger();
    const headings = flatten(model.sections).map((s) => slugger.slug(s.title));
    // Explicit HTML anchors (`<a name="x">`, `id="x"`) are targets on GitHub too.
    const explicit = [...model.text.matchAll(HTML_ANCHOR)].map((m) => m[1]);
    anchors = { slugs: new Set([...headings, ...explicit].map((a) => a.toLowerCase())), headings };
    cache.set(model, anchors);
  }
  return anchors;
}

const cache = new WeakMap<CheckedModel, Anchors>();
const HTML_ANCHOR = /<[a-z][^>]*?\s(?:name|id)\s*=\s*["']?([^"'\s>]+)/giu;

/**
 * Whether a `#fragment` names a place of the document: a heading or HTML anchor, or one GitHub has in
 * every document (`#top`, line anchors `#L10-L20` of a file view). GitHub prefixes its anchors with
 * `user-content-` and links may be written with it, and finds them whatever their case
 * (`#Team-IaaS` goes to `## Team IaaS`), so case is no mistake.
 */
export function hasAnchor(anchors: Anchors, fragment: string): boolean {
  const name = fragment.replace(/^user-content-/u, '');
  return name === '' || name === 'top' || LINE_ANCHOR.test(name) || anchors.slugs.has(name.toLowerCase());
}

const LINE_ANCHOR = /^L\d+(?:C\d+)?(?:-L\d+(?:C\d+)?)?$/u;

/** The headings a fragment can only have meant: those whose slug differs from it in punctuation (and case) alone. */
export function meantHeadings(anchors: Anchors, fragment: string): string[] {
  const bare = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const wanted = bare(fragment.replace(/^user-content-/u, ''));
  return wanted === '' ? [] : [...new Set(anchors.headings.filter((h) => bare(h) === wanted))];
}
