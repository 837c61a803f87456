import type { IConstruct } from 'constructs';
import { acknowledgeFinding } from '../private/acknowledgements';

/** One finding {@link StreamIngestion} acknowledges on its own resources, and why. */
export interface StreamIngestionAcknowledgement {
  /** The finding id, exactly as the pack reports it. */
  readonly ruleId: string;
  /** The resource it is acknowledged on: the Kinesis stream or the Firehose stream. */
  readonly resource: 'stream' | 'delivery';
  /** Why the finding does not apply. */
  readonly reason: string;
}

/**
 * The AwsSolutions findings `StreamIngestion` acknowledges on its data resources, in one place.
 * Each is a rule that asks for something the kit's guarantees or the service rule out, never a
 * weakened setting: the kit's other rules still check what each stands for (`KDS1` and the kit's
 * `KinesisStreamKMSEncrypted` that the stream is encrypted with a customer-managed key;
 * `DPK-AWS-FirehoseS3DestinationKMS` that delivered objects are).
 *
 * @see https://docs.aws.amazon.com/firehose/latest/dev/encryption.html
 * @example
 * STREAM_INGESTION_ACKNOWLEDGEMENTS.map((a) => a.ruleId); // ['AwsSolutions-KDS3', 'AwsSolutions-KDF1']
 */
export const STREAM_INGESTION_ACKNOWLEDGEMENTS: readonly StreamIngestionAcknowledgement[] = [
  {
    ruleId: 'AwsSolutions-KDS3',
    resource: 'stream',
    reason:
      "A cost advisory asking for the AWS-managed 'aws/kinesis' key. The kit encrypts every data store with a " +
      'customer-managed, rotated key under the platform key policy (its secure-by-default guarantee).',
  },
  {
    ruleId: 'AwsSolutions-KDF1',
    resource: 'delivery',
    reason:
      'Firehose rejects server-side encryption on a stream whose source is a Kinesis data stream: it then stores ' +
      'nothing at rest, the records stay in the KMS-encrypted source stream, and delivered objects are KMS-encrypted.',
  },
];

/**
 * Applies {@link STREAM_INGESTION_ACKNOWLEDGEMENTS} to the CloudFormation resources themselves
 * (the `AWS::Kinesis::Stream` and the `AWS::KinesisFirehose::DeliveryStream`), so nothing else
 * below them, such as a stream resource policy, is covered. Internal: not exported from the entry point.
 */
export function acknowledgeStreamIngestionFindings(
  resources: Readonly<Record<'stream' | 'delivery', IConstruct>>,
): void {
  for (const ack of STREAM_INGESTION_ACKNOWLEDGEMENTS) {
    acknowledgeFinding(resources[ack.resource], ack.ruleId, ack.reason);
  }
}
