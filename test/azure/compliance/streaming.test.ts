import * as os from 'node:os';
import * as path from 'node:path';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { build } from '../../../examples/streaming-azure/app';
import { checkCompliance } from '../../../src/azure/compliance';
import { Principal } from '../../../src/azure/iam/principal';
import { NotificationTarget } from '../../../src/azure/monitoring/notification-target';
import { EncryptionKey } from '../../../src/azure/security/encryption-key';
import { LakeStorage } from '../../../src/azure/storage/lake-storage';
import { EventHubsSku } from '../../../src/azure/streaming/event-hubs-sku';
import { StreamIngestion, type StreamIngestionProps } from '../../../src/azure/streaming/stream-ingestion';
import type { ComplianceReport } from '../../../src/core/compliance';
import { DataRemovalPolicy, REMOVE_DATA_ON_DESTROY_CONTEXT } from '../../../src/core/removal';
import { App, type TerraformStack } from '../../../src/terraform';
import { DESTROY_ACKNOWLEDGEMENT_REASON } from '../../../src/terraform';
import { expectClean } from '../../helpers/compliance';
import { newAzureStack, OBJECT_ID, RG } from '../azure-stack';
import { ForeignLake } from '../streaming/support';

/** A lake and a stream `clicks` on it, in `stack`. */
function streamIn(stack: TerraformStack, props: Partial<StreamIngestionProps> = {}): StreamIngestion {
  const lake = props.lake ?? new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
  return new StreamIngestion(stack, 'Clicks', {
    platformName: 'sales',
    streamName: 'clicks',
    resourceGroup: RG,
    ...props,
    lake,
  });
}

const findingIds = (report: ComplianceReport) => report.findings.map((f) => `${f.ruleId} ${f.path}`);

/** Every streaming configuration held to zero findings, by name. */
const CONFIGURATIONS: Record<string, () => TerraformStack> = {
  'StreamIngestion defaults (Standard)': () => {
    const stack = newAzureStack();
    streamIn(stack);
    return stack;
  },
  'StreamIngestion maximal on Premium, with a created key, groups, e-mails and every grant': () => {
    const stack = newAzureStack();
    const stream = streamIn(stack, {
      sku: EventHubsSku.PREMIUM,
      capacity: 2,
      partitionCount: 16,
      retentionHours: 72,
      zone: 'curated',
      keyVaultAllowedIpRanges: ['20.61.10.0/24'],
      captureIntervalSeconds: 120,
      captureSizeLimitBytes: 104857600,
      consumerGroups: ['analytics', 'ml'],
      alertEmailAddresses: ['oncall@example.com'],
      captureBacklogThreshold: 50000,
      namespaceName: 'sales-clicks-prod',
      location: 'northeurope',
      tags: { owner: 'web' },
    });
    const producer = new UserAssignedIdentity(stack, 'Producer', {
      name: 'id-web',
      location: RG.location,
      resourceGroupName: RG.name,
    });
    stream.grantWrite(Principal.fromUserAssignedIdentity(producer));
    stream.grantRead(Principal.group(OBJECT_ID), 'analytics');
    stream.grantRead(Principal.user(OBJECT_ID));
    return stack;
  },
  'StreamIngestion on Premium with the lake key': () => {
    const stack = newAzureStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
    streamIn(stack, { lake, sku: EventHubsSku.PREMIUM, encryptionKey: lake.encryptionKey });
    return stack;
  },
  'StreamIngestion on Premium with an existing key, Standard auto-inflate elsewhere': () => {
    const stack = newAzureStack();
    const key = EncryptionKey.fromEncryptionKeyAttributes(stack, 'Shared', {
      keyVaultId:
        '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-shared',
      keyVaultKeyId: 'https://kv-shared.vault.azure.net/keys/stream-cmk',
    });
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
    streamIn(stack, { lake, sku: EventHubsSku.PREMIUM, encryptionKey: key });
    new StreamIngestion(stack, 'Orders', {
      platformName: 'sales',
      streamName: 'orders',
      resourceGroup: RG,
      lake,
      capacity: 2,
      maximumThroughputUnits: 20,
    });
    return stack;
  },
  'StreamIngestion into a lake that is not the kit lake (the stream makes a workspace)': () => {
    const stack = newAzureStack();
    const alerts = new NotificationTarget(stack, 'Alerts', {
      platformName: 'sales',
      resourceGroup: RG,
      emailAddresses: ['a@example.com'],
    });
    streamIn(stack, {
      lake: new ForeignLake(stack, 'Other'),
      assignDeployerCaptureAccess: false,
      notificationTarget: alerts,
    });
    return stack;
  },
};

