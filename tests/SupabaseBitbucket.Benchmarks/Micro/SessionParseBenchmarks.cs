using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace SupabaseBitbucket.Benchmarks.Micro;

/// <summary>
/// Reading a token response into a <see cref="Session"/>, against deserializing the same bytes into the wire type
/// alone, which is the part any client must do.
/// </summary>
[MemoryDiagnoser]
public class SessionParseBenchmarks
{
    private readonly byte[] _body = BenchmarkServices.TokenResponse;
    private readonly DateTimeOffset _receivedAt = DateTimeOffset.UnixEpoch.AddYears(57);

    [Benchmark(Baseline = true)]
    public object? DeserializeOnly() => JsonSerializer.Deserialize(_body, SupabaseAuthJsonContext.Default.SessionResponse);

    [Benchmark]
    public Session? ReadSession() => SessionReader.TryRead(_body, _receivedAt, out _);
}
