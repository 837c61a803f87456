import type { CfnResource } from 'aws-cdk-lib';
import { ComplianceIntent } from '../../core/internal';
import { stateIntent } from '../compliance/intents';

/** One intent {@link StreamIngestion} states on its own resources, and why. */
export interface StreamIngestionAcknowledgement {
  /** What the resource means by the setting a rule would report; the packs map it to their finding ids. */
  readonly intent: ComplianceIntent;
  /** The resource it is acknowledged on: the Kinesis stream or the Firehose stream. */
  readonly resource: 'stream' | 'delivery';
  /** Why the finding the intent answers does not apply. */
  readonly reason: string;
}

/**
 * The intents `StreamIngestion` states on its data resources, in one place. Each answers a rule
 * that asks for something the kit's guarantees or the service rule out, never a weakened
 * setting: the packs still check what each stands for (that the stream is encrypted with a
 * customer-managed key, and that delivered objects are). `compliance/intents.ts` maps each to
 * its finding id (docs/rules/aws.md lists them).
 *
 * @see https://docs.aws.amazon.com/firehose/latest/dev/encryption.html
 * @example
 * STREAM_INGESTION_ACKNOWLEDGEMENTS.map((a) => a.intent); // [CUSTOMER_MANAGED_KEY, NOTHING_AT_REST]
 */
export const STREAM_INGESTION_ACKNOWLEDGEMENTS: readonly StreamIngestionAcknowledgement[] = [
  {
    intent: ComplianceIntent.CUSTOMER_MANAGED_KEY,
    resource: 'stream',
    reason:
      "A cost advisory asking for the AWS-managed 'aws/kinesis' key. The kit encrypts every data store with a " +
      'customer-managed, rotated key under the platform key policy (its secure-by-default guarantee).',
  },
  {
    intent: ComplianceIntent.NOTHING_AT_REST,
    resource: 'delivery',
    reason:
      'Firehose rejects server-side encryption on a stream whose source is a Kinesis data stream: it then stores ' +
      'nothing at rest, the records stay in the KMS-encrypted source stream, and delivered objects are KMS-encrypted.',
  },
];

/**
 * States {@link STREAM_INGESTION_ACKNOWLEDGEMENTS} on the CloudFormation resources themselves
 * (the `AWS::Kinesis::Stream` and the `AWS::KinesisFirehose::DeliveryStream`), so nothing else
 * below them, such as a stream resource policy, is covered. Internal: not exported from the entry point.
 */
export function acknowledgeStreamIngestionFindings(
  resources: Readonly<Record<'stream' | 'delivery', CfnResource>>,
): void {
  for (const ack of STREAM_INGESTION_ACKNOWLEDGEMENTS) {
    stateIntent(resources[ack.resource], { intent: ack.intent, reason: ack.reason });
  }
}
