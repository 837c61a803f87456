/**
 * Compliant, non-compliant and not-applicable fixtures for the GCP pack's Workflows and Cloud
 * Scheduler rules (hashicorp/google 6.x attribute names), merged into `RULE_FIXTURES`.
 */
import type { FixtureResource, RuleFixtures } from './rule-fixtures';

const WORKFLOW = 'google_workflows_workflow';
const SCHEDULER_JOB = 'google_cloud_scheduler_job';
const KEY = 'projects/acme/locations/europe-west1/keyRings/ring/cryptoKeys/key';
const SA = 'runner@acme-data.iam.gserviceaccount.com';
const DEFAULT_SA = '123456789012-compute@developer.gserviceaccount.com';
const EXECUTIONS =
  'https://workflowexecutions.googleapis.com/v1/projects/acme/locations/europe-west1/workflows/w/executions';

const subject = (type: string, config: Record<string, unknown>): FixtureResource => ({
  type,
  name: 'subject',
  config,
});
const workflow = (config: Record<string, unknown>) =>
  subject(WORKFLOW, { name: 'w', region: 'europe-west1', source_contents: '{}', ...config });
const httpJob = (target: Record<string, unknown>) =>
  subject(SCHEDULER_JOB, { name: 'j', schedule: '0 3 * * *', http_target: { uri: EXECUTIONS, ...target } });

export const PIPELINE_RULE_FIXTURES: Readonly<Record<string, RuleFixtures>> = {
  DPK_GCP_WORKFLOWS_CMEK: {
    compliant: [
      [workflow({ crypto_key_name: KEY })],
      [workflow({ crypto_key_name: '${google_kms_crypto_key.key.id}' })],
    ],
    nonCompliant: [[workflow({})], [workflow({ crypto_key_name: '' })]],
  },
  DPK_GCP_WORKFLOWS_SERVICE_ACCOUNT: {
    compliant: [
      [workflow({ service_account: SA })],
      [workflow({ service_account: '${google_service_account.run.email}' })],
      [workflow({ service_account: `projects/acme/serviceAccounts/${SA}` })],
    ],
    nonCompliant: [
      [workflow({})],
      [workflow({ service_account: DEFAULT_SA })],
      [workflow({ service_account: `projects/-/serviceAccounts/${DEFAULT_SA}` })],
      [workflow({ service_account: 'acme-data@appspot.gserviceaccount.com' })],
    ],
  },
  DPK_GCP_SCHEDULER_AUTHENTICATED: {
    compliant: [
      [httpJob({ oauth_token: { service_account_email: SA } })],
      [httpJob({ oauth_token: [{ service_account_email: '${google_service_account.start.email}' }] })],
      [httpJob({ oidc_token: { service_account_email: SA, audience: 'https://hooks.acme.com' } })],
    ],
    nonCompliant: [
      [httpJob({})],
      [httpJob({ oauth_token: { service_account_email: DEFAULT_SA } })],
      [httpJob({ oidc_token: { audience: 'https://hooks.acme.com' } })],
    ],
    notApplicable: [
      [
        subject(SCHEDULER_JOB, {
          name: 'j',
          pubsub_target: { topic_name: 'projects/acme/topics/t', data: 'e30=' },
        }),
      ],
    ],
  },
};
