using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace SupabaseBitbucket.Emulator.Http;

/// <summary>
/// The <c>X-Supabase-Api-Version</c> request header: a date of 2024-01-01 or later selects the error body
/// <c>{"code","message"}</c>; no date, an earlier one or an unreadable one keeps the legacy body.
/// </summary>
internal static class ApiVersion
{
    public const string HeaderName = "X-Supabase-Api-Version";

    public const string Modern = "2024-01-01";

    private static readonly DateOnly ModernDate = new(2024, 1, 1);

    public static bool IsModern(HttpRequest request) =>
        DateOnly.TryParseExact(
            request.Headers[HeaderName].ToString(),
            "yyyy-MM-dd",
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var date)
        && date >= ModernDate;
}
