using System.Globalization;
using SupabaseBitbucket.Emulator.Faults;

namespace SupabaseBitbucket.Emulator;

/// <summary>
/// A failure that <see cref="SupabaseAuthEmulator.InjectFault"/> makes an endpoint produce in place of its
/// normal response.
/// </summary>
public sealed class EmulatorFault
{
    private EmulatorFault(EmulatorFaultKind kind, int statusCode, TimeSpan duration, string? errorCode, string? message)
    {
        Kind = kind;
        StatusCode = statusCode;
        Duration = duration;
        ErrorCode = errorCode;
        Message = message;
    }

    internal EmulatorFaultKind Kind { get; }

    internal int StatusCode { get; }

    internal TimeSpan Duration { get; }

    internal string? ErrorCode { get; }

    internal string? Message { get; }

    /// <summary>
    /// Creates a fault that responds with an error body: on Supabase Auth endpoints in the error shape the
    /// request selects with <c>X-Supabase-Api-Version</c>, on Bitbucket endpoints in Bitbucket's shape.
    /// </summary>
    /// <param name="statusCode">The HTTP status, 100 to 599.</param>
    /// <param name="errorCode">The error code, such as <c>unexpected_failure</c>.</param>
    /// <param name="message">The error message.</param>
    /// <returns>The fault.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is outside 100 to 599.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="errorCode"/> or <paramref name="message"/> is empty.
    /// </exception>
    public static EmulatorFault Status(int statusCode, string errorCode, string message)
    {
        CheckStatusCode(statusCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        return new(EmulatorFaultKind.Status, statusCode, TimeSpan.Zero, errorCode, message);
    }

    /// <summary>Creates a fault that responds with an HTML error page, as a proxy does for a 502.</summary>
    /// <param name="statusCode">The HTTP status, 100 to 599.</param>
    /// <returns>The fault.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is outside 100 to 599.</exception>
    public static EmulatorFault Html(int statusCode)
    {
        CheckStatusCode(statusCode);
        return new(EmulatorFaultKind.Html, statusCode, TimeSpan.Zero, null, null);
    }

    /// <summary>Creates a fault that responds with a status and no body at all.</summary>
    /// <param name="statusCode">The HTTP status, 100 to 599.</param>
    /// <returns>The fault.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is outside 100 to 599.</exception>
    public static EmulatorFault EmptyBody(int statusCode)
    {
        CheckStatusCode(statusCode);
        return new(EmulatorFaultKind.EmptyBody, statusCode, TimeSpan.Zero, null, null);
    }

    /// <summary>Creates a fault that responds 200 with a JSON body cut off in the middle.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault TruncatedJson() => new(EmulatorFaultKind.TruncatedJson, 200, TimeSpan.Zero, null, null);

    /// <summary>
    /// Creates a fault that waits, then lets the endpoint respond normally. The wait uses the wall clock, not
    /// <see cref="SupabaseAuthEmulatorOptions.TimeProvider"/>, because it exists to exceed a client's timeout.
    /// </summary>
    /// <param name="delay">How long to wait.</param>
    /// <returns>The fault.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative.</exception>
    public static EmulatorFault Delay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new(EmulatorFaultKind.Delay, 0, delay, null, null);
    }

    /// <summary>Creates a fault that aborts the connection without sending a response.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault DropConnection() => new(EmulatorFaultKind.DropConnection, 0, TimeSpan.Zero, null, null);

    /// <summary>
    /// Creates a fault that responds 429 with error code <c>over_request_rate_limit</c> and a
    /// <c>Retry-After</c> header in whole seconds, rounded up.
    /// </summary>
    /// <param name="retryAfter">The wait that <c>Retry-After</c> announces.</param>
    /// <returns>The fault.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retryAfter"/> is negative.</exception>
    public static EmulatorFault TooManyRequests(TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        const string RateLimitMessage = "Request rate limit reached";
        return new(EmulatorFaultKind.TooManyRequests, 429, retryAfter, "over_request_rate_limit", RateLimitMessage);
    }

    /// <summary>
    /// Creates a fault that responds 200 with a JSON body that has <c>token_type</c>, <c>expires_in</c> and
    /// <c>expires_at</c> but no <c>access_token</c>, <c>refresh_token</c> or <c>user</c>.
    /// </summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault OkWithoutTokens() =>
        new(EmulatorFaultKind.OkWithoutTokens, 200, TimeSpan.Zero, null, null);

    /// <summary>Returns a description of the fault, such as <c>Status 503 unexpected_failure</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Kind switch
    {
        EmulatorFaultKind.Status => string.Create(CultureInfo.InvariantCulture, $"Status {StatusCode} {ErrorCode}"),
        EmulatorFaultKind.Html or EmulatorFaultKind.EmptyBody =>
            string.Create(CultureInfo.InvariantCulture, $"{Kind} {StatusCode}"),
        EmulatorFaultKind.Delay or EmulatorFaultKind.TooManyRequests =>
            string.Create(CultureInfo.InvariantCulture, $"{Kind} {Duration.TotalSeconds} s"),
        _ => Kind.ToString(),
    };

    private static void CheckStatusCode(int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
    }
}
