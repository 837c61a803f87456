import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError } from '../../core/errors';
import { isUnresolved } from '../../core/tokens';

/** A single GCP region, e.g. `europe-west1`, `us-central1`, `northamerica-northeast1`. */
const REGION = /^[a-z]+-[a-z]+[0-9]{1,2}$/;

/** Cloud Storage multi-regions and the Cloud KMS location a key for them must live in. */
const MULTI_REGION_KMS_LOCATION: Readonly<Record<string, string>> = { EU: 'europe', US: 'us', ASIA: 'asia' };

/** A Cloud KMS location: a region, or a multi-region such as `europe`, `global`, `nam4`. */
const KMS_LOCATION = /^(?:[a-z]+-[a-z]+[0-9]{1,2}|[a-z]+[0-9]*)$/;

const LOCATION_ALLOWED = "a GCP region like 'europe-west1' or one of the multi-regions 'EU', 'US', 'ASIA'";

/** Validates a bucket-style location (`DPK_INVALID_LOCATION`); tokens pass. Returns it. */
export function validateLocation(scope: IConstruct, location: string, prop = 'location'): string {
  if (isUnresolved(location)) return location;
  if (typeof location !== 'string' || !(REGION.test(location) || location in MULTI_REGION_KMS_LOCATION)) {
    throw ValidationError.of(ErrorCode.INVALID_LOCATION, scope, {
      prop,
      received: location,
      allowed: LOCATION_ALLOWED,
    });
  }
  return location;
}

/** Validates a Cloud KMS location (`DPK_INVALID_LOCATION`); tokens pass. Returns it. */
export function validateKmsLocation(scope: IConstruct, location: string, prop = 'location'): string {
  if (isUnresolved(location)) return location;
  if (typeof location !== 'string' || !KMS_LOCATION.test(location)) {
    throw ValidationError.of(ErrorCode.INVALID_LOCATION, scope, {
      prop,
      received: location,
      allowed:
        "a Cloud KMS location: a region like 'europe-west1' or a multi-region like 'europe', 'us', 'asia'",
    });
  }
  return location;
}

/**
 * The Cloud KMS location a key must have to encrypt data in `location`: the same region, or
 * `europe` / `us` / `asia` for the `EU` / `US` / `ASIA` multi-regions. Tokens pass through.
 */
export function kmsLocationFor(location: string): string {
  return MULTI_REGION_KMS_LOCATION[location] ?? location;
}
