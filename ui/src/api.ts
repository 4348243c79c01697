// The Accord REST API as the UI uses it: the Confluent API at the root path and Accord's /v1 additions.
import { type CallerInfo, authorizationHeader } from './session.js';

export type SchemaType = 'AVRO' | 'JSON' | 'PROTOBUF';

export const LEVELS = [
  'NONE',
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
] as const;
export type Level = (typeof LEVELS)[number];

export const POLICIES = ['STRICT', 'LENIENT'] as const;
export type Policy = (typeof POLICIES)[number];

export const MODES = ['READWRITE', 'READONLY', 'READONLY_OVERRIDE', 'IMPORT'] as const;

export interface SubjectSummary {
  subject: string;
  versions: number;
  latestVersion: number;
  latestId: number;
  schemaType: SchemaType;
  /** The subject's own level, or null when it follows the global one. */
  compatibilityLevel: Level | null;
  effectiveCompatibilityLevel: Level;
  /** The subject's own policy, or null when it follows the global one. */
  ownCompatibilityPolicy: Policy | null;
  compatibilityPolicy: Policy | null;
  deleted: boolean;
  updatedAt: string;
}

export interface Stats {
  subjects: number;
  deletedSubjects: number;
  versions: number;
  schemas: number;
  schemasByType: Record<string, number>;
  versionsByType: Record<string, number>;
  lastEventSeq: number;
}

export interface Reference {
  name: string;
  subject: string;
  version: number;
}

export interface Metadata {
  tags?: Record<string, string[]> | null;
  properties?: Record<string, string | null> | null;
  sensitive?: string[] | null;
}

export interface Rule {
  name: string;
  doc?: string | null;
  kind?: string | null;
  mode?: string | null;
  type?: string | null;
  tags?: string[] | null;
  params?: Record<string, string> | null;
  expr?: string | null;
  onSuccess?: string | null;
  onFailure?: string | null;
  disabled?: boolean | null;
}

export interface RuleSet {
  migrationRules?: Rule[] | null;
  domainRules?: Rule[] | null;
  encodingRules?: Rule[] | null;
  enableAt?: string | null;
}

/** A subject version (Confluent's Schema entity). */
export interface SchemaVersion {
  subject: string;
  version: number;
  id: number;
  schemaType: SchemaType;
  schema: string;
  references?: Reference[];
  metadata?: Metadata;
  ruleSet?: RuleSet;
  ts: number;
  deleted: boolean;
}

/** A schema by global id (Confluent's SchemaString entity). */
export interface SchemaString {
  schemaType: SchemaType;
  schema: string;
  references?: Reference[];
  metadata?: Metadata;
  ruleSet?: RuleSet;
}

export interface Config {
  compatibilityLevel?: Level;
  compatibilityPolicy?: Policy;
  [key: string]: unknown;
}

export interface CompatibilityVerdict {
  is_compatible: boolean;
  messages?: string[];
}

export interface RegisterResult {
  id: number;
  version: number;
  schemaType: SchemaType;
  schema: string;
}

export type Direction = 'BACKWARD' | 'FORWARD';

export interface TextLocation {
  line: number;
  column: number;
  exact: boolean;
}

export interface Change {
  ruleId: string;
  oldPath: string | null;
  newPath: string | null;
  /** Diffs only: where the paths are in the texts compared (as sent or stored). */
  oldLocation?: TextLocation | null;
  newLocation?: TextLocation | null;
  oldValue?: unknown;
  newValue?: unknown;
  message: string;
  fixHint?: string | null;
  breaks: Direction[];
}

export interface Diff {
  schemaType: SchemaType;
  policy: Policy;
  subject?: string;
  from?: number;
  to?: number;
  compatible: { BACKWARD: boolean; FORWARD: boolean; FULL: boolean };
  changes: Change[];
}

export interface RegistryEvent {
  seq: number;
  type: string;
  subject: string | null;
  version: number | null;
  id: number | null;
  payload: unknown;
  actor: string | null;
  time: string;
}

