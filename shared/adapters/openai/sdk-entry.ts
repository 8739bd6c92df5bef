/**
 * What the workers use of the `openai` package, as one module: built into a file of its own beside a worker's
 * bundle (`OPENAI_SDK_FILE`, ADR 0024) and loaded by `loadOpenAiSdk` (sdk.ts) on the first model call.
 */
export { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, OpenAI } from 'openai';
