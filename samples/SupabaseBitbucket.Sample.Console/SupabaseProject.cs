using Microsoft.Extensions.Configuration;
using SupabaseBitbucket.Sample.Console.CommandLine;

namespace SupabaseBitbucket.Sample.Console;

/// <summary>
/// The Supabase settings of a run: the command-line options win over the environment variables
/// <c>Supabase__Url</c> and <c>Supabase__PublishableKey</c>.
/// </summary>
internal static class SupabaseProject
{
    public const string SectionName = "Supabase";

    /// <summary>Builds the configuration that <c>AddSupabaseBitbucket</c> binds its options from.</summary>
    public static IConfiguration Load(SampleOptions options)
    {
        var overrides = new Dictionary<string, string?>();
        if (options.SupabaseUrl is not null)
        {
            overrides[$"{SectionName}:Url"] = options.SupabaseUrl;
        }

        if (options.PublishableKey is not null)
        {
            overrides[$"{SectionName}:PublishableKey"] = options.PublishableKey;
        }

        return new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
    }

    /// <summary>Returns whether a Supabase project URL is configured; without one the sample uses the emulator.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{SectionName}:Url"]);

    /// <summary>Points the configuration at an emulator.</summary>
    public static void UseEmulator(IConfiguration configuration, Uri url, string publishableKey)
    {
        configuration[$"{SectionName}:Url"] = url.GetLeftPart(UriPartial.Authority);
        configuration[$"{SectionName}:PublishableKey"] = publishableKey;
    }
}
