using SupabaseBitbucket.Tests.TestSupport;

namespace SupabaseBitbucket.Tests.SignIn;

/// <summary>Invalid arguments throw before any request is sent.</summary>
public class ArgumentValidationTests
{
    private static readonly string?[] EmptyValues = [null, "", " ", "\t\n"];

    [TestCaseSource(nameof(EmptyValues))]
    public async Task ExchangeCodeAsync_EmptyCode_ThrowsBeforeRequest(string? value)
    {
        using var host = new AuthTestHost();

        var act = () => host.Service.ExchangeCodeAsync(value!, "verifier");

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("authCode");
        host.Handler.Requests.Should().BeEmpty();
    }

    [TestCaseSource(nameof(EmptyValues))]
    public async Task ExchangeCodeAsync_EmptyVerifier_ThrowsBeforeRequest(string? value)
    {
        using var host = new AuthTestHost();

        var act = () => host.Service.ExchangeCodeAsync("code", value!);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("codeVerifier");
        host.Handler.Requests.Should().BeEmpty();
    }

    [TestCaseSource(nameof(EmptyValues))]
    public async Task RefreshSessionAsync_EmptyToken_ThrowsBeforeRequest(string? value)
    {
        using var host = new AuthTestHost();

        var act = () => host.Service.RefreshSessionAsync(value!);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("refreshToken");
        host.Handler.Requests.Should().BeEmpty();
    }

    [TestCaseSource(nameof(EmptyValues))]
    public async Task GetUserAsync_EmptyToken_ThrowsBeforeRequest(string? value)
    {
        using var host = new AuthTestHost();

        var act = () => host.Service.GetUserAsync(value!);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("accessToken");
        host.Handler.Requests.Should().BeEmpty();
    }

    [TestCaseSource(nameof(EmptyValues))]
    public async Task SignOutAsync_EmptyToken_ThrowsBeforeRequest(string? value)
    {
        using var host = new AuthTestHost();

        var act = () => host.Service.SignOutAsync(value!);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("accessToken");
        host.Handler.Requests.Should().BeEmpty();
    }

    [TestCase("eyJhbGciOi.secret part.sig")]
    [TestCase("eyJhbGciOi.secret\r\nX-Injected: 1")]
    [TestCase("eyJhbGciOi.secret\u0000.sig")]
    public async Task GetUserAsync_TokenWithWhitespaceOrControl_ThrowsWithoutToken(string token)
    {
        using var host = new AuthTestHost();

        var act = () => host.Service.GetUserAsync(token);

        var exception = (await act.Should().ThrowAsync<ArgumentException>()).Which;
        exception.ParamName.Should().Be("accessToken");
        exception.Message.Should().NotContain("secret");
        host.Handler.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task SignOutAsync_TokenWithLineBreak_ThrowsBeforeRequest()
    {
        using var host = new AuthTestHost();

        var act = () => host.Service.SignOutAsync("token\nX-Injected: 1");

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("accessToken");
        host.Handler.Requests.Should().BeEmpty();
    }

    [Test]
    public void ExchangeCodeAsync_EmptyCode_ThrowsSynchronously()
    {
        using var host = new AuthTestHost();

        Action act = () => _ = host.Service.ExchangeCodeAsync("", "verifier");

        act.Should().Throw<ArgumentException>();
    }
}
