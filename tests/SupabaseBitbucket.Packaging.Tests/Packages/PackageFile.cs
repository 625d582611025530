using System.IO.Compression;
using System.Xml.Linq;

namespace SupabaseBitbucket.Packaging.Tests.Packages;

/// <summary>A .nupkg or .snupkg opened for reading: its entries and its nuspec.</summary>
internal sealed class PackageFile : IDisposable
{
    private readonly ZipArchive archive;

    private PackageFile(ZipArchive archive, XDocument nuspec)
    {
        this.archive = archive;
        Nuspec = nuspec;
    }

    public XDocument Nuspec { get; }

    public IReadOnlyList<string> Entries =>
        [.. archive.Entries.Select(e => e.FullName).Where(n => !n.StartsWith('_') && !n.StartsWith('[') && !n.StartsWith("package/", StringComparison.Ordinal))];

    public static PackageFile Open(string path)
    {
        var archive = ZipFile.OpenRead(path);
        var nuspecEntry = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        return new PackageFile(archive, XDocument.Load(stream));
    }

    /// <summary>Returns the text of a metadata element of the nuspec, such as <c>readme</c>.</summary>
    public string? Metadata(string name) =>
        Nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata")
            .Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    /// <summary>Returns a metadata element of the nuspec, for its attributes.</summary>
    public XElement? MetadataElement(string name) =>
        Nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata")
            .Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public byte[] Read(string entryName)
    {
        using var stream = archive.GetEntry(entryName)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public void Dispose() => archive.Dispose();
}
