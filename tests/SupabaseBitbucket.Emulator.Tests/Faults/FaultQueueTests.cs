using System.Net;
using SupabaseBitbucket.Emulator.Tests.TestSupport;

namespace SupabaseBitbucket.Emulator.Tests.Faults;

public class FaultQueueTests : EmulatorTest
{
    [Test]
    public async Task InjectFault_CountTwo_FailsTwoRequests()
    {
        Emulator.Server.InjectFault(EmulatorEndpoint.Settings, EmulatorFault.EmptyBody(503), count: 2);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await Emulator.SendAuthAsync(HttpMethod.Get, "settings");
            statuses.Add(response.StatusCode);
        }

        statuses.Should().Equal(
            HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        Emulator.Server.PendingFaultCount(EmulatorEndpoint.Settings).Should().Be(0);
    }

    [Test]
    public async Task InjectFault_TwoFaults_ServedInOrder()
    {
        Emulator.Server.InjectFault(EmulatorEndpoint.Settings, EmulatorFault.EmptyBody(502));
        Emulator.Server.InjectFault(EmulatorEndpoint.Settings, EmulatorFault.EmptyBody(504));

        using var first = await Emulator.SendAuthAsync(HttpMethod.Get, "settings");
        using var second = await Emulator.SendAuthAsync(HttpMethod.Get, "settings");

        first.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        second.StatusCode.Should().Be(HttpStatusCode.GatewayTimeout);
    }

    [Test]
    public async Task InjectFault_OtherEndpoint_IsNotAffected()
    {
        Emulator.Server.InjectFault(EmulatorEndpoint.TokenPkce, EmulatorFault.EmptyBody(503));

        using var refresh = await Emulator.RefreshAsync("abcdefghijkl");

        refresh.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Emulator.Server.PendingFaultCount(EmulatorEndpoint.TokenPkce).Should().Be(1);
    }

    [Test]
    public async Task ClearFaults_Pending_RemovesThem()
    {
        Emulator.Server.InjectFault(EmulatorEndpoint.Settings, EmulatorFault.EmptyBody(503), count: 5);

        Emulator.Server.ClearFaults();
        using var response = await Emulator.SendAuthAsync(HttpMethod.Get, "settings");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Emulator.Server.PendingFaultCount(EmulatorEndpoint.Settings).Should().Be(0);
    }

    [Test]
    public async Task InjectFault_ParallelRequests_ServesEachFaultOnce()
    {
        Emulator.Server.InjectFault(EmulatorEndpoint.Settings, EmulatorFault.EmptyBody(503), count: 25);

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 60).Select(_ => Emulator.SendAuthAsync(HttpMethod.Get, "settings")));

        responses.Count(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).Should().Be(25);
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(35);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Test]
    public void InjectFault_InvalidArguments_Throw()
    {
        var fault = EmulatorFault.EmptyBody(500);
        var zeroCount = () => Emulator.Server.InjectFault(EmulatorEndpoint.User, fault, count: 0);
        var nullFault = () => Emulator.Server.InjectFault(EmulatorEndpoint.User, null!);
        var badEndpoint = () => Emulator.Server.InjectFault((EmulatorEndpoint)99, fault);

        zeroCount.Should().Throw<ArgumentOutOfRangeException>();
        nullFault.Should().Throw<ArgumentNullException>();
        badEndpoint.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void EmulatorFault_InvalidValues_Throw()
    {
        var lowStatus = () => EmulatorFault.Status(99, "code", "message");
        var highStatus = () => EmulatorFault.Html(600);
        var emptyCode = () => EmulatorFault.Status(500, " ", "message");
        var negativeDelay = () => EmulatorFault.Delay(TimeSpan.FromSeconds(-1));
        var negativeRetry = () => EmulatorFault.TooManyRequests(TimeSpan.FromSeconds(-1));

        lowStatus.Should().Throw<ArgumentOutOfRangeException>();
        highStatus.Should().Throw<ArgumentOutOfRangeException>();
        emptyCode.Should().Throw<ArgumentException>();
        negativeDelay.Should().Throw<ArgumentOutOfRangeException>();
        negativeRetry.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void EmulatorFault_ToString_DescribesFault()
    {
        EmulatorFault.Status(503, "unexpected_failure", "x").ToString().Should().Be("Status 503 unexpected_failure");
        EmulatorFault.Html(502).ToString().Should().Be("Html 502");
        EmulatorFault.DropConnection().ToString().Should().Be("DropConnection");
    }
}
