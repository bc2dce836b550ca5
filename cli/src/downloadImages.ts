import { relative, sep } from 'node:path';
import { isIgnored, uploadTargets, withLinks, type MinutesConfig } from '../../server/src/core';
import { RepositoryBoundary } from '../../server/src/node/boundary';
import { readMinutesFile } from '../../server/src/node/fileWorkspace';
import { replaceFileIfUnchanged } from '../../server/src/node/safeWrite';
import { ImageSaver } from './saveImages';

const BOM = '\uFEFF';

/**
 * --download-images: the pad-hosted uploads that existing minutes still link are brought into the
 * repository as an import brings them (next to the file, or into `assetsFolder`), and the links
 * made relative; every other byte of the file stays. Prints per file what was saved and what
 * not; exit 0, 2 when a file could not be written back.
 */
export async function downloadImages(files: string[], root: string, config: MinutesConfig, dryRun: boolean): Promise<number> {
  const boundary = new RepositoryBoundary(root);
  const saver = new ImageSaver(root, boundary, dryRun);
  const out: string[] = [];
  let [saved, failed, updated, notWritten] = [0, 0, 0, 0];
  for (const path of files) {
    const file = relative(root, path).split(sep).join('/');
    if (isIgnored(config, file)) continue;
    const read = readMinutesFile(path, (p, why) => process.stderr.write(`${p}: ${why}\n`));
    const targets = read ? uploadTargets(read.text, file, config.assetsFolder) : [];
    if (!read || !targets.length) continue;
    const result = await saver.save(targets);
    [saved, failed] = [saved + result.saved, failed + result.failed];
    const next = withLinks(read.text, result.links);
    const problem = next === read.text ? undefined : replaceFileIfUnchanged(path, read.bytes, Buffer.from((read.bom ? BOM : '') + next, 'utf8'), boundary);
    if (problem) notWritten++;
    else if (next !== read.text) updated++;
    out.push(fileLine(file, targets.length, result.links.size, dryRun, problem), ...result.lines);
  }
  out.push(out.length ? summary(dryRun, { saved, failed, updated, notWritten }) : `no pad-hosted images in ${files.length} file${files.length === 1 ? '' : 's'}`);
  process.stdout.write(`${out.join('\n')}\n`);
  return notWritten ? 2 : 0;
}

function fileLine(file: string, uploads: number, linked: number, dryRun: boolean, problem: string | undefined): string {
  const images = `${uploads} pad-hosted image${uploads === 1 ? '' : 's'}`;
  if (dryRun) return `${file}: ${images}`;
  if (problem) return `${file}: not updated (${problem})`;
  return linked ? `${file}: ${linked} of ${images} now linked from the repository` : `${file}: ${images}, none saved`;
}

function summary(dryRun: boolean, n: { saved: number; failed: number; updated: number; notWritten: number }): string {
  if (dryRun) return 'nothing downloaded (--dry-run)';
  const parts = [`${n.saved} image${n.saved === 1 ? '' : 's'} downloaded`, `${n.updated} file${n.updated === 1 ? '' : 's'} updated`];
  if (n.failed) parts.push(`${n.failed} not saved (links left as they were)`);
  if (n.notWritten) parts.push(`${n.notWritten} file${n.notWritten === 1 ? '' : 's'} not written`);
  return parts.join(', ');
}
