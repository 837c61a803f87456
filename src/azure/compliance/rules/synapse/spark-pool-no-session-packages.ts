import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { flagIs } from '../../private/config';

/**
 * Synapse Spark pools do not allow session-level packages.
 * @see https://learn.microsoft.com/azure/synapse-analytics/spark/apache-spark-manage-session-packages
 */
export const DPK_AZURE_SYNAPSE_SPARK_SESSION_PACKAGES: TerraformRule = {
  id: 'DPK_AZURE_SYNAPSE_SPARK_SESSION_PACKAGES',
  description: 'Synapse Spark pools do not allow session-level packages',
  explanation:
    'Synapse Spark pools do not let sessions install their own packages ' +
    '(`session_level_packages_enabled = false`, the azurerm 4.x default), so jobs load only ' +
    "the pool's reviewed libraries and notebooks cannot pull unreviewed code at run time. The " +
    "kit's own id: Checkov and Trivy have no Spark pool checks.",
  level: RuleLevel.WARNING,
  resourceTypes: ['azurerm_synapse_spark_pool'],
  check: (r) => compliantIf(flagIs(r.config.session_level_packages_enabled, false, false)),
};
