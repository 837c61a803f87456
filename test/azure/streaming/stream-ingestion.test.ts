import { PrivateDnsZoneName, PrivateEndpointSubresource } from '../../../src/azure/network/endpoints';
import { Network } from '../../../src/azure/network/network';
import { LakeStorage } from '../../../src/azure/storage/lake-storage';
import { EventHubsSku } from '../../../src/azure/streaming/event-hubs-sku';
import { StreamIngestion } from '../../../src/azure/streaming/stream-ingestion';
import { CommonDefaults } from '../../../src/core/blocks';
import { ErrorCode } from '../../../src/core/errors';
import { TerraformOutput } from '../../../src/terraform';
import { TfTemplate, warningsOf } from '../../helpers/tf-template';
import { newAzureStack, RG, tokens, waitsForPropagation } from '../azure-stack';
import {
  ASSIGNMENT,
  CMK,
  CONSUMER_GROUP,
  DIAGNOSTICS,
  failsWith,
  FOREIGN_ACCOUNT_ID,
  ForeignLake,
  HUB,
  NAMESPACE,
  newStream,
  ref,
  synthStream,
  WORKSPACE,
} from './support';

describe('StreamIngestion namespace defaults', () => {
  test('a Standard namespace without public access or SAS keys, TLS 1.2, with its own identity', () => {
    // GIVEN / WHEN a stream with defaults
    const { template } = synthStream();
    // THEN the namespace is locked down and carries a user-assigned identity
    expect(StreamIngestion.DEFAULT_SKU).toBe(EventHubsSku.STANDARD);
    expect(StreamIngestion.MINIMUM_TLS_VERSION).toBe('1.2');
    template.resourceCountIs(NAMESPACE, 1);
    template.hasResourceProperties(NAMESPACE, {
      sku: 'Standard',
      public_network_access_enabled: false,
      local_authentication_enabled: false,
      minimum_tls_version: '1.2',
      identity: { type: 'UserAssigned', identity_ids: [ref('azurerm_user_assigned_identity', 'id')] },
      location: RG.location,
      resource_group_name: RG.name,
      tags: { 'data-platform': 'sales' },
    });
  });

  test('capacity defaults to one throughput unit, without auto-inflate', () => {
    const { template } = synthStream();
    expect(StreamIngestion.DEFAULT_CAPACITY).toBe(1);
    const ns = template.hasResourceProperties(NAMESPACE, { capacity: 1 });
    expect(ns.config).not.toHaveProperty('auto_inflate_enabled');
    expect(ns.config).not.toHaveProperty('maximum_throughput_units');
  });

  test('the namespace name derives from platform, stream and a hash that includes the resource group', () => {
    // GIVEN the same app in two resource groups
    const names = (rg: string) =>
      synthStream({ resourceGroup: { name: rg, location: 'westeurope' } })
        .template.resources(NAMESPACE)
        .map((b) => b.config.name as string);
    // THEN sales-clicks-<hash>, stable per group and distinct across groups
    const dev = names('rg-dev');
    expect(dev[0]).toMatch(/^sales-clicks-[0-9a-f]{8}$/);
    expect(names('rg-dev')).toEqual(dev);
    expect(names('rg-prod')).not.toEqual(dev);
  });

  test('Standard encrypts with Microsoft-managed keys: no key, no key setting', () => {
    const { template, stream } = synthStream();
    template.resourceCountIs(CMK, 0);
    template.resourceCountIs('azurerm_key_vault', 1); // the lake's
    expect(stream.encryptionKey).toBeUndefined();
  });
});

