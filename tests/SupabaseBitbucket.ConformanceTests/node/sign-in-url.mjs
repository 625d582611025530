// Prints the Bitbucket authorize URL and the stored PKCE code verifier that auth-js produces for each case.
// stdin:  {"supabaseUrl": "...", "key": "...", "cases": [{"redirectTo"?, "scopes"?, "queryParams"?}]}
// stdout: [{"url": "...", "codeVerifier": "..."} | {"error": {...}}]
//
// skipBrowserRedirect stays unset on purpose: outside a browser auth-js never redirects anyway, and setting it
// appends skip_http_redirect=true, which makes the server return JSON instead of the redirect a browser follows.
import { createAuthClient, createMemoryStorage, describeError, readCodeVerifier, readInput, writeOutput }
  from './lib/auth-client.mjs'

const input = await readInput()
const results = []
for (const signInCase of input.cases) {
  const storage = createMemoryStorage()
  const client = createAuthClient({ supabaseUrl: input.supabaseUrl, key: input.key, storage })
  const options = {}
  for (const name of ['redirectTo', 'scopes', 'queryParams']) {
    if (signInCase[name] !== undefined && signInCase[name] !== null) {
      options[name] = signInCase[name]
    }
  }
  const { data, error } = await client.signInWithOAuth({ provider: 'bitbucket', options })
  results.push(error
    ? { error: describeError(error) }
    : { url: data.url, codeVerifier: readCodeVerifier(storage, input.supabaseUrl) })
}
writeOutput(results)
