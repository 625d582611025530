namespace SupabaseBitbucket;

/// <summary>
/// Decides whether a failed call may succeed when made again.
/// </summary>
internal static class RetryClassifier
{
    /// <summary>
    /// HTTP 429, the standard gateway errors 500 to 504 and the Cloudflare errors 520 to 530: the statuses that
    /// @supabase/auth-js 2.119.0 treats as transient, plus rate limiting.
    /// </summary>
    public static bool IsRetryableStatus(int statusCode)
    {
        return statusCode == 429 || statusCode is >= 500 and <= 504 || statusCode is >= 520 and <= 530;
    }

    /// <summary>
    /// Applies <see cref="IsRetryableStatus"/>, except that a code exchange is retryable only after HTTP 429:
    /// after a server error the single-use code may already be used.
    /// </summary>
    public static bool IsRetryable(string operation, int statusCode)
    {
        return operation == SupabaseAuthOperations.ExchangeCode
            ? statusCode == 429
            : IsRetryableStatus(statusCode);
    }

    /// <summary>Whether a call that got no response may be retried; never for an exchange.</summary>
    public static bool IsRetryableWithoutResponse(string operation)
    {
        return operation != SupabaseAuthOperations.ExchangeCode;
    }
}
