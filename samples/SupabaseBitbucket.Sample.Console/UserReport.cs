using System.Globalization;

namespace SupabaseBitbucket.Sample.Console;

/// <summary>Prints who signed in. It never prints a token: only the user's profile, id and the session's expiry.</summary>
internal static class UserReport
{
    public static void Write(TextWriter output, Session session, DateTimeOffset now)
    {
        var user = session.User;
        var name = user?.UserMetadata.FullName ?? user?.UserMetadata.Name ?? "(no name)";
        var remaining = session.ExpiresAt - now;
        output.WriteLine($"Signed in as {name}");
        output.WriteLine($"  Email:      {user?.Email ?? "(none)"}");
        output.WriteLine($"  User id:    {user?.Id ?? "(none)"}");
        output.WriteLine($"  Provider:   {user?.AppMetadata.Provider ?? "(unknown)"}");
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  Expires at: {session.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z (in {Math.Max(0, (int)remaining.TotalMinutes)} minutes)"));
    }
}
