using Orders;
using Stelvio;

// The command line (synth, diff, deploy, outputs, destroy) for the app OrdersApp declares; the tests
// synthesize the same declaration (docs/testing.md).
return await StelvioApp.RunAsync(args, OrdersApp.Name, OrdersApp.Declare);
