import { DataGoogleClientConfig } from '@cdktf/provider-google/lib/data-google-client-config';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { GoogleBetaProvider } from '@cdktf/provider-google-beta/lib/provider';
import type { IConstruct } from 'constructs';
import type { DeploymentScope } from '../../core/naming';
import { TERRAFORM_DEPLOY_TIME_NAMING, TerraformStack } from '../../terraform';

/** Construct id of the per-stack `data.google_client_config`, at the stack root. */
const CLIENT_CONFIG_ID = 'DataPlatformKitProviderProject';
/** Construct id of the google-beta provider the kit adds, at the stack root. */
const BETA_PROVIDER_ID = 'DataPlatformKitGoogleBeta';

/**
 * The provider's project id at plan time: one `data.google_client_config` per stack (no
 * `depends_on`, so it is read at plan and never turns unknown on a later apply).
 */
export function providerProject(scope: IConstruct): string {
  const stack = TerraformStack.of(scope);
  const config =
    (stack.node.tryFindChild(CLIENT_CONFIG_ID) as DataGoogleClientConfig | undefined) ??
    new DataGoogleClientConfig(stack, CLIENT_CONFIG_ID);
  return config.project;
}

/**
 * The deployment scope of a globally unique GCP name (a GCS bucket): the project, or the
 * provider's project when unset. A literal project joins the synth-time hash; a token (or the
 * provider's project) is hashed by Terraform at plan time into the same name the literal would
 * give, so two projects never derive one bucket name.
 */
export function gcpDeploymentScope(scope: IConstruct, project: string | undefined): DeploymentScope {
  return { values: [project ?? providerProject(scope)], deployTime: TERRAFORM_DEPLOY_TIME_NAMING };
}

/**
 * Adds the `google-beta` provider to `scope`'s stack once, unless the stack has one, configured
 * like the stack's `google` provider (its `project` and `region`, when it has them), so resources
 * only the beta provider has (`google_project_service_identity`) act on the same project.
 */
export function ensureGoogleBetaProvider(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  if (stack.node.children.some((c) => c instanceof GoogleBetaProvider)) return;
  const google = stack.node.children.find(
    (c): c is GoogleProvider => c instanceof GoogleProvider && c.alias === undefined,
  );
  new GoogleBetaProvider(stack, BETA_PROVIDER_ID, {
    project: google?.project,
    region: google?.region,
  });
}
