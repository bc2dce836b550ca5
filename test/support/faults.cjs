// Fault injection for the CLI's writes, loaded with `node --require`. MINUTES_FAULT says which:
// - `edit-after-read`: the first time a file below MINUTES_FAULT_ROOT is read, a user's edit is
//   appended to it on disk (an edit made while the run goes on);
// - `create-after-read`: at that moment, the file MINUTES_FAULT_FILE is created (another program
//   writing a file the run did not see when it listed the repository);
// - `kill-on-write`: the process is killed (SIGKILL) at its first write into a file below the root;
// - `enospc-on-write`: that write puts half its bytes and then fails with ENOSPC (a full disk);
// - `eacces-on-open`: opening a file below the root for writing fails with EACCES.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const fault = process.env.MINUTES_FAULT;
const root = process.env.MINUTES_FAULT_ROOT && fs.realpathSync(process.env.MINUTES_FAULT_ROOT);
const below = (p) => typeof p === 'string' && root && path.resolve(p).startsWith(root + path.sep);
const writing = new Set();
let edited = false;

const { openSync, readFileSync, writeSync, appendFileSync } = fs;

fs.readFileSync = function (file, ...rest) {
  const result = readFileSync.call(this, file, ...rest);
  if ((fault === 'edit-after-read' || fault === 'create-after-read') && !edited && below(file) && String(file).endsWith('.md')) {
    edited = true;
    if (fault === 'edit-after-read') appendFileSync(file, '\nA line the user typed meanwhile.\n');
    else fs.writeFileSync(process.env.MINUTES_FAULT_FILE, 'written meanwhile\n');
  }
  return result;
};

fs.openSync = function (file, flags, ...rest) {
  const forWriting = typeof flags === 'string' ? /[wa+]/u.test(flags) : typeof flags === 'number' && (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0;
  if (forWriting && below(file)) {
    if (fault === 'eacces-on-open') throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES', errno: -13, syscall: 'open' });
    const fd = openSync.call(this, file, flags, ...rest);
    writing.add(fd);
    return fd;
  }
  return openSync.call(this, file, flags, ...rest);
};

fs.writeSync = function (fd, buffer, ...rest) {
  if (writing.has(fd)) {
    if (fault === 'kill-on-write') process.kill(process.pid, 'SIGKILL');
    if (fault === 'enospc-on-write') {
      const bytes = typeof buffer === 'string' ? Buffer.from(buffer) : buffer;
      writeSync.call(this, fd, bytes, 0, Math.floor(bytes.length / 2));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    }
  }
  return writeSync.call(this, fd, buffer, ...rest);
};
