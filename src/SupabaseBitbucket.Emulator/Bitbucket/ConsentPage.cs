using System.Text;
using System.Text.Encodings.Web;

namespace SupabaseBitbucket.Emulator.Bitbucket;

/// <summary>
/// The HTML of the emulated Bitbucket: a consent form that works without JavaScript, and an error page.
/// Every value is HTML-encoded.
/// </summary>
internal static class ConsentPage
{
    private const string Style =
        "body{font-family:sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#172b4d}"
        + "label{display:block;margin:.5rem 0}button{margin:1rem .5rem 0 0;padding:.5rem 1rem}";

    /// <summary>Renders the consent form; the hidden fields carry the authorization request back on POST.</summary>
    public static string Render(
        string appName, IReadOnlyList<EmulatorAccount> accounts, IEnumerable<KeyValuePair<string, string>> hiddenFields)
    {
        var html = HtmlEncoder.Default;
        var body = new StringBuilder();
        body.Append("<h1>Authorize ").Append(html.Encode(appName)).Append("</h1>\n");
        body.Append("<p>").Append(html.Encode(appName))
            .Append(" would like to read your account information and email addresses.</p>\n");
        body.Append("<form method=\"post\">\n");
        foreach (var (name, value) in hiddenFields)
        {
            body.Append("<input type=\"hidden\" name=\"").Append(html.Encode(name))
                .Append("\" value=\"").Append(html.Encode(value)).Append("\">\n");
        }

        body.Append("<fieldset><legend>Sign in as</legend>\n");
        for (var i = 0; i < accounts.Count; i++)
        {
            var account = accounts[i];
            body.Append("<label><input type=\"radio\" name=\"account\" value=\"").Append(html.Encode(account.Username))
                .Append('"').Append(i == 0 ? " checked" : string.Empty).Append("> ")
                .Append(html.Encode(account.DisplayName)).Append(" (").Append(html.Encode(account.Username))
                .Append(")</label>\n");
        }

        if (accounts.Count == 0)
        {
            body.Append("<p>No accounts are set up.</p>\n");
        }

        body.Append("</fieldset>\n");
        body.Append("<button type=\"submit\" name=\"action\" value=\"grant\">Grant access</button>\n");
        body.Append("<button type=\"submit\" name=\"action\" value=\"cancel\">Cancel</button>\n");
        body.Append("</form>\n");
        return Document("Authorize " + appName, body.ToString());
    }

    public static string RenderError(string message) => Document(
        "Bitbucket error", "<h1>Something went wrong</h1>\n<p>" + HtmlEncoder.Default.Encode(message) + "</p>\n");

    private static string Document(string title, string body) =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
        + HtmlEncoder.Default.Encode(title) + " | Bitbucket (emulated)</title>\n<style>" + Style + "</style>\n"
        + "</head>\n<body>\n" + body + "</body>\n</html>\n";
}
