// Runs minutes-lint on the bundled example repository. Findings are expected there (it has
// deliberate mistakes), so exit code 1 is success here; a usage error (2) or a crash is not.
import { spawnSync } from 'node:child_process';

const result = spawnSync(process.execPath, ['dist/cli.js', '--root', 'examples/minutes'], { stdio: 'inherit' });
if (result.status !== 0 && result.status !== 1) process.exit(result.status ?? 1);
console.log('\nThe extension is packaged as minutes-%s.vsix.', process.env.npm_package_version);
