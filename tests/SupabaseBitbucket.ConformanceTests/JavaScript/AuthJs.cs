namespace SupabaseBitbucket.ConformanceTests.JavaScript;

/// <summary>Typed entry points to the node scripts, for one Supabase project URL and key.</summary>
internal sealed class AuthJs(string supabaseUrl, string key)
{
    /// <summary>Starts one sign-in per case with <c>signInWithOAuth</c> and returns each URL and verifier.</summary>
    public Task<List<NodeSignIn>> SignInUrlsAsync(IEnumerable<SignInInput> cases) =>
        NodeScripts.RunAsync<List<NodeSignIn>>(
            "sign-in-url.mjs", new { SupabaseUrl = supabaseUrl, Key = key, Cases = cases });

    /// <summary>Runs the calls in order, each with a fresh client and storage.</summary>
    public Task<List<NodeCallResult>> CallAsync(params NodeCall[] calls) =>
        NodeScripts.RunAsync<List<NodeCallResult>>(
            "calls.mjs", new { SupabaseUrl = supabaseUrl, Key = key, Calls = calls });

    /// <summary>Signs in <paramref name="count"/> times through the server, following its redirects.</summary>
    public Task<List<NodeFlowResult>> SignInThroughServerAsync(string redirectTo, int count, bool exchange) =>
        NodeScripts.RunAsync<List<NodeFlowResult>>(
            "sign-in-flow.mjs",
            new { SupabaseUrl = supabaseUrl, Key = key, RedirectTo = redirectTo, Count = count, Exchange = exchange });
}
