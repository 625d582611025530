using System.Net;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

namespace SupabaseBitbucket.Emulator.Tests.Authorize;

/// <summary>
/// Expired flow states stay for 24 hours after creation, as Supabase Auth's database keeps them, and go with a
/// later <c>/authorize</c> call after that.
/// </summary>
public class FlowStateRetentionTests : EmulatorTest
{
    [TestCase(23 * 3600, HttpStatusCode.UnprocessableEntity, "flow_state_expired")]
    [TestCase((24 * 3600) + 1, HttpStatusCode.NotFound, "flow_state_not_found")]
    public async Task Exchange_ExpiredCode_NotFoundAfterRetention(int seconds, HttpStatusCode status, string code)
    {
        var authCode = await Emulator.SignInForCodeAsync();
        Clock.Advance(TimeSpan.FromSeconds(seconds));
        await Emulator.AuthorizeAsync();

        using var response = await Emulator.ExchangeAsync(authCode);

        response.StatusCode.Should().Be(status);
        (await Json.ReadAsync(response)).Text("code").Should().Be(code);
    }

    [Test]
    public async Task Callback_PastRetention_ReportsStateNotFound()
    {
        var consent = await Emulator.AuthorizeAsync();
        var callback = await Emulator.SubmitConsentAsync(consent, "grant");
        Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        await Emulator.AuthorizeAsync();

        using var response = await Emulator.GetAsync(callback.ToString());

        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var parameters = Query.Parse(response.Headers.Location!.Query);
        parameters["error_description"].Should().Be("OAuth state not found or expired");
    }
}
