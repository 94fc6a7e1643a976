/**
 * Kinesis Data Streams prices, us-east-1 (late 2024). The reference (docs/aws-behaviour.md) has none, so the
 * inspector flags them as assumptions.
 */
export const kinesisPrices = {
  /** Provisioned: per shard-hour. */
  shardHour: 0.015,
  /** Provisioned: per million PUT payload units (each 25 KB of a record is one unit). */
  putUnitsPerMillion: 0.014,
  /** On-demand: per stream-hour. */
  onDemandStreamHour: 0.04,
  /** On-demand: per GB written, and per GB read. */
  onDemandWriteGB: 0.08,
  onDemandReadGB: 0.04,
} as const;
