import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';

/**
 * Blob containers are private (container_access_type 'private').
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/StorageBlobServiceContainerPrivateAccess.py
 */
export const CKV_AZURE_34: TerraformRule = {
  id: 'CKV_AZURE_34',
  description: "Blob containers are private (container_access_type 'private')",
  explanation:
    'Blob containers are private (`container_access_type = "private"`, the azurerm default): ' +
    'no anonymous read of blobs or of the container listing.',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_storage_container'],
  check: (r) => compliantIf((r.config.container_access_type ?? 'private') === 'private'),
};
