// Signs in through a Supabase Auth server the way a browser app does. auth-js builds the authorize URL, and the
// script follows the redirects one by one as a browser would. It takes the code from the final redirect to
// redirectTo and, when the input sets exchange, exchanges it with exchangeCodeForSession.
// stdin:  {"supabaseUrl": "...", "key": "...", "redirectTo": "...", "count": 1, "exchange": true}
// stdout: [{"code", "codeVerifier", "session"?, "error"?, "redirects"}]
import {
  createAuthClient, createMemoryStorage, describeError, describeSession, readCodeVerifier, readInput,
  writeOutput,
} from './lib/auth-client.mjs'

const maxRedirects = 10

const input = await readInput()
const results = []
for (let i = 0; i < (input.count ?? 1); i++) {
  results.push(await signIn())
}
writeOutput(results)

async function signIn() {
  const storage = createMemoryStorage()
  const client = createAuthClient({ supabaseUrl: input.supabaseUrl, key: input.key, storage })
  const { data, error } = await client.signInWithOAuth({
    provider: 'bitbucket',
    options: { redirectTo: input.redirectTo },
  })
  if (error) {
    return { error: describeError(error) }
  }

  const codeVerifier = readCodeVerifier(storage, input.supabaseUrl)
  const { location, redirects } = await followRedirects(data.url)
  const code = new URL(location).searchParams.get('code')
  if (!code) {
    throw new Error(`The sign-in ended at ${location} without a code.`)
  }
  const result = { code, codeVerifier, redirects }
  if (input.exchange) {
    const exchange = await client.exchangeCodeForSession(code)
    result.session = describeSession(exchange.data?.session)
    result.error = describeError(exchange.error)
  }
  return result
}

/** Follows redirects without fetching the final target, which is the app's own callback. */
async function followRedirects(startUrl) {
  let url = startUrl
  for (let redirects = 0; redirects < maxRedirects; redirects++) {
    const response = await fetch(url, { redirect: 'manual' })
    const location = response.headers.get('location')
    if (response.status < 300 || response.status > 399 || !location) {
      throw new Error(`Expected a redirect from ${url} but got HTTP ${response.status}.`)
    }
    const next = new URL(location, url).toString()
    if (next.startsWith(input.redirectTo)) {
      return { location: next, redirects: redirects + 1 }
    }
    url = next
  }
  throw new Error(`No redirect to ${input.redirectTo} within ${maxRedirects} redirects.`)
}
