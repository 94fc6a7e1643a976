/** The name of the counter (USD) every model that costs money publishes. */
export const COST_METRIC = 'Cost';
