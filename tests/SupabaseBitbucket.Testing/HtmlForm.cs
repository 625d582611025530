using System.Net;
using System.Text.RegularExpressions;

namespace SupabaseBitbucket.Testing;

/// <summary>
/// The first form of an HTML page, read the way a browser without JavaScript submits it.
/// </summary>
public sealed partial class HtmlForm
{
    private HtmlForm(string action, string method, List<KeyValuePair<string, string>> fields, List<(string Name, string Value, string Text)> buttons, List<(string Name, string Value)> radios)
    {
        Action = action;
        Method = method;
        Fields = fields;
        Buttons = buttons;
        Radios = radios;
    }

    public string Action { get; }

    public string Method { get; }

    public List<KeyValuePair<string, string>> Fields { get; }

    public List<(string Name, string Value, string Text)> Buttons { get; }

    public List<(string Name, string Value)> Radios { get; }

    public static HtmlForm Parse(string html)
    {
        var form = FormRegex().Match(html);
        if (!form.Success)
        {
            throw new InvalidOperationException("The page has no form: " + html[..Math.Min(html.Length, 500)]);
        }

        var attributes = form.Groups["attributes"].Value;
        var body = form.Groups["body"].Value;
        var fields = new List<KeyValuePair<string, string>>();
        var radios = new List<(string Name, string Value)>();
        foreach (Match input in InputRegex().Matches(body))
        {
            var tag = input.Value;
            var name = Attribute(tag, "name");
            if (name is null)
            {
                continue;
            }

            var type = Attribute(tag, "type") ?? "text";
            var value = Attribute(tag, "value") ?? string.Empty;
            if (type == "radio")
            {
                radios.Add((name, value));
                if (tag.Contains("checked", StringComparison.Ordinal))
                {
                    fields.Add(new(name, value));
                }
            }
            else if (type is "hidden" or "text")
            {
                fields.Add(new(name, value));
            }
        }

        var buttons = ButtonRegex().Matches(body)
            .Select(b => (Attribute(b.Groups["attributes"].Value, "name") ?? string.Empty,
                Attribute(b.Groups["attributes"].Value, "value") ?? string.Empty,
                WebUtility.HtmlDecode(b.Groups["text"].Value.Trim())))
            .ToList();
        return new HtmlForm(
            Attribute(attributes, "action") ?? string.Empty,
            (Attribute(attributes, "method") ?? "get").ToUpperInvariant(),
            fields,
            buttons,
            radios);
    }

    /// <summary>Returns the fields a browser sends when the radio <paramref name="choice"/> is picked and the button with <paramref name="buttonText"/> pressed.</summary>
    public List<KeyValuePair<string, string>> Submission(string buttonText, string? choice = null)
    {
        var fields = new List<KeyValuePair<string, string>>(Fields);
        if (choice is not null)
        {
            var radio = Radios.Single(r => r.Value == choice);
            fields.RemoveAll(f => f.Key == radio.Name);
            fields.Add(new(radio.Name, radio.Value));
        }

        var button = Buttons.Single(b => b.Text.Contains(buttonText, StringComparison.OrdinalIgnoreCase));
        if (button.Name.Length > 0)
        {
            fields.Add(new(button.Name, button.Value));
        }

        return fields;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, "\\b" + name + "\\s*=\\s*(\"(?<v>[^\"]*)\"|'(?<v>[^']*)')", RegexOptions.IgnoreCase);
        return match.Success ? WebUtility.HtmlDecode(match.Groups["v"].Value) : null;
    }

    [GeneratedRegex("<form(?<attributes>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormRegex();

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputRegex();

    [GeneratedRegex("<button(?<attributes>[^>]*)>(?<text>.*?)</button>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ButtonRegex();
}
