// Builds GoTrueClient instances configured the way @supabase/supabase-js configures its auth client,
// with an in-memory storage the scripts can seed and read, and a fetch that records every response.
import { GoTrueClient } from '@supabase/auth-js'

/** Returns the storage key supabase-js derives from the project URL: sb-<first host label>-auth-token. */
export function storageKeyFor(supabaseUrl) {
  return `sb-${new URL(supabaseUrl).hostname.split('.')[0]}-auth-token`
}

/** Creates a storage object backed by a Map. Its values are the JSON strings that auth-js writes. */
export function createMemoryStorage() {
  const items = new Map()
  return {
    items,
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => {
      items.set(key, value)
    },
    removeItem: (key) => {
      items.delete(key)
    },
  }
}

/**
 * Wraps the global fetch so that each HTTP response's status and Supabase error code are kept,
 * because auth-js turns some responses into errors without them (session_not_found becomes
 * AuthSessionMissingError with status 400).
 */
export function createRecordingFetch() {
  const responses = []
  const recordingFetch = async (input, init) => {
    const response = await fetch(input, init)
    let code = response.headers.get('x-sb-error-code')
    if (!response.ok) {
      try {
        const body = await response.clone().json()
        code = typeof body.code === 'string' ? body.code : (body.error_code ?? body.error ?? code)
      } catch {
        // An empty or non-JSON body has no code beyond the header.
      }
    }
    responses.push({ status: response.status, code: code ?? null })
    return response
  }
  return { fetch: recordingFetch, responses }
}

/**
 * Creates a client for <supabaseUrl>/auth/v1. The headers option replaces auth-js's default headers. supabase-js
 * fills it with the project key as apikey and as the bearer token, plus its own X-Client-Info, which is left out
 * here because each client library sends its own name.
 */
export function createAuthClient({ supabaseUrl, key, storage, fetch, flowType = 'pkce' }) {
  return new GoTrueClient({
    url: `${supabaseUrl}/auth/v1`,
    headers: { apikey: key, Authorization: `Bearer ${key}` },
    storageKey: storageKeyFor(supabaseUrl),
    storage,
    persistSession: true,
    autoRefreshToken: false,
    detectSessionInUrl: false,
    flowType,
    fetch,
  })
}

/** Writes a PKCE code verifier where exchangeCodeForSession looks for it when no flow id is in play. */
export function seedCodeVerifier(storage, supabaseUrl, codeVerifier) {
  storage.setItem(`${storageKeyFor(supabaseUrl)}-code-verifier`, JSON.stringify(codeVerifier))
}

/** Reads the PKCE code verifier that signInWithOAuth stored for the most recent flow. */
export function readCodeVerifier(storage, supabaseUrl) {
  const stored = storage.getItem(`${storageKeyFor(supabaseUrl)}-code-verifier`)
  return stored === null ? null : JSON.parse(stored)
}

/**
 * Writes a session that getSession() accepts without a network call (it expires in an hour),
 * so signOut() sends the given access token.
 */
export function seedSession(storage, supabaseUrl, accessToken, refreshToken) {
  const expiresAt = Math.floor(Date.now() / 1000) + 3600
  const session = {
    access_token: accessToken,
    refresh_token: refreshToken ?? 'unused-refresh',
    token_type: 'bearer',
    expires_in: 3600,
    expires_at: expiresAt,
    user: { id: '00000000-0000-0000-0000-000000000000', aud: 'authenticated' },
  }
  storage.setItem(storageKeyFor(supabaseUrl), JSON.stringify(session))
}

/** Reduces an auth-js error to the fields the .NET tests compare. */
export function describeError(error) {
  if (!error) {
    return null
  }
  return {
    name: error.name ?? null,
    status: typeof error.status === 'number' ? error.status : null,
    code: error.code ?? null,
    message: error.message ?? String(error),
  }
}

/** Reduces a session to the fields the .NET tests use. */
export function describeSession(session) {
  if (!session) {
    return null
  }
  return {
    accessToken: session.access_token,
    refreshToken: session.refresh_token,
    tokenType: session.token_type,
    expiresIn: session.expires_in,
    expiresAt: session.expires_at,
    providerToken: session.provider_token ?? null,
    providerRefreshToken: session.provider_refresh_token ?? null,
    userId: session.user?.id ?? null,
    email: session.user?.email ?? null,
  }
}

/** Reads the whole of stdin as JSON. */
export async function readInput() {
  const chunks = []
  for await (const chunk of process.stdin) {
    chunks.push(chunk)
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'))
}

/** Prints the result as one JSON document on stdout, the only thing the scripts print there. */
export function writeOutput(result) {
  process.stdout.write(JSON.stringify(result))
}
