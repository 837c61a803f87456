/**
 * The one place the GCP blocks load cdktf's file assets. It belongs in core's Terraform seam
 * (`src/core/tf.ts`) next to the other re-exports; kept here until core exports it.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
// eslint-disable-next-line no-restricted-imports -- core/tf.ts does not re-export file assets yet (see above).
import { AssetType, TerraformAsset } from 'cdktf';
import type { Construct } from 'constructs';

/** A local file copied into the stack's output (`assets/…`), and its Base64 MD5 hash. */
export interface FileAsset {
  /** The file's path relative to the stack's Terraform directory, as `source` takes it. */
  readonly path: string;
  /** Base64 MD5 of the file's content (what Cloud Storage reports as `md5hash`). */
  readonly md5Base64: string;
}

/** Copies `filePath` into the synthesized stack as a cdktf asset. */
export function fileAsset(scope: Construct, id: string, filePath: string): FileAsset {
  const asset = new TerraformAsset(scope, id, { path: filePath, type: AssetType.FILE });
  return {
    path: asset.path,
    md5Base64: createHash('md5').update(fs.readFileSync(filePath)).digest('base64'),
  };
}
