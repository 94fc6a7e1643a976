/** API Gateway REST API: $3.50 per 1M requests (docs/aws-behaviour.md, API Gateway "price"). */
export const apiGatewayPrices = {
  restPerRequest: 3.5 / 1_000_000,
  httpPerRequest: 1.0 / 1_000_000,
} as const;
