using Microsoft.Extensions.Options;

namespace SupabaseBitbucket.AspNetCore;

/// <summary>
/// Checks <see cref="SupabaseBitbucketAuthenticationOptions"/> at start and reports every problem in one message.
/// </summary>
internal sealed class SupabaseBitbucketAuthenticationOptionsValidator
    : IValidateOptions<SupabaseBitbucketAuthenticationOptions>
{
    private const string Prefix = "SupabaseBitbucketAuthenticationOptions.";

    public ValidateOptionsResult Validate(string? name, SupabaseBitbucketAuthenticationOptions options)
    {
        var failures = new List<string>();
        if (options.PublicOrigin is { } origin && !IsOrigin(origin))
        {
            failures.Add($"{Prefix}PublicOrigin '{origin}' is not an origin. Use scheme, host and optional port "
                + "only, such as https://app.example.com.");
        }

        if (string.IsNullOrEmpty(options.RoutePrefix) || !options.RoutePrefix.StartsWith('/')
            || options.RoutePrefix.StartsWith("//", StringComparison.Ordinal))
        {
            failures.Add($"{Prefix}RoutePrefix '{options.RoutePrefix}' must be a path that starts with one '/', such as /auth.");
        }

        if (options.RefreshMargin < TimeSpan.Zero || options.RefreshMargin > TimeSpan.FromMinutes(30))
        {
            failures.Add($"{Prefix}RefreshMargin '{options.RefreshMargin}' is out of range. Use 0 to 30 minutes.");
        }

        if (options.SessionCheckInterval is { } interval && interval < TimeSpan.FromSeconds(10))
        {
            failures.Add($"{Prefix}SessionCheckInterval '{interval}' is too short. Use at least 10 seconds, or null "
                + "to turn the check off.");
        }

        if (options.FlowLifetime <= TimeSpan.Zero || options.FlowLifetime > TimeSpan.FromHours(1))
        {
            failures.Add($"{Prefix}FlowLifetime '{options.FlowLifetime}' is out of range. Use more than 0 and at most 1 hour.");
        }

        if (options.MaxPendingFlows is < 1 or > 20)
        {
            failures.Add($"{Prefix}MaxPendingFlows '{options.MaxPendingFlows}' is out of range. Use 1 to 20.");
        }

        if (options.ErrorPath is { } errorPath && !LocalRedirect.IsLocal(errorPath))
        {
            failures.Add($"{Prefix}ErrorPath '{errorPath}' is not a local path. Use a path such as /signin-error.");
        }

        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                "The sign-in settings are invalid:" + string.Concat(failures.Select(f => "\n- " + f)));
    }

    private static bool IsOrigin(string value)
    {
        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.UserInfo.Length == 0
            && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0;
    }
}
