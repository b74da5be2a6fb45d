/**
 * Runs `task` on unref'd timers (they never keep the process alive): first after `firstDelayMs`,
 * then `intervalMs` after each run ends, so runs never overlap. `task` reports its own failures.
 * The function returned stops it and resolves once a run in progress has ended, so that a
 * shutdown closes the database only after it.
 */
export function runPeriodically(
  task: () => Promise<void>,
  intervalMs: number,
  firstDelayMs = intervalMs,
): () => Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let isStopped = false;
  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      running = task().finally(() => {
        running = undefined;
        if (!isStopped) schedule(intervalMs);
      });
    }, delayMs);
    timer.unref();
  };
  schedule(firstDelayMs);
  return async () => {
    isStopped = true;
    clearTimeout(timer);
    await running;
  };
}
