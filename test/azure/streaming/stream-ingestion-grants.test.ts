import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Principal, PrincipalType } from '../../../src/azure/iam/principal';
import { EventHubsSku } from '../../../src/azure/streaming/event-hubs-sku';
import { STREAM_ROLES, StreamAccess } from '../../../src/azure/streaming/roles';
import { StreamIngestion } from '../../../src/azure/streaming/stream-ingestion';
import { ErrorCode } from '../../../src/core/errors';
import {
  DataRemovalPolicy,
  REMOVAL_DOWNGRADED_WARNING,
  REMOVE_DATA_ON_DESTROY_CONTEXT,
} from '../../../src/core/removal';
import { TfTemplate, warningsOf } from '../../helpers/tf-template';
import { newAzureStack, OBJECT_ID, RG, tokens } from '../azure-stack';
import {
  ASSIGNMENT,
  CONSUMER_GROUP,
  failsWith,
  HUB,
  NAMESPACE,
  newStream,
  ref,
  synthStream,
} from './support';

const HUB_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-events/providers/Microsoft.EventHub/namespaces/sales-events/eventhubs/orders';

describe('StreamIngestion grants', () => {
  test('grantWrite assigns Azure Event Hubs Data Sender on the hub, with the principal type', () => {
    // GIVEN a stream / WHEN a producer identity may write
    const { stream, stack } = newStream();
    const producer = new UserAssignedIdentity(stack, 'Producer', {
      name: 'id-web',
      location: RG.location,
      resourceGroupName: RG.name,
    });
    const assignment = stream.grantWrite(Principal.fromUserAssignedIdentity(producer));
    // THEN one sender assignment scoped to the hub
    TfTemplate.fromStack(stack).hasResourceProperties(ASSIGNMENT, {
      role_definition_name: 'Azure Event Hubs Data Sender',
      scope: ref(HUB, 'id'),
      principal_id: ref('azurerm_user_assigned_identity', 'principal_id'),
      principal_type: 'ServicePrincipal',
    });
    expect(assignment.node.id).toMatch(/^Sender[0-9a-f]{8}$/);
  });

  test('grantRead assigns Azure Event Hubs Data Receiver on the hub', () => {
    const { stream, stack } = newStream();
    stream.grantRead(Principal.group(OBJECT_ID));
    TfTemplate.fromStack(stack).hasResourceProperties(ASSIGNMENT, {
      role_definition_name: 'Azure Event Hubs Data Receiver',
      scope: ref(HUB, 'id'),
      principal_type: PrincipalType.GROUP,
    });
  });

  test('grantRead on a declared consumer group is scoped to that group', () => {
    const { stream, stack } = newStream({ consumerGroups: ['analytics'] });
    const assignment = stream.grantRead(Principal.user(OBJECT_ID), 'analytics');
    TfTemplate.fromStack(stack).hasResourceProperties(ASSIGNMENT, {
      role_definition_name: 'Azure Event Hubs Data Receiver',
      scope: ref(CONSUMER_GROUP, 'id'),
      principal_type: 'User',
    });
    expect(assignment.node.id).toMatch(/^ReceiverGroupAnalytics[0-9a-f]{8}$/);
  });

  test('grantRead on $Default is scoped to the default group', () => {
    const { stream, stack } = newStream();
    const assignment = stream.grantRead(Principal.user(OBJECT_ID), '$Default');
    TfTemplate.fromStack(stack).hasResourceProperties(ASSIGNMENT, {
      scope: expect.stringMatching(/^\$\{azurerm_eventhub\.\w+\.id\}\/consumergroups\/\$Default$/),
    });
    expect(assignment.node.id).toMatch(/^ReceiverDefaultGroup[0-9a-f]{8}$/);
  });

  test('an undeclared consumer group is rejected', () => {
    const { stream } = newStream({ consumerGroups: ['analytics'] });
    expect(() => stream.grantRead(Principal.user(OBJECT_ID), 'billing')).toThrow(
      failsWith(ErrorCode.INVALID_NAME, 'consumerGroup'),
    );
  });

  test('granting the same principal twice returns the first assignment', () => {
    const { stream } = newStream();
    const first = stream.grantWrite(Principal.user(OBJECT_ID));
    expect(stream.grantWrite(Principal.user(OBJECT_ID))).toBe(first);
  });

  test('a malformed principal is rejected', () => {
    const { stream } = newStream();
    expect(() => stream.grantWrite({ principalId: 'x', principalType: PrincipalType.USER })).toThrow(
      failsWith(ErrorCode.INVALID_PRINCIPAL),
    );
  });

  test('no grant reaches the namespace or above, and none is a data owner', () => {
    const { stream, stack } = newStream({ consumerGroups: ['analytics'] });
    const p = Principal.user(OBJECT_ID);
    stream.grantWrite(p);
    stream.grantRead(p);
    stream.grantRead(p, 'analytics');
    const grants = TfTemplate.fromStack(stack).resources(ASSIGNMENT, { principal_id: OBJECT_ID });
    expect(grants).toHaveLength(3);
    for (const g of grants) {
      expect(g.config.scope).not.toMatch(new RegExp(`^\\$\\{${NAMESPACE}\\.`));
      expect(Object.values(STREAM_ROLES)).toContain(g.config.role_definition_name);
    }
  });
});

