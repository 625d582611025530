namespace SupabaseBitbucket.Sample.Web;

/// <summary>
/// Log events of the sample app.
/// </summary>
internal static partial class SampleLog
{
    [LoggerMessage(EventId = 9001, EventName = "SampleListening", Level = LogLevel.Information,
        Message = "Open {Address} in a browser and sign in with Bitbucket.")]
    public static partial void Listening(ILogger logger, string address);

    [LoggerMessage(EventId = 9002, EventName = "SampleUsesEmulator", Level = LogLevel.Information,
        Message = "No Supabase:Url is configured, so sign-in runs against the emulator at {EmulatorUrl}.")]
    public static partial void UsesEmulator(ILogger logger, Uri emulatorUrl);

    [LoggerMessage(EventId = 9003, EventName = "BitbucketStatus", Level = LogLevel.Warning,
        Message = "Bitbucket answered {StatusCode} to GET /user.")]
    public static partial void BitbucketStatus(ILogger logger, int statusCode);

    [LoggerMessage(EventId = 9004, EventName = "BitbucketFailed", Level = LogLevel.Warning,
        Message = "Reading the Bitbucket account failed: {Error}.")]
    public static partial void BitbucketFailed(ILogger logger, string error);
}
