using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace SupabaseBitbucket.Benchmarks.Micro;

/// <summary>
/// Starting a sign-in: the PKCE verifier, its S256 challenge and the authorize URL, against the bare
/// cryptographic work that no implementation can skip.
/// </summary>
[MemoryDiagnoser]
public class SignInBenchmarks
{
    private ServiceProvider _services = null!;
    private ISignInService _signIn = null!;
    private readonly BitbucketSignInOptions _perCall = new() { RedirectTo = BenchmarkServices.RedirectTo };

    [GlobalSetup]
    public void Setup()
    {
        _services = BenchmarkServices.Create(new CannedTokenHandler());
        _signIn = _services.GetRequiredService<ISignInService>();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>
    /// The floor: 32 random bytes, base64url as the verifier, SHA-256 of it and base64url of the hash.
    /// </summary>
    [Benchmark(Baseline = true)]
    public string CryptoFloor()
    {
        Span<byte> random = stackalloc byte[32];
        RandomNumberGenerator.Fill(random);
        Span<char> verifier = stackalloc char[43];
        System.Buffers.Text.Base64Url.EncodeToChars(random, verifier);
        Span<byte> ascii = stackalloc byte[43];
        for (var i = 0; i < ascii.Length; i++)
        {
            ascii[i] = (byte)verifier[i];
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(ascii, hash);
        return System.Buffers.Text.Base64Url.EncodeToString(hash);
    }

    /// <summary>A new verifier and the URL text to redirect to, with the configured callback.</summary>
    [Benchmark]
    public string SignInWithBitbucket() => _signIn.SignInWithBitbucket().ToString();

    /// <summary>The same, with the URL also parsed into the <see cref="Uri"/> of <see cref="BitbucketSignIn.Url"/>.</summary>
    [Benchmark]
    public Uri SignInWithBitbucket_Uri() => _signIn.SignInWithBitbucket().Url;

    /// <summary>What the ASP.NET Core login endpoint calls: a callback URL of its own per sign-in.</summary>
    [Benchmark]
    public string SignInWithBitbucket_RedirectTo() => _signIn.SignInWithBitbucket(_perCall).ToString();
}
