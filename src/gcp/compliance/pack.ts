import {
  AVD_GCP_0027,
  AVD_GCP_0066,
  CKV2_GCP_3,
  CKV2_GCP_6,
  CKV2_GCP_8,
  CKV_GCP_100,
  CKV_GCP_103,
  CKV_GCP_114,
  CKV_GCP_115,
  CKV_GCP_116,
  CKV_GCP_117,
  CKV_GCP_121,
  CKV_GCP_15,
  CKV_GCP_26,
  CKV_GCP_28,
  CKV_GCP_29,
  CKV_GCP_41,
  CKV_GCP_43,
  CKV_GCP_62,
  CKV_GCP_63,
  CKV_GCP_74,
  CKV_GCP_78,
  CKV_GCP_80,
  CKV_GCP_81,
  CKV_GCP_82,
  CKV_GCP_83,
  CKV_GCP_91,
  CKV_GCP_98,
  CKV_GCP_99,
  DPK_GCP_BIGQUERY_DELETE_CONTENTS,
  DPK_GCP_BUCKET_FORCE_DESTROY,
  DPK_GCP_BUCKET_SOFT_DELETE,
  DPK_GCP_DATAPROC_SERVERLESS_CMEK,
  DPK_GCP_DATAPROC_SERVERLESS_SERVICE_ACCOUNT,
  DPK_GCP_IAM_BASIC_ROLE,
  DPK_GCP_IAM_PUBLIC_MEMBER,
  DPK_GCP_NETWORK_CUSTOM_MODE,
  DPK_GCP_PREVENT_DESTROY,
  DPK_GCP_PUBSUB_DEAD_LETTER,
  DPK_GCP_PUBSUB_SUBSCRIPTION_EXPIRY,
  DPK_GCP_PUBSUB_TOPIC_RETENTION,
  DPK_GCP_SCHEDULER_AUTHENTICATED,
  DPK_GCP_WORKFLOWS_CMEK,
  DPK_GCP_WORKFLOWS_SERVICE_ACCOUNT,
} from './rules';
import type { PackSection, TerraformRule } from '../../core/internal';

/** The pack's rules by service, in the order `docs/rules/gcp.md` lists them. */
export const PACK_SECTIONS: readonly PackSection<TerraformRule>[] = [
  {
    title: 'Cloud Storage',
    rules: [
      CKV_GCP_29,
      CKV_GCP_114,
      CKV_GCP_62,
      CKV_GCP_63,
      CKV_GCP_78,
      AVD_GCP_0066,
      DPK_GCP_BUCKET_SOFT_DELETE,
      DPK_GCP_BUCKET_FORCE_DESTROY,
      CKV_GCP_28,
    ],
  },
  {
    title: 'Cloud KMS',
    rules: [CKV_GCP_43, CKV_GCP_82, CKV2_GCP_6, CKV2_GCP_8],
  },
  {
    title: 'BigQuery',
    rules: [CKV_GCP_81, CKV_GCP_15, CKV_GCP_80, CKV_GCP_100, CKV_GCP_121, DPK_GCP_BIGQUERY_DELETE_CONTENTS],
  },
  {
    title: 'Pub/Sub',
    rules: [
      CKV_GCP_83,
      CKV_GCP_99,
      DPK_GCP_PUBSUB_TOPIC_RETENTION,
      DPK_GCP_PUBSUB_DEAD_LETTER,
      DPK_GCP_PUBSUB_SUBSCRIPTION_EXPIRY,
    ],
  },
  {
    title: 'Dataproc',
    rules: [
      CKV_GCP_91,
      CKV_GCP_98,
      CKV_GCP_103,
      DPK_GCP_DATAPROC_SERVERLESS_CMEK,
      DPK_GCP_DATAPROC_SERVERLESS_SERVICE_ACCOUNT,
    ],
  },
  {
    title: 'Workflows and Cloud Scheduler',
    rules: [DPK_GCP_WORKFLOWS_CMEK, DPK_GCP_WORKFLOWS_SERVICE_ACCOUNT, DPK_GCP_SCHEDULER_AUTHENTICATED],
  },
  {
    title: 'IAM',
    rules: [
      CKV_GCP_117,
      CKV_GCP_116,
      CKV_GCP_115,
      DPK_GCP_IAM_BASIC_ROLE,
      DPK_GCP_IAM_PUBLIC_MEMBER,
      CKV_GCP_41,
      CKV2_GCP_3,
    ],
  },
  {
    title: 'VPC networking',
    rules: [DPK_GCP_NETWORK_CUSTOM_MODE, CKV_GCP_26, CKV_GCP_74, AVD_GCP_0027],
  },
  {
    title: 'Data-loss guards across services',
    rules: [DPK_GCP_PREVENT_DESTROY],
  },
];

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
export const DATA_PLATFORM_RULES: readonly TerraformRule[] = PACK_SECTIONS.flatMap((s) => s.rules);
