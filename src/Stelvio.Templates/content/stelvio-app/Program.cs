using Shop;
using Stelvio;

// The command line: dotnet run -- synth | diff | deploy | outputs | destroy [--stage S]
return await StelvioApp.RunAsync(args, ShopApp.Name, ShopApp.Declare);
