import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';

/**
 * VPC networks are custom mode (auto_create_subnetworks = false).
 * @see https://cloud.google.com/vpc/docs/vpc#subnet-ranges
 */
export const DPK_GCP_NETWORK_CUSTOM_MODE: TerraformRule = {
  id: 'DPK_GCP_NETWORK_CUSTOM_MODE',
  description: 'VPC networks are custom mode (auto_create_subnetworks = false).',
  explanation:
    'VPC networks are custom mode (`auto_create_subnetworks = false`): an auto-mode network ' +
    'gets a subnet in every region with predictable ranges, which no data platform needs. The ' +
    "provider's default is auto mode, so only a literal `false` passes. Kit rule (no public " +
    "id): Checkov's CKV_GCP_27 checks the project's default network only.",
  level: RuleLevel.WARNING,
  resourceTypes: ['google_compute_network'],
  check: (r) => compliantIf(r.config.auto_create_subnetworks === false),
};
