/**
 * How the warehouse and catalog blocks address a lake zone's ADLS Gen2 filesystem. Internal:
 * nothing here is exported from the entry point.
 */
import { isUnresolved } from '../../core/tokens';
import { Fn, Token } from '../../terraform';
import { LakeStorage, type ILakeStorage } from '../storage/lake-storage';

/** DFS endpoint suffix of Azure's public cloud, for lakes other than the kit's own. */
const PUBLIC_DFS_SUFFIX = 'dfs.core.windows.net';

/** One zone's filesystem, as the services that read it want it. */
export interface LakeFilesystem {
  /** The container (filesystem) name. */
  readonly name: string;
  /**
   * `https://<account>.dfs.core.windows.net/<filesystem>`: the form Synapse's
   * `storage_data_lake_gen2_filesystem_id` takes.
   */
  readonly url: string;
  /** `abfss://<filesystem>@<account>.dfs.core.windows.net/`: the location Spark and T-SQL take. */
  readonly abfss: string;
}

/**
 * The filesystem of `zone` (throws `DPK_UNKNOWN_ZONE` for a zone the lake lacks). For the kit's
 * own `LakeStorage` the names and hosts are references to its resources (so any Azure cloud
 * works); for another `ILakeStorage` they are derived from its ids with the public-cloud DFS host.
 */
export function lakeFilesystem(lake: ILakeStorage, zone: string): LakeFilesystem {
  if (lake instanceof LakeStorage) {
    const name = lake.containerFor(zone).name;
    return {
      name,
      url: `${lake.storageAccount.primaryDfsEndpoint}${name}`,
      abfss: `abfss://${name}@${lake.storageAccount.primaryDfsHost}/`,
    };
  }
  const name = containerName(lake.containerResourceId(zone));
  const host = `${lake.storageAccountName}.${PUBLIC_DFS_SUFFIX}`;
  return { name, url: `https://${host}/${name}`, abfss: `abfss://${name}@${host}/` };
}

/** The last segment of a container's resource id, at synth time when it is a literal. */
function containerName(containerResourceId: string): string {
  if (!isUnresolved(containerResourceId)) return containerResourceId.split('/').pop() ?? containerResourceId;
  return Token.asString(Fn.regex('[^/]+$', containerResourceId));
}
