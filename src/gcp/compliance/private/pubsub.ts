/**
 * Pub/Sub readers shared by the GCP rules: which topic a subscription or a dead-letter policy
 * names, whether given as a reference (`${google_pubsub_topic.<name>.id}` or `.name`), a full
 * topic id (`projects/<p>/topics/<t>`) or a bare topic name.
 */

const TOPIC_REFERENCE = /^\$\{(google_pubsub_topic\.[^.}]+)\.(?:id|name)\}$/;
const TOPIC_ID = /^projects\/[^/]+\/topics\/([^/]+)$/;

/** A comparable key for a topic reference, or undefined when `value` names no topic. */
export function topicKey(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const ref = TOPIC_REFERENCE.exec(value.trim());
  if (ref) return ref[1];
  return TOPIC_ID.exec(value.trim())?.[1] ?? value.trim();
}
