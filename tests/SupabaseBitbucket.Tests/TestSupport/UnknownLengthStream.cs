namespace SupabaseBitbucket.Tests.TestSupport;

/// <summary>A readable stream that reports no length, so content built on it carries no Content-Length.</summary>
internal sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
{
    public override bool CanSeek => false;
}
