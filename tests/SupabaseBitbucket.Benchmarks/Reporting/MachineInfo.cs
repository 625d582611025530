using System.Globalization;
using System.Runtime.InteropServices;

namespace SupabaseBitbucket.Benchmarks.Reporting;

/// <summary>The runtime, operating system, processor count and date that a measurement ran with.</summary>
internal static class MachineInfo
{
    public static string DotNetVersion => RuntimeInformation.FrameworkDescription;

    /// <summary>
    /// Returns one line such as ".NET 10.0.12, Debian GNU/Linux 12 (bookworm) X64, 2 processors, 2026-12-04 17:52 UTC".
    /// </summary>
    public static string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{DotNetVersion}, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, "
        + $"{Environment.ProcessorCount} processors, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
}