/** A failed API call: the registry's {error_code, message}, or a transport problem (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number | null,
    message: string,
    readonly method: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const JSON_TYPE = 'application/vnd.schemaregistry.v1+json';
const ACCEPT = `${JSON_TYPE}, application/json`;

/** Encodes one path segment (subject names may contain '/', '?', spaces...). */
export const seg = (value: string | number) => encodeURIComponent(String(value));

function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function call<T>(method: string, path: string, body?: unknown, authorization = authorizationHeader()): Promise<T> {
  let response: Response;
  const headers: Record<string, string> = body === undefined ? { Accept: ACCEPT } : { Accept: ACCEPT, 'Content-Type': JSON_TYPE };
  if (authorization) headers.Authorization = authorization;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, null, `The Accord server could not be reached (${(e as Error).message}).`, method, path);
  }
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: reported below for errors; a 2xx answer that is not JSON is a server bug
  }
  if (!response.ok) {
    const err = json as { error_code?: number; message?: string } | undefined;
    const message =
      err && typeof err.message === 'string' && err.message
        ? err.message
        : `The server answered ${response.status} ${response.statusText || ''}`.trim() + '.';
    throw new ApiError(response.status, typeof err?.error_code === 'number' ? err.error_code : null, message, method, path);
  }
  if (json === undefined && text) {
    throw new ApiError(response.status, null, 'The server sent an answer that is not JSON.', method, path);
  }
  return json as T;
}

export interface Credential {
  key?: string;
  name?: string;
  role: 'reader' | 'writer' | 'admin';
  subjects: string[];
  description?: string | null;
  owner?: string | null;
  createdAt: string;
  lastUsedAt?: string | null;
  expiresAt?: string | null;
  revokedAt?: string | null;
}

