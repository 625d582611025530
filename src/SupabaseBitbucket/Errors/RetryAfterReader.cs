using System.Net.Http.Headers;

namespace SupabaseBitbucket;

/// <summary>
/// Converts a <c>Retry-After</c> header, either seconds or an HTTP date, into a delay.
/// </summary>
internal static class RetryAfterReader
{
    public static TimeSpan? Read(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var delay = date - now;
            return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        }

        return null;
    }
}
