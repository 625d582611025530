using System.Net.Http.Headers;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace SupabaseBitbucket.Benchmarks.Micro;

/// <summary>
/// The code exchange through the registered client, against the same request written by hand with one shared
/// <see cref="HttpClient"/> and <see cref="System.Text.Json.JsonSerializer"/>. Both go through the same
/// in-memory handler, so the difference is what the library adds.
/// </summary>
[MemoryDiagnoser]
public class ExchangeCodeBenchmarks
{
    private const string AuthCode = "c0ffee00-1234-4abc-8def-0123456789ab";
    private const string CodeVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private static readonly Uri TokenUrl = new(BenchmarkServices.SupabaseUrl + "/auth/v1/token?grant_type=pkce");

    private ServiceProvider _services = null!;
    private ISignInService _signIn = null!;
    private HttpClient _bareClient = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = BenchmarkServices.Create(new CannedTokenHandler());
        _signIn = _services.GetRequiredService<ISignInService>();
        _bareClient = new HttpClient(new CannedTokenHandler());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bareClient.Dispose();
        _services.Dispose();
    }

    /// <summary>
    /// The floor: the request auth-js sends, and the response deserialized into the wire type, with no timeout,
    /// size limit, validation or logging.
    /// </summary>
    [Benchmark(Baseline = true)]
    public async Task<object?> BareHttpClient()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TokenUrl)
        {
            Content = JsonContent.Create(
                new PkceGrantRequest { AuthCode = AuthCode, CodeVerifier = CodeVerifier },
                SupabaseAuthJsonContext.Default.PkceGrantRequest),
        };
        request.Headers.TryAddWithoutValidation("apikey", BenchmarkServices.PublishableKey);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BenchmarkServices.PublishableKey);
        request.Headers.TryAddWithoutValidation("X-Supabase-Api-Version", "2024-01-01");
        using var response = await _bareClient.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(SupabaseAuthJsonContext.Default.SessionResponse);
    }

    [Benchmark]
    public Task<Session> ExchangeCodeAsync() => _signIn.ExchangeCodeAsync(AuthCode, CodeVerifier);
}
