import { PubsubSubscriptionIamMember } from '@cdktf/provider-google/lib/pubsub-subscription-iam-member';
import { PubsubTopicIamMember } from '@cdktf/provider-google/lib/pubsub-topic-iam-member';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { Construct, type IConstruct } from 'constructs';

/** One IAM member on a Pub/Sub resource: what the `*_iam_member` resources take. */
export interface PubsubMember {
  readonly project?: string;
  readonly role: string;
  readonly member: string;
}

/** A `google_pubsub_topic_iam_member` under `scope`, made once per `id` (a second call returns it). */
export function topicMember(
  scope: Construct,
  id: string,
  topic: string,
  m: PubsubMember,
): PubsubTopicIamMember {
  return (
    (scope.node.tryFindChild(id) as PubsubTopicIamMember | undefined) ??
    new PubsubTopicIamMember(scope, id, { ...m, topic })
  );
}

/** A `google_pubsub_subscription_iam_member` under `scope`, made once per `id`. */
export function subscriptionMember(
  scope: Construct,
  id: string,
  subscription: string,
  m: PubsubMember,
): PubsubSubscriptionIamMember {
  return (
    (scope.node.tryFindChild(id) as PubsubSubscriptionIamMember | undefined) ??
    new PubsubSubscriptionIamMember(scope, id, { ...m, subscription })
  );
}

/**
 * A `google_storage_bucket_iam_member` made once per `id` under `host` (the lake, so two streams
 * landing in one bucket share one binding instead of each owning, and on removal revoking, it),
 * or under `fallback` when the host is not a construct.
 */
export function bucketMember(
  host: IConstruct,
  fallback: Construct,
  id: string,
  bucket: string,
  m: Omit<PubsubMember, 'project'>,
): StorageBucketIamMember {
  const scope: Construct = Construct.isConstruct(host) ? host : fallback;
  return (
    (scope.node.tryFindChild(id) as StorageBucketIamMember | undefined) ??
    new StorageBucketIamMember(scope, id, { ...m, bucket })
  );
}
