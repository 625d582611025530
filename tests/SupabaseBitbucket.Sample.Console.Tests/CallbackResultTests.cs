using SupabaseBitbucket.Sample.Console.Callback;

namespace SupabaseBitbucket.Sample.Console.Tests;

[TestFixture]
public sealed class CallbackResultTests
{
    [Test]
    public void ExplainError_AccessDenied_SaysCancelled()
    {
        var result = new CallbackResult(null, "access_denied", null, "The resource owner denied the request.");

        result.ExplainError().Should().StartWith("Sign-in cancelled: ");
    }

    [Test]
    public void ExplainError_NoEmail_SaysAddEmail()
    {
        var result = new CallbackResult(
            null, "server_error", "unexpected_failure", "Error getting user email from external provider");

        result.ExplainError().Should().Be(
            "Sign-in failed: your Bitbucket account has no email address. Add and confirm one in Bitbucket's "
            + "personal settings, then sign in again.");
    }

    [TestCase("server_error", "Unable to exchange external code")]
    [TestCase("invalid_request", null)]
    [TestCase("code_missing", "The callback carried neither a code nor an error.")]
    public void ExplainError_OtherError_ReturnsNull(string error, string? description)
    {
        var result = new CallbackResult(null, error, null, description);

        result.ExplainError().Should().BeNull();
    }
}
