import { noPublicMembersRule } from '../../private/families';
import { iamTypes } from '../../private/iam';

/**
 * Pub/Sub topics are not anonymously or publicly accessible.
 * @see https://cloud.google.com/pubsub/docs/access-control
 */
export const CKV_GCP_99 = noPublicMembersRule({
  id: 'CKV_GCP_99',
  description: 'Pub/Sub topics are not anonymously or publicly accessible.',
  explanation:
    'No IAM grant on a Pub/Sub topic goes to a public principal (anyone could publish into ' +
    'the pipeline). Subscriptions: DPK_GCP_IAM_PUBLIC_MEMBER.',
  resourceTypes: iamTypes('pubsub_topic'),
});
