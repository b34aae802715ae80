using System.Globalization;
using System.Xml.Linq;

namespace Stelvio.Deploy.Aws;

/// <summary>Reads Query-protocol XML by local name, so that the namespace (which differs by service) does not matter.</summary>
internal static class XmlReading
{
    /// <summary>The first child named <paramref name="name"/>, or null.</summary>
    public static XElement? Child(this XElement element, string name) => element.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    /// <summary>The text of the first child named <paramref name="name"/>, or null.</summary>
    public static string? Text(this XElement element, string name) => element.Child(name)?.Value;

    /// <summary>The text of a required child; throws naming the element when absent.</summary>
    public static string Required(this XElement element, string name) =>
        element.Text(name) ?? throw new FormatException($"The AWS response has no <{name}> in <{element.Name.LocalName}>.");

    /// <summary>The <c>member</c> elements of the list child named <paramref name="name"/> (none when absent).</summary>
    public static IEnumerable<XElement> Members(this XElement element, string name) =>
        element.Child(name)?.Elements().Where(e => e.Name.LocalName == "member") ?? [];

    /// <summary>An ISO 8601 time child, or null.</summary>
    public static DateTimeOffset? Time(this XElement element, string name) =>
        element.Text(name) is { Length: > 0 } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal) : null;
}
