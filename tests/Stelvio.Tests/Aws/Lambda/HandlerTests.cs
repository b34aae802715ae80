using Stelvio.Aws.Lambda;
using Stelvio.Tests.Fixtures;

namespace Stelvio.Tests.Aws.Lambda;

/// <summary>The handler grammar (documented on <see cref="FunctionConfig.Handler"/>): every malformed handler is a clear error.</summary>
public sealed class HandlerTests
{
    private const string CSharpForm = "\"{folder}::{[Namespace.]Type.Method}\", for example \"functions/Orders::OrderHandlers.ProcessChanges\"";
    private const string PythonForm = "\"{folder}/{module}.{function}\", for example \"functions/orders.process_changes\"";

    [Theory]
    [InlineData(null, "Handler: is required. Give the C# handler as " + CSharpForm + ": a folder holding one .csproj, '::', then the type and static method. For a Python handler set Runtime = \"python3.12\" too.")]
    [InlineData("  ", "Handler: is required. Give the C# handler as " + CSharpForm + ": a folder holding one .csproj, '::', then the type and static method. For a Python handler set Runtime = \"python3.12\" too.")]
    [InlineData("functions/orders.process_changes", "Handler: 'functions/orders.process_changes' has no '::'. A C# handler is " + CSharpForm + ". If this is a Python handler (\"folder/module.function\"), set Runtime = \"python3.12\".")]
    [InlineData("functions/Orders::A::B.C", "Handler: 'functions/Orders::A::B.C' has more than one '::'. A C# handler is " + CSharpForm + ": one '::' between the project folder and Type.Method.")]
    [InlineData("::OrderHandlers.ProcessChanges", "Handler: '::OrderHandlers.ProcessChanges' names no folder before '::'. Put the function's code in a folder of its own, as in " + CSharpForm + ".")]
    [InlineData("functions/Orders::", "Handler: 'functions/Orders::' needs a type and a method after '::' (nothing is there). A C# handler is " + CSharpForm + ".")]
    [InlineData("functions/Orders::ProcessChanges", "Handler: 'functions/Orders::ProcessChanges' needs a type and a method after '::' ('ProcessChanges' is one name). A C# handler is " + CSharpForm + ".")]
    [InlineData("functions/Orders::Order-Handlers.Process", "Handler: 'functions/Orders::Order-Handlers.Process': 'Order-Handlers' is not a C# identifier. After '::' come the namespace (if any), the type and the static method, separated by dots, as in \"OrderHandlers.ProcessChanges\" or \"Shop.Functions.OrderHandlers.ProcessChanges\".")]
    [InlineData("functions/Orders::OrderHandlers..Process", "Handler: 'functions/Orders::OrderHandlers..Process': '' is not a C# identifier. After '::' come the namespace (if any), the type and the static method, separated by dots, as in \"OrderHandlers.ProcessChanges\" or \"Shop.Functions.OrderHandlers.ProcessChanges\".")]
    [InlineData("functions/Orders::1Handlers.Process", "Handler: 'functions/Orders::1Handlers.Process': '1Handlers' is not a C# identifier. After '::' come the namespace (if any), the type and the static method, separated by dots, as in \"OrderHandlers.ProcessChanges\" or \"Shop.Functions.OrderHandlers.ProcessChanges\".")]
    [InlineData("/srv/functions/Orders::OrderHandlers.Process", "Handler: '/srv/functions/Orders::OrderHandlers.Process': the folder '/srv/functions/Orders' is absolute. Give it relative to the app's project folder, so the app builds the same on every machine.")]
    [InlineData("functions//Orders::OrderHandlers.Process", "Handler: 'functions//Orders::OrderHandlers.Process': the folder 'functions//Orders' has an empty part ('//').")]
    [InlineData("functions/Orders:: OrderHandlers.Process", "Handler: 'functions/Orders:: OrderHandlers.Process' contains white space. Write it as " + CSharpForm + ".")]
    public void CSharpHandler_Malformed_IsRefusedShowingTheForm(string? handler, string message)
    {
        var error = AppSynth.Error(app => new Function("worker", new() { Handler = handler }));

        Assert.Equal("Function 'worker': " + message, error.Message);
    }

