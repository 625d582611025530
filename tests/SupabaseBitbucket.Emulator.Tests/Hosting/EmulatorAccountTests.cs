namespace SupabaseBitbucket.Emulator.Tests.Hosting;

public class EmulatorAccountTests
{
    [Test]
    public void Constructor_SameUsername_DerivesSameIdentifiers()
    {
        var first = new EmulatorAccount("frank", "Frank One");
        var second = new EmulatorAccount("frank", "Frank Two");

        second.Uuid.Should().Be(first.Uuid);
        second.AccountId.Should().Be(first.AccountId);
        first.Uuid.Should().MatchRegex("^\\{[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\\}$");
        first.AccountId.Should().StartWith("712020:");
    }

    [Test]
    public void Constructor_OtherUsernames_DeriveDistinctUuids()
    {
        var uuids = new[] { "a", "b", "c", "alice", "bob" }.Select(name => new EmulatorAccount(name, name).Uuid);

        uuids.Should().OnlyHaveUniqueItems();
    }

    [TestCase("")]
    [TestCase("has space")]
    [TestCase("slash/name")]
    public void Constructor_InvalidUsername_Throws(string username)
    {
        var create = () => new EmulatorAccount(username, "Name");

        create.Should().Throw<ArgumentException>();
    }

    [TestCase("0f8fad5b-d9cb-469f-a165-70867728950e")]
    [TestCase("{not-a-uuid}")]
    public void Uuid_WithoutBraces_Throws(string uuid)
    {
        var create = () => new EmulatorAccount("grace", "Grace") { Uuid = uuid };

        create.Should().Throw<ArgumentException>().WithMessage("*in braces*");
    }

    [Test]
    public void Uuid_InBraces_IsKept()
    {
        var account = new EmulatorAccount("grace", "Grace") { Uuid = "{0f8fad5b-d9cb-469f-a165-70867728950e}" };

        account.Uuid.Should().Be("{0f8fad5b-d9cb-469f-a165-70867728950e}");
    }

    [Test]
    public void EmulatorEmail_Blank_Throws()
    {
        var create = () => new EmulatorEmail(" ");

        create.Should().Throw<ArgumentException>();
    }

    [Test]
    public void Emails_ListChangedLater_AccountKeepsCopy()
    {
        var emails = new List<EmulatorEmail> { new("henry@example.com", isPrimary: true) };
        var account = new EmulatorAccount("henry", "Henry") { Emails = emails };

        emails.Clear();

        account.Emails.Should().ContainSingle();
    }
}
