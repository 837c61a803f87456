import type { IConstruct } from 'constructs';

/**
 * App-level context flag that must be `true` before any `DataRemovalPolicy.DESTROY` takes
 * effect. Set it in `cdk.json` / `cdktf.json` context, or `new App({ context: { … } })`.
 */
export const REMOVE_DATA_ON_DESTROY_CONTEXT = 'data-platform-kit:removeDataOnDestroy';

/** Warning id emitted when DESTROY was asked for without the context flag. */
export const REMOVAL_DOWNGRADED_WARNING = 'data-platform-kit:removalPolicyRetained';

/** What happens to a stateful resource's data when it leaves the stack. */
export enum DataRemovalPolicy {
  /** Keep the resource and its data (the default on every cloud). */
  RETAIN = 'retain',
  /** Delete the resource; only honoured with {@link REMOVE_DATA_ON_DESTROY_CONTEXT} set to `true`. */
  DESTROY = 'destroy',
}

/** The removal decision for one construct, for a cloud to render. */
export interface RemovalDecision {
  /** The policy that takes effect. */
  readonly policy: DataRemovalPolicy;
  /** Set when DESTROY was asked for but RETAIN took effect; the cloud emits it as a warning. */
  readonly warning?: { readonly id: string; readonly message: string };
}

/**
 * The removal guard: DESTROY takes effect only with both the prop and the app-level flag;
 * otherwise the data is retained and a warning explains why.
 */
export function decideRemoval(scope: IConstruct, requested: DataRemovalPolicy | undefined): RemovalDecision {
  if ((requested ?? DataRemovalPolicy.RETAIN) === DataRemovalPolicy.RETAIN) {
    return { policy: DataRemovalPolicy.RETAIN };
  }
  const flag = scope.node.tryGetContext(REMOVE_DATA_ON_DESTROY_CONTEXT);
  if (flag === true || flag === 'true') return { policy: DataRemovalPolicy.DESTROY };
  return {
    policy: DataRemovalPolicy.RETAIN,
    warning: {
      id: REMOVAL_DOWNGRADED_WARNING,
      message:
        `removalPolicy DESTROY was requested but the context flag '${REMOVE_DATA_ON_DESTROY_CONTEXT}' ` +
        'is not true, so the data is RETAINED (for every block of this stack that asked for DESTROY). ' +
        'Set the flag to true in the app context to allow deletion.',
    },
  };
}
