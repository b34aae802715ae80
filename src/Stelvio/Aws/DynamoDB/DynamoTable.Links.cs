using Stelvio.Links;

namespace Stelvio.Aws.DynamoDB;

public sealed partial class DynamoTable : ILinkable
{
    /// <summary>
    /// The link a function gets with <c>Links = [table]</c>, unless the app overrides it
    /// (<see cref="StelvioApp.OverrideLink{T}"/>): <see cref="DefaultLink"/>.
    /// </summary>
    public Link Link() => App.LinkFor(this, DefaultLink);

    /// <summary>
    /// Read and write access: <see cref="DynamoActions.ReadWrite"/> on the table, <see cref="DynamoActions.Index"/>
    /// on its indexes (<c>{arn}/index/*</c>); properties <c>table_name</c>, <c>table_arn</c> and, when the table has a
    /// stream, <c>stream_arn</c> (environment <c>STLV_{TABLE}_TABLE_NAME</c>, …).
    /// </summary>
    public Link DefaultLink() => LinkWith(DynamoActions.ReadWrite);

    /// <summary>
    /// Read-only access: <see cref="DynamoActions.ReadOnly"/> on the table, <see cref="DynamoActions.Index"/> on its
    /// indexes, and the same properties as <see cref="DefaultLink"/>. Use it in place of the table:
    /// <c>Links = [orders.ReadOnlyLink()]</c>.
    /// </summary>
    public Link ReadOnlyLink() => LinkWith(DynamoActions.ReadOnly);

    private Link LinkWith(IReadOnlyList<string> tableActions)
    {
        var properties = new List<KeyValuePair<string, LinkValue>> { new("table_name", Name), new("table_arn", Arn) };
        if (StreamArn is not null)
        {
            properties.Add(new("stream_arn", StreamArn));
        }

        return global::Stelvio.Links.Link.For(this, properties,
        [
            new AwsPermission(tableActions, [Arn]),
            new AwsPermission(DynamoActions.Index, [Deferred.Format($"{Arn}/index/*")]),
        ]);
    }
}
