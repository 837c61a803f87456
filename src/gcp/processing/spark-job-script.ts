import * as fs from 'node:fs';
import * as path from 'node:path';
import type { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { StorageBucketObject } from '@cdktf/provider-google/lib/storage-bucket-object';
import type { Construct } from 'constructs';
import { ErrorCode, ValidationError } from '../../core/errors';
import { isUnresolved } from '../../core/tokens';

/** Where a bound script lives, and whether the stack deploys it. */
export interface SparkJobScriptLocation {
  /** `gs://<bucket>/<object>`, what the batch's `mainPythonFileUri` takes. */
  readonly uri: string;
  /** The `google_storage_bucket_object` that uploads it, for a local file. */
  readonly object?: StorageBucketObject;
  /** Whether the code is part of the deployment (uploaded by this stack). */
  readonly deployed: boolean;
}

/**
 * The PySpark file a pipeline step runs, named like AWS's `SparkJobScript`: a local file the stack
 * uploads into the pipeline's code bucket (`fromAsset`), or an object already in Cloud Storage
 * (`fromBucket`, not part of the deployment: the pipeline's schedule then starts paused).
 *
 * @example
 * const clean = SparkJobScript.fromAsset(path.join(__dirname, 'jobs', 'clean_orders.py'));
 */
export abstract class SparkJobScript {
  /**
   * A local file, uploaded by `terraform apply` (`google_storage_bucket_object` whose `content`
   * is the file's text, so a changed file is uploaded again) into the
   * pipeline's CMEK code bucket, which only the deployer can write. The file must exist at synth.
   */
  public static fromAsset(filePath: string): SparkJobScript {
    return new AssetScript(filePath);
  }

  /** An object already in Cloud Storage (`bucket` without `gs://`); the stack does not deploy it. */
  public static fromBucket(bucket: string, objectName: string): SparkJobScript {
    return new BucketScript(bucket, objectName);
  }

  /**
   * Makes the script available to the step `name` built in `scope` and returns where it lives.
   * `codeBucket` receives uploads; throws `DPK_INVALID_LOCATION` for a missing file or a
   * malformed object name.
   */
  public abstract bind(
    scope: Construct,
    name: string,
    codeBucket: () => StorageBucket,
  ): SparkJobScriptLocation;

  /** Whether the stack uploads the script (a local file). */
  public abstract get isAsset(): boolean;
}

class AssetScript extends SparkJobScript {
  constructor(private readonly filePath: string) {
    super();
  }

  public get isAsset(): boolean {
    return true;
  }

  public bind(scope: Construct, name: string, codeBucket: () => StorageBucket): SparkJobScriptLocation {
    if (!fs.existsSync(this.filePath) || !fs.statSync(this.filePath).isFile()) {
      throw ValidationError.of(ErrorCode.INVALID_LOCATION, scope, {
        prop: `steps[${name}].script`,
        received: this.filePath,
        allowed: 'the path of an existing script file (SparkJobScript.fromAsset)',
      });
    }
    const bucket = codeBucket();
    // The script's text is the object's content: a changed file changes the plan, so apply
    // uploads it again, and the synthesized stack does not depend on where it was synthesized.
    const object = new StorageBucketObject(scope, 'Script', {
      bucket: bucket.name,
      name: `${name}/${path.basename(this.filePath)}`,
      content: fs.readFileSync(this.filePath, 'utf8'),
      contentType: 'text/x-python',
    });
    return { uri: `gs://${bucket.name}/${object.name}`, object, deployed: true };
  }
}

class BucketScript extends SparkJobScript {
  constructor(
    private readonly bucket: string,
    private readonly objectName: string,
  ) {
    super();
  }

  public get isAsset(): boolean {
    return false;
  }

  public bind(scope: Construct, name: string): SparkJobScriptLocation {
    const bad =
      !isUnresolved(this.objectName) && (this.objectName.startsWith('/') || this.objectName.length === 0);
    if (bad || (!isUnresolved(this.bucket) && this.bucket.startsWith('gs://'))) {
      throw ValidationError.of(ErrorCode.INVALID_LOCATION, scope, {
        prop: `steps[${name}].script`,
        received: `${this.bucket}/${this.objectName}`,
        allowed: "a bucket name without 'gs://' and an object name without a leading '/'",
      });
    }
    return { uri: `gs://${this.bucket}/${this.objectName}`, deployed: false };
  }
}
