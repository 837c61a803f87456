/**
 * A domain's identity stack: one service account per persona, with a deterministic id so other
 * domains' stacks grant to it by email, and the fine-grained reader role on the policy tags of
 * the levels the domain is cleared for. Internal: not exported from the entry point.
 */
import { DataCatalogPolicyTagIamMember } from '@cdktf/provider-google/lib/data-catalog-policy-tag-iam-member';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import type { Construct } from 'constructs';
import { idPart, personaAccountId } from './mesh-names';
import type { DataMeshSettings } from './mesh-settings';
import type { PlannedDomain } from '../../../patterns';
import { enableApis, GoogleApi } from '../../private/project-services';

/** Reads the columns a policy tag is on (with read access to the table). */
export const FINE_GRAINED_READER_ROLE = 'roles/datacatalog.categoryFineGrainedReader';

/** A domain's persona service accounts and their policy-tag grants. */
export interface DomainIdentity {
  /** Each persona's service account, by persona name. */
  readonly serviceAccounts: Readonly<Record<string, ServiceAccount>>;
  /** Each persona's fine-grained reader grants, by persona then level. */
  readonly tagGrants: Readonly<Record<string, Readonly<Record<string, DataCatalogPolicyTagIamMember>>>>;
}

/**
 * The service account `<mesh>-<domain>-<persona>` of each persona, after the IAM API; each gets
 * `roles/datacatalog.categoryFineGrainedReader` on the policy tag of every level above the
 * lowest up to the domain's clearance (lowest-level columns carry no tag). `policyTagNames`
 * are the governance stack's server-made tag names, crossing stacks as remote state.
 */
export function createIdentity(
  stack: Construct,
  s: DataMeshSettings,
  domain: PlannedDomain,
  policyTagNames: Readonly<Record<string, string>>,
): DomainIdentity {
  const project = s.projects[domain.name];
  const iamApi = enableApis(stack, true, project, GoogleApi.IAM);
  const levels = s.plan.classifications;
  const cleared = levels.slice(1, levels.indexOf(domain.clearance) + 1);
  const serviceAccounts: Record<string, ServiceAccount> = {};
  const tagGrants: Record<string, Record<string, DataCatalogPolicyTagIamMember>> = {};
  for (const persona of domain.lakehouse.personas) {
    const account = new ServiceAccount(stack, `${idPart(persona.name)}Persona`, {
      project,
      accountId: personaAccountId(s.plan.name, domain.name, persona.name),
      displayName: `${s.plan.name} ${domain.name} ${persona.name}`,
      description: `The ${persona.name} persona of the ${domain.name} domain of the ${s.plan.name} data mesh.`,
      dependsOn: iamApi,
    });
    serviceAccounts[persona.name] = account;
    tagGrants[persona.name] = Object.fromEntries(
      cleared.map((level) => [
        level,
        new DataCatalogPolicyTagIamMember(stack, `${idPart(persona.name)}Reads${idPart(level)}`, {
          policyTag: policyTagNames[level],
          role: FINE_GRAINED_READER_ROLE,
          member: account.member,
        }),
      ]),
    );
  }
  return { serviceAccounts, tagGrants };
}
