using System.Globalization;
using System.Text;

namespace SupabaseBitbucket.Emulator.CommandLine;

/// <summary>The text the standalone emulator prints once it listens: where it is, its keys and its accounts.</summary>
internal static class StartupBanner
{
    public static string Format(SupabaseAuthEmulator emulator, string siteUrl)
    {
        var url = emulator.Url.GetLeftPart(UriPartial.Authority);
        var text = new StringBuilder()
            .AppendLine("Supabase Auth emulator with Bitbucket sign-in")
            .AppendLine(CultureInfo.InvariantCulture, $"  Supabase URL:      {url}")
            .AppendLine(CultureInfo.InvariantCulture, $"  Auth API:          {url}/auth/v1")
            .AppendLine(CultureInfo.InvariantCulture, $"  Publishable key:   {emulator.PublishableKey}")
            .AppendLine(CultureInfo.InvariantCulture, $"  JWT secret:        {emulator.JwtSecret}")
            .AppendLine(CultureInfo.InvariantCulture, $"  Site URL:          {siteUrl}")
            .AppendLine(CultureInfo.InvariantCulture, $"  Bitbucket API:     {emulator.BitbucketApiUrl}")
            .AppendLine("  Accounts:");
        foreach (var account in emulator.Accounts)
        {
            var emails = account.Emails.Count == 0
                ? "no email"
                : string.Join(", ", account.Emails.Select(e => e.Email + (e.IsPrimary ? " (primary)" : string.Empty)));
            var line = $"    {account.Username,-10} {account.DisplayName} <{emails}>";
            text.AppendLine(line);
        }

        return text.AppendLine("Press Ctrl+C to stop.").ToString();
    }
}
