/**
 * The engines each cloud renders with are optional peer dependencies of the kit: a user who
 * renders only GCP installs no aws-cdk-lib. A missing one is named, with the command that
 * installs it, before anything is written.
 */
import type { CloudName } from '../spec/spec-file';

/** The peer packages rendering on each cloud loads. */
export const CLOUD_PEERS: Readonly<Record<CloudName, readonly string[]>> = {
  aws: ['aws-cdk-lib', 'constructs'],
  gcp: [
    'cdktf',
    'constructs',
    '@cdktf/provider-google',
    '@cdktf/provider-google-beta',
    '@cdktf/provider-time',
  ],
  azure: ['cdktf', 'constructs', '@cdktf/provider-azurerm', '@cdktf/provider-time'],
};

/** The peer AWS's compliance gate loads on top (cdk-nag's AwsSolutions pack). */
export const AWS_COMPLIANCE_PEERS: readonly string[] = ['cdk-nag'];

/** Peer packages that rendering needs and that are not installed; the message says what to install. */
export class MissingPeersError extends Error {
  /** The packages that could not be resolved. */
  public readonly missing: readonly string[];

  public constructor(missing: readonly string[], clouds: readonly CloudName[]) {
    super(
      `Rendering on ${clouds.join(', ')} needs ${missing.join(', ')}: optional peer dependencies of ` +
        `data-platform-kit that are not installed. Install them next to the kit: npm install --save-dev ${missing.join(' ')}`,
    );
    this.name = 'MissingPeersError';
    this.missing = missing;
  }
}

/**
 * Throws {@link MissingPeersError} when a package `clouds` need cannot be resolved from the kit.
 * `resolve` is the seam (`require.resolve` by default).
 */
export function assertPeersInstalled(
  clouds: readonly CloudName[],
  compliance: boolean,
  resolve: (name: string) => string = require.resolve,
): void {
  const needed = new Set(clouds.flatMap((cloud) => CLOUD_PEERS[cloud]));
  if (compliance && clouds.includes('aws')) AWS_COMPLIANCE_PEERS.forEach((name) => needed.add(name));
  const missing = [...needed].filter((name) => {
    try {
      resolve(name);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length > 0) throw new MissingPeersError(missing, clouds);
}