describe('Azure pack on the streaming blocks: every configuration is clean', () => {
  test.each(Object.keys(CONFIGURATIONS))('%s: zero unacknowledged findings', (name) => {
    expectClean(checkCompliance(CONFIGURATIONS[name]()));
  });

  test('the Event Hubs rules all ran on the Premium configuration', () => {
    // GIVEN the Premium configuration / WHEN checked / THEN each Event Hubs rule had a resource to check
    const stack = CONFIGURATIONS['StreamIngestion on Premium with the lake key']();
    expect(checkCompliance(stack).findings).toEqual([]);
    const namespace = stack.node.findAll().find((c) => c instanceof StreamIngestion) as StreamIngestion;
    // Weaken everything the Event Hubs rules read, so each has to report.
    namespace.namespace.addOverride('minimum_tls_version', '1.0');
    namespace.namespace.addOverride('public_network_access_enabled', true);
    namespace.namespace.addOverride('local_authentication_enabled', true);
    namespace.customerManagedKeySetting!.addOverride('infrastructure_encryption_enabled', false);
    namespace.diagnostics.putEnabledLog([{ category: 'KafkaUserErrorLogs' }]);
    namespace.eventHub.addOverride('lifecycle.prevent_destroy', false);
    expect(
      checkCompliance(stack)
        .findings.map((f) => f.ruleId)
        .sort(),
    ).toEqual([
      'CKV_AZURE_223',
      'DPK_AZURE_EVENTHUB_DIAGNOSTIC_LOGS',
      'DPK_AZURE_EVENTHUB_INFRASTRUCTURE_ENCRYPTION',
      'DPK_AZURE_EVENTHUB_LOCAL_AUTH',
      'DPK_AZURE_EVENTHUB_PUBLIC_NETWORK',
      'DPK_AZURE_PREVENT_DESTROY',
    ]);
  });
});

describe('Azure pack on the streaming blocks: weakened resources are reported', () => {
  test('a Premium namespace without its customer-managed key is found', () => {
    // GIVEN a Premium stream that opted out of the CMK / WHEN checked / THEN the CMK rule reports it
    const stack = newAzureStack();
    streamIn(stack, { sku: EventHubsSku.PREMIUM, customerManagedKey: false });
    expect(findingIds(checkCompliance(stack))).toEqual(['DPK_AZURE_EVENTHUB_CMK Test/Clicks/Namespace']);
  });

  test('a namespace opened through the escape hatch is found', () => {
    const stack = newAzureStack();
    streamIn(stack).namespace.addOverride('public_network_access_enabled', true);
    expect(findingIds(checkCompliance(stack))).toEqual([
      'DPK_AZURE_EVENTHUB_PUBLIC_NETWORK Test/Clicks/Namespace',
    ]);
  });

  test('DESTROY with the flag: the retention findings are acknowledged with the reason', () => {
    // GIVEN the flag and DESTROY / WHEN checked / THEN clean, namespace and hub acknowledged
    const stack = newAzureStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true });
    streamIn(stack, { removalPolicy: DataRemovalPolicy.DESTROY });
    const report = expectClean(checkCompliance(stack));
    const acks = report.acknowledged.filter((a) => a.path?.startsWith('Test/Clicks/'));
    expect(acks.map((a) => `${a.ruleId} ${a.path}`).sort()).toEqual([
      'DPK_AZURE_PREVENT_DESTROY Test/Clicks/EventHub',
      'DPK_AZURE_PREVENT_DESTROY Test/Clicks/Namespace',
    ]);
    for (const a of acks) expect(a.reason).toBe(DESTROY_ACKNOWLEDGEMENT_REASON);
  });
});

describe('Azure pack: the streaming example', () => {
  test('streaming-azure has zero unacknowledged findings', () => {
    const app = new App({ outdir: path.join(os.tmpdir(), 'data-platform-kit-tests'), stackTraces: false });
    build(app);
    const report = expectClean(checkCompliance(app));
    // The lake's public endpoint is on only for the Capture namespace's resource-instance rule.
    expect(report.acknowledged.map((a) => `${a.ruleId} ${a.path}`)).toEqual([
      'CKV_AZURE_59 streaming-azure/Lake/Account',
    ]);
  });
});
