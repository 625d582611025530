using System.Globalization;

namespace SupabaseBitbucket.Emulator.Http;

/// <summary>Formats times as Supabase Auth does: UTC, microseconds, a trailing <c>Z</c>.</summary>
internal static class Timestamps
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
