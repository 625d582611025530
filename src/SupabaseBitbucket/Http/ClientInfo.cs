using System.Reflection;

namespace SupabaseBitbucket;

/// <summary>
/// The <c>X-Client-Info</c> header value, which identifies the client library that made a request.
/// </summary>
internal static class ClientInfo
{
    public const string ClientName = "supabase-bitbucket-dotnet";

    public static string Value { get; } = ClientName + "/" + ReadVersion();

    private static string ReadVersion()
    {
        var assembly = typeof(ClientInfo).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";

        // The SDK appends "+<commit>" to the informational version; the header carries the release version only.
        var metadataStart = version.IndexOf('+', StringComparison.Ordinal);
        return metadataStart < 0 ? version : version[..metadataStart];
    }
}
