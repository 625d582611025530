using System.Globalization;

namespace SupabaseBitbucket;

/// <summary>
/// Creates <see cref="SupabaseAuthException"/> instances with messages that name the operation, status and code
/// but never a secret.
/// </summary>
internal static class SupabaseAuthErrors
{
    private const string ExchangeHint =
        " The authorization code may already be used, so start a new sign-in instead of repeating the exchange.";

    public const string BodyTooLargeProblem = "the body is too large (over 1 MiB)";

    /// <summary>Creates the exception for an unsuccessful status.</summary>
    public static SupabaseAuthException FromErrorResponse(string operation, AuthResponse response)
    {
        var isRetryable = RetryClassifier.IsRetryable(operation, response.StatusCode);
        var retryAfter = RetryAfterReader.Read(response.RetryAfter, response.ReceivedAt);
        if (response.IsBodyTooLarge || !ErrorBodyReader.TryRead(response.Body, out var code, out var message))
        {
            var problem = response.IsBodyTooLarge ? BodyTooLargeProblem : "the body is not a JSON error object";
            return InvalidResponse(operation, response, problem, isRetryable, retryAfter);
        }

        code ??= response.ErrorCodeHeader;
        var text = $"Supabase Auth {Describe(operation)} failed with HTTP {Status(response)} "
            + $"({code ?? "no error code"})";
        text += message is null ? "." : ": " + message.TrimEnd('.') + ".";
        if (operation == SupabaseAuthOperations.ExchangeCode && RetryClassifier.IsRetryableStatus(response.StatusCode)
            && response.StatusCode != 429)
        {
            text += ExchangeHint;
        }

        return new SupabaseAuthException(text)
        {
            Operation = operation,
            StatusCode = response.StatusCode,
            ErrorCode = code,
            ServerMessage = message,
            IsRetryable = isRetryable,
            RetryAfter = retryAfter,
        };
    }

    /// <summary>Creates the exception for a successful status whose body cannot be used.</summary>
    public static SupabaseAuthException InvalidResponse(string operation, AuthResponse response, string problem)
    {
        return InvalidResponse(operation, response, problem, isRetryable: false, retryAfter: null);
    }

    public static SupabaseAuthException Timeout(string operation, TimeSpan timeout, Exception cause)
    {
        var seconds = timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var text = $"Supabase Auth {Describe(operation)} timed out after {seconds} s, the limit set by "
            + "SupabaseBitbucketOptions.HttpTimeout.";
        return NoResponse(operation, SupabaseAuthErrorCodes.RequestTimeout, text, cause);
    }

    public static SupabaseAuthException ConnectionFailed(string operation, Exception cause)
    {
        var text = $"Supabase Auth {Describe(operation)} failed before a response arrived because the connection "
            + "failed. Check the network and SupabaseBitbucketOptions.Url.";
        return NoResponse(operation, SupabaseAuthErrorCodes.ConnectionFailed, text, cause);
    }

    public static string Describe(string operation) => operation switch
    {
        SupabaseAuthOperations.ExchangeCode => "code exchange",
        SupabaseAuthOperations.RefreshSession => "session refresh",
        SupabaseAuthOperations.GetUser => "user request",
        SupabaseAuthOperations.SignOut => "sign-out",
        _ => operation,
    };

    private static SupabaseAuthException InvalidResponse(
        string operation, AuthResponse response, string problem, bool isRetryable, TimeSpan? retryAfter)
    {
        var text = $"Supabase Auth {Describe(operation)} returned HTTP {Status(response)} with content type "
            + $"{response.MediaType ?? "(none)"}, which is not a Supabase Auth response: {problem}. "
            + "Check SupabaseBitbucketOptions.Url and any proxy in front of Supabase.";
        return new SupabaseAuthException(text)
        {
            Operation = operation,
            StatusCode = response.StatusCode,
            ErrorCode = response.ErrorCodeHeader ?? SupabaseAuthErrorCodes.InvalidResponse,
            IsRetryable = isRetryable,
            RetryAfter = retryAfter,
        };
    }

    private static SupabaseAuthException NoResponse(string operation, string code, string text, Exception cause)
    {
        var isRetryable = RetryClassifier.IsRetryableWithoutResponse(operation);
        return new SupabaseAuthException(isRetryable ? text : text + ExchangeHint, cause)
        {
            Operation = operation,
            ErrorCode = code,
            IsRetryable = isRetryable,
        };
    }

    private static string Status(AuthResponse response) => response.StatusCode.ToString(CultureInfo.InvariantCulture);
}
