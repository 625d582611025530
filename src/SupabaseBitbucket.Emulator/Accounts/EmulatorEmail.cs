namespace SupabaseBitbucket.Emulator;

/// <summary>
/// An email address of an emulated Bitbucket account, as Bitbucket lists it at <c>/2.0/user/emails</c>.
/// </summary>
public sealed class EmulatorEmail
{
    /// <summary>Creates an email address entry.</summary>
    /// <param name="email">The address, for example <c>alice@example.com</c>.</param>
    /// <param name="isPrimary">Whether Bitbucket marks the address as the account's primary one.</param>
    /// <param name="isConfirmed">Whether the account owner has confirmed the address.</param>
    /// <exception cref="ArgumentException"><paramref name="email"/> is null, empty or white space.</exception>
    public EmulatorEmail(string email, bool isPrimary = false, bool isConfirmed = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        Email = email;
        IsPrimary = isPrimary;
        IsConfirmed = isConfirmed;
    }

    /// <summary>Gets the address.</summary>
    public string Email { get; }

    /// <summary>Gets a value indicating whether this is the account's primary address.</summary>
    public bool IsPrimary { get; }

    /// <summary>Gets a value indicating whether the address is confirmed.</summary>
    public bool IsConfirmed { get; }
}
