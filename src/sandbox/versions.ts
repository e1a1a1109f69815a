/**
 * Clerk API versions. A request picks one with the `Clerk-API-Version` header or the `__clerk_api_version` query
 * parameter (not both); an unknown version is a 400. Without either, the sandbox behaves as 2026-05-12. The only
 * version-gated behaviour emulated is metadata on PATCH /users/{id} and PATCH /organizations/{id}.
 */
import { clerkError } from './errors.js';

/** The version the sandbox emulates by default. */
export const DEFAULT_API_VERSION = '2026-05-12';

/** Released versions (REFERENCE.md §0). */
export const API_VERSIONS = [
  '2021-02-05',
  '2024-10-01',
  '2025-03-12',
  '2025-04-10',
  '2025-11-10',
  '2026-05-12',
] as const;

/** True for versions before 2026-05-12, where PATCH user/org still accepted metadata. */
export function isLegacyVersion(version: string): boolean {
  return version < DEFAULT_API_VERSION;
}

/** Resolve the version for a request, or throw a 400 in Clerk's envelope. */
export function resolveApiVersion(header: string | undefined, queryValue: string | null): string {
  if (header !== undefined && queryValue !== null) {
    throw clerkError(
      400,
      'api_version_invalid',
      'Invalid API version',
      'Send the API version either in the Clerk-API-Version header or in the __clerk_api_version query parameter, not both.',
    );
  }
  const version = header ?? queryValue ?? DEFAULT_API_VERSION;
  if (!(API_VERSIONS as readonly string[]).includes(version)) {
    throw clerkError(
      400,
      'api_version_invalid',
      'Invalid API version',
      `"${version}" is not a Clerk API version. Supported versions: ${API_VERSIONS.join(', ')}.`,
    );
  }
  return version;
}
