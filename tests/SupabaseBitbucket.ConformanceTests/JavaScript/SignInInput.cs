namespace SupabaseBitbucket.ConformanceTests.JavaScript;

/// <summary>The options of one sign-in, given to both clients.</summary>
/// <param name="Name">A short label for test output.</param>
/// <param name="RedirectTo">The redirect URL, or null for none.</param>
/// <param name="Scopes">The scopes, or null for none.</param>
/// <param name="QueryParams">Extra query parameters in order, or null for none.</param>
public sealed record SignInInput(
    string Name, string? RedirectTo, string? Scopes, IReadOnlyDictionary<string, string>? QueryParams)
{
    public override string ToString() => Name;
}
