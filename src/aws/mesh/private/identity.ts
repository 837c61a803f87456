/**
 * A domain's identity stack: its persona roles, named `<mesh>-<domain>-<persona>` so its own
 * products stack and the producers it subscribes to name them without exports. Internal: not
 * exported from the entry point.
 */
import type { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { idPart, personaRoleName } from './mesh-names';
import type { DataMeshSettings } from './mesh-settings';
import type { PlannedDomain } from '../../../patterns';
import { applyTags } from '../../private/tags';

/** One role per persona of the domain, assumable by its principal (the domain's account unless given). */
export function createPersonaRoles(
  stack: Stack,
  settings: DataMeshSettings,
  domain: PlannedDomain,
): Record<string, iam.Role> {
  const principals = settings.domainOptions[domain.name]?.personaPrincipals ?? {};
  const roles: Record<string, iam.Role> = {};
  for (const persona of domain.lakehouse.personas) {
    const role = new iam.Role(stack, `Persona${idPart(persona.name)}`, {
      roleName: personaRoleName(settings.plan.name, domain.name, persona.name),
      assumedBy: principals[persona.name] ?? new iam.AccountRootPrincipal(),
      description: `${persona.name} persona of the ${domain.name} domain of the ${settings.plan.name} data mesh`,
    });
    applyTags(role, domain.lakehouse.tags);
    roles[persona.name] = role;
  }
  return roles;
}
