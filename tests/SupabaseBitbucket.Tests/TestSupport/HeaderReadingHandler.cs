namespace SupabaseBitbucket.Tests.TestSupport;

/// <summary>
/// Reads every request header through the validating API, as logging handlers do, which makes HttpClient parse and
/// re-format raw values.
/// </summary>
internal sealed class HeaderReadingHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var values = request.Headers.Select(header => string.Join(",", header.Value)).ToList();
        if (request.Content is not null)
        {
            values.AddRange(request.Content.Headers.Select(header => string.Join(",", header.Value)));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
