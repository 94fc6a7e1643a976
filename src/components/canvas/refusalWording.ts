import { connectionsFrom, findServiceKind } from '../../sim/services/registry.ts';

/**
 * Connection refusals in plain words for the canvas (issue 10: "not CloudFormation type lists"): what AWS
 * does instead, keyed by source and target type ("*" for any). This belongs with each kind's description
 * (its connection rules) once the service folders settle; it lives here, UI-side, until then.
 */
const ADVICE: Record<string, string> = {
  'AWS::DynamoDB::Table->*':
    'A table only answers the calls made to it; to react to its changes, turn on its stream and connect a Lambda function.',
  'AWS::Kinesis::Stream->*': 'Consumers read a stream; it pushes nowhere. Connect the stream to a Lambda function (an event source mapping).',
  '*->Client': 'A Client is where traffic starts; nothing sends to it.',
  'AWS::SQS::Queue->AWS::SNS::Topic': 'Consumers poll a queue; it pushes nowhere. Connect the queue to a Lambda function that publishes to the topic.',
  'AWS::SQS::Queue->AWS::DynamoDB::Table': 'Consumers poll a queue; it writes nowhere. Connect the queue to a Lambda function that writes to the table.',
  'AWS::SQS::Queue->AWS::ApiGateway::RestApi': 'Consumers poll a queue; it calls nothing. Connect the queue to a Lambda function instead.',
  'AWS::SNS::Topic->AWS::DynamoDB::Table': 'A topic delivers only to its subscribers (SQS queues, Lambda functions). Subscribe a Lambda function that writes to the table.',
  'AWS::SNS::Topic->AWS::SNS::Topic': 'A topic delivers only to its subscribers (SQS queues, Lambda functions); a topic cannot subscribe to a topic.',
  'AWS::SNS::Topic->AWS::ApiGateway::RestApi': 'A topic delivers only to its subscribers (SQS queues, Lambda functions); HTTP subscriptions are not simulated.',
  'AWS::Lambda::Function->AWS::ApiGateway::RestApi': 'A function calling an API through API Gateway is not simulated; connect the function to the service behind the API.',
};

function label(type: string): string {
  return findServiceKind(type)?.label ?? type;
}

function article(text: string): string {
  return /^[aeiou]/i.test(text) && !/^(uni|use)/i.test(text) ? `an ${text}` : /^SQS|^SNS|^API/.test(text) ? `an ${text}` : `a ${text}`;
}

/** Why `fromType` cannot send to `toType`, in words a student can act on; null when AWS allows the pair. */
export function plainRefusal(fromType: string, toType: string): string | null {
  const from = findServiceKind(fromType);
  if (!from || !findServiceKind(toType)) return `${label(fromType)} or ${label(toType)} is not a service this playground knows.`;
  const outgoing = connectionsFrom(fromType);
  if (outgoing.some((r) => r.to === toType && r.roles.length > 0)) return null;
  const advice = ADVICE[`${fromType}->${toType}`] ?? ADVICE[`${fromType}->*`] ?? ADVICE[`*->${toType}`];
  const head = `${article(label(fromType)).replace(/^a/, 'A')} can't send to ${article(label(toType))}.`;
  if (advice) return `${head} ${advice}`;
  const targets = [...new Set(outgoing.filter((r) => findServiceKind(r.to)).map((r) => label(r.to)))];
  return targets.length ? `${head} From ${article(label(fromType))} you can connect to ${listWords(targets.map(article))}.` : head;
}

function listWords(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
