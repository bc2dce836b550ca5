/** Which series (minutes folder) an event of a calendar belongs to. */
import type { CalendarEvent } from './types';

export interface NamedEvent {
  /** The event's summary, as the calendar writes it. */
  event: string;
  /** The series' folder. */
  folder: string;
}

/**
 * The folder the config names for the event, else the folder its description links: a `tree`
 * (or `blob`) URL of the repository `linkBase` points into, a URL under `linkBase` itself, or a
 * relative folder after `Minutes:`. Undefined when it links no minutes of this repository.
 */
export function seriesOfEvent(event: CalendarEvent, linkBase: string, named: readonly NamedEvent[] = []): string | undefined {
  const summary = event.summary.trim().toLowerCase();
  const byName = named.find((n) => n.event.trim().toLowerCase() === summary);
  if (byName) return cleanFolder(byName.folder);
  const repository = /^(https?:\/\/[^/]+\/[^/]+\/[^/]+)\/(?:-\/)?(?:blob|tree)\/[^/]+\//iu.exec(linkBase)?.[1];
  for (const raw of event.description.match(/https?:\/\/[^\s<>"')\]]+/giu) ?? []) {
    const url = raw.replace(/[.,;:]+$/u, '');
    let rest: string | undefined;
    if (repository && url.toLowerCase().startsWith(`${repository.toLowerCase()}/`)) rest = /^(?:-\/)?(?:tree|blob)\/[^/]+\/(.+)$/u.exec(url.slice(repository.length + 1))?.[1];
    else if (linkBase && url.toLowerCase().startsWith(linkBase.toLowerCase())) rest = url.slice(linkBase.length);
    const folder = rest && !/\.md$/iu.test(rest) ? cleanFolder(safeDecode(rest)) : undefined;
    if (folder) return folder;
  }
  const relative = /^\s*Minutes:\s*(\S+)\s*$/imu.exec(event.description)?.[1];
  return relative && !/^[a-z][a-z+.-]*:/iu.test(relative) ? cleanFolder(relative) : undefined;
}

/** `./container/` -> `container`; nothing for a folder outside the repository. */
function cleanFolder(folder: string): string | undefined {
  const clean = folder.replace(/[?#].*$/u, '').replace(/^\.\//u, '').replace(/\/+$/u, '');
  if (!clean || clean.startsWith('/') || clean.split('/').some((part) => part === '..' || part === '.')) return undefined;
  return clean;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
