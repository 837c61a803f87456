import { ComputeFirewall } from '@cdktf/provider-google/lib/compute-firewall';
import { CommonDefaults } from '../../../src/core/blocks';
import { FlowLogInterval, Network, type NetworkProps } from '../../../src/gcp';
import { TfTemplate } from '../../helpers/tf-template';
import { newGcpStack } from '../support';

const NETWORK = 'google_compute_network';
const SUBNET = 'google_compute_subnetwork';
const FIREWALL = 'google_compute_firewall';

/** A fresh stack with one `sales` network in europe-west1 (plus `props`), synthesized. */
function synthNetwork(props: Partial<NetworkProps> = {}) {
  const stack = newGcpStack();
  const network = new Network(stack, 'Network', { platformName: 'sales', region: 'europe-west1', ...props });
  return { stack, network, template: TfTemplate.fromStack(stack) };
}

describe('Network defaults', () => {
  test('a custom-mode VPC with regional routing and the default route kept', () => {
    // GIVEN / WHEN
    const { template } = synthNetwork();
    // THEN
    template.resourceCountIs(NETWORK, 1);
    const vpc = template.hasResourceProperties(NETWORK, {
      auto_create_subnetworks: false,
      routing_mode: 'REGIONAL',
      delete_default_routes_on_create: false,
    });
    expect(vpc.config.name).toMatch(/^sales-vpc-[0-9a-f]{8}$/);
  });

  test('one data subnet in the region, taking DEFAULT_CIDR (10.40.0.0/16), with Private Google Access', () => {
    // GIVEN / WHEN
    const { template } = synthNetwork();
    // THEN
    expect(Network.DEFAULT_CIDR).toBe(CommonDefaults.NETWORK_CIDR);
    expect(Network.DEFAULT_CIDR).toBe('10.40.0.0/16');
    template.resourceCountIs(SUBNET, 1);
    const vpc = template.resources(NETWORK)[0];
    const subnet = template.hasResourceProperties(SUBNET, {
      network: `\${${vpc.address}.id}`,
      region: 'europe-west1',
      ip_cidr_range: '10.40.0.0/16',
      private_ip_google_access: true,
      stack_type: 'IPV4_ONLY',
    });
    expect(subnet.config.name).toMatch(/^sales-data-[0-9a-f]{8}$/);
  });

  test('flow logs sample DEFAULT_FLOW_LOG_SAMPLING (0.5) every DEFAULT_FLOW_LOG_INTERVAL (5 s) with all metadata', () => {
    // GIVEN / WHEN
    const { template } = synthNetwork();
    // THEN
    expect(Network.DEFAULT_FLOW_LOG_SAMPLING).toBe(0.5);
    expect(Network.DEFAULT_FLOW_LOG_INTERVAL).toBe(FlowLogInterval.INTERVAL_5_SEC);
    template.hasResourceProperties(SUBNET, {
      log_config: {
        aggregation_interval: 'INTERVAL_5_SEC',
        flow_sampling: 0.5,
        metadata: 'INCLUDE_ALL_METADATA',
      },
    });
  });

  test('a logged deny of all ingress from anywhere at priority 65534, and nothing allowed (DEFAULT_ALLOW_INTERNAL_INGRESS)', () => {
    // GIVEN / WHEN
    const { network, template } = synthNetwork();
    // THEN
    expect(Network.DEFAULT_ALLOW_INTERNAL_INGRESS).toBe(false);
    expect(Network.DENY_ALL_INGRESS_PRIORITY).toBe(65534);
    template.resourceCountIs(FIREWALL, 1);
    const vpc = template.resources(NETWORK)[0];
    const deny = template.hasResourceProperties(FIREWALL, {
      network: `\${${vpc.address}.id}`,
      direction: 'INGRESS',
      priority: 65534,
      deny: [{ protocol: 'all' }],
      source_ranges: ['0.0.0.0/0'],
      log_config: { metadata: 'INCLUDE_ALL_METADATA' },
    });
    expect(deny.config.allow).toBeUndefined();
    expect(deny.config.name).toMatch(/^sales-deny-all-ingress-[0-9a-f]{8}$/);
    expect(network.allowInternalIngress).toBeUndefined();
  });

  test('no router, NAT, external address or route is made: no internet egress path', () => {
    // GIVEN / WHEN
    const { template } = synthNetwork();
    // THEN
    for (const type of [
      'google_compute_router',
      'google_compute_router_nat',
      'google_compute_address',
      'google_compute_route',
    ]) {
      template.resourceCountIs(type, 0);
    }
  });

  test('the Compute Engine API is enabled (DEFAULT_ENABLE_APIS) and the network waits for it', () => {
    // GIVEN / WHEN
    const { network, template } = synthNetwork();
    // THEN
    expect(Network.DEFAULT_ENABLE_APIS).toBe(true);
    const api = template.hasResourceProperties('google_project_service', {
      service: 'compute.googleapis.com',
      disable_on_destroy: false,
    });
    expect(template.resources(NETWORK)[0].config.depends_on).toEqual([api.address]);
    expect(network.apiServices).toHaveLength(1);
  });

  test('exposes every native resource, and the ids blocks need resolve to them', () => {
    // GIVEN
    const stack = newGcpStack();
    const network = new Network(stack, 'Network', { platformName: 'sales', region: 'europe-west1' });
    // WHEN a block uses the ids
    new ComputeFirewall(stack, 'User', {
      name: 'user-rule',
      network: network.networkId,
      description: network.subnetworkId,
      deny: [{ protocol: 'all' }],
      sourceRanges: ['10.0.0.0/8'],
    });
    // THEN
    const template = TfTemplate.fromStack(stack);
    const vpc = template.resources(NETWORK)[0];
    const subnet = template.resources(SUBNET)[0];
    template.hasResourceProperties(FIREWALL, {
      name: 'user-rule',
      network: `\${${vpc.address}.id}`,
      description: `\${${subnet.address}.id}`,
    });
    expect(vpc.name).toBe(network.network.friendlyUniqueId);
    expect(network.region).toBe('europe-west1');
    expect(network.cidr).toBe('10.40.0.0/16');
    expect(network.project).toBeUndefined();
    expect(network.denyAllIngress.friendlyUniqueId).toContain('DenyAllIngress');
  });

  test('resource names hash the construct path: two networks never collide', () => {
    // GIVEN
    const stack = newGcpStack();
    // WHEN
    new Network(stack, 'A', { platformName: 'sales', region: 'europe-west1' });
    new Network(stack, 'B', { platformName: 'sales', region: 'europe-west1', cidr: '10.41.0.0/16' });
    // THEN
    const names = TfTemplate.fromStack(stack)
      .resources(NETWORK)
      .map((n) => n.config.name);
    expect(new Set(names).size).toBe(2);
  });
});

