/** USD per one million tokens. */
export interface ModelPrice {
  readonly inputPerMillion: number;
  readonly outputPerMillion: number;
}

export type PricingTable = Readonly<Record<string, ModelPrice>>;

/**
 * List prices of the models CareBow uses, for the cost metric (not billing). Configuration may add
 * or override entries; a model missing here is reported with cost 0 and `costKnown: false`.
 */
export const DEFAULT_PRICING: PricingTable = {
  'gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 },
};

/** `gpt-4o-mini-2024-07-18` is priced as `gpt-4o-mini`. */
const SNAPSHOT_SUFFIX = /-\d{4}-\d{2}-\d{2}$/;

/** The price of the first of `models` the table knows, as is or without a dated snapshot suffix. */
export const priceOf = (table: PricingTable, ...models: string[]): ModelPrice | undefined => {
  for (const model of models) {
    const price = Object.hasOwn(table, model) ? table[model] : undefined;
    if (price) return price;
  }
  for (const model of models) {
    const base = model.replace(SNAPSHOT_SUFFIX, '');
    const price = base !== model && Object.hasOwn(table, base) ? table[base] : undefined;
    if (price) return price;
  }
  return undefined;
};

/** Cost in USD, rounded to a nano-dollar so sums in metrics stay clean. */
export const costOf = (price: ModelPrice, inputTokens: number, outputTokens: number): number =>
  Math.round(((inputTokens * price.inputPerMillion + outputTokens * price.outputPerMillion) / 1_000_000) * 1e9) / 1e9;
