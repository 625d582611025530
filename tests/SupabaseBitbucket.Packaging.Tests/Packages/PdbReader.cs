using System.Reflection.Metadata;
using System.Text;

namespace SupabaseBitbucket.Packaging.Tests.Packages;

/// <summary>Reads the SourceLink map and the document paths of a portable PDB.</summary>
internal static class PdbReader
{
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    public static string? ReadSourceLink(byte[] pdb)
    {
        using var provider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(pdb));
        var reader = provider.GetMetadataReader();
        foreach (var handle in reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition))
        {
            var information = reader.GetCustomDebugInformation(handle);
            if (reader.GetGuid(information.Kind) == SourceLinkKind)
            {
                return Encoding.UTF8.GetString(reader.GetBlobBytes(information.Value));
            }
        }

        return null;
    }

    public static IReadOnlyList<string> ReadDocumentPaths(byte[] pdb)
    {
        using var provider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(pdb));
        var reader = provider.GetMetadataReader();
        return [.. reader.Documents.Select(handle => reader.GetString(reader.GetDocument(handle).Name))];
    }
}
