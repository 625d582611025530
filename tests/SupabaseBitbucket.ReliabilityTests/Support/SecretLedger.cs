using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Web;
using SupabaseBitbucket.Testing;

namespace SupabaseBitbucket.ReliabilityTests.Support;

/// <summary>
/// Collects the real secrets a test run saw on the wire (codes, code verifiers, tokens, keys) and checks that
/// none of them appears in text the app or the emulator wrote: logs, error pages, exception messages.
/// </summary>
/// <remarks>
/// Codes come from callback URLs, verifiers from flow cookies and tokens from the session cookie, both decrypted
/// with the app's own keys (see <see cref="AppCookies"/>); the keys come from the emulator.
/// </remarks>
internal sealed class SecretLedger
{
    // Shorter values could occur in a log line by chance. Supabase refresh tokens, 12 characters, are the shortest.
    private const int MinLength = 12;

    private static readonly string[] SessionSecretNames =
        ["access_token", "refresh_token", "provider_token", "provider_refresh_token"];

    private readonly ConcurrentDictionary<string, string> _kindByValue = new(StringComparer.Ordinal);

    public void Add(string kind, string? value)
    {
        if (value is { Length: >= MinLength })
        {
            _kindByValue.TryAdd(value, kind);
        }
    }

    public int CountOf(string kind) => _kindByValue.Values.Count(k => k == kind);

    public void AddKeys(TestApp app)
    {
        Add("publishable key", app.Emulator.PublishableKey);
        Add("JWT secret", app.Emulator.JwtSecret);
    }

    public void AddCode(Uri callbackUrl) => Add("code", HttpUtility.ParseQueryString(callbackUrl.Query)["code"]);

    public void AddFlowCookie(TestApp app, string protectedValue) =>
        Add("code verifier", AppCookies.ReadFlow(app, protectedValue).CodeVerifier);

    /// <summary>Adds the tokens of the session cookie in <paramref name="jar"/>, and fails when there is none.</summary>
    public void AddSession(TestApp app, CookieContainer jar) => AddTokens(AppCookies.ReadSessionTokens(app, jar));

    /// <summary>Adds the tokens of the session cookie in a Cookie header, and fails when there is none.</summary>
    public void AddSession(TestApp app, string cookieHeader) => AddTokens(AppCookies.ReadSessionTokens(app, cookieHeader));

    /// <summary>Fails when a collected secret occurs in <paramref name="text"/>, naming its kind but not its value.</summary>
    public void AssertAbsent(string where, string text)
    {
        if (Find(text) is { } found)
        {
            var before = text[Math.Max(0, found.Index - 60)..found.Index];
            Assert.Fail($"A secret ({found.Kind}) appears in {where} at character {found.Index}, after: \"{before}\"");
        }
    }

    /// <summary>Returns the kind and position of the first collected secret in <paramref name="text"/>, if any.</summary>
    public (string Kind, int Index)? Find(string text)
    {
        var values = _kindByValue.Keys.ToArray();
        if (values.Length == 0 || text.Length == 0)
        {
            return null;
        }

        var index = text.AsSpan().IndexOfAny(SearchValues.Create(values, StringComparison.Ordinal));
        if (index < 0)
        {
            return null;
        }

        var found = values.First(value => string.CompareOrdinal(text, index, value, 0, value.Length) == 0);
        return (_kindByValue[found], index);
    }

    private void AddTokens(IReadOnlyDictionary<string, string> tokens)
    {
        // The cookie also stores token_type and expires_at, which are no secrets.
        foreach (var (name, value) in tokens.Where(token => SessionSecretNames.Contains(token.Key)))
        {
            Add(name, value);
            if (name == "access_token")
            {
                // A JWT could also leak in parts. Its header is the same for every token, so only the other two count.
                var parts = value.Split('.');
                Add("access token payload", parts.ElementAtOrDefault(1));
                Add("access token signature", parts.ElementAtOrDefault(2));
            }
        }
    }
}
