using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using ChildrenServices.Application;
using ChildrenServices.Application.Security;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.IntegrationTests.Architecture;

/// <summary>
/// Validators never query the database synchronously. The validation step runs under
/// <see cref="SynchronousQueryGuard"/>, and in Development and Testing <see cref="SynchronousQueryInterceptor"/>
/// refuses a synchronous command inside it, so every test that sends a use case checks its validators; and
/// every validator in Application is run here with its message filled in, to reach the rules behind its conditions.
/// </summary>
public sealed class SynchronousQueryTests(AppFactory factory)
{
    [Fact]
    public async Task InAValidator_ASynchronousQueryIsRefused_TheAsynchronousOneRuns()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        using (SynchronousQueryGuard.Enter("The test's validator"))
        {
            var refused = Assert.Throws<SynchronousQueryException>(() => db.Teams.Any(t => t.IsActive));
            Assert.StartsWith("The test's validator queried the database synchronously", refused.Message, StringComparison.Ordinal);
            Assert.Throws<SynchronousQueryException>(() => db.Staff.Count());
            await db.Teams.AnyAsync(t => t.IsActive, TestContext.Current.CancellationToken);
        }

        // Outside a validator (start-up, seeding, the tests' own set-up) a synchronous query is not this guard's business.
        _ = db.Teams.Any(t => t.IsActive);
    }

    [Fact]
    public async Task EveryValidator_RunWithItsMessageFilledIn_NeverQueriesSynchronously()
    {
        var validators = typeof(RecordAccess).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(t))
            .Select(t => (Validator: t, Message: ValidatedType(t)))
            .Where(v => v.Message is { IsAbstract: false, IsInterface: false })
            .ToList();
        Assert.True(validators.Count >= 50, $"Expected the application's validators, found {validators.Count}");

        var offenders = new List<string>();
        foreach (var (validatorType, message) in validators)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var validator = (IValidator)ActivatorUtilities.CreateInstance(scope.ServiceProvider, validatorType);
            foreach (var instance in new[] { Filled(message!, 0), Empty(message!) })
            {
                try
                {
                    using (SynchronousQueryGuard.Enter($"The validator {validatorType.FullName}"))
                    {
                        var context = (IValidationContext)Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(message!), instance)!;
                        await validator.ValidateAsync(context, TestContext.Current.CancellationToken);
                    }
                }
                catch (SynchronousQueryException)
                {
                    offenders.Add(validatorType.FullName!);
                    break;
                }
                catch (Exception ex) when (ex is not SynchronousQueryException)
                {
                    // A made-up message may trip a rule that assumes its page filled something in; only a
                    // synchronous query is this test's business.
                }
            }
        }

        Assert.True(offenders.Count == 0, "Validators that queried the database synchronously: " + string.Join(", ", offenders.Distinct()));
    }

    private static Type? ValidatedType(Type validator)
    {
        for (var type = validator; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        return null;
    }

    private static object Empty(Type type) => type.GetConstructor(Type.EmptyTypes) is { } ctor ? ctor.Invoke(null) : RuntimeHelpers.GetUninitializedObject(type);

    /// <summary>An instance with every settable property given a plausible value: true, 1, today, an id, one item.</summary>
    private static object? Filled(Type type, int depth)
    {
        if (Value(type, depth) is { } simple)
        {
            return simple;
        }

        if (depth > 2 || type.IsAbstract || type.IsInterface || type == typeof(string))
        {
            return null;
        }

        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        object instance;
        try
        {
            instance = ctor is null ? RuntimeHelpers.GetUninitializedObject(type) : ctor.Invoke([.. ctor.GetParameters().Select(p => Value(p.ParameterType, depth + 1) ?? Filled(p.ParameterType, depth + 1))]);
        }
        catch (TargetInvocationException)
        {
            return null;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            try
            {
                property.SetValue(instance, Value(property.PropertyType, depth + 1) ?? Filled(property.PropertyType, depth + 1));
            }
            catch (TargetInvocationException)
            {
                // A property that checks what it is given keeps its default.
            }
        }

        return instance;
    }

    private static object? Value(Type type, int depth)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(Guid))
        {
            return Guid.CreateVersion7();
        }

        if (t == typeof(string))
        {
            return "A";
        }

        if (t == typeof(bool))
        {
            return true;
        }

        if (t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(double))
        {
            return Convert.ChangeType(1, t, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (t == typeof(DateOnly))
        {
            return DateOnly.FromDateTime(AppFactory.Now.UtcDateTime);
        }

        if (t == typeof(DateTime))
        {
            return AppFactory.Now.UtcDateTime;
        }

        if (t == typeof(TimeOnly))
        {
            return new TimeOnly(10, 0);
        }

        if (t.IsEnum)
        {
            var values = Enum.GetValues(t);
            return values.Length > 1 ? values.GetValue(1) : values.Length == 1 ? values.GetValue(0) : null;
        }

        if (t.IsArray)
        {
            var array = Array.CreateInstance(t.GetElementType()!, 1);
            array.SetValue(Value(t.GetElementType()!, depth + 1) ?? Filled(t.GetElementType()!, depth + 1), 0);
            return array;
        }

        if (t.IsGenericType && t.GetGenericArguments().Length == 1 && typeof(IEnumerable).IsAssignableFrom(t))
        {
            var item = t.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
            list.Add(Value(item, depth + 1) ?? Filled(item, depth + 1));
            return t.IsAssignableFrom(list.GetType()) ? list : null;
        }

        return null;
    }
}
