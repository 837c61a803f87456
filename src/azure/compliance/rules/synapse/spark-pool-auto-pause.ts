import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { block, isSet } from '../../private/config';

/**
 * Synapse Spark pools pause when idle.
 * @see https://learn.microsoft.com/azure/synapse-analytics/spark/apache-spark-autoscale
 */
export const DPK_AZURE_SYNAPSE_SPARK_AUTO_PAUSE: TerraformRule = {
  id: 'DPK_AZURE_SYNAPSE_SPARK_AUTO_PAUSE',
  description: 'Synapse Spark pools pause when idle',
  explanation:
    'Synapse Spark pools pause when idle (an `auto_pause` block with `delay_in_minutes`; ' +
    "azurerm 4.x makes a pool without one run, and bill, until someone stops it). The kit's " +
    'own id: Checkov and Trivy have no Spark pool checks.',
  level: RuleLevel.WARNING,
  resourceTypes: ['azurerm_synapse_spark_pool'],
  check: (r) => compliantIf(isSet(block(r.config, 'auto_pause')?.delay_in_minutes)),
};
