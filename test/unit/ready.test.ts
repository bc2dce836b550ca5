import * as assert from 'node:assert/strict';
import { mock } from 'node:test';
import { CancellationTokenSource } from 'vscode-languageserver';
import { Readiness } from '../../server/src/lsp/ready';

/** Whether the promise has settled once everything already queued has run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('the server waits for the repository\'s first load', () => {
  afterEach(() => mock.timers.reset());

  it('however long it takes: a request is not let through by a clock, only by the load', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    const ready = new Readiness();
    const waiting = ready.wait();
    // A busy machine: a minute passes before the load is done.
    mock.timers.tick(60_000);
    assert.equal(await settled(waiting), false, 'answered before the repository was loaded');
    ready.markDone();
    assert.equal(await settled(waiting), true);
    assert.equal(await settled(ready.wait()), true, 'later requests do not wait');
  });

  it('stops waiting for a request the client cancels, and only for that one', async () => {
    const ready = new Readiness();
    const cancelled = new CancellationTokenSource();
    const other = new CancellationTokenSource();
    const waiting = ready.wait(cancelled.token);
    const otherWaiting = ready.wait(other.token);
    assert.equal(await settled(waiting), false);
    cancelled.cancel();
    assert.equal(await settled(waiting), true);
    assert.equal(await settled(otherWaiting), false);
    ready.markDone();
    assert.equal(await settled(otherWaiting), true);
  });
});
