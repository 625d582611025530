namespace SupabaseBitbucket.ConformanceTests.Infrastructure;

/// <summary>Signs in with the .NET client through a server that consents on its own, as a browser would.</summary>
internal static class DotNetSignIn
{
    /// <summary>Starts a sign-in and follows its redirects to the callback. Returns the code and its verifier.</summary>
    public static async Task<(string Code, string CodeVerifier)> GetCodeAsync(ISignInService signIn, string redirectTo)
    {
        var started = signIn.SignInWithBitbucket(new BitbucketSignInOptions { RedirectTo = redirectTo });
        var code = await BrowserRedirects.FollowToCodeAsync(started.Url, redirectTo);
        return (code, started.CodeVerifier);
    }

    /// <summary>Signs in completely: the redirects, then the code exchange.</summary>
    public static async Task<Session> SignInAsync(ISignInService signIn, string redirectTo)
    {
        var (code, codeVerifier) = await GetCodeAsync(signIn, redirectTo);
        return await signIn.ExchangeCodeAsync(code, codeVerifier);
    }
}
