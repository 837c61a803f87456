/**
 * The Azure pack's rule that reports a stateful resource without `lifecycle.prevent_destroy`;
 * blocks pass it to core's `applyDataRemoval`, which acknowledges it when a user's DESTROY took
 * effect.
 */
export enum PreventDestroyRule {
  /** Storage accounts, containers, vaults, keys, workspaces, warehouses, event hubs. */
  RETAINED = 'DPK_AZURE_PREVENT_DESTROY',
}
