using System.ComponentModel;
using System.Diagnostics;

namespace SupabaseBitbucket.Sample.Console;

/// <summary>Opens a URL in the user's default browser, as far as the platform has one.</summary>
internal static class BrowserLauncher
{
    /// <summary>
    /// Asks the platform to open <paramref name="url"/>: <c>open</c> on macOS, the shell on Windows and
    /// <c>xdg-open</c> on Linux with a graphical session. Returns whether that started; failures are ignored
    /// because the URL is printed anyway.
    /// </summary>
    public static bool TryOpen(Uri url)
    {
        ProcessStartInfo? start = null;
        if (OperatingSystem.IsWindows())
        {
            start = new ProcessStartInfo(url.AbsoluteUri) { UseShellExecute = true };
        }
        else if (OperatingSystem.IsMacOS())
        {
            start = new ProcessStartInfo("open", [url.AbsoluteUri]);
        }
        else if (HasGraphicalSession())
        {
            // Without a display, xdg-open may start a text browser inside this terminal instead.
            start = new ProcessStartInfo("xdg-open", [url.AbsoluteUri]);
        }

        if (start is null)
        {
            return false;
        }

        start.RedirectStandardOutput = !start.UseShellExecute;
        start.RedirectStandardError = !start.UseShellExecute;
        try
        {
            using var process = Process.Start(start);
            return process is not null;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }

    private static bool HasGraphicalSession() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY"));
}
