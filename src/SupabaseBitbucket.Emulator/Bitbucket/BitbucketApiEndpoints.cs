using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using SupabaseBitbucket.Emulator.Hosting;
using SupabaseBitbucket.Emulator.Http;

namespace SupabaseBitbucket.Emulator.Bitbucket;

/// <summary>
/// Bitbucket's REST API 2.0 endpoints of sign-in, under <c>/bitbucket/2.0</c>: <c>GET /user</c> and
/// <c>GET /user/emails</c>, which take <c>Authorization: Bearer &lt;access token&gt;</c>, and the avatar
/// pictures that the profiles link to.
/// </summary>
internal sealed class BitbucketApiEndpoints(EmulatorRuntime runtime)
{
    private const int MaxPageLength = 100;

    public Task UserAsync(HttpContext context) =>
        FindAccount(context.Request) is { } account
            ? JsonResponse.WriteAsync(context, StatusCodes.Status200OK, BitbucketJson.User(account, runtime))
            : UnauthorizedAsync(context);

    public Task EmailsAsync(HttpContext context)
    {
        if (FindAccount(context.Request) is not { } account)
        {
            return UnauthorizedAsync(context);
        }

        var page = ReadPositive(context.Request, "page", 1);
        var pageLength = ReadPositive(context.Request, "pagelen", BitbucketJson.DefaultPageLength);
        if (page is null || pageLength is null or > MaxPageLength)
        {
            var error = BitbucketJson.Error(
                $"Invalid page or pagelen: use page 1 or more and pagelen 1 to {MaxPageLength}.");
            return JsonResponse.WriteAsync(context, StatusCodes.Status400BadRequest, error);
        }

        var body = BitbucketJson.EmailPage(account, page.Value, pageLength.Value, runtime);
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, body);
    }

    /// <summary>Serves an SVG with the account's initial, the default avatar of every account.</summary>
    public async Task AvatarAsync(HttpContext context, string username)
    {
        if (runtime.Accounts.Find(username) is not { } account)
        {
            var error = BitbucketJson.Error($"No account '{username}'.");
            await JsonResponse.WriteAsync(context, 404, error).ConfigureAwait(false);
            return;
        }

        var initial = HtmlEncoder.Default.Encode(account.DisplayName[..1].ToUpperInvariant());
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"128\" height=\"128\">"
            + "<rect width=\"128\" height=\"128\" fill=\"#0052cc\"/><text x=\"64\" y=\"84\" font-size=\"64\" "
            + "text-anchor=\"middle\" fill=\"#fff\" font-family=\"sans-serif\">" + initial + "</text></svg>";
        await TextResponse.WriteAsync(context, StatusCodes.Status200OK, "image/svg+xml", svg).ConfigureAwait(false);
    }

    private EmulatorAccount? FindAccount(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Prefix = "Bearer ";
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var username = runtime.Bitbucket.FindUsername(header[Prefix.Length..].Trim());
        return username is null ? null : runtime.Accounts.Find(username);
    }

    private static int? ReadPositive(HttpRequest request, string name, int fallback)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : null;
    }

    private static Task UnauthorizedAsync(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        var error = BitbucketJson.Error("Access token is invalid or expired.");
        return JsonResponse.WriteAsync(context, StatusCodes.Status401Unauthorized, error);
    }
}
