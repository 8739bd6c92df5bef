/**
 * An undo that outlives a short outage (ADR 0020). A use case that wrote, then failed to audit (or to finish), takes
 * its write back with a compensating write; when the store that just failed the request fails that write too, the
 * request would be left half-written. So the undo runs again, after 250 ms and then 500 ms, on top of the SDK's own
 * retries: about two seconds in all, well inside a route's 10 s. Every undo this is given must be safe to run again
 * (each is conditional on what the request wrote). If every attempt fails, the last error is thrown: the crash window
 * each use case documents.
 *
 * @example
 * await undoPersistently(() => deps.profiles.undoPut(caller.userId, written, previous));
 */
export const undoPersistently = async (undo: () => Promise<unknown>, attempts = 3, pauseMs = 250): Promise<void> => {
  for (let attempt = 1; ; attempt++) {
    try {
      await undo();
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs * 2 ** (attempt - 1)));
    }
  }
};
