import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface DrainResult {
  /** Requests still unanswered when the timeout ended the wait (their connections were cut). */
  readonly unfinished: number;
}

export interface RequestDrain {
  /**
   * Stops taking connections and waits, at most `timeoutMs`, until every request received has
   * been answered and every connection is closed; past the timeout, the connections left are
   * cut. Idle keep-alive connections are closed at once, and each busy one once its request is
   * answered (responses from now on say `Connection: close`).
   */
  close(timeoutMs: number): Promise<DrainResult>;
}

/**
 * Tracks a server's requests from their arrival until the app has answered them, for a graceful
 * close. `server.close()` alone is not enough: its callback waits for connections, not requests.
 * A keep-alive client that keeps sending holds it open for ever, an idle one until its
 * keep-alive timeout, and a client that hangs up mid-request closes its connection while the
 * handler still runs (and may still read or write the database that is closed next).
 *
 * A request is in flight until `res.end()` is called, whether or not its client is still there:
 * Node emits nothing when an answer is ended on a closed connection, so `end` is wrapped. Only the
 * requests for which `answersAlways` holds are awaited after their client left (the app answers
 * them all, even then); the others (static files, whose stream stops with its client) are done
 * when their connection closes.
 */
export function trackRequests(
  server: Server,
  answersAlways: (req: IncomingMessage) => boolean,
): RequestDrain {
  const unanswered = new Set<ServerResponse>();
  let isDraining = false;
  let changed = (): void => undefined;

  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    if (isDraining) res.setHeader('Connection', 'close');
    const answered = () => {
      if (unanswered.delete(res)) changed();
    };
    unanswered.add(res);
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.end = ((...args: unknown[]) => {
      answered();
      return end(...args);
    }) as ServerResponse['end'];
    res.once('close', () => {
      if (res.writableEnded || !answersAlways(req)) answered();
      // Its connection may now be idle (a response begun before the drain kept it alive).
      if (isDraining) server.closeIdleConnections();
    });
  });

  return {
    close: async (timeoutMs) => {
      isDraining = true;
      for (const res of unanswered) if (!res.headersSent) res.setHeader('Connection', 'close');
      // Closes the idle connections too.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const drained = (async () => {
        await closed;
        // No connection is left, so no request can arrive: wait for those whose client left.
        while (unanswered.size > 0) await new Promise<void>((resolve) => (changed = resolve));
      })();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const outcome = await Promise.race([drained, timedOut]);
      clearTimeout(timer);
      if (outcome !== 'timeout') return { unfinished: 0 };
      const unfinished = unanswered.size;
      server.closeAllConnections();
      await closed;
      return { unfinished };
    },
  };
}
