using System.Text.RegularExpressions;
using Stelvio.Assets;

namespace Stelvio.Aws.Lambda;

/// <summary>
/// A parsed handler (the grammar is documented on <see cref="FunctionConfig.Handler"/>): the code folder,
/// relative to the app's project folder with '/' separators, and what Lambda's <c>Handler</c> property says.
/// </summary>
internal sealed partial record FunctionHandler(AssetKind Kind, string Folder, string LambdaHandler, string? PythonFile)
{
    private const string CSharpForm = "\"{folder}::{[Namespace.]Type.Method}\", for example \"functions/Orders::OrderHandlers.ProcessChanges\"";
    private const string PythonForm = "\"{folder}/{module}.{function}\", for example \"functions/orders.process_changes\"";

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z")]
    private static partial Regex Identifier();

    /// <summary>Parses <paramref name="handler"/> for a C# or Python runtime; reports problems to <paramref name="errors"/> and returns null.</summary>
    public static FunctionHandler? Parse(ConfigErrors errors, string? handler, bool python)
    {
        if (string.IsNullOrWhiteSpace(handler))
        {
            errors.Add("Handler", python
                ? $"is required. Give the Python function as {PythonForm}."
                : $"is required. Give the C# handler as {CSharpForm}: a folder holding one .csproj, '::', then the type and static method. " +
                  "For a Python handler set Runtime = \"python3.12\" too.");
            return null;
        }

        if (handler.Any(char.IsWhiteSpace))
        {
            errors.Add("Handler", $"'{handler}' contains white space. Write it as {(python ? PythonForm : CSharpForm)}.");
            return null;
        }

        return python ? ParsePython(errors, handler) : ParseCSharp(errors, handler);
    }

    private static FunctionHandler? ParseCSharp(ConfigErrors errors, string handler)
    {
        var parts = handler.Split("::");
        if (parts.Length == 1)
        {
            errors.Add("Handler", $"'{handler}' has no '::'. A C# handler is {CSharpForm}. " +
                "If this is a Python handler (\"folder/module.function\"), set Runtime = \"python3.12\".");
            return null;
        }

        if (parts.Length > 2)
        {
            errors.Add("Handler", $"'{handler}' has more than one '::'. A C# handler is {CSharpForm}: one '::' between the project folder and Type.Method.");
            return null;
        }

        var folder = CheckFolder(errors, handler, parts[0], python: false);
        var target = parts[1];
        var names = target.Split('.');
        if (target.Length == 0 || names.Length < 2)
        {
            errors.Add("Handler", $"'{handler}' needs a type and a method after '::' ({(target.Length == 0 ? "nothing is there" : $"'{target}' is one name")}). " +
                $"A C# handler is {CSharpForm}.");
            return null;
        }

        var bad = names.FirstOrDefault(n => !Identifier().IsMatch(n));
        if (bad is not null)
        {
            errors.Add("Handler", $"'{handler}': '{bad}' is not a C# identifier. After '::' come the namespace (if any), the type and the static method, separated by dots, as in \"OrderHandlers.ProcessChanges\" or \"Shop.Functions.OrderHandlers.ProcessChanges\".");
            return null;
        }

        return folder is null ? null : new FunctionHandler(AssetKind.DotnetProject, folder, target, null);
    }

