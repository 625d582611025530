namespace SupabaseBitbucket.Emulator.Tool;

/// <summary>
/// The <c>supabase-bitbucket-emulator</c> command: the standalone emulator, with the same options and exit codes
/// as <c>dotnet run --project src/SupabaseBitbucket.Emulator</c>.
/// </summary>
/// <remarks>
/// A tool package cannot also serve as a library reference, so the emulator library ships in its own package and
/// this one only starts it.
/// </remarks>
internal static class Program
{
    /// <summary>The command name that the package installs, as ToolCommandName in the project file sets it.</summary>
    private const string CommandName = "supabase-bitbucket-emulator";

    public static Task<int> Main(string[] args) => Emulator.Program.RunAsync(args, CommandName);
}
