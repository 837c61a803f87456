import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { SparkJobScript } from '../../src/azure/processing/spark-job-script';
import type { LakehouseSpec } from '../../src/patterns';
import { Fn, Token, type TerraformStack } from '../../src/terraform';
import { TfGraph } from '../helpers/tf-graph';
import { newTfStack, type TfDocument } from '../helpers/tf-template';

/** The resource group every Azure test deploys into. */
export const RG = { name: 'rg-test', location: 'westeurope' } as const;

/** The subscription every Azure test stack deploys into (a literal on the provider). */
export const SUBSCRIPTION_ID = '11111111-2222-4333-8444-555555555555';

/** A GUID that is a valid Entra object id. */
export const OBJECT_ID = '8d1f3c1e-2a4b-4c6d-8e0f-1a2b3c4d5e6f';

/** A fresh cdktf stack with the azurerm provider (synth validation requires one). */

export function newAzureStack(context: Record<string, unknown> = {}): TerraformStack {
  const stack = newTfStack(context);
  // A literal subscription keeps derived global names literal (see test/azure/names.test.ts).
  new AzurermProvider(stack, 'Azurerm', {
    features: [{}],
    storageUseAzuread: true,
    subscriptionId: SUBSCRIPTION_ID,
  });
  return stack;
}

/** Unresolved values (Terraform function calls), known only at deploy time. */
export const tokens = {
  /** Renders as `${tonumber("30")}`. */
  number: (): number => Token.asNumber(Fn.tonumber('30')),
  /** Renders as `${lower("NAME")}`. */
  string: (): string => Token.asString(Fn.lower('NAME')),
  /** Renders as `${split(",", "203.0.113.0/24")}`. */
  list: (): string[] => Token.asList(Fn.split(',', '203.0.113.0/24')),
};

/**
 * Whether the (only) `consumerType` block waits for `grantAddress` through a `time_sleep` on
 * every dependency path: a role assignment has propagated before the consumer checks it.
 */
export function waitsForPropagation(doc: TfDocument, consumerType: string, grantAddress: string): boolean {
  const graph = new TfGraph(doc);
  const consumers = graph.addressesOf(consumerType);
  return (
    consumers.length > 0 && consumers.every((c) => graph.dependsOnOnlyThrough(c, grantAddress, 'time_sleep'))
  );
}

/**
 * `stepScripts` for every step of `spec`: the notebook `<pipeline>_<step>` ('-' as '_'), the name
 * the Azure lakehouse used before it took scripts, so the synthesized pipelines stay the same.
 */
export function notebookScripts(spec: LakehouseSpec): Record<string, SparkJobScript> {
  return Object.fromEntries(
    (spec.pipelines ?? []).flatMap((p) =>
      p.steps.map((s) => [
        `${p.name}/${s.name}`,
        SparkJobScript.fromNotebook(`${p.name}_${s.name}`.replace(/-/g, '_')),
      ]),
    ),
  );
}