    private static FunctionHandler? ParsePython(ConfigErrors errors, string handler)
    {
        if (handler.Contains("::", StringComparison.Ordinal))
        {
            errors.Add("Handler", $"'{handler}' is the C# handler form, but Runtime is a Python runtime. A Python handler is {PythonForm}; " +
                "for a C# handler, leave Runtime out.");
            return null;
        }

        var normalized = handler.Replace('\\', '/');
        var slash = normalized.LastIndexOf('/');
        if (slash < 0)
        {
            errors.Add("Handler", $"'{handler}' names no folder. A Python handler is {PythonForm}; the folder holding the file is what is deployed, so it needs one of its own.");
            return null;
        }

        var folder = CheckFolder(errors, handler, normalized[..slash], python: true);
        var last = normalized[(slash + 1)..];
        var names = last.Split('.');
        if (names.Length != 2 || names[0].Length == 0 || names[1].Length == 0)
        {
            errors.Add("Handler", $"'{handler}' must end in \"module.function\" (one dot), as in {PythonForm}.");
            return null;
        }

        var bad = names.FirstOrDefault(n => !Identifier().IsMatch(n));
        if (bad is not null)
        {
            errors.Add("Handler", $"'{handler}': '{bad}' is not a Python identifier. A Python handler is {PythonForm}.");
            return null;
        }

        return folder is null ? null : new FunctionHandler(AssetKind.PythonSource, folder, last, names[0] + ".py");
    }

    private static string? CheckFolder(ConfigErrors errors, string handler, string folder, bool python)
    {
        folder = folder.Replace('\\', '/').TrimEnd('/');
        if (folder.Length == 0 || folder == ".")
        {
            errors.Add("Handler", $"'{handler}' names no folder {(python ? "before the module" : "before '::'")}. Put the function's code in a folder of its own, as in {(python ? PythonForm : CSharpForm)}.");
            return null;
        }

        if (Path.IsPathRooted(folder) || folder.StartsWith('/'))
        {
            errors.Add("Handler", $"'{handler}': the folder '{folder}' is absolute. Give it relative to the app's project folder, so the app builds the same on every machine.");
            return null;
        }

        if (folder.Split('/').Any(s => s.Length == 0))
        {
            errors.Add("Handler", $"'{handler}': the folder '{folder}' has an empty part ('//').");
            return null;
        }

        return folder;
    }

    /// <summary>The folder on disk, under <paramref name="projectDirectory"/>.</summary>
    public string FullFolder(string projectDirectory) => Path.GetFullPath(Path.Combine(projectDirectory, Folder));

    /// <summary>Checks what the handler names exists on disk: the folder, its one .csproj, or the Python file.</summary>
    public void CheckOnDisk(string projectDirectory, Action<string> report)
    {
        var full = FullFolder(projectDirectory);
        if (!Directory.Exists(full))
        {
            report($"the folder '{Folder}' does not exist (looked in {full}). Handler folders are relative to the app's project folder, {projectDirectory}.");
            return;
        }

        if (Kind == AssetKind.DotnetProject)
        {
            var projects = Directory.GetFiles(full, "*.csproj").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
            if (projects.Length == 0)
            {
                report($"the folder '{Folder}' holds no .csproj. A C# handler's folder holds the one project that is published as the function (create one with 'dotnet new console').");
            }
            else if (projects.Length > 1)
            {
                report($"the folder '{Folder}' holds {projects.Length} projects ({string.Join(", ", projects)}); a C# handler's folder must hold exactly one. Put each function project in a folder of its own.");
            }
        }
        else if (!File.Exists(Path.Combine(full, PythonFile!)))
        {
            report($"the file '{Folder}/{PythonFile}' does not exist (looked in {full}).");
        }
        else
        {
            var function = LambdaHandler[(LambdaHandler.LastIndexOf('.') + 1)..];
            var source = File.ReadAllText(Path.Combine(full, PythonFile!));
            if (!PythonModule.Defines(source, function))
            {
                var functions = PythonModule.Functions(source);
                report($"'{Folder}/{PythonFile}' has no top-level function '{function}'. " + (functions.Count == 0
                    ? "It defines no top-level function: add \"def " + function + "(event, context):\"."
                    : $"Its top-level functions: {string.Join(", ", functions)}. Fix the name after the module in the handler, or define {function}."));
            }
        }
    }

    /// <summary>The project file of a C# handler's folder (checked by <see cref="CheckOnDisk"/> first).</summary>
    public string ProjectFile(string projectDirectory) => Directory.GetFiles(FullFolder(projectDirectory), "*.csproj").Single();
}
