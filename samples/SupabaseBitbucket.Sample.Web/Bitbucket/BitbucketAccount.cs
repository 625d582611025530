namespace SupabaseBitbucket.Sample.Web.Bitbucket;

/// <summary>
/// The fields of Bitbucket's <c>GET /2.0/user</c> that the sample shows.
/// </summary>
public sealed record BitbucketAccount(
    string? DisplayName, string? Nickname, string? Uuid, string? AccountId, string? AvatarUrl, string? ProfileUrl);
