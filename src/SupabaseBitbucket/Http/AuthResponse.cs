using System.Net.Http.Headers;

namespace SupabaseBitbucket;

/// <summary>
/// A response from Supabase Auth, read completely so that the <see cref="HttpResponseMessage"/> can be disposed.
/// Dispose it once its body is read: the body lives in pooled memory.
/// </summary>
internal sealed class AuthResponse : IDisposable
{
    public required int StatusCode { get; init; }

    /// <summary>The media type of the body without parameters, or <see langword="null"/> when not sent.</summary>
    public required string? MediaType { get; init; }

    /// <summary>The body in pooled memory, or <see langword="null"/> when it was too large to read.</summary>
    public required PooledBody? PooledBody { get; init; }

    /// <summary>The body, empty when <see cref="IsBodyTooLarge"/>. It is valid until the response is disposed.</summary>
    public ReadOnlyMemory<byte> Body => PooledBody?.Memory ?? ReadOnlyMemory<byte>.Empty;

    public bool IsBodyTooLarge => PooledBody is null;

    /// <summary>The <c>x-sb-error-code</c> header, which repeats the error code of the body.</summary>
    public required string? ErrorCodeHeader { get; init; }

    /// <summary>The <c>Retry-After</c> header of an error status, or <see langword="null"/> for a success.</summary>
    public required RetryConditionHeaderValue? RetryAfter { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The time from sending the request to reading the whole body, in milliseconds.</summary>
    public required long ElapsedMilliseconds { get; init; }

    public bool IsSuccess => StatusCode is >= 200 and <= 299;

    public void Dispose() => PooledBody?.Dispose();
}
