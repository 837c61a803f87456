/** The optional peers checking AWS output needs: the template loader and the rule engine. */
export const AWS_CHECK_PEERS = ['aws-cdk-lib', 'cdk-nag'] as const;

/**
 * The packages of `names` that cannot be resolved from the kit. `resolve` is the seam
 * (`require.resolve` by default).
 */
export function missingPeers(
  names: readonly string[],
  resolve: (name: string) => string = require.resolve,
): string[] {
  return names.filter((name) => {
    try {
      resolve(name);
      return false;
    } catch {
      return true;
    }
  });
}

/** The message for missing peers: what to install, and why. */
export function missingPeersMessage(missing: readonly string[], purpose: string): string {
  return (
    `${purpose} needs ${missing.join(' and ')}, optional peer dependencies of data-platform-kit that ` +
    `are not installed. Install them next to the kit: npm install --save-dev ${missing.join(' ')}`
  );
}
