using System.Net;
using SupabaseBitbucket.Testing;

namespace SupabaseBitbucket.ReliabilityTests.Support;

/// <summary>The steps of a sign-in that replay and scale-out tests stop between, with the secrets they reveal.</summary>
internal static class SignInSteps
{
    /// <summary>
    /// Opens the login endpoint and follows the emulator, which grants access at once (auto-consent), up to the
    /// app's callback URL, which is returned unopened together with the flow cookie of this sign-in.
    /// </summary>
    public static async Task<(Uri Callback, Cookie FlowCookie)> StartAsync(
        TestApp app, TestBrowser browser, SecretLedger secrets, string? next = null)
    {
        var before = AppCookies.Flows(browser.Cookies).Select(cookie => cookie.Name).ToHashSet(StringComparer.Ordinal);
        var authorize = await browser.StartLoginAsync(next);
        var flowCookie = AppCookies.Flows(browser.Cookies).Single(cookie => !before.Contains(cookie.Name));
        var callback = await browser.FollowToAppAsync(authorize);
        secrets.AddFlowCookie(app, flowCookie.Value);
        secrets.AddCode(callback);
        return (callback, flowCookie);
    }

    /// <summary>Runs a whole sign-in and keeps the tokens of the session it creates.</summary>
    public static async Task SignInAsync(TestApp app, TestBrowser browser, SecretLedger secrets)
    {
        var (callback, _) = await StartAsync(app, browser, secrets);
        Assert.That((await CallbackAsync(browser, callback)).Location, Is.EqualTo("/"), "the sign-in completes");
        secrets.AddSession(app, browser.Cookies);
    }

    /// <summary>Opens a callback URL and returns where it redirects and the cookies it sets.</summary>
    public static async Task<(string Location, ResponseCookies Cookies)> CallbackAsync(TestBrowser browser, Uri callback)
    {
        using var response = await browser.GetAsync(callback);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the callback redirects");
        Assert.That(response.Headers.NonValidated.TryGetValues("Location", out var locations), Is.True);
        return (locations.Single(), new ResponseCookies(response));
    }

    /// <summary>Returns the callback URL with the authority of another instance of the app.</summary>
    public static Uri OnInstance(Uri callback, TestApp instance) =>
        new(instance.BaseUrl, callback.PathAndQuery);
}
