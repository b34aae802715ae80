namespace Stelvio.Aws.DynamoDB;

/// <summary>What a table's stream records carry for each changed item.</summary>
public enum StreamView
{
    /// <summary><c>"keys-only"</c>: only the key attributes of the changed item.</summary>
    KeysOnly,

    /// <summary><c>"new-image"</c>: the whole item after the change.</summary>
    NewImage,

    /// <summary><c>"old-image"</c>: the whole item before the change.</summary>
    OldImage,

    /// <summary><c>"new-and-old-images"</c>: the item before and after the change.</summary>
    NewAndOldImages,
}

/// <summary>
/// A stream setting as given in <see cref="DynamoTableConfig.Stream"/>: a <see cref="StreamView"/>, the guide's
/// strings (<c>"keys-only"</c>, <c>"new-image"</c>, <c>"old-image"</c>, <c>"new-and-old-images"</c>) or
/// DynamoDB's names (<c>"NEW_AND_OLD_IMAGES"</c>).
/// </summary>
public readonly record struct StreamSetting
{
    private StreamSetting(StreamView? view, string? text)
    {
        View = view;
        Text = text;
    }

    /// <summary>The view, or null when the text given was not a known spelling.</summary>
    public StreamView? View { get; }

    /// <summary>The text given, when given as text.</summary>
    public string? Text { get; }

    /// <summary>The spellings accepted as text.</summary>
    public const string AcceptedSpellings = "\"keys-only\", \"new-image\", \"old-image\", \"new-and-old-images\" (or KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, or StreamView)";

    /// <summary>A stream with this view of the changed items.</summary>
    public static implicit operator StreamSetting(StreamView view) => Enum.IsDefined(view) ? new(view, null) : new(null, view.ToString());

    /// <summary>A stream from its view as text (see <see cref="AcceptedSpellings"/>); a misspelling is reported at synth.</summary>
    public static implicit operator StreamSetting(string text) => new(Parse(text), text);

    /// <summary>DynamoDB's <c>StreamViewType</c>.</summary>
    public static string ToViewType(StreamView view) => view switch
    {
        StreamView.KeysOnly => "KEYS_ONLY",
        StreamView.NewImage => "NEW_IMAGE",
        StreamView.OldImage => "OLD_IMAGE",
        StreamView.NewAndOldImages => "NEW_AND_OLD_IMAGES",
        _ => throw new ArgumentOutOfRangeException(nameof(view)),
    };

    private static StreamView? Parse(string? text) => text?.Trim().ToLowerInvariant().Replace('_', '-') switch
    {
        "keys-only" => StreamView.KeysOnly,
        "new-image" => StreamView.NewImage,
        "old-image" => StreamView.OldImage,
        "new-and-old-images" => StreamView.NewAndOldImages,
        _ => null,
    };

    /// <inheritdoc/>
    public override string ToString() => Text ?? View?.ToString() ?? "";
}
