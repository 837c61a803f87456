import * as os from 'node:os';
import { App } from 'cdktf';
import { AzureAccess } from './azure/access';
import { CUSTOM_PERSONAS_SPEC, type Journey, JourneyAction, lakehouseJourneys } from './lakehouse-journeys';
import { build, DEPLOYER_REACHES_WORKSPACE_CONTEXT } from '../../examples/lakehouse-azure/app';
import { Lakehouse } from '../../src/azure/patterns/lakehouse';
import type { LakehouseSpec } from '../../src/patterns';
import { synthesizeStack, type TerraformStack } from '../../src/terraform';
import { newAzureStack, notebookScripts, RG } from '../azure/azure-stack';
import type { TfDocument } from '../helpers/tf-template';

const BLOB_READ = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read';
const BLOB_WRITE = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write';
const EVENT_SEND = 'Microsoft.EventHub/namespaces/messages/send/action';
const PIPELINE_RUN = 'Microsoft.DataFactory/factories/pipelines/createrun/action';

/** The shared custom-persona spec, on Azure (another platform name, so its names differ from the example's). */
const CUSTOM_PERSONAS: LakehouseSpec = { ...CUSTOM_PERSONAS_SPEC, platformName: 'audit' };

/** A synthesized lakehouse after its data-plane pass, and how to name its parts in Terraform. */
interface Deployed {
  readonly lakehouse: Lakehouse;
  readonly doc: TfDocument;
  readonly access: AzureAccess;
  readonly stack: TerraformStack;
}

function deployed(stack: TerraformStack, lakehouse: Lakehouse): Deployed {
  const doc = synthesizeStack(stack) as TfDocument;
  return { lakehouse, doc, stack, access: new AzureAccess(doc) };
}

/** The example app, second pass (`terraform apply` from inside the network). */
function example(): Deployed {
  const app = new App({
    outdir: os.tmpdir(),
    stackTraces: false,
    context: { [DEPLOYER_REACHES_WORKSPACE_CONTEXT]: true },
  });
  const [stack] = build(app);
  return deployed(stack, stack.node.findChild('Lakehouse') as Lakehouse);
}

function custom(): Deployed {
  const stack = newAzureStack();
  const lakehouse = new Lakehouse(stack, 'Lakehouse', {
    ...CUSTOM_PERSONAS,
    resourceGroup: RG,
    keyVaultAllowedIpRanges: ['20.61.10.0/24'],
    deployerReachesWorkspace: true,
    stepScripts: notebookScripts(CUSTOM_PERSONAS),
  });
  return deployed(stack, lakehouse);
}

const ref = (d: Deployed, construct: any, attr: string) =>
  `\${${construct.terraformResourceType}.${d.stack.getLogicalId(construct)}.${attr}}`;
const address = (d: Deployed, construct: any) =>
  `${construct.terraformResourceType}.${d.stack.getLogicalId(construct)}`;

/** The rendered scope of a zone's container, as the lake's grants render it. */
function zoneScope(d: Deployed, zone: string): string {
  const storage = d.lakehouse.lake;
  return `${ref(d, storage.storageAccount, 'id')}/blobServices/default/containers/${ref(d, storage.containerFor(zone), 'name')}`;
}

/** The principal a journey's actor acts as: its persona identity, or (every Synapse step) the workspace identity. */
function principalOf(d: Deployed, j: Journey): string {
  if (j.actor.kind === 'persona') return address(d, d.lakehouse.personas[j.actor.name]);
  return address(d, d.lakehouse.warehouse!.workspace);
}

