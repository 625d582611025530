using Microsoft.Extensions.Options;

namespace SupabaseBitbucket;

/// <summary>
/// Checks <see cref="SupabaseBitbucketOptions"/> at start and reports every problem in one message.
/// </summary>
/// <remarks>Messages name the setting and never contain the key's value.</remarks>
internal sealed class SupabaseBitbucketOptionsValidator : IValidateOptions<SupabaseBitbucketOptions>
{
    private static readonly TimeSpan MaxHttpTimeout = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, SupabaseBitbucketOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var prefix = string.IsNullOrEmpty(options.ConfigurationPath) ? "SupabaseBitbucketOptions." : options.ConfigurationPath + ":";
        var failures = new List<string>();
        ValidateUrl(options.Url, prefix + "Url", failures);
        ValidateKey(options.PublishableKey, prefix + "PublishableKey", failures);
        ValidateRedirectTo(options.RedirectTo, prefix + "RedirectTo", failures);
        ValidateTimeout(options.HttpTimeout, prefix + "HttpTimeout", failures);

        // One message with a line per problem reads better than the framework's "; "-joined list of sentences.
        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("The Supabase settings are invalid:" + string.Concat(failures.Select(f => "\n- " + f)));
    }

    private static void ValidateUrl(string? url, string setting, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            failures.Add($"{setting} is missing. Set it to your Supabase project URL, such as https://abcdefghijklmnop.supabase.co.");
            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{setting} '{url}' is not an absolute http or https URL. Use the project URL, such as https://abcdefghijklmnop.supabase.co.");
            return;
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            failures.Add($"{setting} '{url}' uses plain http for a host that is not loopback; tokens would cross the network unencrypted. Use https.");
        }

        if (uri.UserInfo.Length > 0)
        {
            failures.Add($"{setting} contains user information before the host. Remove it and keep only scheme, host and port.");
        }

        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            failures.Add($"{setting} '{uri.GetLeftPart(UriPartial.Authority)}...' has a path, query or fragment. Use only the project URL; the library adds /auth/v1 itself.");
        }
    }

    private static void ValidateKey(string? key, string setting, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            failures.Add($"{setting} is missing. Set it to the project's publishable key (sb_publishable_...) or legacy anon key from the Supabase dashboard, API Keys.");
            return;
        }

        if (key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            failures.Add($"{setting} contains whitespace or control characters. Copy the key again without spaces or line breaks.");
            return;
        }

        switch (SupabaseKeyClassifier.Classify(key))
        {
            case SupabaseKeyKind.Secret:
                failures.Add($"{setting} is a secret key (sb_secret_...), which grants admin access and must never reach clients. Use the publishable key instead.");
                break;
            case SupabaseKeyKind.LegacyServiceRole:
                failures.Add($"{setting} is a legacy service_role key, which bypasses Row Level Security and must never reach clients. Use the anon or publishable key instead.");
                break;
        }
    }

    private static void ValidateRedirectTo(string? redirectTo, string setting, List<string> failures)
    {
        if (redirectTo is null)
        {
            return;
        }

        if (!RedirectTarget.IsAbsoluteHttp(redirectTo))
        {
            failures.Add($"{setting} '{redirectTo}' is not an absolute http or https URL. Use the full callback URL, such as https://app.example.com/auth/callback.");
        }
    }

    private static void ValidateTimeout(TimeSpan timeout, string setting, List<string> failures)
    {
        if (timeout <= TimeSpan.Zero || timeout > MaxHttpTimeout)
        {
            failures.Add($"{setting} '{timeout}' is out of range. Use a positive duration of at most {MaxHttpTimeout}, such as 00:00:10.");
        }
    }
}
