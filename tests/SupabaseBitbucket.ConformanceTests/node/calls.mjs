// Runs auth-js calls in order and prints what each returned and which HTTP responses it received.
// stdin:  {"supabaseUrl": "...", "key": "...", "calls": [call]}, where a call is one of
//   {"op": "exchange", "authCode": "...", "codeVerifier": "...", "flowType"?: "pkce" | "implicit"}
//   {"op": "refresh", "refreshToken": "..."}
//   {"op": "getUser", "accessToken": "..."}
//   {"op": "signOut", "accessToken": "...", "scope": "global" | "local" | "others" | other}
//   {"op": "rawSignOut", "accessToken": "...", "scope": "..."}   (auth-js's _request, no scope check)
// stdout: [{"session"?, "user"?, "error"?, "thrown"?, "responses": [{"status", "code"}]}]
import { createRequire } from 'node:module'
import {
  createAuthClient, createMemoryStorage, createRecordingFetch, describeError, describeSession, readInput,
  seedCodeVerifier, seedSession, writeOutput,
} from './lib/auth-client.mjs'

// The internal request helper that GoTrueClient and GoTrueAdminApi send every call through.
const { _request } = createRequire(import.meta.url)('@supabase/auth-js/dist/main/lib/fetch.js')

const input = await readInput()
const results = []
for (const call of input.calls) {
  const storage = createMemoryStorage()
  const recorder = createRecordingFetch()
  const client = createAuthClient({
    supabaseUrl: input.supabaseUrl,
    key: input.key,
    storage,
    fetch: recorder.fetch,
    flowType: call.flowType ?? 'pkce',
  })
  const result = {}
  try {
    await run(client, storage, recorder, call, result)
  } catch (thrown) {
    // Not an AuthError: auth-js threw instead of returning { error }.
    result.thrown = String(thrown?.message ?? thrown)
  }
  result.responses = recorder.responses
  results.push(result)
}
writeOutput(results)

async function run(client, storage, recorder, call, result) {
  switch (call.op) {
    case 'exchange': {
      if (call.codeVerifier) {
        seedCodeVerifier(storage, input.supabaseUrl, call.codeVerifier)
      }
      const { data, error } = await client.exchangeCodeForSession(call.authCode)
      result.session = describeSession(data?.session)
      result.error = describeError(error)
      break
    }
    case 'refresh': {
      const { data, error } = await client.refreshSession({ refresh_token: call.refreshToken })
      result.session = describeSession(data?.session)
      result.error = describeError(error)
      break
    }
    case 'getUser': {
      const { data, error } = await client.getUser(call.accessToken)
      result.user = data?.user ?? null
      result.error = describeError(error)
      break
    }
    case 'signOut': {
      seedSession(storage, input.supabaseUrl, call.accessToken)
      const { error } = await client.signOut({ scope: call.scope })
      result.error = describeError(error)
      break
    }
    case 'rawSignOut': {
      try {
        await _request(recorder.fetch, 'POST', `${input.supabaseUrl}/auth/v1/logout?scope=${call.scope}`, {
          headers: client.headers,
          jwt: call.accessToken,
          noResolveJson: true,
        })
      } catch (error) {
        result.error = describeError(error)
      }
      break
    }
    default:
      throw new Error(`Unknown op '${call.op}'. Use exchange, refresh, getUser, signOut or rawSignOut.`)
  }
}
