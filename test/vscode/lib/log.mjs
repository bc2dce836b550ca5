// Progress lines, stamped with the seconds since the runner started.
export function log(msg) {
  console.log(`[vscode-test +${process.uptime().toFixed(1)}s] ${msg}`);
}
