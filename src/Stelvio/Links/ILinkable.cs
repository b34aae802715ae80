namespace Stelvio.Links;

/// <summary>
/// Something a function can be linked to (<c>Links = [orders]</c>): it gives the <see cref="Links.Link"/> that
/// grants the function access to it and passes it its settings. Tables and functions are linkable; a
/// <see cref="Links.Link"/> is linkable itself, so custom and customised links go in the same list.
/// </summary>
public interface ILinkable
{
    /// <summary>The link a function gets when it is linked to this.</summary>
    Link Link();
}
