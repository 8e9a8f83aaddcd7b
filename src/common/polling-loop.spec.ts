// PollingLoop: a pass that throws (the database is failing over) neither ends the loop nor escapes from stop().
import { PollingLoop } from './polling-loop';

describe('PollingLoop', () => {
  it('keeps polling after passes that throw, and stops cleanly', async () => {
    // given a pass that always fails
    let passes = 0;
    const loop = new PollingLoop(5, async () => {
      passes++;
      throw new Error('Connection terminated unexpectedly');
    });
    // when
    loop.start();
    for (const deadline = Date.now() + 5_000; passes < 3 && Date.now() < deadline; ) await new Promise((done) => setTimeout(done, 20));
    // then
    expect(passes).toBeGreaterThanOrEqual(3);
    await expect(loop.stop()).resolves.toBeUndefined();
  });
});
