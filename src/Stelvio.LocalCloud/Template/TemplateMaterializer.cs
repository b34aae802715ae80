using Stelvio.DynamoDB.Local;

namespace Stelvio.LocalCloud.Template;

/// <summary>
/// Turns a synthesized template into the app the local cloud runs: creates (or, on a data directory that already
/// holds them, reconciles) its tables in the engine, resolves every intrinsic to local values, reads its functions,
/// roles with their policies and stream mappings, and lists, once each, what it does not run locally.
/// </summary>
internal static class TemplateMaterializer
{
    /// <summary>Materializes <paramref name="templateJson"/> (the bytes <c>deploy</c> sends) as the stack <paramref name="stackName"/>.</summary>
    /// <exception cref="LocalTemplateException">The template cannot run locally; the message names the resource, the property and what to do.</exception>
    public static LocalApp Materialize(ReadOnlySpan<byte> templateJson, DynamoEngine engine, string stackName)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentException.ThrowIfNullOrEmpty(stackName);
        return new Run(TemplateDocument.Parse(templateJson), engine, new PseudoParameters(engine.Region, LocalAccount.Id, stackName)).App();
    }

    /// <summary>One materialization: the resolver, the resources' values and the tables created so far.</summary>
    private sealed class Run
    {
        private readonly TemplateDocument template;
        private readonly DynamoEngine engine;
        private readonly PseudoParameters pseudo;
        private readonly NotRunLocally notes = new();
        private readonly ResourceValues values;
        private readonly IntrinsicResolver resolver;
        private readonly Dictionary<string, LocalTable> tables = new(StringComparer.Ordinal);
        private readonly HashSet<string> creating = new(StringComparer.Ordinal);

        public Run(TemplateDocument template, DynamoEngine engine, PseudoParameters pseudo)
        {
            this.template = template;
            this.engine = engine;
            this.pseudo = pseudo;
            values = new ResourceValues(template, pseudo, Table);
            resolver = new IntrinsicResolver(template, pseudo, values);
            values.Resolver = resolver;
        }

        public LocalApp App()
        {
            var created = template.Resources.Where(r => r.Condition is null || resolver.Condition(r.Condition, r.LogicalId, "Condition")).ToList();
            var localTables = new List<LocalTable>();
            var functions = new List<LocalFunction>();
            var roles = new List<LocalRole>();
            var policies = new List<AttachedPolicy>();
            foreach (var resource in created)
            {
                switch (resource.Type)
                {
                    case ResourceTypes.Table:
                        localTables.Add(Table(resource));
                        break;
                    case ResourceTypes.Function:
                        if (FunctionReader.Read(resource, values.Name(resource), resolver, notes) is { } function)
                        {
                            functions.Add(function);
                        }

                        break;
                    case ResourceTypes.Role:
                        roles.Add(RoleReader.Read(resource, values.Name(resource), values.RolePath(resource), resolver, notes));
                        break;
                    case ResourceTypes.Policy:
                        policies.Add(PolicyReader.Read(resource, resolver, notes));
                        break;
                    case ResourceTypes.EventSourceMapping:
                        break;
                    default:
                        notes.Resource(resource.LogicalId, resource.Type);
                        break;
                }
            }

            var functionNames = functions.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            var streams = localTables.Where(t => t.StreamArn is not null).Select(t => t.StreamArn!).ToHashSet(StringComparer.Ordinal);
            var mappings = new List<LocalEventSourceMapping>();
            foreach (var resource in created.Where(r => r.Type == ResourceTypes.EventSourceMapping))
            {
                if (EventSourceMappingReader.Read(resource, values.Name(resource), resolver, functionNames, streams, notes) is { } mapping)
                {
                    mappings.Add(mapping);
                }
            }

            return new LocalApp(pseudo.Region, pseudo.AccountId, localTables, functions, Attach(roles, policies), mappings, notes.Entries);
        }

        /// <summary>The table, created in the engine the first time it is asked for.</summary>
        private LocalTable Table(TemplateResource resource)
        {
            if (tables.TryGetValue(resource.LogicalId, out var table))
            {
                return table;
            }

            if (!creating.Add(resource.LogicalId))
            {
                throw new LocalTemplateException(resource.LogicalId, "Properties", "refers to its own Arn or StreamArn, which exist only once the table does.");
            }

            var spec = TableSpec.Read(resource.LogicalId, values.Name(resource), resolver.ResolveProperties(resource), notes);
            table = TableMaterializer.Materialize(spec, engine);
            creating.Remove(resource.LogicalId);
            tables[resource.LogicalId] = table;
            return table;
        }

        /// <summary>Each role with the <c>AWS::IAM::Policy</c> resources naming it; policies of other roles are noted.</summary>
        private List<LocalRole> Attach(List<LocalRole> roles, List<AttachedPolicy> policies)
        {
            var byName = roles.ToDictionary(r => r.Name, r => new List<LocalPolicy>(r.Policies), StringComparer.Ordinal);
            foreach (var attached in policies)
            {
                foreach (var role in attached.RoleNames)
                {
                    if (byName.TryGetValue(role, out var list))
                    {
                        list.Add(attached.Policy);
                    }
                    else
                    {
                        notes.Add($"{attached.Policy.Source}: attached to role '{role}', which is not a role of this template; not run locally.");
                    }
                }
            }

            return [.. roles.Select(r => r with { Policies = byName[r.Name] })];
        }
    }
}