describe('StreamIngestion.fromEventHubId', () => {
  test('an existing hub: grants on its id and its consumer groups, names parsed', () => {
    const stack = newAzureStack();
    const hub = StreamIngestion.fromEventHubId(stack, 'Orders', HUB_ID);
    hub.grantWrite(Principal.servicePrincipal(OBJECT_ID));
    hub.grantRead(Principal.group(OBJECT_ID), 'billing');
    const template = TfTemplate.fromStack(stack);
    template.hasResourceProperties(ASSIGNMENT, {
      scope: HUB_ID,
      role_definition_name: STREAM_ROLES[StreamAccess.WRITE],
    });
    template.hasResourceProperties(ASSIGNMENT, {
      scope: `${HUB_ID}/consumergroups/billing`,
      role_definition_name: STREAM_ROLES[StreamAccess.READ],
    });
    expect(hub.eventHubName).toBe('orders');
    expect(hub.namespaceId).toBe(HUB_ID.replace('/eventhubs/orders', ''));
  });

  test('a token id is accepted; names become Terraform expressions', () => {
    const stack = newAzureStack();
    const hub = StreamIngestion.fromEventHubId(stack, 'Orders', tokens.string());
    hub.grantRead(Principal.group(OBJECT_ID));
    TfTemplate.fromStack(stack).hasResourceProperties(ASSIGNMENT, { scope: '${lower("NAME")}' });
    expect(hub.eventHubName).toContain('TfToken');
  });

  test.each([
    ['not a resource id', 'orders'],
    [
      'a namespace id',
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.EventHub/namespaces/sales-events',
    ],
  ])('%s is rejected', (_, id) => {
    expect(() => StreamIngestion.fromEventHubId(newAzureStack(), 'Orders', id)).toThrow(
      failsWith(ErrorCode.INVALID_NAME, 'eventHubId'),
    );
  });

  test('a consumer group name the kit could not make is rejected', () => {
    const hub = StreamIngestion.fromEventHubId(newAzureStack(), 'Orders', HUB_ID);
    expect(() => hub.grantRead(Principal.group(OBJECT_ID), 'Billing_Team')).toThrow(
      failsWith(ErrorCode.INVALID_NAME, 'consumerGroup'),
    );
  });
});

describe('StreamIngestion removal', () => {
  const stateful = [NAMESPACE, HUB];

  test('namespace and hub are retained by default', () => {
    const { template } = synthStream();
    for (const type of stateful) template.allResourcesHave(type, { lifecycle: { prevent_destroy: true } });
  });

  test('DESTROY without the context flag is retained with a warning', () => {
    const { template, stream } = synthStream({ removalPolicy: DataRemovalPolicy.DESTROY });
    for (const type of stateful) template.allResourcesHave(type, { lifecycle: { prevent_destroy: true } });
    expect(warningsOf(stream).some((w) => w.includes(REMOVAL_DOWNGRADED_WARNING))).toBe(true);
  });

  test('DESTROY with the context flag lets the stream go', () => {
    const stack = newAzureStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true });
    newStream({ removalPolicy: DataRemovalPolicy.DESTROY }, stack);
    const template = TfTemplate.fromStack(stack);
    for (const type of stateful) template.allResourcesHave(type, { lifecycle: { prevent_destroy: false } });
  });

  test('the key a Premium stream creates follows the removal policy', () => {
    const stack = newAzureStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true });
    newStream({ removalPolicy: DataRemovalPolicy.DESTROY, sku: EventHubsSku.PREMIUM }, stack);
    const keys = TfTemplate.fromStack(stack)
      .resources('azurerm_key_vault_key')
      .map((k) => (k.config.lifecycle as { prevent_destroy: boolean }).prevent_destroy);
    expect(keys.sort()).toEqual([false, true]); // the stream's key goes, the lake's stays
  });
});
