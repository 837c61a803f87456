/**
 * Who may do what in a synthesized Azure lakehouse: every `azurerm_role_assignment` (built-in
 * roles from the checked-in table, custom roles from the synthesized `azurerm_role_definition`),
 * every `azurerm_synapse_role_assignment` and the workspace's Entra administrator, keyed by the
 * principal's Terraform address. Scopes are compared as the rendered Terraform strings: an
 * assignment covers its own scope and every scope below it (`<scope>/…`).
 */
import { actionMatches, AZURE_BUILT_IN_ROLES, SYNAPSE_ROLES, type SynapseRoleCapabilities } from './roles';
import type { TfDocument } from '../../helpers/tf-template';

/** One role assignment, resolved to its permissions. */
export interface ResolvedAssignment {
  /** Terraform address of the principal (`azurerm_user_assigned_identity.X`, `azurerm_synapse_workspace.Y`). */
  readonly principal: string;
  readonly scope: string;
  readonly role: string;
  readonly actions: readonly string[];
  readonly dataActions: readonly string[];
}

/** The address a `${<type>.<name>.<attr>…}` (or `${data.<type>.<name>.<attr>…}`) reference points at. */
export function addressOf(ref: unknown): string | undefined {
  return /^\$\{((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_]+)\./.exec(String(ref))?.[1];
}

/** The synthesized access of one stack. */
export class AzureAccess {
  public readonly assignments: ResolvedAssignment[];
  private readonly synapse: { principal: string; role: SynapseRoleCapabilities }[];
  private readonly sqlAdministrators: Set<string>;

  public constructor(doc: TfDocument) {
    const resources = (type: string): Record<string, any> =>
      (doc.resource?.[type] ?? {}) as Record<string, any>;
    const definitions = resources('azurerm_role_definition');
    this.assignments = Object.values(resources('azurerm_role_assignment')).map((a: any) => {
      const principal = addressOf(a.principal_id) ?? String(a.principal_id);
      if (a.role_definition_name !== undefined) {
        const role = AZURE_BUILT_IN_ROLES[a.role_definition_name];
        if (!role) {
          throw new Error(`no permissions table entry for built-in role '${a.role_definition_name}'`);
        }
        return { principal, scope: String(a.scope), role: a.role_definition_name, ...role };
      }
      const definitionAddress = addressOf(a.role_definition_id) ?? '';
      const definition = definitions[definitionAddress.split('.')[1]];
      if (!definition) throw new Error(`role definition ${a.role_definition_id} is not in the stack`);
      const permissions: any[] = definition.permissions ?? [];
      return {
        principal,
        scope: String(a.scope),
        role: String(definition.name),
        actions: permissions.flatMap((p) => p.actions ?? []),
        dataActions: permissions.flatMap((p) => p.data_actions ?? []),
      };
    });
    this.synapse = Object.values(resources('azurerm_synapse_role_assignment')).map((a: any) => {
      const role = SYNAPSE_ROLES[a.role_name];
      if (!role) throw new Error(`no capabilities table entry for Synapse role '${a.role_name}'`);
      return { principal: addressOf(a.principal_id) ?? String(a.principal_id), role };
    });
    this.sqlAdministrators = new Set(
      Object.values(resources('azurerm_synapse_workspace_aad_admin')).map(
        (a: any) => addressOf(a.object_id) ?? '',
      ),
    );
  }

  /** Whether `principal` holds `dataAction` on `scope` (or a scope above it). */
  public hasDataAction(principal: string, scope: string, dataAction: string): boolean {
    return this.on(principal, scope).some((a) => a.dataActions.some((p) => actionMatches(p, dataAction)));
  }

  /** Whether `principal` holds the management action `action` on `scope` (or a scope above it). */
  public hasAction(principal: string, scope: string, action: string): boolean {
    return this.on(principal, scope).some((a) => a.actions.some((p) => actionMatches(p, action)));
  }

  /** Whether a Synapse role of `principal` gives `capability`. */
  public synapseCan(
    principal: string,
    capability: 'useArtifacts' | 'publishArtifacts' | 'administer',
  ): boolean {
    return this.synapse.some((s) => s.principal === principal && s.role[capability]);
  }

  /** Whether `principal` is the workspace's Entra SQL administrator. */
  public isSqlAdministrator(principal: string): boolean {
    return this.sqlAdministrators.has(principal);
  }

  private on(principal: string, scope: string): ResolvedAssignment[] {
    return this.assignments.filter(
      (a) => a.principal === principal && (scope === a.scope || scope.startsWith(`${a.scope}/`)),
    );
  }
}
