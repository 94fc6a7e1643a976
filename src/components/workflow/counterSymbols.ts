/** One symbol per step counter key (WorkflowView.counters), explained by the legend above the graph. */
export const COUNTER_SYMBOL: Record<string, string> = { entered: '▶', succeeded: '✓', failed: '✗', retried: '↻', caught: '⤳' };
