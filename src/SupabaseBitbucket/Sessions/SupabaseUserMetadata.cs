using System.Text.Json;

namespace SupabaseBitbucket;

/// <summary>
/// The user-editable profile of a user (<c>user_metadata</c>), filled from the provider at sign-in.
/// </summary>
/// <remarks>
/// The typed properties read well-known fields leniently: a field that is missing, empty or of another JSON type
/// reads as <see langword="null"/>. <see cref="Raw"/> keeps every field as received.
/// </remarks>
public sealed class SupabaseUserMetadata
{
    /// <summary>Gets the display name (<c>name</c>).</summary>
    public string? Name { get; init; }

    /// <summary>Gets the full name (<c>full_name</c>).</summary>
    public string? FullName { get; init; }

    /// <summary>Gets the avatar URL: <c>avatar_url</c>, else <c>picture</c>.</summary>
    /// <value>
    /// Usually <see langword="null"/> for Bitbucket users, because Supabase Auth looks for the avatar where
    /// Bitbucket does not put it. Read <c>links.avatar.href</c> from Bitbucket's <c>/2.0/user</c> with the
    /// provider token instead.
    /// </value>
    public string? AvatarUrl { get; init; }

    /// <summary>Gets the user name: <c>user_name</c>, else <c>preferred_username</c>, else <c>nickname</c>.</summary>
    public string? UserName { get; init; }

    /// <summary>Gets the email address the provider reported (<c>email</c>).</summary>
    public string? Email { get; init; }

    /// <summary>Gets whether the provider reported the email address as verified (<c>email_verified</c>).</summary>
    public bool? EmailVerified { get; init; }

    /// <summary>Gets the user's id at the provider (<c>provider_id</c>).</summary>
    public string? ProviderId { get; init; }

    /// <summary>Gets the subject at the provider (<c>sub</c>).</summary>
    public string? Subject { get; init; }

    /// <summary>Gets every field of <c>user_metadata</c> as received.</summary>
    public IReadOnlyDictionary<string, JsonElement> Raw { get; init; } = new Dictionary<string, JsonElement>();
}
