using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using SupabaseBitbucket;
using SupabaseBitbucket.AspNetCore;

namespace Microsoft.AspNetCore.Http;

/// <summary>
/// Gives app code the signed-in user's Supabase session.
/// </summary>
public static class SupabaseHttpContextExtensions
{
    /// <summary>
    /// Returns the Supabase session of the signed-in user: access token, refresh token, expiry and the Bitbucket
    /// provider tokens. The session is refreshed first when it is near expiry.
    /// </summary>
    /// <param name="context">The current request.</param>
    /// <returns>
    /// The session, or <see langword="null"/> when no user is signed in. Its <see cref="SupabaseBitbucket.Session.User"/> is
    /// <see langword="null"/>: the user's details are the claims of <see cref="HttpContext.User"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    public static async Task<SupabaseBitbucket.Session?> GetSupabaseSessionAsync(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var result = await context.AuthenticateAsync(SupabaseBitbucketDefaults.AuthenticationScheme).ConfigureAwait(false);
        if (!result.Succeeded || result.Properties is null)
        {
            return null;
        }

        var timeProvider = context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        return SessionTokens.Read(result.Properties, timeProvider);
    }
}
