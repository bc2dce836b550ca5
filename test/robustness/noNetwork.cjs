// Preloaded with `node --require` by security.test.ts: makes every way a Node program opens a
// network connection, a listening socket or a child process fail loudly, and reports each attempt
// on stderr as a line `MINUTES-BLOCKED <what>`, which the test looks for.
'use strict';
const fs = require('node:fs');

function blocked(what) {
  return function () {
    try {
      fs.writeSync(2, `MINUTES-BLOCKED ${what}\n`);
    } catch {
      // stderr closed: the throw below still stops the attempt
    }
    throw new Error(`blocked by the robustness test: ${what}`);
  };
}

function patch(moduleName, names) {
  const mod = require(moduleName);
  for (const name of names) if (typeof mod[name] === 'function') mod[name] = blocked(`${moduleName}.${name}`);
}

patch('node:http', ['request', 'get', 'createServer']);
patch('node:https', ['request', 'get', 'createServer']);
patch('node:http2', ['connect', 'createServer', 'createSecureServer']);
patch('node:tls', ['connect', 'createServer']);
patch('node:net', ['connect', 'createConnection', 'createServer']);
patch('node:dgram', ['createSocket']);
patch('node:dns', ['lookup', 'resolve', 'resolve4', 'resolve6']);
patch('node:child_process', ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']);
const net = require('node:net');
net.Socket.prototype.connect = blocked('net.Socket.connect');
net.Server.prototype.listen = blocked('net.Server.listen');
globalThis.fetch = blocked('fetch');
globalThis.WebSocket = blocked('WebSocket');