describe('Network options', () => {
  test('cidr sets the subnet range and the internal-ingress source', () => {
    // GIVEN / WHEN
    const { template } = synthNetwork({ cidr: '172.16.8.0/22', allowInternalIngress: true });
    // THEN
    template.hasResourceProperties(SUBNET, { ip_cidr_range: '172.16.8.0/22' });
    template.hasResourceProperties(FIREWALL, {
      allow: [{ protocol: 'all' }],
      source_ranges: ['172.16.8.0/22'],
    });
  });

  test('cidr takes the prefixes of CIDR_PREFIX_RANGE (/8 to /29), both edges included', () => {
    expect(Network.CIDR_PREFIX_RANGE).toEqual({ min: 8, max: 29 });
    synthNetwork({ cidr: '10.0.0.0/8' }).template.hasResourceProperties(SUBNET, {
      ip_cidr_range: '10.0.0.0/8',
    });
    synthNetwork({ cidr: '10.40.0.8/29' }).template.hasResourceProperties(SUBNET, {
      ip_cidr_range: '10.40.0.8/29',
    });
  });

  test('allowInternalIngress adds a logged allow of the subnet to itself, above the deny', () => {
    // GIVEN / WHEN
    const { network, template } = synthNetwork({ allowInternalIngress: true });
    // THEN
    template.resourceCountIs(FIREWALL, 2);
    const allow = template.hasResourceProperties(FIREWALL, {
      direction: 'INGRESS',
      priority: Network.ALLOW_INTERNAL_INGRESS_PRIORITY,
      allow: [{ protocol: 'all' }],
      source_ranges: ['10.40.0.0/16'],
      log_config: { metadata: 'INCLUDE_ALL_METADATA' },
    });
    expect(Network.ALLOW_INTERNAL_INGRESS_PRIORITY).toBeLessThan(Network.DENY_ALL_INGRESS_PRIORITY);
    expect(allow.name).toBe(network.allowInternalIngress!.friendlyUniqueId);
  });

  test('flowLogSampling and flowLogInterval tune the flow logs', () => {
    // GIVEN / WHEN
    const { template } = synthNetwork({
      flowLogSampling: 1,
      flowLogInterval: FlowLogInterval.INTERVAL_10_MIN,
    });
    // THEN
    template.hasResourceProperties(SUBNET, {
      log_config: { aggregation_interval: 'INTERVAL_10_MIN', flow_sampling: 1 },
    });
  });

  test('networkName and subnetworkName override the derived names', () => {
    // GIVEN / WHEN
    const { template } = synthNetwork({ networkName: 'acme-data', subnetworkName: 'acme-data-ew1' });
    // THEN
    template.hasResourceProperties(NETWORK, { name: 'acme-data' });
    template.hasResourceProperties(SUBNET, { name: 'acme-data-ew1' });
  });

  test('project goes on every resource and on the API', () => {
    // GIVEN / WHEN
    const { template } = synthNetwork({ project: 'acme-net-prod', allowInternalIngress: true });
    // THEN
    for (const type of [NETWORK, SUBNET, FIREWALL]) {
      template.allResourcesHave(type, { project: 'acme-net-prod' });
    }
    template.hasResourceProperties('google_project_service', {
      project: 'acme-net-prod',
      service: 'compute.googleapis.com',
    });
  });

  test('enableApis false enables no API and adds no dependency', () => {
    // GIVEN / WHEN
    const { template } = synthNetwork({ enableApis: false });
    // THEN
    template.resourceCountIs('google_project_service', 0);
    expect(template.resources(NETWORK)[0].config.depends_on).toBeUndefined();
  });

  test('tags are validated but written nowhere (Compute networks take no labels); descriptions name the platform', () => {
    // GIVEN / WHEN
    const { template } = synthNetwork({ tags: { team: 'sales' } });
    // THEN
    for (const type of [NETWORK, SUBNET, FIREWALL]) {
      for (const r of template.resources(type)) {
        expect(r.config.labels).toBeUndefined();
        expect(r.config.description).toContain('sales data platform');
      }
    }
  });
});

describe('Network.fromNetworkAttributes', () => {
  test('brings an existing network and subnet, taking the region from the subnet id', () => {
    // GIVEN
    const stack = newGcpStack();
    // WHEN
    const network = Network.fromNetworkAttributes(stack, 'Shared', {
      networkId: 'projects/acme-host/global/networks/shared',
      subnetworkId: 'projects/acme-host/regions/europe-west4/subnetworks/data',
    });
    // THEN
    expect(network.networkId).toBe('projects/acme-host/global/networks/shared');
    expect(network.subnetworkId).toBe('projects/acme-host/regions/europe-west4/subnetworks/data');
    expect(network.region).toBe('europe-west4');
    TfTemplate.fromStack(stack).resourceCountIs(NETWORK, 0);
  });

  test('accepts self links and an explicit matching region', () => {
    // GIVEN
    const stack = newGcpStack();
    const base = 'https://www.googleapis.com/compute/v1/projects/acme-host';
    // WHEN
    const network = Network.fromNetworkAttributes(stack, 'Shared', {
      networkId: `${base}/global/networks/shared`,
      subnetworkId: `${base}/regions/us-central1/subnetworks/data`,
      region: 'us-central1',
    });
    // THEN
    expect(network.region).toBe('us-central1');
  });
});
