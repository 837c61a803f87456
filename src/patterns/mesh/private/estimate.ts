import {
  type MeshResourceModel,
  MeshStackKind,
  type PlannedDomain,
  type PlannedStack,
  type PlannedSubscriptionGrant,
} from '../plan-types';

/** The stacks' names: deterministic, so stacks find each other by name, never by exports. */
export function meshStackName(mesh: string, kind: MeshStackKind, domain?: string): string {
  return domain === undefined ? `${mesh}-${kind}` : `${mesh}-${domain}-${kind}`;
}

/**
 * The mesh's stacks in deploy order, each with its dependencies and estimated size: governance;
 * then every domain's identity stack (after governance); then every domain's products stack
 * (after governance, its own identity stack and its consumers' identity stacks, whose personas
 * it grants to). Products stacks never wait for each other, so two domains subscribing to each
 * other never form a cycle.
 */
export function planStacks(
  mesh: string,
  domains: readonly PlannedDomain[],
  grants: readonly PlannedSubscriptionGrant[],
  levels: number,
  model: MeshResourceModel,
): PlannedStack[] {
  const governance = meshStackName(mesh, MeshStackKind.GOVERNANCE);
  const productCount = domains.reduce((n, d) => n + d.products.length, 0);
  const g = model.governance;
  const stacks: PlannedStack[] = [
    {
      name: governance,
      kind: MeshStackKind.GOVERNANCE,
      dependsOn: [],
      estimatedResources:
        g.base + g.perDomain * domains.length + g.perProduct * productCount + g.perClassification * levels,
    },
  ];
  for (const domain of domains) {
    stacks.push({
      name: meshStackName(mesh, MeshStackKind.IDENTITY, domain.name),
      kind: MeshStackKind.IDENTITY,
      domain: domain.name,
      dependsOn: [governance],
      estimatedResources: model.identity.base + model.identity.perPersona * domain.lakehouse.personas.length,
    });
  }
  for (const domain of domains) {
    const own = grants.filter((grant) => grant.producer === domain.name);
    const consumers = [...new Set(own.map((grant) => grant.consumer))];
    const p = model.products;
    const lake = domain.lakehouse;
    const steps = lake.pipelines.reduce((n, pipeline) => n + pipeline.steps.length, 0);
    stacks.push({
      name: meshStackName(mesh, MeshStackKind.PRODUCTS, domain.name),
      kind: MeshStackKind.PRODUCTS,
      domain: domain.name,
      dependsOn: [
        governance,
        meshStackName(mesh, MeshStackKind.IDENTITY, domain.name),
        ...consumers.map((c) => meshStackName(mesh, MeshStackKind.IDENTITY, c)),
      ],
      estimatedResources:
        p.base +
        p.perZone * lake.zones.length +
        p.perStream * lake.streams.length +
        p.perPipeline * lake.pipelines.length +
        p.perPipelineStep * steps +
        (lake.warehouse.enabled ? p.warehouse : 0) +
        p.perProduct * domain.products.length +
        p.perGrant * own.length,
    });
  }
  return stacks;
}