export const api = {
  /** Who the given (or current) credentials are; public. */
  me: (authorization: string | null = authorizationHeader()) => call<CallerInfo>('GET', '/v1/auth/me', undefined, authorization),
  keys: () => call<Credential[]>('GET', '/v1/auth/keys'),
  createKey: (body: { description: string; role: string; subjects: string[]; expiresAt?: string }) =>
    call<Credential & { key: string; secret: string }>('POST', '/v1/auth/keys', body),
  revokeKey: (key: string) => call<Credential>('DELETE', `/v1/auth/keys/${seg(key)}`),
  users: () => call<Credential[]>('GET', '/v1/auth/users'),
  createUser: (body: { name: string; password: string; role: string; subjects: string[] }) =>
    call<Credential>('POST', '/v1/auth/users', body),
  deleteUser: (name: string) => call<Credential>('DELETE', `/v1/auth/users/${seg(name)}`),
  formats: () => call<import('./formats').FormatInfo[]>('GET', '/v1/formats'),
  subjects: (deleted = false) => call<SubjectSummary[]>('GET', `/v1/subjects${query({ deleted: deleted || undefined })}`),
  contexts: () => call<string[]>('GET', '/contexts'),
  subjectSummary: (subject: string) => call<SubjectSummary>('GET', `/v1/subjects/${seg(subject)}`),
  stats: () => call<Stats>('GET', '/v1/stats'),
  events: (after: number, limit: number) => call<RegistryEvent[]>('GET', `/v1/events${query({ after, limit })}`),
  versions: (subject: string, deleted = true) =>
    call<number[]>('GET', `/subjects/${seg(subject)}/versions${query({ deleted: deleted || undefined })}`),
  version: (subject: string, version: number | 'latest', deleted = true) =>
    call<SchemaVersion>('GET', `/subjects/${seg(subject)}/versions/${seg(version)}${query({ deleted: deleted || undefined })}`),
  /** The latest live version of a subject, or null when it has none (answers 200 either way). */
  latestOrNull: async (subject: string): Promise<SchemaVersion | null> => {
    const list = await call<SchemaVersion[]>(
      'GET',
      `/schemas${query({ subjectPrefix: subject, latestOnly: true, limit: 10 })}`,
    );
    return list.find((s) => s.subject === subject) ?? null;
  },
  referencedBy: (subject: string, version: number) =>
    call<number[]>('GET', `/subjects/${seg(subject)}/versions/${seg(version)}/referencedby?deleted=true`),
  schemaById: (id: number) => call<SchemaString>('GET', `/schemas/ids/${seg(id)}`),
  schemaVersions: (id: number) =>
    call<{ subject: string; version: number }[]>('GET', `/schemas/ids/${seg(id)}/versions?deleted=true`),
  globalConfig: () => call<Config>('GET', '/config'),
  effectiveConfig: (subject: string) => call<Config>('GET', `/config/${seg(subject)}?defaultToGlobal=true`),
  setGlobalConfig: (compatibility: Level | null, compatibilityPolicy: Policy | null) =>
    call<Config>('PUT', '/config', { compatibility, compatibilityPolicy }),
  setSubjectConfig: (subject: string, compatibility: Level | null, compatibilityPolicy: Policy | null) =>
    call<Config>('PUT', `/config/${seg(subject)}`, { compatibility, compatibilityPolicy }),
  deleteSubjectConfig: (subject: string) => call<Config>('DELETE', `/config/${seg(subject)}`),
  mode: () => call<{ mode: string }>('GET', '/mode'),
  setMode: (mode: string) => call<{ mode: string }>('PUT', '/mode', { mode }),
  serverVersion: () => call<{ version: string }>('GET', '/v1/metadata/version'),
  check: (subject: string, schema: string, schemaType: SchemaType, references: Reference[]) =>
    call<CompatibilityVerdict>('POST', `/compatibility/subjects/${seg(subject)}/versions?verbose=true`, {
      schema,
      schemaType,
      references,
    }),
  register: (subject: string, schema: string, schemaType: SchemaType, references: Reference[]) =>
    call<RegisterResult>('POST', `/subjects/${seg(subject)}/versions`, { schema, schemaType, references }),
  diffVersions: (subject: string, from?: number, to?: number) =>
    call<Diff>('GET', `/v1/subjects/${seg(subject)}/diff${query({ from, to })}`),
  diff: (schemaType: SchemaType, oldSchema: string, newSchema: string, references?: Reference[], policy?: Policy) =>
    call<Diff>('POST', '/v1/diff', { schemaType, old: oldSchema, new: newSchema, references, policy }),
};

/** The directions a level enforces: a change that breaks one of them is refused at that level. */
export function enforcedDirections(level: string | undefined | null): Direction[] {
  if (!level || level === 'NONE') return [];
  if (level.startsWith('BACKWARD')) return ['BACKWARD'];
  if (level.startsWith('FORWARD')) return ['FORWARD'];
  return ['BACKWARD', 'FORWARD'];
}

/**
 * Subjects list cache shared by pages: 10,000 subjects are one call, so pages that only need one entry reuse
 * a recent answer. Writes made through the UI invalidate it; changes made elsewhere show within MAX_AGE_MS.
 */
const MAX_AGE_MS = 15_000;
const subjectLists = new Map<boolean, { at: number; list: Promise<SubjectSummary[]> }>();

export function cachedSubjects(deleted = false, fresh = false): Promise<SubjectSummary[]> {
  const entry = subjectLists.get(deleted);
  if (entry && !fresh && Date.now() - entry.at < MAX_AGE_MS) return entry.list;
  const list = api.subjects(deleted);
  const created = { at: Date.now(), list };
  list.catch(() => {
    if (subjectLists.get(deleted) === created) subjectLists.delete(deleted);
  });
  subjectLists.set(deleted, created);
  return list;
}

/** Forget cached lists after a write (registration, config change). */
export function invalidateSubjects() {
  subjectLists.clear();
}

/** The context of a subject name: `:.team:orders` is in `.team`; an unqualified name in the default context `.`. */
export function contextOf(subject: string): string {
  if (!subject.startsWith(':.')) return '.';
  const end = subject.indexOf(':', 1);
  return end < 0 ? '.' : subject.substring(1, end);
}
