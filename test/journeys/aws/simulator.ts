/**
 * The AWS side of a journey, evaluated with an offline IAM policy simulator over the synthesized
 * template. Why `@cloud-copilot/iam-simulate`: it runs offline (no account here), evaluates
 * identity AND resource policies together (bucket policies, key policies with the account-root
 * delegation KMS applies), supports every condition operator the kit writes (ArnLike,
 * StringEquals, Bool…), validates actions and resource ARNs against the IAM action catalog (a
 * misspelt action fails instead of silently passing), and explains decisive statements. AWS's
 * own policy simulator needs an account and credentials; a hand-written matcher would be
 * string matching on policy JSON, which does not prove a journey.
 */
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { ACCOUNT, TemplateModel } from './template-model';

type Json = any;

/** One request a journey needs: an action on a resource ARN, with the resource's policy if any. */
export interface AwsRequest {
  readonly action: string;
  readonly resource: string;
  /** Logical id of the resource whose resource policy applies (bucket policy, key policy). */
  readonly resourcePolicyOf?: { readonly type: 'bucket' | 'key'; readonly id: string };
}

/** Identity and resource policies of a template, by role and by resource. */
export class PolicySimulator {
  private readonly bucketPolicies = new Map<string, Json>();
  private readonly keyPolicies = new Map<string, Json>();

  constructor(private readonly model: TemplateModel) {
    for (const id of model.idsOf('AWS::S3::BucketPolicy')) {
      const p = model.properties(id);
      this.bucketPolicies.set(p.Bucket, p.PolicyDocument);
    }
    for (const id of model.idsOf('AWS::KMS::Key')) {
      this.keyPolicies.set(id, model.properties(id).KeyPolicy);
    }
  }

  /** The identity policies attached to the role `roleId` (its AWS::IAM::Policy resources and inline policies). */
  public identityPolicies(roleId: string): { name: string; policy: Json }[] {
    const roleName = this.model.ref(roleId);
    const attached = this.model
      .idsOf('AWS::IAM::Policy')
      .map((id) => ({ id, p: this.model.properties(id) }))
      .filter(({ p }) => (p.Roles ?? []).includes(roleName))
      .map(({ id, p }) => ({ name: id, policy: p.PolicyDocument }));
    const inline = (this.model.properties(roleId).Policies ?? []).map((p: Json) => ({
      name: p.PolicyName,
      policy: p.PolicyDocument,
    }));
    return [...attached, ...inline];
  }

  /**
   * The policies this template attaches to a role made in another stack (a data mesh's identity
   * stack), which it names by its role name.
   */
  public policiesOfRoleNamed(roleName: string): { name: string; policy: Json }[] {
    return this.model
      .idsOf('AWS::IAM::Policy')
      .map((id) => ({ id, p: this.model.properties(id) }))
      .filter(({ p }) => (p.Roles ?? []).includes(roleName))
      .map(({ id, p }) => ({ name: id, policy: p.PolicyDocument }));
  }

  /**
   * Whether the role named `roleName` (made in another stack of the same account) may make
   * `request` with the policies `identityPolicies` (e.g. collected by {@link policiesOfRoleNamed}
   * from every template that attaches some) and this template's resource policy.
   */
  public async allowsRoleNamed(
    roleName: string,
    identityPolicies: { name: string; policy: Json }[],
    request: AwsRequest,
  ): Promise<boolean> {
    return this.simulate(`arn:aws:iam::${ACCOUNT}:role/${roleName}`, identityPolicies, request);
  }

  /** Whether the role `roleId` may make `request`, by the simulator; throws on a simulator validation error. */
  public async allows(
    roleId: string,
    request: AwsRequest,
    options: { readonly withoutIdentityPolicies?: boolean } = {},
  ): Promise<boolean> {
    const principal = this.model.getAtt(roleId, 'Arn');
    return this.simulate(
      principal,
      options.withoutIdentityPolicies ? [] : this.identityPolicies(roleId),
      request,
    );
  }

  private async simulate(
    principal: string,
    identityPolicies: { name: string; policy: Json }[],
    request: AwsRequest,
  ): Promise<boolean> {
    let resourcePolicy: Json;
    if (request.resourcePolicyOf?.type === 'bucket') {
      resourcePolicy = this.bucketPolicies.get(this.model.ref(request.resourcePolicyOf.id));
    } else if (request.resourcePolicyOf?.type === 'key') {
      resourcePolicy = this.keyPolicies.get(request.resourcePolicyOf.id);
    }
    const result = await runSimulation(
      {
        request: {
          principal,
          action: request.action,
          resource: { resource: request.resource, accountId: ACCOUNT },
          contextVariables: { 'aws:SecureTransport': 'true', 'aws:PrincipalAccount': ACCOUNT },
        },
        identityPolicies,
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy,
      },
      {},
    );
    if (result.resultType === 'error') {
      throw new Error(
        `Simulation error for ${request.action} on ${request.resource}: ${JSON.stringify(result.errors)}`,
      );
    }
    return result.overallResult === 'Allowed';
  }
}
