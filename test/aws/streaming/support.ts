import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type * as kms from 'aws-cdk-lib/aws-kms';
import {
  type EncryptionKey,
  LakeStorage,
  StreamIngestion,
  type StreamIngestionProps,
} from '../../../src/aws';
import { newAwsStack } from '../../helpers/aws-stack';

export const STREAM = 'AWS::Kinesis::Stream';
export const DELIVERY = 'AWS::KinesisFirehose::DeliveryStream';
export const LOG_GROUP = 'AWS::Logs::LogGroup';
export const ALARM = 'AWS::CloudWatch::Alarm';
export const TOPIC = 'AWS::SNS::Topic';
export const KEY = 'AWS::KMS::Key';
export const HASH = '[0-9a-f]{8}';

/** A lake (`sales`, default zones) in `stack`. */
export const lakeIn = (stack: Stack) => new LakeStorage(stack, 'Lake', { platformName: 'sales' });

/** A `clickstream` StreamIngestion into a fresh lake, not synthesized (grants can still be added). */
export function buildStream(props: Partial<StreamIngestionProps> = {}, stack: Stack = newAwsStack()) {
  const lake = lakeIn(stack);
  const ingestion = new StreamIngestion(stack, 'Clicks', {
    platformName: 'sales',
    streamName: 'clickstream',
    lake: lake,
    ...props,
  });
  return { lake, ingestion, stack };
}

/** The same, plus its synthesized template. */
export function synthStream(props: Partial<StreamIngestionProps> = {}, stack: Stack = newAwsStack()) {
  const built = buildStream(props, stack);
  return { ...built, template: Template.fromStack(stack) };
}

/** The only resource of `type` in the template (fails otherwise). */
export function only(template: Template, type: string): Record<string, any> {
  const all = Object.values(template.findResources(type));
  expect(all).toHaveLength(1);
  return all[0];
}

/** The logical id of an L2 construct's default child. */
export const idOf = (stack: Stack, construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as kms.CfnKey);

/** `{ Fn::GetAtt: [<key>, Arn] }` of a kit key. */
export const keyArnOf = (stack: Stack, key: EncryptionKey) => ({
  'Fn::GetAtt': [idOf(stack, key.key), 'Arn'],
});
