/** Google-created default service accounts: Compute Engine's and App Engine's. */
const DEFAULT_SERVICE_ACCOUNT = /(?:^|:|\/)(?:\d+-compute@developer|[^@/:]+@appspot)\.gserviceaccount\.com$/;

/**
 * True when `account` (an email, `serviceAccount:<email>` or `projects/<p>/serviceAccounts/<email>`)
 * is the Compute Engine or App Engine default service account, which often holds the basic Editor
 * role on its project. A reference is not one.
 */
export function isDefaultServiceAccount(account: unknown): boolean {
  return typeof account === 'string' && DEFAULT_SERVICE_ACCOUNT.test(account.trim());
}
