import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { isSet, nested } from '../../private/config';
import { DATAPROC_SERVERLESS_TYPES } from '../../private/types';

/** Google-created default service accounts: Compute Engine's and App Engine's. */
const DEFAULT_SERVICE_ACCOUNT = /(?:^\d+-compute@developer|@appspot)\.gserviceaccount\.com$/;

/**
 * Dataproc Serverless batches and session templates run as a dedicated service account.
 * @see https://cloud.google.com/dataproc-serverless/docs/concepts/service-account
 */
export const DPK_GCP_DATAPROC_SERVERLESS_SERVICE_ACCOUNT: TerraformRule = {
  id: 'DPK_GCP_DATAPROC_SERVERLESS_SERVICE_ACCOUNT',
  description: 'Dataproc Serverless batches and session templates run as a dedicated service account.',
  explanation:
    'Dataproc Serverless batches and session templates run as a dedicated service account, ' +
    'not the Compute Engine default one (which often holds the basic Editor role on the ' +
    "project). A reference counts as dedicated. Kit rule (no public id): Checkov's " +
    'default-service-account checks cover Compute Engine and IAM grants, not Dataproc ' +
    'Serverless workloads.',
  level: RuleLevel.ERROR,
  resourceTypes: DATAPROC_SERVERLESS_TYPES,
  check: (r) => {
    const account = nested(r.config, 'environment_config', 'execution_config')?.service_account;
    return compliantIf(isSet(account) && !DEFAULT_SERVICE_ACCOUNT.test(String(account)));
  },
};