    [Theory]
    [InlineData("functions/Orders::OrderHandlers.Process", "Handler: 'functions/Orders::OrderHandlers.Process' is the C# handler form, but Runtime is a Python runtime. A Python handler is " + PythonForm + "; for a C# handler, leave Runtime out.")]
    [InlineData("orders.process_changes", "Handler: 'orders.process_changes' names no folder. A Python handler is " + PythonForm + "; the folder holding the file is what is deployed, so it needs one of its own.")]
    [InlineData("functions/orders", "Handler: 'functions/orders' must end in \"module.function\" (one dot), as in " + PythonForm + ".")]
    [InlineData("functions/orders.process.changes", "Handler: 'functions/orders.process.changes' must end in \"module.function\" (one dot), as in " + PythonForm + ".")]
    [InlineData("functions/orders.", "Handler: 'functions/orders.' must end in \"module.function\" (one dot), as in " + PythonForm + ".")]
    [InlineData("functions/my-orders.handler", "Handler: 'functions/my-orders.handler': 'my-orders' is not a Python identifier. A Python handler is " + PythonForm + ".")]
    [InlineData("./orders.handler", "Handler: './orders.handler' names no folder before the module. Put the function's code in a folder of its own, as in " + PythonForm + ".")]
    [InlineData(null, "Handler: is required. Give the Python function as " + PythonForm + ".")]
    public void PythonHandler_Malformed_IsRefusedShowingTheForm(string? handler, string message)
    {
        var error = AppSynth.Error(app => new Function("worker", new() { Handler = handler, Runtime = "python3.12" }));

        Assert.Equal("Function 'worker': " + message, error.Message);
    }

    [Theory]
    [InlineData("functions/Missing::OrderHandlers.Process", "the folder 'functions/Missing' does not exist")]
    [InlineData("functions/NoProject::OrderHandlers.Process", "the folder 'functions/NoProject' holds no .csproj. A C# handler's folder holds the one project that is published as the function (create one with 'dotnet new console').")]
    [InlineData("functions/Two::OrderHandlers.Process", "the folder 'functions/Two' holds 2 projects (A.csproj, B.csproj); a C# handler's folder must hold exactly one. Put each function project in a folder of its own.")]
    public void CSharpHandler_WhoseFolderIsNotOneProject_IsRefusedAtSynth(string handler, string message)
    {
        var error = AppSynth.Error(app => new Function("worker", new() { Handler = handler }));

        var only = Assert.Single(error.Errors);
        Assert.Equal("Function 'worker'", only.Component);
        Assert.Equal("Handler", only.Property);
        Assert.StartsWith(message, only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PythonHandler_WhoseFileIsMissing_IsRefusedAtSynth()
    {
        var error = AppSynth.Error(app => new Function("worker", new() { Handler = "functions/payments.charge", Runtime = "python3.12" }));

        Assert.StartsWith("Function 'worker': Handler: the file 'functions/payments.py' does not exist (looked in ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PythonHandler_WhoseModuleHasNoSuchTopLevelFunction_IsRefusedAtSynth_ListingTheFunctionsItHas()
    {
        var error = AppSynth.Error(app => new Function("worker", new() { Handler = "functions/orders.proces_order", Runtime = "python3.12" }));

        var only = Assert.Single(error.Errors);
        Assert.Equal(("Function 'worker'", "Handler"), (only.Component, only.Property));
        Assert.StartsWith("'functions/orders.py' has no top-level function 'proces_order'. Its top-level functions: ", only.Message, StringComparison.Ordinal);
        Assert.Contains("Fix the name after the module in the handler, or define proces_order.", only.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("def handle(event, context):\n    pass\n", "handle", true)]
    [InlineData("async def handle(event, context):\n    pass\n", "handle", true)]
    [InlineData("handle = make_handler()\n", "handle", true)]
    [InlineData("handle: Handler = make_handler()\n", "handle", true)]
    [InlineData("from .impl import other, handle\n", "handle", true)]
    [InlineData("from impl import run as handle\n", "handle", true)]
    [InlineData("class Worker:\n    def handle(self, event, context):\n        pass\n", "handle", false)]
    [InlineData("def outer():\n    def handle(event, context):\n        pass\n", "handle", false)]
    [InlineData("if handle == 1:\n    pass\n", "handle", false)]
    [InlineData("# def handle(event, context):\n", "handle", false)]
    public void PythonModule_FindsTopLevelDefinitionsOnly(string source, string name, bool defined) =>
        Assert.Equal(defined, PythonModule.Defines(source, name));

    [Fact]
    public void Handlers_ThatAreAllWrong_AreReportedTogether()
    {
        var error = AppSynth.Error(app =>
        {
            new Function("first", new() { Handler = "functions/Missing::A.B" });
            new Function("second", new() { Handler = "functions/nothing.here", Runtime = "python3.12" });
        });

        Assert.Equal(["Function 'first'", "Function 'second'"], error.Errors.Select(e => e.Component));
    }
}
