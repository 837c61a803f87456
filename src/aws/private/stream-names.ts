import type { NameRule } from '../../core/internal';

/**
 * Naming rules of the AWS streaming and alerting resources (core's `NameRules` holds the
 * cross-cloud ones). Each lists the limits its service documents.
 */
export const StreamNameRules = {
  /**
   * Kinesis data stream: 1-128 of letters, digits, '_', '.' and '-'.
   * @see https://docs.aws.amazon.com/kinesis/latest/APIReference/API_CreateStream.html
   */
  KINESIS_STREAM: {
    target: 'Kinesis data stream name',
    minLength: 1,
    maxLength: 128,
    charset: /[a-zA-Z0-9_.-]/,
    separator: '-',
    extraChecks: [],
    allowed: "1-128 characters of letters, digits, '_', '.' and '-'",
  },
  /**
   * Firehose stream: 1-64 of letters, digits, '_', '.' and '-'.
   * @see https://docs.aws.amazon.com/firehose/latest/APIReference/API_CreateDeliveryStream.html
   */
  FIREHOSE_STREAM: {
    target: 'Firehose stream name',
    minLength: 1,
    maxLength: 64,
    charset: /[a-zA-Z0-9_.-]/,
    separator: '-',
    extraChecks: [],
    allowed: "1-64 characters of letters, digits, '_', '.' and '-'",
  },
  /**
   * SNS standard topic: 1-256 of letters, digits, '_' and '-'.
   * @see https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html
   */
  SNS_TOPIC: {
    target: 'SNS topic name',
    minLength: 1,
    maxLength: 256,
    charset: /[a-zA-Z0-9_-]/,
    separator: '-',
    extraChecks: [],
    allowed: "1-256 characters of letters, digits, '_' and '-'",
  },
} satisfies Record<string, NameRule>;
