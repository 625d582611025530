using System.Net;
using System.Text.RegularExpressions;

namespace SupabaseBitbucket.Packaging.Tests.Docs;

/// <summary>Plays a user in a browser on the emulated Bitbucket consent page.</summary>
internal static partial class ConsentForm
{
    /// <summary>
    /// Opens <paramref name="signInUrl"/>, picks <paramref name="account"/> on the consent page, grants access and
    /// follows the redirects to the app's callback. Returns the callback's response.
    /// </summary>
    public static async Task<HttpResponseMessage> GrantAsync(HttpClient browser, Uri signInUrl, string account)
    {
        using var consentPage = await browser.GetAsync(signInUrl);
        var html = await consentPage.Content.ReadAsStringAsync();
        html.Should().Contain("Grant access", "the sign-in URL leads to the consent page");

        var fields = HiddenInput().Matches(html)
            .Select(m => KeyValuePair.Create(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)))
            .Append(KeyValuePair.Create("account", account))
            .Append(KeyValuePair.Create("action", "grant"));
        using var form = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(consentPage.RequestMessage!.RequestUri, form);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenInput();
}
