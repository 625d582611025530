// Times how fast @supabase/auth-js starts a Bitbucket sign-in with the PKCE flow: signInWithOAuth creates a code
// verifier, stores it, hashes it into the S256 challenge and builds the authorize URL.
// argv[2]: {"supabaseUrl", "key", "redirectTo", "count", "warmUpCount", "warmUpSeconds"} as one JSON argument
// stdout:  {"count", "seconds", "operationsPerSecond", "url", "nodeVersion", "authJsVersion"}, nothing else
//
// One client with an in-memory storage serves every call, like a browser tab that starts one sign-in after another.
// skipBrowserRedirect stays unset on purpose: outside a browser auth-js never redirects anyway, and setting it
// appends skip_http_redirect=true, which changes the URL.
import { createRequire } from 'node:module'
import { performance } from 'node:perf_hooks'
import { GoTrueClient } from '@supabase/auth-js'

const input = JSON.parse(process.argv[2])
const authJsVersion = createRequire(import.meta.url)('@supabase/auth-js/package.json').version

/** Creates a storage backed by a Map, which auth-js reads and writes as it would localStorage. */
function createMemoryStorage() {
  const items = new Map()
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  }
}

/** Starts one sign-in and returns its authorize URL. */
async function signIn(client) {
  const { data, error } = await client.signInWithOAuth({
    provider: 'bitbucket',
    options: { redirectTo: input.redirectTo },
  })
  if (error) {
    throw error
  }
  return data.url
}

// The same client options as the conformance tests' auth-client.mjs, which copies how @supabase/supabase-js sets up
// its auth client: the key as apikey and bearer token, and the storage key sb-<first host label>-auth-token.
const client = new GoTrueClient({
  url: `${input.supabaseUrl}/auth/v1`,
  headers: { apikey: input.key, Authorization: `Bearer ${input.key}` },
  storageKey: `sb-${new URL(input.supabaseUrl).hostname.split('.')[0]}-auth-token`,
  storage: createMemoryStorage(),
  persistSession: true,
  autoRefreshToken: false,
  detectSessionInUrl: false,
  flowType: 'pkce',
})

// The warm-up runs warmUpCount calls and goes on until warmUpSeconds have passed, the same rule as the .NET side.
const warmUpStart = performance.now()
for (let done = 0; done < input.warmUpCount || performance.now() - warmUpStart < input.warmUpSeconds * 1000; done++) {
  await signIn(client)
}

let url = ''
const start = performance.now()
for (let i = 0; i < input.count; i++) {
  url = await signIn(client)
}
const seconds = (performance.now() - start) / 1000

process.stdout.write(JSON.stringify({
  count: input.count,
  seconds,
  operationsPerSecond: input.count / seconds,
  url,
  nodeVersion: process.version,
  authJsVersion,
}))
