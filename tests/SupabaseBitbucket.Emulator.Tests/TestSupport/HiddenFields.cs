using System.Net;
using System.Text.RegularExpressions;

namespace SupabaseBitbucket.Emulator.Tests.TestSupport;

/// <summary>Reads the hidden inputs of the consent form, as a browser would submit them.</summary>
internal static partial class HiddenFields
{
    public static Dictionary<string, string> Read(string html) =>
        HiddenInput().Matches(html).ToDictionary(
            match => WebUtility.HtmlDecode(match.Groups["name"].Value),
            match => WebUtility.HtmlDecode(match.Groups["value"].Value));

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenInput();
}
