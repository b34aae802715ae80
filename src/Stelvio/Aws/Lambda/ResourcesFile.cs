using System.Text;
using Stelvio.Assets;
using Stelvio.Links;
using Stelvio.Naming;

namespace Stelvio.Aws.Lambda;

/// <summary>
/// The typed access files synth writes into function folders, the counterpart of the original's generated
/// resource file: one file per function, holding exactly that function's links, so a handler cannot read a
/// resource its function is not linked to, and two apps or stages sharing the folder each write their own
/// functions' files. A C# project folder gets <c>StelvioResources.{function}.g.cs</c>
/// (<c>Resources.ProcessUser.Users.TableName</c>), a Python folder <c>stlv_resources_{function}.py</c>
/// (<c>from stlv_resources_process_user import Resources</c>, then <c>Resources.users.table_name</c>). Content is
/// sorted, so the same app gives the same files, and rewritten on every synth, so it is never stale. Each accessor
/// reads its environment variable (<see cref="LinkEnvironment"/>) and throws, naming it, when the running function
/// does not have it. The header names the app and the function (<see cref="GeneratedAccessFile"/> reads it back to
/// delete files the app no longer generates). The files are left out of the function's source hash; their content
/// enters it through synth.
/// </summary>
internal static class ResourcesFile
{
    private static readonly HashSet<string> PythonKeywords = new(StringComparer.Ordinal)
    {
        "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally",
        "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
        "while", "with", "yield", "none", "true", "false",
    };

    /// <summary>
    /// Adds the typed access files of the functions of the app built from <paramref name="function"/>'s folder (one
    /// per function), unless a function of the same folder already did; returns them (file name → content), since
    /// the zip holds them.
    /// </summary>
    public static IReadOnlyDictionary<string, string> AddFor(SynthContext context, Function function)
    {
        var folder = function.Handler.FullFolder(function.App.ProjectDirectory);
        var kind = function.Handler.Kind;
        var functions = function.App.Components.OfType<Function>()
            .Where(f => f.Handler.Kind == kind && f.Handler.FullFolder(f.App.ProjectDirectory) == folder)
            .OrderBy(f => f.ComponentName, StringComparer.Ordinal);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var each in functions)
        {
            var name = kind == AssetKind.DotnetProject ? each.TypedAccessFileName : each.PythonAccessFileName;
            var path = Path.Combine(folder, name);
            if (!context.GeneratedFiles.TryGetValue(path, out var content))
            {
                content = kind == AssetKind.DotnetProject
                    ? CSharp(each.App.Name, each.ComponentName, Groups([each]))
                    : Python(each.App.Name, each.ComponentName, Groups([each]));
                context.GeneratedFiles[path] = content;
            }

            files[name] = content;
        }

