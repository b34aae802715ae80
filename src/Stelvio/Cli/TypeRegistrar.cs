using Spectre.Console.Cli;

namespace Stelvio.Cli;

/// <summary>The smallest registrar Spectre.Console.Cli needs to give commands their constructor arguments.</summary>
internal sealed class TypeRegistrar : ITypeRegistrar, ITypeResolver
{
    private readonly Dictionary<Type, Func<object>> factories = [];

    public void Register(Type service, Type implementation) => factories[service] = () => Create(implementation);

    public void RegisterInstance(Type service, object implementation) => factories[service] = () => implementation;

    public void RegisterLazy(Type service, Func<object> factory) => factories[service] = factory;

    public ITypeResolver Build() => this;

    public object? Resolve(Type? type)
    {
        if (type is null)
        {
            return null;
        }

        if (factories.TryGetValue(type, out var factory))
        {
            return factory();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            var element = type.GetGenericArguments()[0];
            var items = factories.TryGetValue(element, out var one) ? new[] { one() } : [];
            var array = Array.CreateInstance(element, items.Length);
            items.CopyTo(array, 0);
            return array;
        }

        return type.IsInterface || type.IsAbstract ? null : Create(type);
    }

    private object Create(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => Resolve(p.ParameterType)).ToArray();
        return constructor.Invoke(arguments);
    }
}
