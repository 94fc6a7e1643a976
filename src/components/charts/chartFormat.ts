/** Chart colours and axis numbers shared by the live charts and A/B compare's overlay. */

/** Series colours that stay apart for colour-blind viewers and on a projector (Okabe-Ito). */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/** A number for an axis or a legend: 1.2k, 3.4M, 0.05. */
export function compact(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `${+(v / 1e9).toFixed(1)}G`;
  if (a >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (a >= 1e3) return `${+(v / 1e3).toFixed(1)}k`;
  if (a > 0 && a < 0.01) return v.toExponential(0);
  return `${+v.toFixed(2)}`;
}

/**
 * A chart title cut where a line may break: between the words of a CloudWatch name
 * ("ApproximateNumberOf|Messages|Visible") and after its dots, so a long name wraps instead of being cut off.
 */
export function titleParts(title: string): string[] {
  return title.split(/(?<=[a-z])(?=[A-Z])|(?<=\.)(?=\w)/);
}

/** A limit line sets the y axis only while the data reach at least this fraction of it. */
export const LIMIT_IN_VIEW_FRACTION = 1 / 3;

/**
 * The top of a chart's y axis: the largest value of the data (series and theory lines) with 10% room above. A limit
 * line raises it only while the data come within LIMIT_IN_VIEW_FRACTION of the limit, or when there are no data
 * yet: a limit far above (a stage's 10,000 requests/s over 500 sent) would otherwise flatten the data into the
 * floor. Its value stays in the legend.
 */
export function yAxisTop(dataMax: number, limit: number | undefined): number {
  const top = limit !== undefined && limit > dataMax && (dataMax <= 0 || dataMax >= LIMIT_IN_VIEW_FRACTION * limit) ? limit : dataMax;
  return top > 0 ? top * 1.1 : 1;
}