        return files;
    }

    /// <summary>The Python module of a function's access file: <c>stlv_resources_</c> and the name in snake case (<c>process-user</c> → <c>stlv_resources_process_user</c>).</summary>
    public static string PythonModuleName(string function) => GeneratedAccessFile.PythonPrefix + "_" + function.ToLowerInvariant().Replace('-', '_');

    /// <summary>Link segment → (link names, property variable → property name), all sorted.</summary>
    private static SortedDictionary<string, (SortedSet<string> Links, SortedDictionary<string, string> Properties)> Groups(IEnumerable<Function> functions)
    {
        var groups = new SortedDictionary<string, (SortedSet<string>, SortedDictionary<string, string>)>(StringComparer.Ordinal);
        foreach (var link in functions.SelectMany(f => f.ResolvedLinks))
        {
            var segment = LinkEnvironment.LinkSegment(link.Name);
            if (!groups.TryGetValue(segment, out var group))
            {
                group = (new SortedSet<string>(StringComparer.Ordinal), new SortedDictionary<string, string>(StringComparer.Ordinal));
                groups[segment] = group;
            }

            group.Item1.Add(link.Name);
            foreach (var property in link.Properties.Keys)
            {
                group.Item2.TryAdd(LinkEnvironment.Segment(property), property);
            }
        }

        return groups;
    }

    private static string CSharp(string app, string function, SortedDictionary<string, (SortedSet<string> Links, SortedDictionary<string, string> Properties)> groups)
    {
        var text = new StringBuilder();
        var functionClass = NameRules.Pascal(function);
        if (functionClass == "Resources" || functionClass.Length == 0 || char.IsAsciiDigit(functionClass[0]))
        {
            functionClass = "Function" + functionClass;
        }

        text.Append("// <auto-generated>\n");
        text.Append("//   ").Append(GeneratedAccessFile.Header(app, function)).Append('\n');
        text.Append("//   Do not edit: it is rewritten on every synth.\n");
        text.Append("// </auto-generated>\n");
        text.Append("#nullable enable\n\n");
        text.Append("internal static partial class Resources\n{\n");
        text.Append("    /// <summary>The resources linked to function '").Append(Xml(function)).Append("', read from the environment Stelvio sets.</summary>\n");
        text.Append("    [global::System.CodeDom.Compiler.GeneratedCode(\"Stelvio\", \"1.0\")]\n");
        text.Append("    internal static class ").Append(functionClass).Append("\n    {\n");
        var classes = new HashSet<string>(StringComparer.Ordinal) { "Resources", functionClass, "Read" };
        foreach (var (segment, (links, properties)) in groups)
        {
            var className = Unique(classes, NameRules.Pascal(segment.ToLowerInvariant()), "Link");
            text.Append("        /// <summary>Link ").Append(string.Join(", ", links.Select(l => $"'{Xml(l)}'"))).Append(".</summary>\n");
            text.Append("        internal static class ").Append(className).Append("\n        {\n");
            var members = new HashSet<string>(StringComparer.Ordinal) { className };
            foreach (var (propertySegment, property) in properties)
            {
                var variable = $"{LinkEnvironment.Prefix}{segment}_{propertySegment}";
                var member = Unique(members, NameRules.Pascal(propertySegment.ToLowerInvariant()), "Value");
                text.Append("            /// <summary><c>").Append(Xml(property)).Append("</c>, from <c>").Append(variable).Append("</c>.</summary>\n");
                text.Append("            internal static string ").Append(member).Append(" => Read(\"").Append(variable).Append("\");\n");
            }

            text.Append("        }\n\n");
        }

        text.Append("        private static string Read(string variable) =>\n");
        text.Append("            global::System.Environment.GetEnvironmentVariable(variable)\n");
        text.Append("            ?? throw new global::System.InvalidOperationException(\n");
        text.Append("                \"The environment variable \" + variable + \" is not set. Link the resource to function '").Append(function).Append("' (Links = [...]) \" +\n");
        text.Append("                \"and deploy again; outside Lambda, run the function through Stelvio.\");\n");
        text.Append("    }\n");
        text.Append("}\n");
        return text.ToString();
    }

    private static string Python(string app, string function, SortedDictionary<string, (SortedSet<string> Links, SortedDictionary<string, string> Properties)> groups)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(GeneratedAccessFile.Header(app, function)).Append('\n');
        text.Append("# Do not edit: it is rewritten on every synth.\n");
        text.Append("import os\n\n\n");
        text.Append("def _read(variable: str) -> str:\n");
        text.Append("    value = os.environ.get(variable)\n");
        text.Append("    if value is None:\n");
        text.Append("        raise RuntimeError(f\"The environment variable {variable} is not set. Link the resource to function '").Append(function).Append("' and deploy again.\")\n");
        text.Append("    return value\n");
        var attributes = new List<(string Attribute, string Class)>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (segment, (links, properties)) in groups)
        {
            var attribute = Unique(used, PythonName(segment), "_link");
            var className = "_" + NameRules.Pascal(attribute) + "Link";
            attributes.Add((attribute, className));
            text.Append("\n\nclass ").Append(className).Append(":\n");
            text.Append("    \"\"\"Link ").Append(string.Join(", ", links.Select(l => $"'{l}'"))).Append(".\"\"\"\n");
            var members = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (propertySegment, property) in properties)
            {
                var variable = $"{LinkEnvironment.Prefix}{segment}_{propertySegment}";
                text.Append("\n    @property\n");
                text.Append("    def ").Append(Unique(members, PythonName(propertySegment), "_value")).Append("(self) -> str:\n");
                text.Append("        \"\"\"").Append(property).Append(", from ").Append(variable).Append(".\"\"\"\n");
                text.Append("        return _read(\"").Append(variable).Append("\")\n");
            }

            if (properties.Count == 0)
            {
                text.Append("    pass\n");
            }
        }

        text.Append("\n\nclass Resources:\n");
        text.Append("    \"\"\"The resources linked to function '").Append(function).Append("', read from the environment Stelvio sets.\"\"\"\n");
        if (attributes.Count == 0)
        {
            text.Append("    pass\n");
        }

        foreach (var (attribute, className) in attributes)
        {
            text.Append("    ").Append(attribute).Append(" = ").Append(className).Append("()\n");
        }

        return text.ToString();
    }

    private static string PythonName(string segment)
    {
        var name = segment.ToLowerInvariant();
        if (name.Length > 0 && char.IsAsciiDigit(name[0]))
        {
            name = "_" + name;
        }

        return PythonKeywords.Contains(name) ? name + "_" : name;
    }

    private static string Unique(HashSet<string> used, string name, string suffix)
    {
        var candidate = used.Contains(name) ? name + suffix : name;
        for (var i = 2; !used.Add(candidate); i++)
        {
            candidate = name + suffix + i;
        }

        return candidate;
    }

    private static string Xml(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