/** Whether the synthesized access lets the journey happen. */
function holds(d: Deployed, j: Journey): boolean {
  const who = principalOf(d, j);
  const a = d.access;
  const persona = j.actor.kind === 'persona';
  switch (j.action) {
    case JourneyAction.READ_ZONE:
      return a.hasDataAction(who, zoneScope(d, j.target), BLOB_READ);
    case JourneyAction.WRITE_ZONE:
      return a.hasDataAction(who, zoneScope(d, j.target), BLOB_WRITE);
    case JourneyAction.QUERY_ZONE:
      // Serverless SQL reads the files as the caller (Entra pass-through): storage read on the
      // zone, and a Synapse role to use the workspace.
      return a.hasDataAction(who, zoneScope(d, j.target), BLOB_READ) && a.synapseCan(who, 'useArtifacts');
    case JourneyAction.CREATE_TABLE: {
      const data =
        a.hasDataAction(who, zoneScope(d, j.target), BLOB_READ) &&
        a.hasDataAction(who, zoneScope(d, j.target), BLOB_WRITE);
      // Jobs create tables from Spark as the workspace identity; personas publish lake-database artifacts.
      return persona ? data && a.synapseCan(who, 'publishArtifacts') : data;
    }
    case JourneyAction.PUBLISH_STREAM:
      return a.hasDataAction(who, ref(d, d.lakehouse.streams[j.target].eventHub, 'id'), EVENT_SEND);
    case JourneyAction.OPERATE_PIPELINE:
      return a.hasAction(who, ref(d, d.lakehouse.pipelines[j.target].factory, 'id'), PIPELINE_RUN);
    case JourneyAction.ADMINISTER_CATALOG:
      return a.isSqlAdministrator(who) || a.synapseCan(who, 'administer');
  }
}

/**
 * Zone accesses the workspace identity holds because Synapse Spark pools have no identity of their
 * own (documented on `SparkJob`): what any step of any pipeline needs, plus the warehouse's own
 * zones. A step's denied journey may hold only for one of these, never for anything else.
 */
function sharedWorkspaceAccess(d: Deployed): Set<string> {
  const plan = d.lakehouse.plan;
  const shared = new Set<string>();
  const add = (action: JourneyAction, zone: string) => shared.add(`${action}|${zone}`);
  for (const step of plan.pipelines.flatMap((p) => p.steps)) {
    add(JourneyAction.READ_ZONE, step.sourceZone);
    for (const action of [JourneyAction.READ_ZONE, JourneyAction.WRITE_ZONE, JourneyAction.CREATE_TABLE]) {
      add(action, step.targetZone);
    }
  }
  const ws = d.lakehouse.warehouse!.workspaceZone;
  for (const action of [JourneyAction.READ_ZONE, JourneyAction.WRITE_ZONE, JourneyAction.CREATE_TABLE]) {
    add(action, ws);
  }
  add(JourneyAction.READ_ZONE, plan.zones[plan.zones.length - 1].name);
  return shared;
}

describe.each([
  ['examples/lakehouse-azure (SALES_LAKEHOUSE)', example],
  ['a spec with custom personas (auditor, curator)', custom],
])('Azure lakehouse journeys: %s', (_title, make) => {
  const d = make();
  const journeys = lakehouseJourneys(d.lakehouse.plan);
  const shared = sharedWorkspaceAccess(d);

  test('the catalogue is not empty and has denied journeys', () => {
    expect(journeys.filter((j) => j.allowed).length).toBeGreaterThan(10);
    expect(journeys.filter((j) => !j.allowed).length).toBeGreaterThan(10);
  });

  test.each(journeys.filter((j) => j.allowed).map((j) => [j.title, j] as const))('%s', (_t, j) => {
    expect({ journey: j.title, holds: holds(d, j) }).toEqual({ journey: j.title, holds: true });
  });

  test.each(
    journeys.filter((j) => !j.allowed && j.actor.kind === 'persona').map((j) => [j.title, j] as const),
  )('%s', (_t, j) => {
    expect({ journey: j.title, holds: holds(d, j) }).toEqual({ journey: j.title, holds: false });
  });

  test('a job is denied every zone access beyond what the shared workspace identity needs for the plan', () => {
    const leaks = journeys
      .filter((j) => !j.allowed && j.actor.kind === 'step' && holds(d, j))
      .filter((j) => !shared.has(`${j.action}|${j.target}`))
      .map((j) => j.title);
    expect(leaks).toEqual([]);
  });

  test('persona assignments are scoped to a zone, a hub or a factory, never to the account, group or subscription', () => {
    const personaPrincipals = new Set(Object.values(d.lakehouse.personas).map((p) => address(d, p)));
    for (const a of d.access.assignments.filter((x) => personaPrincipals.has(x.principal))) {
      expect({ role: a.role, scope: a.scope }).toEqual({
        role: a.role,
        scope: expect.stringMatching(
          /containers\/\$\{azurerm_storage_container\.|^\$\{azurerm_eventhub\.|^\$\{azurerm_data_factory\./,
        ),
      });
    }
  });
});
