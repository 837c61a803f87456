import { AVD_GCP_0027 } from './rules/avd-gcp-0027';
import { AVD_GCP_0066 } from './rules/avd-gcp-0066';
import { CKV_GCP_100 } from './rules/ckv-gcp-100';
import { CKV_GCP_103 } from './rules/ckv-gcp-103';
import { CKV_GCP_114 } from './rules/ckv-gcp-114';
import { CKV_GCP_115 } from './rules/ckv-gcp-115';
import { CKV_GCP_116 } from './rules/ckv-gcp-116';
import { CKV_GCP_117 } from './rules/ckv-gcp-117';
import { CKV_GCP_121 } from './rules/ckv-gcp-121';
import { CKV_GCP_15 } from './rules/ckv-gcp-15';
import { CKV_GCP_26 } from './rules/ckv-gcp-26';
import { CKV_GCP_28 } from './rules/ckv-gcp-28';
import { CKV_GCP_29 } from './rules/ckv-gcp-29';
import { CKV_GCP_41 } from './rules/ckv-gcp-41';
import { CKV_GCP_43 } from './rules/ckv-gcp-43';
import { CKV_GCP_62 } from './rules/ckv-gcp-62';
import { CKV_GCP_63 } from './rules/ckv-gcp-63';
import { CKV_GCP_74 } from './rules/ckv-gcp-74';
import { CKV_GCP_78 } from './rules/ckv-gcp-78';
import { CKV_GCP_80 } from './rules/ckv-gcp-80';
import { CKV_GCP_81 } from './rules/ckv-gcp-81';
import { CKV_GCP_82 } from './rules/ckv-gcp-82';
import { CKV_GCP_83 } from './rules/ckv-gcp-83';
import { CKV_GCP_91 } from './rules/ckv-gcp-91';
import { CKV_GCP_98 } from './rules/ckv-gcp-98';
import { CKV_GCP_99 } from './rules/ckv-gcp-99';
import { CKV2_GCP_3 } from './rules/ckv2-gcp-3';
import { CKV2_GCP_6 } from './rules/ckv2-gcp-6';
import { CKV2_GCP_8 } from './rules/ckv2-gcp-8';
import { DPK_GCP_BIGQUERY_DELETE_CONTENTS } from './rules/dpk-gcp-bigquery-delete-contents';
import { DPK_GCP_BUCKET_FORCE_DESTROY } from './rules/dpk-gcp-bucket-force-destroy';
import { DPK_GCP_BUCKET_SOFT_DELETE } from './rules/dpk-gcp-bucket-soft-delete';
import { DPK_GCP_DATAPROC_SERVERLESS_CMEK } from './rules/dpk-gcp-dataproc-serverless-cmek';
import { DPK_GCP_DATAPROC_SERVERLESS_SERVICE_ACCOUNT } from './rules/dpk-gcp-dataproc-serverless-service-account';
import { DPK_GCP_IAM_BASIC_ROLE } from './rules/dpk-gcp-iam-basic-role';
import { DPK_GCP_IAM_PUBLIC_MEMBER } from './rules/dpk-gcp-iam-public-member';
import { DPK_GCP_NETWORK_CUSTOM_MODE } from './rules/dpk-gcp-network-custom-mode';
import { DPK_GCP_PREVENT_DESTROY } from './rules/dpk-gcp-prevent-destroy';
import { DPK_GCP_PUBSUB_DEAD_LETTER } from './rules/dpk-gcp-pubsub-dead-letter';
import { DPK_GCP_PUBSUB_SUBSCRIPTION_EXPIRY } from './rules/dpk-gcp-pubsub-subscription-expiry';
import { DPK_GCP_PUBSUB_TOPIC_RETENTION } from './rules/dpk-gcp-pubsub-topic-retention';
import { DPK_GCP_SCHEDULER_AUTHENTICATED } from './rules/dpk-gcp-scheduler-authenticated';
import { DPK_GCP_WORKFLOWS_CMEK } from './rules/dpk-gcp-workflows-cmek';
import { DPK_GCP_WORKFLOWS_SERVICE_ACCOUNT } from './rules/dpk-gcp-workflows-service-account';
import type { TerraformRule } from '../../core/compliance';

/**
 * The kit's GCP rule pack: Cloud Storage, Cloud KMS, BigQuery, Pub/Sub, Dataproc, Workflows, Cloud
 * Scheduler, IAM and VPC checks
 * over synthesized Terraform JSON (hashicorp/google 6.x attribute names), one rule per file in
 * `rules/`. Ids mirror the public Checkov (`CKV_GCP_*`, `CKV2_GCP_*`) or Trivy (`AVD-GCP-*`) check
 * each rule implements; `DPK_GCP_*` rules are the kit's own where no public check exists, each
 * saying why in its file. Level ERROR: a security or data-safety default is broken; WARNING:
 * a hardening recommendation is not met.
 *
 * Not covered: `google_*_iam_policy` resources (their policy comes from a `google_iam_policy`
 * data source, which the engine does not read), legacy bucket and object ACL resources (uniform
 * bucket-level access, CKV_GCP_29, disables ACLs).
 *
 * @see https://www.checkov.io/5.Policy%20Index/terraform.html
 * @example
 * const report = evaluateTerraform(JSON.parse(fs.readFileSync('cdk.tf.json', 'utf8')), DATA_PLATFORM_RULES);
 */
export const DATA_PLATFORM_RULES: readonly TerraformRule[] = [
  // Cloud Storage
  CKV_GCP_29,
  CKV_GCP_114,
  CKV_GCP_62,
  CKV_GCP_63,
  CKV_GCP_78,
  AVD_GCP_0066,
  DPK_GCP_BUCKET_SOFT_DELETE,
  DPK_GCP_BUCKET_FORCE_DESTROY,
  CKV_GCP_28,
  // Cloud KMS
  CKV_GCP_43,
  CKV_GCP_82,
  CKV2_GCP_6,
  CKV2_GCP_8,
  // BigQuery
  CKV_GCP_81,
  CKV_GCP_15,
  CKV_GCP_80,
  CKV_GCP_100,
  CKV_GCP_121,
  DPK_GCP_BIGQUERY_DELETE_CONTENTS,
  // Pub/Sub
  CKV_GCP_83,
  CKV_GCP_99,
  DPK_GCP_PUBSUB_TOPIC_RETENTION,
  DPK_GCP_PUBSUB_DEAD_LETTER,
  DPK_GCP_PUBSUB_SUBSCRIPTION_EXPIRY,
  // Dataproc
  CKV_GCP_91,
  CKV_GCP_98,
  CKV_GCP_103,
  DPK_GCP_DATAPROC_SERVERLESS_CMEK,
  DPK_GCP_DATAPROC_SERVERLESS_SERVICE_ACCOUNT,
  // Workflows and Cloud Scheduler
  DPK_GCP_WORKFLOWS_CMEK,
  DPK_GCP_WORKFLOWS_SERVICE_ACCOUNT,
  DPK_GCP_SCHEDULER_AUTHENTICATED,
  // IAM
  CKV_GCP_117,
  CKV_GCP_116,
  CKV_GCP_115,
  DPK_GCP_IAM_BASIC_ROLE,
  DPK_GCP_IAM_PUBLIC_MEMBER,
  CKV_GCP_41,
  CKV2_GCP_3,
  // VPC networking
  DPK_GCP_NETWORK_CUSTOM_MODE,
  CKV_GCP_26,
  CKV_GCP_74,
  AVD_GCP_0027,
  // Data-loss guards across services
  DPK_GCP_PREVENT_DESTROY,
];
