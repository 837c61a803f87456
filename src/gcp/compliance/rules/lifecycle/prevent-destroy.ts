import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { preventsDestroy } from '../../private/config';
import { RETAINED_RESOURCE_TYPES } from '../../private/types';

/**
 * Buckets, BigQuery datasets and tables, Pub/Sub topics and KMS key rings have
 * lifecycle.prevent_destroy.
 * @see https://developer.hashicorp.com/terraform/language/meta-arguments/lifecycle#prevent_destroy
 */
export const DPK_GCP_PREVENT_DESTROY: TerraformRule = {
  id: 'DPK_GCP_PREVENT_DESTROY',
  description:
    'Buckets, BigQuery datasets and tables, Pub/Sub topics and KMS key rings have lifecycle.prevent_destroy.',
  explanation:
    'Data stores are `lifecycle.prevent_destroy`, so no plan can delete them by accident: ' +
    "core's stateful GCP types (Cloud Storage buckets, BigQuery datasets and tables, Pub/Sub " +
    'topics with undelivered messages, and Cloud KMS key rings, which GCP never deletes: ' +
    'destroying one only drops it from state). Crypto keys: CKV_GCP_82. Kit rule (no public ' +
    'id): Checkov checks prevent_destroy on crypto keys only. A kit block whose user asked ' +
    'for DESTROY with the `data-platform-kit:removeDataOnDestroy` flag acknowledges this rule ' +
    'on its resources, with that reason.',
  level: RuleLevel.ERROR,
  resourceTypes: RETAINED_RESOURCE_TYPES,
  check: (r) => compliantIf(preventsDestroy(r.config)),
};
