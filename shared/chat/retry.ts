/**
 * How long the chat worker holds a message back while the model is unavailable, by delivery: the
 * patient is waiting on a reply, so 15 s, then 60 s, then the last delivery answers with the offline
 * reply (`MODEL_ATTEMPTS` = 3): about 75 s in all, instead of two of the queue's 540 s visibility
 * timeouts (6 × the worker's 90 s, which stays as the bound on a crashed or timed-out invocation).
 *
 * @example
 * chatRetryDelaySeconds(1) // 15
 */
export const chatRetryDelaySeconds = (delivery: number): number => (delivery <= 1 ? 15 : 60);
