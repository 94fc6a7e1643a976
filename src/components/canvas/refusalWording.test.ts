import { describe, expect, it } from 'vitest';
import { SERVICE_KINDS } from '../../sim/services/registry.ts';
import { checkConnection } from './connectionCheck.ts';
import { plainRefusal } from './refusalWording.ts';

describe('connection refusals in plain words', () => {
  it('says what AWS does instead, naming services by their labels, never CloudFormation types', () => {
    expect(plainRefusal('AWS::DynamoDB::Table', 'AWS::ApiGateway::RestApi')).toBe(
      "A DynamoDB table can't send to an API Gateway (REST). A table only answers the calls made to it; to react to its changes, turn on its stream and connect a Lambda function.",
    );
    expect(plainRefusal('AWS::SQS::Queue', 'AWS::SNS::Topic')).toBe(
      "An SQS queue can't send to an SNS topic. Consumers poll a queue; it pushes nowhere. Connect the queue to a Lambda function that publishes to the topic.",
    );
    expect(plainRefusal('AWS::SQS::Queue', 'AWS::Lambda::Function')).toBeNull();
  });

  it('has a readable sentence for every refused pair of registered kinds', () => {
    for (const a of SERVICE_KINDS)
      for (const b of SERVICE_KINDS) {
        const text = plainRefusal(a.type, b.type);
        if (text === null) continue;
        expect(text, `${a.type} -> ${b.type}`).not.toMatch(/AWS::/);
        expect(text).toMatch(/^An? .+ can't send to an? .+\.( .+)?$/);
      }
  });

  it('is what the canvas shows when a drag is refused', () => {
    const doc = {
      format: 'serverless-playground/scenario' as const,
      version: 1 as const,
      name: 'x',
      nodes: [
        { id: 'Orders', type: 'AWS::DynamoDB::Table' },
        { id: 'Events', type: 'AWS::ApiGateway::RestApi' },
      ],
      edges: [],
    };
    const r = checkConnection(doc, 'Orders', 'Events');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^A DynamoDB table can't send to an API Gateway \(REST\)\./);
  });
});