describe('StreamIngestion event hub and Capture', () => {
  test('one hub named after the stream: 4 partitions, 24 hours of retention', () => {
    const { template, stream } = synthStream();
    expect(StreamIngestion.DEFAULT_PARTITION_COUNT).toBe(4);
    expect(StreamIngestion.DEFAULT_RETENTION_HOURS).toBe(CommonDefaults.STREAM_RETENTION_HOURS);
    const hub = template.hasResourceProperties(HUB, {
      name: 'clicks',
      namespace_id: ref(NAMESPACE, 'id'),
      partition_count: 4,
      retention_description: { cleanup_policy: 'Delete', retention_time_in_hours: 24 },
    });
    expect(hub.config).not.toHaveProperty('message_retention');
    expect(stream.eventHubName).toBeDefined();
  });

  test('Capture writes Avro into the raw container every 300 s or 300 MiB, time-partitioned', () => {
    const { template, stream } = synthStream();
    expect(StreamIngestion.DEFAULT_ZONE).toBe('raw');
    expect(StreamIngestion.DEFAULT_CAPTURE_INTERVAL_SECONDS).toBe(300);
    expect(StreamIngestion.DEFAULT_CAPTURE_SIZE_LIMIT_BYTES).toBe(314572800);
    expect(stream.zone).toBe('raw');
    const hub = template.hasResourceProperties(HUB, {
      capture_description: {
        enabled: true,
        encoding: 'Avro',
        interval_in_seconds: 300,
        size_limit_in_bytes: 314572800,
        skip_empty_archives: true,
        destination: {
          name: 'EventHubArchive.AzureBlockBlob',
          archive_name_format:
            'clicks/{Namespace}/{EventHub}/{PartitionId}/{Year}/{Month}/{Day}/{Hour}/{Minute}/{Second}',
          storage_account_id: ref('azurerm_storage_account', 'id'),
          blob_container_name: ref('azurerm_storage_container', 'name'),
        },
      },
    });
    const raw = template
      .resources('azurerm_storage_container')
      .find((c) => String(c.config.name).startsWith('sales-raw-'));
    expect(JSON.stringify(hub.config.capture_description)).toContain(
      `azurerm_storage_container.${raw!.name}.name`,
    );
  });

  test('the namespace identity holds Storage Blob Data Contributor on the container before the hub exists', () => {
    const { template, stream } = synthStream();
    const grant = template.hasResourceProperties(ASSIGNMENT, {
      role_definition_name: 'Storage Blob Data Contributor',
      principal_id: ref('azurerm_user_assigned_identity', 'principal_id'),
      principal_type: 'ServicePrincipal',
      scope: expect.stringMatching(
        /\/blobServices\/default\/containers\/\$\{azurerm_storage_container\.\w+\.name\}$/,
      ),
    });
    expect(stream.captureAccess.node.scope?.node.id).toBe('Lake');
    expect(waitsForPropagation(template.doc, HUB, `${ASSIGNMENT}.${grant.name}`)).toBe(true);
  });

  test('the deployer may write to the container before the hub exists (linked access check)', () => {
    const { template, stream } = synthStream();
    expect(StreamIngestion.DEFAULT_ASSIGN_DEPLOYER_CAPTURE_ACCESS).toBe(true);
    const deployer = template.hasResourceProperties(ASSIGNMENT, {
      role_definition_name: 'Storage Blob Data Contributor',
      principal_id: expect.stringMatching(/^\$\{data\.azurerm_client_config\.\w+\.object_id\}$/),
      scope: expect.stringMatching(/\/containers\//),
    });
    expect(deployer.config).not.toHaveProperty('principal_type');
    expect(waitsForPropagation(template.doc, HUB, `${ASSIGNMENT}.${deployer.name}`)).toBe(true);
    expect(stream.deployerCaptureAccess).toBeDefined();
  });

  test('assignDeployerCaptureAccess: false leaves the deployer alone', () => {
    const { template, stream } = synthStream({ assignDeployerCaptureAccess: false });
    expect(stream.deployer).toBeUndefined();
    template.resourceCountIs(ASSIGNMENT, 3); // the lake's two key grants and the capture grant
    expect(template.dataSources('azurerm_client_config')).toHaveLength(1); // the lake key's
    expect(template.resources(HUB)[0].config.depends_on).toHaveLength(1);
  });

  test('Capture options, zone, partitions and retention', () => {
    const { template } = synthStream({
      zone: 'curated',
      captureIntervalSeconds: 60,
      captureSizeLimitBytes: 10485760,
      partitionCount: 32,
      retentionHours: 168,
    });
    const hub = template.hasResourceProperties(HUB, {
      partition_count: 32,
      retention_description: { retention_time_in_hours: 168 },
      capture_description: { interval_in_seconds: 60, size_limit_in_bytes: 10485760 },
    });
    const curated = template
      .resources('azurerm_storage_container')
      .find((c) => String(c.config.name).startsWith('sales-curated-'));
    expect(JSON.stringify(hub.config)).toContain(`azurerm_storage_container.${curated!.name}.name`);
  });

  test('a lake that is not the kit lake: container name from its resource id', () => {
    const stack = newAzureStack();
    const { template } = synthStream({ lake: new ForeignLake(stack, 'Other') }, stack);
    template.hasResourceProperties(HUB, {
      capture_description: {
        destination: { storage_account_id: FOREIGN_ACCOUNT_ID, blob_container_name: 'landing-raw' },
      },
    });
  });

  test('the event hub and namespace are exposed', () => {
    // GIVEN a stream whose attributes the stack outputs
    const { stream, stack } = newStream();
    new TerraformOutput(stack, 'Hub', { value: stream.eventHubId });
    new TerraformOutput(stack, 'HubName', { value: stream.eventHubName });
    new TerraformOutput(stack, 'Namespace', { value: stream.namespaceId });
    // THEN they reference the hub and the namespace
    expect(TfTemplate.fromStack(stack).doc.output).toEqual({
      Hub: { value: ref(HUB, 'id') },
      HubName: { value: ref(HUB, 'name') },
      Namespace: { value: ref(NAMESPACE, 'id') },
    });
  });
});

describe('StreamIngestion consumer groups', () => {
  test('none besides $Default by default', () => {
    const { template, stream } = synthStream();
    template.resourceCountIs(CONSUMER_GROUP, 0);
    expect(stream.consumerGroups).toEqual({});
  });

  test('each declared group is a resource on the hub', () => {
    const { template, stream } = synthStream({ consumerGroups: ['analytics', 'ml-features'] });
    template.resourceCountIs(CONSUMER_GROUP, 2);
    template.hasResourceProperties(CONSUMER_GROUP, {
      name: 'ml-features',
      eventhub_name: ref(HUB, 'name'),
      namespace_name: ref(NAMESPACE, 'name'),
      resource_group_name: RG.name,
    });
    expect(stream.consumerGroups['ml-features'].node.id).toBe('ConsumerGroupMlFeatures');
  });
});

describe('StreamIngestion customer-managed key (Premium)', () => {
  test('Premium creates a key and sets it on the namespace through the identity, after the key grant', () => {
    // GIVEN / WHEN a Premium stream
    const { template, stream } = synthStream({ sku: EventHubsSku.PREMIUM });
    // THEN a second vault (purpose stream), the identity granted on its key, the key set after the grant
    template.hasResourceProperties(NAMESPACE, { sku: 'Premium' });
    template.hasResourceProperties('azurerm_key_vault', {
      name: expect.stringMatching(/^sales-stream-[0-9a-f]{8}$/),
    });
    const grant = template.hasResourceProperties(ASSIGNMENT, {
      role_definition_name: 'Key Vault Crypto Service Encryption User',
      principal_id: expect.stringMatching(
        /azurerm_user_assigned_identity\.Clicks_Identity_\w+\.principal_id/,
      ),
      principal_type: 'ServicePrincipal',
    });
    const cmk = template.hasResourceProperties(CMK, {
      eventhub_namespace_id: ref(NAMESPACE, 'id'),
      key_vault_key_ids: [ref('azurerm_key_vault_key', 'versionless_id')],
      user_assigned_identity_id: ref('azurerm_user_assigned_identity', 'id'),
      infrastructure_encryption_enabled: true,
    });
    expect(waitsForPropagation(template.doc, CMK, `${ASSIGNMENT}.${grant.name}`)).toBe(true);
    expect(stream.customerManagedKeySetting).toBeDefined();
    // AND the hub exists only once the key is set (Event Hubs encrypts only empty namespaces)
    expect(template.resources(HUB)[0].config.depends_on).toContain(`${CMK}.${cmk.name}`);
  });

  test('an existing key is used instead of a new one', () => {
    const stack = newAzureStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
    const { template } = synthStream(
      { sku: EventHubsSku.PREMIUM, lake, encryptionKey: lake.encryptionKey },
      stack,
    );
    template.resourceCountIs('azurerm_key_vault', 1);
    template.hasResourceProperties(CMK, {
      key_vault_key_ids: [ref('azurerm_key_vault_key', 'versionless_id')],
    });
  });

  test('keyVaultAllowedIpRanges open the vault the stream creates to the deployer', () => {
    const { template } = synthStream({
      sku: EventHubsSku.PREMIUM,
      keyVaultAllowedIpRanges: ['20.61.10.0/24'],
    });
    template.hasResourceProperties('azurerm_key_vault', {
      name: expect.stringMatching(/^sales-stream-/),
      network_acls: { ip_rules: ['20.61.10.0/24'] },
    });
  });

  test('customerManagedKey: false on Premium keeps Microsoft-managed keys', () => {
    const { template } = synthStream({ sku: EventHubsSku.PREMIUM, customerManagedKey: false });
    template.resourceCountIs(CMK, 0);
  });

  test('a customer-managed key on Standard is rejected', () => {
    expect(() => synthStream({ customerManagedKey: true })).toThrow(
      failsWith(ErrorCode.CONFLICTING_PROPS, 'customerManagedKey'),
    );
    const stack = newAzureStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
    expect(() => synthStream({ lake, encryptionKey: lake.encryptionKey }, stack)).toThrow(
      failsWith(ErrorCode.CONFLICTING_PROPS, 'encryptionKey'),
    );
  });

  test('Premium capacity, partitions and retention', () => {
    const { template } = synthStream({
      sku: EventHubsSku.PREMIUM,
      capacity: 2,
      partitionCount: 100,
      retentionHours: 2160,
    });
    template.hasResourceProperties(NAMESPACE, { capacity: 2 });
    template.hasResourceProperties(HUB, {
      partition_count: 100,
      retention_description: { retention_time_in_hours: 2160 },
    });
  });
});

describe('StreamIngestion options', () => {
  test('maximumThroughputUnits turns on auto-inflate', () => {
    const { template } = synthStream({ capacity: 2, maximumThroughputUnits: 10 });
    template.hasResourceProperties(NAMESPACE, {
      capacity: 2,
      auto_inflate_enabled: true,
      maximum_throughput_units: 10,
    });
  });

  test('namespaceName, location and tags', () => {
    const { template } = synthStream({
      namespaceName: 'sales-events-prod',
      location: 'northeurope',
      tags: { owner: 'web' },
    });
    template.hasResourceProperties(NAMESPACE, {
      name: 'sales-events-prod',
      location: 'northeurope',
      tags: { 'data-platform': 'sales', owner: 'web' },
    });
    template.hasResourceProperties('azurerm_user_assigned_identity', {
      location: 'northeurope',
      tags: { owner: 'web' },
    });
  });

  test('unresolved values are not validated', () => {
    const { template } = synthStream({
      capacity: tokens.number(),
      partitionCount: tokens.number(),
      retentionHours: tokens.number(),
      captureIntervalSeconds: tokens.number(),
      captureSizeLimitBytes: tokens.number(),
      captureBacklogThreshold: tokens.number(),
      namespaceName: tokens.string(),
    });
    template.hasResourceProperties(NAMESPACE, { name: '${lower("NAME")}', capacity: '${tonumber("30")}' });
    template.hasResourceProperties(HUB, {
      partition_count: '${tonumber("30")}',
      capture_description: { interval_in_seconds: '${tonumber("30")}' },
    });
  });
});

describe('StreamIngestion diagnostics', () => {
  test("all namespace logs go to the lake's workspace", () => {
    const { template } = synthStream();
    template.resourceCountIs(WORKSPACE, 1); // the lake's
    template.hasResourceProperties(DIAGNOSTICS, {
      name: 'eventhub-logs',
      target_resource_id: ref(NAMESPACE, 'id'),
      log_analytics_workspace_id: ref(WORKSPACE, 'id'),
      enabled_log: [{ category_group: 'allLogs' }],
    });
  });

  test("a lake with an existing workspace: the stream follows the lake's diagnostic setting", () => {
    const stack = newAzureStack();
    const id =
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/central';
    const lake = new LakeStorage(stack, 'Lake', {
      platformName: 'sales',
      resourceGroup: RG,
      logAnalyticsWorkspaceId: id,
    });
    const { template } = synthStream({ lake }, stack);
    template.resourceCountIs(WORKSPACE, 0);
    template.hasResourceProperties(DIAGNOSTICS, {
      target_resource_id: ref(NAMESPACE, 'id'),
      log_analytics_workspace_id: ref(DIAGNOSTICS, 'log_analytics_workspace_id'),
    });
  });

  test('logAnalyticsWorkspaceId wins over the lake', () => {
    const id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/ops';
    const { template } = synthStream({ logAnalyticsWorkspaceId: id });
    template.hasResourceProperties(DIAGNOSTICS, {
      target_resource_id: ref(NAMESPACE, 'id'),
      log_analytics_workspace_id: id,
    });
  });

  test('a lake without a workspace: the stream makes one, kept 365 days, retained', () => {
    const stack = newAzureStack();
    const { template, stream } = synthStream({ lake: new ForeignLake(stack, 'Other') }, stack);
    expect(stream.logWorkspace).toBeDefined();
    template.hasResourceProperties(WORKSPACE, {
      name: expect.stringMatching(/^sales-clicks-logs-[0-9a-f]{8}$/),
      retention_in_days: CommonDefaults.ACCESS_LOG_RETENTION_DAYS,
      local_authentication_enabled: false,
      lifecycle: { prevent_destroy: true },
    });
  });
});

describe('StreamIngestion Capture authentication', () => {
  test('Capture writes with the namespace identity, and the stack requires an azurerm that supports it', () => {
    // GIVEN / WHEN a default stream into a kit lake
    const { template, stack } = synthStream();
    // THEN the hub's Capture authenticates as the user-assigned identity (never SAS)
    const hub = template.resources(HUB)[0].config as any;
    expect(hub.capture_description.destination).toMatchObject({
      storage_authentication_type: 'UserAssigned',
      storage_authentication_id: ref('azurerm_user_assigned_identity', 'id'),
    });
    // AND the generated provider constraint is the first release with those attributes
    const json = template.doc as any;
    expect(StreamIngestion.MINIMUM_AZURERM_VERSION).toBe('4.71.0');
    expect(json.terraform.required_providers.azurerm.version).toBe('>= 4.71.0, < 5.0.0');
    // AND no warning asks for a manual switch any more
    expect(warningsOf(stack).join('\n')).not.toContain('SAS');
  });

  test('the lake admits the namespace by a resource-instance rule, firewall still default Deny', () => {
    const { template } = synthStream();
    const account = template.resources('azurerm_storage_account')[0].config as any;
    expect(account.public_network_access_enabled).toBe(true);
    expect(account.network_rules).toEqual({
      default_action: 'Deny',
      bypass: ['AzureServices'],
      private_link_access: [{ endpoint_resource_id: ref(NAMESPACE, 'id') }],
    });
    expect(account.network_rules).not.toHaveProperty('ip_rules');
  });

  test('a lake that cannot admit resources gets a warning naming the namespace rule to add', () => {
    const stack = newAzureStack();
    newStream({ lake: new ForeignLake(stack, 'Foreign') }, stack);
    expect(warningsOf(stack).join('\n')).toContain(StreamIngestion.LAKE_FIREWALL_WARNING);
  });
});

describe('StreamIngestion template', () => {
  test('a default stream adds 9 resources to its lake', () => {
    // namespace, hub, identity, capture grant, deployer grant, their propagation wait, diagnostics
    // and two alerts
    const stack = newAzureStack();
    new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
    const lakeOnly = TfTemplate.fromStack(stack).resourceCount();
    const { template } = synthStream({}, newAzureStack());
    expect(template.resourceCount() - lakeOnly).toBe(9);
  });
});

describe('StreamIngestion reach', () => {
  test('without a network the namespace is unreachable, and a warning says so', () => {
    const { stream, template } = synthStream();
    template.resourceCountIs('azurerm_private_endpoint', 0);
    expect(stream.privateEndpoint).toBeUndefined();
    expect(warningsOf(stream).join('\n')).toContain(StreamIngestion.UNREACHABLE_WARNING);
  });

  test('with a network, clients reach the namespace through a private endpoint in the Service Bus zone', () => {
    const stack = newAzureStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
    const network = new Network(stack, 'Network', { platformName: 'sales', resourceGroup: RG });
    const { stream, template } = synthStream({ lake, network }, stack);
    expect(stream.privateEndpoint).toBeDefined();
    template.hasResourceProperties('azurerm_private_endpoint', {
      private_service_connection: {
        private_connection_resource_id: ref(NAMESPACE, 'id'),
        subresource_names: [PrivateEndpointSubresource.EVENT_HUBS_NAMESPACE],
      },
    });
    template.hasResourceProperties('azurerm_private_dns_zone', { name: PrivateDnsZoneName.SERVICE_BUS });
    expect(warningsOf(stream).join('\n')).not.toContain(StreamIngestion.UNREACHABLE_WARNING);
  });
});

describe('StreamIngestion retention per tier', () => {
  test('RETENTION_HOURS_RANGE: 7 days on Standard, 90 days on Premium (the Event Hubs quotas)', () => {
    expect(StreamIngestion.RETENTION_HOURS_RANGE).toEqual({
      [EventHubsSku.STANDARD]: { min: 1, max: 168 },
      [EventHubsSku.PREMIUM]: { min: 1, max: 2160 },
    });
  });

  test.each([
    [
      EventHubsSku.STANDARD,
      169,
      'an integer from 1 to 168 (Event Hubs Standard keeps events at most 7 days)',
    ],
    [
      EventHubsSku.PREMIUM,
      2161,
      'an integer from 1 to 2160 (Event Hubs Premium keeps events at most 90 days)',
    ],
  ])('one hour past the cap on %s is rejected, naming the tier and its range', (sku, hours, allowed) => {
    expect(() => newStream({ sku, retentionHours: hours })).toThrow(
      expect.objectContaining({
        code: ErrorCode.OUT_OF_RANGE,
        violations: [{ prop: 'retentionHours', received: hours, allowed }],
      }),
    );
  });
});
