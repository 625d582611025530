using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SupabaseBitbucket.Emulator.Tests.TestSupport;

/// <summary>
/// An emulator on 127.0.0.1 with a plain <see cref="HttpClient"/> that does not follow redirects, and the
/// steps of a sign-in as a browser and a server-side client perform them.
/// </summary>
public sealed class TestEmulator : IAsyncDisposable
{
    public const string RedirectTarget = "http://127.0.0.1:5000/auth/callback?next=%2Fdash";

    private TestEmulator(SupabaseAuthEmulator emulator)
    {
        Server = emulator;
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = emulator.Url,
        };
    }

    public SupabaseAuthEmulator Server { get; }

    public HttpClient Http { get; }

    public static async Task<TestEmulator> StartAsync(Action<SupabaseAuthEmulatorOptions>? configure = null)
    {
        var options = new SupabaseAuthEmulatorOptions();
        configure?.Invoke(options);
        return new TestEmulator(await SupabaseAuthEmulator.StartAsync(options));
    }

    /// <summary>Sends a request to Supabase Auth as a client library does: key, API version, JSON body.</summary>
    public Task<HttpResponseMessage> SendAuthAsync(
        HttpMethod method,
        string pathAndQuery,
        object? body = null,
        string? bearer = null,
        bool withApiKey = true,
        string? apiVersion = "2024-01-01")
    {
        var request = new HttpRequestMessage(method, "auth/v1/" + pathAndQuery);
        if (withApiKey)
        {
            request.Headers.Add("apikey", Server.PublishableKey);
        }

        if (apiVersion is not null)
        {
            request.Headers.Add("X-Supabase-Api-Version", apiVersion);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (body is not null)
        {
            var json = body as string ?? JsonSerializer.Serialize(body);
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string url, string? referer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (referer is not null)
        {
            request.Headers.Referrer = new Uri(referer);
        }

        return Http.SendAsync(request);
    }

    /// <summary>Calls <c>/authorize</c> with the RFC 7636 challenge and returns the consent page address.</summary>
    public async Task<Uri> AuthorizeAsync(string redirectTo = RedirectTarget, string challenge = Pkce.Challenge)
    {
        var query = "provider=bitbucket&redirect_to=" + Uri.EscapeDataString(redirectTo);
        if (challenge.Length > 0)
        {
            query += $"&code_challenge={challenge}&code_challenge_method=s256";
        }

        using var response = await GetAsync("auth/v1/authorize?" + query);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Found);
        return response.Headers.Location!;
    }

    /// <summary>Loads the consent page and submits it with an action; returns the redirect to the callback.</summary>
    public async Task<Uri> SubmitConsentAsync(Uri consentUrl, string action, string username = "alice")
    {
        using var page = await GetAsync(consentUrl.ToString());
        var fields = HiddenFields.Read(await page.Content.ReadAsStringAsync());
        fields["account"] = username;
        fields["action"] = action;
        using var form = new FormUrlEncodedContent(fields);
        using var response = await Http.PostAsync(consentUrl.GetLeftPart(UriPartial.Path), form);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Found);
        return response.Headers.Location!;
    }

    /// <summary>Signs in through the consent page and the callback; returns the final redirect.</summary>
    public async Task<Uri> SignInAsync(
        string username = "alice", string redirectTo = RedirectTarget, string challenge = Pkce.Challenge)
    {
        var consent = await AuthorizeAsync(redirectTo, challenge);
        var callback = await SubmitConsentAsync(consent, "grant", username);
        using var response = await GetAsync(callback.ToString());
        return response.Headers.Location!;
    }

    public async Task<string> SignInForCodeAsync(string username = "alice")
    {
        var location = await SignInAsync(username);
        return Query.Parse(location.Query)["code"];
    }

    public Task<HttpResponseMessage> ExchangeAsync(string code, string verifier = Pkce.Verifier) =>
        SendAuthAsync(HttpMethod.Post, "token?grant_type=pkce", new { auth_code = code, code_verifier = verifier });

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        SendAuthAsync(HttpMethod.Post, "token?grant_type=refresh_token", new { refresh_token = refreshToken });

    /// <summary>Signs in and exchanges the code; returns the session body.</summary>
    public async Task<JsonElement> SignInSessionAsync(string username = "alice")
    {
        var code = await SignInForCodeAsync(username);
        using var response = await ExchangeAsync(code);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        return await Json.ReadAsync(response);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
