using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SupabaseBitbucket.Emulator;

/// <summary>
/// A Bitbucket account that the emulated Bitbucket offers on its consent page.
/// </summary>
/// <remarks>
/// <see cref="Uuid"/> and <see cref="AccountId"/> default to values derived from the username, so the
/// same username gets the same Bitbucket identifiers in every run.
/// </remarks>
public sealed partial class EmulatorAccount
{
    private readonly string uuid;
    private readonly IReadOnlyList<EmulatorEmail> emails = [];

    /// <summary>Creates an account.</summary>
    /// <param name="username">The Bitbucket username (letters, digits, <c>-</c> and <c>_</c>).</param>
    /// <param name="displayName">The name Bitbucket shows for the account.</param>
    /// <exception cref="ArgumentException">A value is empty or the username has other characters.</exception>
    public EmulatorAccount(string username, string displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        if (!UsernamePattern().IsMatch(username))
        {
            throw new ArgumentException(
                $"The username '{username}' is invalid: use letters, digits, '-' and '_' only.", nameof(username));
        }

        Username = username;
        DisplayName = displayName;
        uuid = "{" + DeriveGuid("uuid:" + username).ToString("D") + "}";
        AccountId = "712020:" + DeriveGuid("account:" + username).ToString("D");
    }

    /// <summary>Gets the Bitbucket username, which is also the account's <c>nickname</c>.</summary>
    public string Username { get; }

    /// <summary>Gets the display name, which Supabase stores as <c>name</c> and <c>full_name</c>.</summary>
    public string DisplayName { get; }

    /// <summary>
    /// Gets the Bitbucket UUID in braces, such as <c>{0f3c...}</c>; Supabase stores it as <c>sub</c> and
    /// <c>provider_id</c>.
    /// </summary>
    /// <value>By default a UUID derived from <see cref="Username"/>.</value>
    /// <exception cref="ArgumentException">The value is not a UUID in braces.</exception>
    public string Uuid
    {
        get => uuid;
        init
        {
            if (value is null || value.Length != 38 || !Guid.TryParseExact(value, "B", out _))
            {
                throw new ArgumentException(
                    $"The UUID '{value}' is invalid: Bitbucket writes it in braces, such as "
                    + "{8f1a2b3c-4d5e-6f70-8192-a3b4c5d6e7f8}.",
                    nameof(value));
            }

            uuid = value;
        }
    }

    /// <summary>Gets the Atlassian account id.</summary>
    /// <value>By default <c>712020:</c> followed by a UUID derived from <see cref="Username"/>.</value>
    public string AccountId { get; init; }

    /// <summary>Gets the email addresses, in the order Bitbucket lists them; the account keeps a copy.</summary>
    /// <value>By default none, so a sign-in with this account fails as it does on Supabase.</value>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public IReadOnlyList<EmulatorEmail> Emails
    {
        get => emails;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            emails = [.. value];
        }
    }

    /// <summary>Gets the avatar address that Bitbucket returns at <c>links.avatar.href</c>.</summary>
    /// <value>By default <see langword="null"/>: the emulator serves a generated picture itself.</value>
    public Uri? AvatarUrl { get; init; }

    /// <summary>
    /// Creates the default accounts: <c>alice</c> and <c>bob</c>, each with a confirmed primary email at
    /// example.com, and <c>no-email</c>, which has no email address at all.
    /// </summary>
    /// <returns>A new list of the three accounts.</returns>
    public static IReadOnlyList<EmulatorAccount> CreateDefaults() =>
    [
        new("alice", "Alice Marlowe") { Emails = [new EmulatorEmail("alice@example.com", isPrimary: true)] },
        new("bob", "Bob Tanaka")
        {
            Emails =
            [
                new EmulatorEmail("bob.work@example.com"),
                new EmulatorEmail("bob@example.com", isPrimary: true),
            ],
        },
        new("no-email", "Nora Quill"),
    ];

    private static Guid DeriveGuid(string seed)
    {
        // A name-based identifier: the first 16 bytes of a SHA-256 digest with the version 5 and variant bits.
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex UsernamePattern();
}
